#!/usr/bin/env python3
"""Reads every page of output/ with extruct, a standard structured-data extractor, and checks
that each posting page carries one schema.org JobPosting with every property Google requires
and the recommended ones jobgen writes, whose description is the page's own content; and that
no listing page carries JobPosting data. Prints one line per page; exits 1 on any problem."""

import pathlib
import sys

import extruct

REQUIRED = ["title", "description", "datePosted", "hiringOrganization"]
RECOMMENDED = ["baseSalary", "employmentType", "validThrough", "identifier", "directApply"]
UNITS = {"HOUR", "DAY", "WEEK", "MONTH", "YEAR"}
EMPLOYMENT_TYPES = {"FULL_TIME", "PART_TIME", "CONTRACTOR", "TEMPORARY", "INTERN", "VOLUNTEER", "PER_DIEM", "OTHER"}


def job_postings(html):
    data = extruct.extract(html, syntaxes=["json-ld"], uniform=True)
    return [d for d in data["json-ld"] if d.get("@type") == "JobPosting"]


def problems_of_posting(page):
    postings = job_postings(page)
    if len(postings) != 1:
        return [f"expected one JobPosting, found {len(postings)}"]
    jp = postings[0]
    problems = [f"missing {key}" for key in REQUIRED + RECOMMENDED if key not in jp]
    if not jp.get("hiringOrganization", {}).get("name"):
        problems.append("hiringOrganization has no name")
    if jp.get("jobLocationType") == "TELECOMMUTE":
        if not jp.get("applicantLocationRequirements"):
            problems.append("remote posting without applicantLocationRequirements")
    elif not jp.get("jobLocation", {}).get("address", {}).get("addressCountry"):
        problems.append("jobLocation without address.addressCountry")
    salary = jp.get("baseSalary", {})
    value = salary.get("value", {})
    if salary.get("@type") != "MonetaryAmount" or not salary.get("currency"):
        problems.append("baseSalary is not a MonetaryAmount with a currency")
    if value.get("unitText") not in UNITS:
        problems.append(f"baseSalary unitText {value.get('unitText')!r} is not one of {sorted(UNITS)}")
    if "value" not in value and not ("minValue" in value and "maxValue" in value):
        problems.append("baseSalary has neither value nor minValue/maxValue")
    if jp.get("employmentType") not in EMPLOYMENT_TYPES:
        problems.append(f"employmentType {jp.get('employmentType')!r} is not one of Google's values")
    description = jp.get("description", "")
    if len(description) < 200 or description not in page:
        problems.append("description is not the content shown on the page")
    if jp.get("description", "").strip() == jp.get("title", "").strip():
        problems.append("description is the same as the title")
    return problems


def main(out):
    failed = False
    pages = sorted(out.rglob("*.html"))
    postings = [p for p in pages if p.parent.name == "jobs"]
    if not postings:
        print(f"no posting pages under {out}/jobs", file=sys.stderr)
        return 1
    for path in pages:
        page = path.read_text(encoding="utf-8")
        if path in postings:
            problems = problems_of_posting(page)
        else:
            problems = ["a listing page must not carry JobPosting data"] if job_postings(page) else []
        status = "ok" if not problems else "FAIL: " + "; ".join(problems)
        print(f"{path.relative_to(out)}: {status}")
        failed |= bool(problems)
    print(f"JSON-LD: {len(postings)} posting pages, {len(pages) - len(postings)} other pages checked")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "output")))
