//! `jobgen build`: determinism, minimal rewrites, `--check`, and what happens to files in
//! `output/` that jobgen did or did not generate.

use crate::util::*;

#[test]
fn build_is_byte_identical_across_runs_timezones_and_locales() {
    let a = project("basic");
    let b = project("basic");
    jobgen(a.path()).arg("build").env("TZ", "UTC").env("LC_ALL", "C").assert().success();
    jobgen(b.path())
        .arg("build")
        .env("TZ", "Pacific/Kiritimati")
        .env("LC_ALL", "de_DE.UTF-8")
        .env("LANG", "tr_TR.UTF-8")
        .assert()
        .success();
    let (ta, tb) = (tree(&a.path().join("output")), tree(&b.path().join("output")));
    assert!(!ta.is_empty());
    assert_eq!(ta, tb);
}

#[test]
fn build_writes_the_expected_files() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success().stderr(predicates::str::contains(
        "built 2 roles into output/: 8 written, 0 removed, 0 unchanged",
    ));
    let files: Vec<String> = tree(&dir.path().join("output")).into_keys().collect();
    assert_eq!(
        files,
        [
            ".jobgen-manifest",
            "index.html",
            "index.md",
            "roles/front-desk.html",
            "roles/front-desk.md",
            "roles/office-manager.html",
            "roles/office-manager.md",
            "style.css",
        ]
    );
}

#[test]
fn a_second_build_rewrites_nothing() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    let before = mtimes(&dir.path().join("output"));
    std::thread::sleep(std::time::Duration::from_millis(20));
    jobgen(dir.path())
        .arg("build")
        .assert()
        .success()
        .stderr(predicates::str::contains("0 written, 0 removed, 8 unchanged"));
    assert_eq!(before, mtimes(&dir.path().join("output")));
}

#[test]
fn editing_one_role_rewrites_only_its_pages() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    let before = tree(&dir.path().join("output"));
    let role = dir.path().join("roles/front-desk.yaml");
    std::fs::write(&role, read(&role).replace("Greet patients\n", "Greet patients warmly\n"))
        .unwrap();
    jobgen(dir.path()).arg("build").assert().success();
    let after = tree(&dir.path().join("output"));
    let changed: Vec<&String> = after.keys().filter(|k| before.get(*k) != after.get(*k)).collect();
    assert_eq!(changed, ["roles/front-desk.html", "roles/front-desk.md"]);
}

#[test]
fn build_check_names_stale_files_and_writes_nothing() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    jobgen(dir.path()).args(["build", "--check"]).assert().success();

    let role = dir.path().join("roles/front-desk.yaml");
    std::fs::write(&role, read(&role).replace("Front Desk Coordinator", "Front Desk Lead"))
        .unwrap();
    let before = tree(&dir.path().join("output"));
    jobgen(dir.path())
        .args(["build", "--check"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("would write output/roles/front-desk.html"))
        .stderr(predicates::str::contains("would write output/index.html"))
        .stderr(predicates::str::contains("output/ is stale"));
    assert_eq!(before, tree(&dir.path().join("output")));
}

#[test]
fn removed_roles_lose_their_pages_but_other_files_stay() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    let out = dir.path().join("output");
    std::fs::write(out.join("CNAME"), "careers.example.org\n").unwrap();
    std::fs::write(out.join("roles/notes.txt"), "kept\n").unwrap();
    std::fs::remove_file(dir.path().join("roles/front-desk.yaml")).unwrap();
    // The other role links to it; drop the link so the project is valid again.
    let om = dir.path().join("roles/office-manager.yaml");
    std::fs::write(&om, read(&om).replace("related: [front-desk]\n", "")).unwrap();

    jobgen(dir.path())
        .args(["build", "--check"])
        .assert()
        .code(1)
        .stderr(predicates::str::contains("would remove output/roles/front-desk.html"));
    jobgen(dir.path()).arg("build").assert().success();
    assert!(!out.join("roles/front-desk.html").exists());
    assert!(!out.join("roles/front-desk.md").exists());
    assert_eq!(read(&out.join("CNAME")), "careers.example.org\n");
    assert_eq!(read(&out.join("roles/notes.txt")), "kept\n");
}

#[test]
fn a_failed_build_leaves_output_untouched() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    let out = dir.path().join("output");
    let (bytes, times) = (tree(&out), mtimes(&out));

    let role = dir.path().join("roles/front-desk.yaml");
    std::fs::write(&role, read(&role).replace("Greet patients\n", "Greet patients\ndutys: x\n"))
        .unwrap();
    std::fs::write(dir.path().join("roles/new-role.yaml"), "title: New\n").unwrap();
    jobgen(dir.path()).arg("build").assert().code(1);
    assert_eq!(bytes, tree(&out));
    assert_eq!(times, mtimes(&out));
}

#[test]
fn a_tampered_manifest_cannot_delete_files_outside_output() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    let manifest = dir.path().join("output/.jobgen-manifest");
    let mut text = read(&manifest);
    text.push_str("../roles/front-desk.yaml\n/etc/hostname\n");
    std::fs::write(&manifest, text).unwrap();
    jobgen(dir.path()).arg("build").assert().success();
    assert!(dir.path().join("roles/front-desk.yaml").exists());
}

/// The committed `output/` is built on the day of its commit: which postings are open depends
/// on the build date, so the check uses the date of the last commit.
#[test]
fn the_committed_output_of_the_shipped_roles_is_up_to_date() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let commit_time = std::process::Command::new("git")
        .args(["log", "-1", "--format=%ct"])
        .current_dir(root)
        .output()
        .expect("git is needed to read the date of the last commit");
    let epoch = String::from_utf8(commit_time.stdout).unwrap();
    let output = jobgen(root)
        .env("SOURCE_DATE_EPOCH", epoch.trim())
        .args(["build", "--check"])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "run `cargo run -- build` and commit output/:\n{}",
        stderr(&output)
    );
}

#[test]
fn the_site_title_comes_from_jobgen_yaml() {
    let dir = project("basic");
    std::fs::write(dir.path().join("jobgen.yaml"), "site:\n  title: Careers at Example Clinic\n")
        .unwrap();
    jobgen(dir.path()).arg("build").assert().success();
    let index = read(&dir.path().join("output/index.md"));
    assert!(index.starts_with("# Careers at Example Clinic\n"), "{index}");
    let page = read(&dir.path().join("output/roles/front-desk.html"));
    assert!(page.contains(
        "<title>Front Desk Coordinator — job description — Careers at Example Clinic</title>"
    ));
}
