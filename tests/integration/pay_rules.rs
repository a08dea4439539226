//! Pay-transparency rules, case by case: a posting under a law in force on the build date
//! fails when it lacks what the law requires, naming the law; the same posting with it passes.

use crate::util::*;

/// A project with the `postings` fixture's roles and settings and one posting, `p.yaml`.
fn project_with_posting(settings: &str, posting: &str) -> tempfile::TempDir {
    let dir = project("postings");
    std::fs::remove_dir_all(dir.path().join("postings")).unwrap();
    std::fs::create_dir(dir.path().join("postings")).unwrap();
    std::fs::write(dir.path().join("jobgen.yaml"), settings).unwrap();
    std::fs::write(dir.path().join("postings/p.yaml"), posting).unwrap();
    dir
}

const SETTINGS: &str = "organization: { name: Example Clinic, employees: 40 }\n";
const SETTINGS_WITH_BENEFITS: &str =
    "organization: { name: Example Clinic, employees: 40 }\nbenefits: [Health insurance]\n";

fn posting(place: &str, extra: &str) -> String {
    format!(
        "role: front-desk\ndate_posted: 2026-11-02\nvalid_through: 2026-12-31\n{place}\n{extra}"
    )
}

fn check(dir: &std::path::Path, today: &str) -> (i32, String) {
    let output = jobgen(dir).args(["--today", today, "check"]).output().unwrap();
    (output.status.code().unwrap(), stderr(&output))
}

const RANGE: &str = "pay: { currency: USD, period: hour, min: 20, max: 24 }\n";
const AMOUNT: &str = "pay: { currency: USD, period: hour, amount: 22 }\n";
const DENVER: &str = "locations: [{ city: Denver, region: CO, country: US }]";

#[test]
fn colorado_needs_pay_and_benefits() {
    let dir = project_with_posting(SETTINGS, &posting(DENVER, ""));
    let (code, report) = check(dir.path(), "2026-11-22");
    assert_eq!(code, 1, "{report}");
    assert!(report.contains("error[E030]: Colorado Equal Pay for Equal Work Act (SB19-085) requires a pay range and a description of the benefits"), "{report}");
    assert!(report.contains("--> postings/p.yaml:4:13"), "{report}");
    assert!(report.contains("Source: C.R.S. 8-5-201"), "{report}");

    let dir = project_with_posting(SETTINGS_WITH_BENEFITS, &posting(DENVER, RANGE));
    let (code, report) = check(dir.path(), "2026-11-22");
    assert_eq!(code, 0, "{report}");
}

#[test]
fn colorado_needs_the_closing_date_since_2024() {
    let open_ended = format!("role: front-desk\ndate_posted: 2023-06-01\n{DENVER}\n{RANGE}");
    let dir = project_with_posting(SETTINGS_WITH_BENEFITS, &open_ended);
    assert_eq!(check(dir.path(), "2023-12-31").0, 0, "before SB23-105 took effect");
    let (code, report) = check(dir.path(), "2024-01-01");
    assert_eq!(code, 1);
    assert!(report.contains("SB23-105 requires the date applications close"), "{report}");
}

#[test]
fn california_needs_a_range_not_a_single_amount() {
    let la = "locations: [{ city: Los Angeles, region: CA, country: US }]";
    let dir = project_with_posting(SETTINGS, &posting(la, AMOUNT));
    let (code, report) = check(dir.path(), "2026-11-22");
    assert_eq!(code, 1);
    assert!(report.contains("California Labor Code §432.3 (SB 1162) requires a pay range with a minimum and a maximum"), "{report}");
    let dir = project_with_posting(SETTINGS, &posting(la, RANGE));
    assert_eq!(check(dir.path(), "2026-11-22").0, 0);
}

#[test]
fn a_fully_remote_us_posting_falls_under_states_that_cover_remote_work() {
    let remote = "remote: { countries: [US] }";
    let dir = project_with_posting(SETTINGS, &posting(remote, ""));
    let (code, report) = check(dir.path(), "2026-11-22");
    assert_eq!(code, 1);
    for law in ["Colorado", "California", "Washington", "Maryland"] {
        assert!(report.contains(law), "{law} missing:\n{report}");
    }
    assert!(
        !report.contains("New York Labor Law"),
        "remote coverage unknown: not checked\n{report}"
    );
    // Remote but limited to states without a posting law.
    let dir =
        project_with_posting(SETTINGS, &posting("remote: { countries: [US], regions: [TX] }", ""));
    assert_eq!(check(dir.path(), "2026-11-22").0, 0);
    let dir = project_with_posting(SETTINGS_WITH_BENEFITS, &posting(remote, RANGE));
    assert_eq!(check(dir.path(), "2026-11-22").0, 0);
}

#[test]
fn city_laws_apply_in_their_city_only() {
    let nyc = "locations: [{ city: New York, region: NY, country: US }]";
    let (code, report) =
        check(project_with_posting(SETTINGS, &posting(nyc, AMOUNT)).path(), "2026-11-22");
    assert_eq!(code, 1);
    assert!(report.contains("New York City Human Rights Law"), "{report}");
    let buffalo = "locations: [{ city: Buffalo, region: NY, country: US }]";
    let (_, report) =
        check(project_with_posting(SETTINGS, &posting(buffalo, AMOUNT)).path(), "2026-11-22");
    assert!(!report.contains("New York City"), "{report}");
    assert!(report.contains("New York Labor Law §194-b"), "{report}");
}

#[test]
fn small_employers_and_laws_not_yet_in_force_are_not_held_to_them() {
    let hawaii = "locations: [{ city: Honolulu, region: HI, country: US }]";
    let dir = project_with_posting(SETTINGS, &posting(hawaii, ""));
    assert_eq!(check(dir.path(), "2026-11-22").0, 0, "Hawaii: 50 employees or more");
    let big = "organization: { name: Example Clinic, employees: 500 }\n";
    assert_eq!(check(project_with_posting(big, &posting(hawaii, "")).path(), "2026-11-22").0, 1);
    let unknown_size = "organization: { name: Example Clinic }\n";
    assert_eq!(
        check(project_with_posting(unknown_size, &posting(hawaii, "")).path(), "2026-11-22").0,
        1,
        "without a size, the law is assumed to apply"
    );

    let delaware = "locations: [{ city: Wilmington, region: DE, country: US }]";
    let dir = project_with_posting(SETTINGS, &posting(delaware, ""));
    assert_eq!(check(dir.path(), "2026-11-22").0, 0, "Delaware's law starts 2027-09-26");
}

#[test]
fn the_eu_directive_is_a_warning_because_pay_may_be_given_before_the_interview() {
    let berlin = "locations: [{ city: Berlin, country: DE }]";
    let dir = project_with_posting(SETTINGS, &posting(berlin, ""));
    let (code, report) = check(dir.path(), "2026-11-22");
    assert_eq!(code, 0, "{report}");
    assert!(
        report.contains("warning[W030]: EU Pay Transparency Directive (EU) 2023/970"),
        "{report}"
    );
    let (_, report) = check(dir.path(), "2026-06-06");
    assert!(!report.contains("W030"), "not in force before its transposition date\n{report}");
}
