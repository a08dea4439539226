//! Postings: one page per location with schema.org JobPosting JSON-LD, listed on the index and
//! on their role's page while open, gone once expired.

use crate::util::*;
use serde_json::Value;

fn build(dir: &std::path::Path, today: &str) {
    jobgen(dir).args(["--today", today, "build"]).assert().success();
}

/// The JSON-LD of an HTML page.
fn json_ld(page: &str) -> Value {
    let start = page.find("<script type=\"application/ld+json\">").expect("JSON-LD block");
    let rest = &page[start..];
    let body = &rest[rest.find('>').unwrap() + 1..rest.find("</script>").unwrap()];
    serde_json::from_str(body).expect("valid JSON")
}

#[test]
fn each_location_gets_a_page_with_its_own_pay_and_job_posting_data() {
    let dir = project("postings");
    build(dir.path(), "2026-11-22");
    let jobs = dir.path().join("output/jobs");
    let denver = json_ld(&read(&jobs.join("office-manager-2026-denver-co-us.html")));
    let boulder = json_ld(&read(&jobs.join("office-manager-2026-boulder-co-us.html")));
    for ld in [&denver, &boulder] {
        assert_eq!(ld["@type"], "JobPosting");
        for key in [
            "title",
            "description",
            "datePosted",
            "hiringOrganization",
            "jobLocation",
            "baseSalary",
            "employmentType",
            "validThrough",
            "identifier",
            "directApply",
        ] {
            assert!(!ld[key].is_null(), "{key} missing in {ld}");
        }
        assert_eq!(ld["jobLocation"]["address"]["addressCountry"], "US");
        assert_eq!(ld["employmentType"], "FULL_TIME");
        assert_eq!(ld["occupationalCategory"], "11-9111.00");
    }
    assert_eq!(denver["baseSalary"]["value"]["minValue"], 62000.0);
    assert_eq!(boulder["baseSalary"]["value"]["minValue"], 58000.0);
    assert_eq!(boulder["baseSalary"]["value"]["unitText"], "YEAR");
    assert_eq!(denver["jobLocation"]["address"]["streetAddress"], "1 Main St");
}

#[test]
fn the_json_ld_description_is_the_visible_page_body() {
    let dir = project("postings");
    build(dir.path(), "2026-11-22");
    let page = read(&dir.path().join("output/jobs/office-manager-2026-denver-co-us.html"));
    let ld = json_ld(&page);
    let description = ld["description"].as_str().unwrap();
    assert!(description.contains("<h2>What you will do</h2>"));
    assert!(page.contains(description), "the description must match the page");
}

#[test]
fn a_remote_posting_is_telecommute_with_applicant_countries() {
    let dir = project("postings");
    build(dir.path(), "2026-11-22");
    let page = read(&dir.path().join("output/jobs/front-desk-remote-remote.html"));
    let ld = json_ld(&page);
    assert_eq!(ld["jobLocationType"], "TELECOMMUTE");
    assert_eq!(ld["applicantLocationRequirements"][0]["name"], "US");
    assert!(ld["jobLocation"].is_null());
    assert_eq!(ld["baseSalary"]["value"]["value"], 22.0);
    assert_eq!(ld["employmentType"], "PART_TIME");
    assert_eq!(ld["directApply"], false);
    assert_eq!(ld["applicantLocationRequirements"][1]["name"], "TX");
    assert!(page.contains("Remote (US: TX, OK)"));
}

#[test]
fn open_postings_are_listed_and_expired_ones_disappear_everywhere() {
    let dir = project("postings");
    build(dir.path(), "2026-10-15");
    let out = dir.path().join("output");
    assert!(out.join("jobs/front-desk-old-denver-co-us.html").exists());
    assert!(!out.join("jobs/front-desk-remote-remote.html").exists(), "not posted yet");
    assert!(
        read(&out.join("roles/front-desk.html")).contains("jobs/front-desk-old-denver-co-us.html")
    );

    build(dir.path(), "2026-11-22");
    assert!(!out.join("jobs/front-desk-old-denver-co-us.html").exists());
    assert!(!out.join("jobs/front-desk-old-denver-co-us.md").exists());
    for (path, bytes) in tree(&out) {
        let text = String::from_utf8(bytes).unwrap();
        assert!(!text.contains("front-desk-old"), "{path} still names the expired posting");
    }
    let index = read(&out.join("index.md"));
    assert!(
        index.contains("[Remote Scheduling Coordinator](jobs/front-desk-remote-remote.md)"),
        "{index}"
    );
    jobgen(dir.path()).args(["--today", "2026-11-22", "build", "--check"]).assert().success();
    jobgen(dir.path()).args(["--today", "2027-01-05", "build", "--check"]).assert().code(1);
}

#[test]
fn the_build_date_never_appears_in_the_output() {
    let a = project("postings");
    let b = project("postings");
    build(a.path(), "2026-11-20");
    build(b.path(), "2026-11-25");
    assert_eq!(tree(&a.path().join("output")), tree(&b.path().join("output")));
}

#[test]
fn source_date_epoch_sets_the_build_date() {
    let dir = project("postings");
    // 2026-10-15 00:00 UTC
    jobgen(dir.path()).env("SOURCE_DATE_EPOCH", "1792022400").arg("build").assert().success();
    assert!(dir.path().join("output/jobs/front-desk-old-denver-co-us.html").exists());
}

