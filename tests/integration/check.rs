//! `jobgen check` and `build` on invalid input: one fixture file per case, each with a snapshot
//! of its diagnostic. Every case must exit 1, name file:line:column, and write nothing.

use crate::util::*;

#[test]
fn every_invalid_fixture_is_reported_precisely_and_writes_nothing() {
    insta::glob!("../fixtures/invalid", "*.yaml", |path| {
        let dir = project_with_role(path);
        let name = path.file_name().unwrap().to_string_lossy().into_owned();

        let check = jobgen(dir.path()).arg("check").output().unwrap();
        assert_eq!(check.status.code(), Some(1), "{name}: check must exit 1");
        let report = stderr(&check);
        assert!(report.contains(&format!("roles/{name}")), "{name}: names the file\n{report}");
        assert!(!report.contains("panicked"), "{name}: no panic\n{report}");
        insta::assert_snapshot!(report);

        let build = jobgen(dir.path()).arg("build").output().unwrap();
        assert_eq!(build.status.code(), Some(1), "{name}: build must exit 1");
        assert!(stderr(&build).contains("nothing was written"));
        assert!(!dir.path().join("output").exists(), "{name}: a failed build writes nothing");
    });
}

#[test]
fn diagnostics_carry_line_and_column() {
    let dir = project_with_role(&fixtures().join("invalid/unknown-field.yaml"));
    jobgen(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--> roles/unknown-field.yaml:2:1"))
        .stderr(predicates::str::contains("did you mean `duties`?"));
}

#[test]
fn all_problems_of_all_files_are_reported_in_one_run() {
    let dir = tempfile::tempdir().unwrap();
    let roles = dir.path().join("roles");
    std::fs::create_dir(&roles).unwrap();
    for name in ["unknown-field.yaml", "several-problems.yaml", "bad-enum-value.yaml"] {
        std::fs::copy(fixtures().join("invalid").join(name), roles.join(name)).unwrap();
    }
    let output = jobgen(dir.path()).arg("check").output().unwrap();
    let report = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    for code in ["E002", "E006", "E011", "E012", "E013"] {
        assert!(report.contains(code), "{code} missing from\n{report}");
    }
    assert!(report.ends_with("5 errors and 1 warning in 3 files\n"), "{report}");
}

#[test]
fn a_clean_project_checks_with_exit_0() {
    let dir = project("basic");
    jobgen(dir.path())
        .arg("check")
        .assert()
        .success()
        .stderr(predicates::str::contains("checked 2 roles: no errors"));
    assert!(!dir.path().join("output").exists(), "check writes nothing");
}

#[test]
fn the_shipped_roles_check_clean_without_warnings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let output = jobgen(root).arg("check").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(!stderr(&output).contains("warning"), "{}", stderr(&output));
}

#[test]
fn a_broken_template_is_a_fatal_error_naming_the_template() {
    let dir = project("basic");
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/role.md"), "# {{ role.title }\n").unwrap();
    let output = jobgen(dir.path()).arg("build").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("role.md"), "{}", stderr(&output));
    assert!(!dir.path().join("output").exists());
}

#[test]
fn pathological_input_gives_an_error_not_a_panic() {
    let deep = format!("title: x\naliases: {}{}\n", "[".repeat(10_000), "]".repeat(10_000));
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("deep-nesting.yaml", deep.into_bytes()),
        ("bom.yaml", b"\xEF\xBB\xBFtitle: [\n".to_vec()),
        ("tabs.yaml", b"title:\tx\n\tfamily: y\n".to_vec()),
        (
            "huge-number.yaml",
            b"title: x\nexperience: {minimum_years: 1e999999, source: s}\n".to_vec(),
        ),
        ("list-root.yaml", b"- title: x\n".to_vec()),
        ("two-documents.yaml", b"title: x\n---\ntitle: y\n".to_vec()),
        ("nul.yaml", b"title: \0\n".to_vec()),
        ("tagged.yaml", b"title: !custom x\nduties: !!map {a: b}\n".to_vec()),
    ];
    for (name, bytes) in cases {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("roles")).unwrap();
        std::fs::write(dir.path().join("roles").join(name), bytes).unwrap();
        let output = jobgen(dir.path()).arg("check").output().unwrap();
        let report = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{name}:\n{report}");
        assert!(report.contains(&format!("roles/{name}")), "{name}:\n{report}");
    }
}

#[test]
fn a_broken_file_is_reported_once_not_again_by_each_role_linking_to_it() {
    let dir = project("basic");
    std::fs::write(dir.path().join("roles/front-desk.yaml"), "title: [\n").unwrap();
    let output = jobgen(dir.path()).arg("check").output().unwrap();
    let report = stderr(&output);
    assert_eq!(output.status.code(), Some(1));
    assert!(report.contains("roles/front-desk.yaml"), "{report}");
    assert!(
        !report.contains("E012"),
        "office-manager's link to front-desk is not an error:\n{report}"
    );
}

#[test]
fn settings_errors_name_jobgen_yaml_and_suggest_the_key() {
    let dir = project("basic");
    std::fs::write(dir.path().join("jobgen.yaml"), "sitee:\n  title: Careers\n").unwrap();
    jobgen(dir.path())
        .arg("build")
        .assert()
        .code(1)
        .stderr(predicates::str::contains("--> jobgen.yaml:1:1"))
        .stderr(predicates::str::contains("did you mean `site`?"));
    assert!(!dir.path().join("output").exists());
}

#[test]
fn posting_files_are_checked_with_every_problem_reported() {
    let dir = project("basic");
    std::fs::create_dir(dir.path().join("postings")).unwrap();
    std::fs::write(
        dir.path().join("postings/denver.yaml"),
        "role: office-manger\ndate_posted: 2026-02-30\nvalid_through: 2026-01-01\n\
         pay: { currency: usd, period: year, min: 1, max: 2 }\napply: { url: \"javascript:alert(1)\" }\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("postings/good.yaml"),
        "role: front-desk\ndate_posted: 2026-11-02\nvalid_through: 2026-12-31\n\
         locations: [{ city: Denver, region: CO, country: US }]\n\
         pay: { currency: USD, period: hour, min: 21, max: 25 }\n\
         apply: { url: \"https://example.org/apply\" }\nbenefits: [Health insurance]\n",
    )
    .unwrap();
    let output = jobgen(dir.path()).args(["--today", "2026-11-22", "check"]).output().unwrap();
    let report = stderr(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    for expected in [
        "unknown role `office-manger`",
        "did you mean `office-manager`?",
        "`2026-02-30` is not a date",
        "ISO 4217",
        "at least one location or `remote:`",
        "a URL must start with `https://` or `http://` (field `apply.url`)",
        "--> postings/denver.yaml:1:7",
    ] {
        assert!(report.contains(expected), "missing {expected:?} in\n{report}");
    }
    assert!(!report.contains("postings/good.yaml"), "{report}");
}