#[test]
fn posting_pages_match_their_snapshots() {
    let dir = project("postings");
    build(dir.path(), "2026-11-22");
    let out = dir.path().join("output");
    for page in [
        "jobs/office-manager-2026-boulder-co-us.md",
        "jobs/office-manager-2026-boulder-co-us.html",
        "index.md",
    ] {
        insta::assert_snapshot!(
            format!("postings__{}", page.replace('/', "__")),
            read(&out.join(page))
        );
    }
}

#[test]
fn raw_html_in_a_posting_is_warned_about_and_shown_as_text() {
    let dir = project("postings");
    let file = dir.path().join("postings/front-desk-remote.yaml");
    std::fs::write(
        &file,
        read(&file).replace("[Flexible hours]", "[\"<script>x()</script> hours\"]"),
    )
    .unwrap();
    let output = jobgen(dir.path()).args(["--today", "2026-11-22", "build"]).output().unwrap();
    assert!(output.status.success());
    assert!(stderr(&output).contains("warning[W001]"), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("--> postings/front-desk-remote.yaml:8:"),
        "{}",
        stderr(&output)
    );
    let page = read(&dir.path().join("output/jobs/front-desk-remote-remote.html"));
    assert!(page.contains("&lt;script&gt;x()&lt;/script&gt; hours") && !page.contains("<script>x"));
}

#[test]
fn postings_without_an_organization_name_are_an_error() {
    let dir = project("postings");
    std::fs::remove_file(dir.path().join("jobgen.yaml")).unwrap();
    jobgen(dir.path()).args(["--today", "2026-11-22", "build"]).assert().code(1).stderr(
        predicates::str::contains("error[E024]: postings need the hiring organization's name"),
    );
    assert!(!dir.path().join("output").exists());
}

#[test]
fn render_prints_a_posting_as_page_plain_text_or_json_ld() {
    let dir = project("postings");
    build(dir.path(), "2026-11-22");
    let id = "office-manager-2026-denver-co-us";
    let render = |format: &str| {
        let output = jobgen(dir.path())
            .args(["--today", "2026-11-22", "render", id, "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", stderr(&output));
        String::from_utf8(output.stdout).unwrap()
    };
    assert_eq!(render("html"), read(&dir.path().join(format!("output/jobs/{id}.html"))));
    assert_eq!(render("md"), read(&dir.path().join(format!("output/jobs/{id}.md"))));
    let txt = render("txt");
    assert!(txt.starts_with("Office Manager\n\n- Employer: Example Clinic\n"), "{txt}");
    assert!(!txt.contains("**") && !txt.contains('<') && !txt.contains("##"), "{txt}");
    assert!(txt.contains("- Hire and train staff\n"), "{txt}");
    let ld: Value = serde_json::from_str(&render("json")).unwrap();
    let page = json_ld(&read(&dir.path().join(format!("output/jobs/{id}.html"))));
    assert_eq!(ld, page, "the JSON-LD printed is the page's");
}

#[test]
fn render_asks_which_location_when_a_posting_has_several() {
    let dir = project("postings");
    jobgen(dir.path()).args(["render", "office-manager-2026"]).assert().code(2).stderr(
        predicates::str::contains("has 2 locations; name one: office-manager-2026-denver-co-us"),
    );
    jobgen(dir.path())
        .args(["render", "office-manager", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("JSON-LD exists for postings only"));
}

#[test]
fn feeds_list_every_open_opening_and_are_well_formed_xml() {
    let dir = project("postings");
    // A title that tries to end a CDATA section and the XML around it.
    let file = dir.path().join("postings/front-desk-remote.yaml");
    std::fs::write(
        &file,
        read(&file).replace(
            "title: Remote Scheduling Coordinator",
            "title: \"Coordinator ]]></title><x> & <b>\"",
        ),
    )
    .unwrap();
    build(dir.path(), "2026-11-22");
    let out = dir.path().join("output");

    let atom = read(&out.join("feed.xml"));
    let doc = roxmltree::Document::parse(&atom).expect("feed.xml is well-formed");
    let entries: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("entry")).collect();
    assert_eq!(entries.len(), 3);
    let ids: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("id") && n.parent().is_some_and(|p| p.has_tag_name("entry")))
        .map(|n| n.text().unwrap())
        .collect();
    assert!(
        ids.contains(&"https://careers.example.org/jobs/office-manager-2026-denver-co-us.html"),
        "{ids:?}"
    );

    let indeed = read(&out.join("feeds/indeed.xml"));
    let doc = roxmltree::Document::parse(&indeed).expect("indeed.xml is well-formed");
    let jobs: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("job")).collect();
    assert_eq!(jobs.len(), 3);
    let text = |job: &roxmltree::Node, tag: &str| {
        job.children().find(|n| n.has_tag_name(tag)).and_then(|n| n.text()).map(str::to_owned)
    };
    let remote = jobs
        .iter()
        .find(|j| text(j, "referencenumber").as_deref() == Some("front-desk-remote-remote"))
        .unwrap();
    assert_eq!(text(remote, "title").unwrap(), "Coordinator ]]></title><x> & <b>");
    assert_eq!(text(remote, "jobtype").unwrap(), "parttime");
    let boulder = jobs.iter().find(|j| text(j, "city").as_deref() == Some("Boulder")).unwrap();
    assert_eq!(text(boulder, "salary").unwrap(), "$58,000 – $66,000 per year");
    assert!(text(boulder, "description").unwrap().contains("<h2>What you will do</h2>"));

    // Once a posting closes it leaves both feeds.
    build(dir.path(), "2027-01-05");
    assert_eq!(read(&out.join("feeds/indeed.xml")).matches("<job>").count(), 1);
    assert_eq!(read(&out.join("feed.xml")).matches("<entry>").count(), 1);
}
