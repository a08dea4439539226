//! `jobgen render`: one role to stdout, the same bytes `build` writes.

use crate::util::*;

#[test]
fn render_prints_the_page_build_writes() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    for (format, ext) in [("md", "md"), ("html", "html")] {
        let output = jobgen(dir.path())
            .args(["render", "office-manager", "--format", format])
            .output()
            .unwrap();
        assert!(output.status.success());
        let written = std::fs::read(dir.path().join(format!("output/roles/office-manager.{ext}")));
        assert_eq!(output.stdout, written.unwrap(), "{format}");
    }
}

#[test]
fn render_of_an_unknown_role_suggests_the_closest() {
    let dir = project("basic");
    jobgen(dir.path())
        .args(["render", "office-manger"])
        .assert()
        .code(2)
        .stderr(predicates::str::contains("did you mean `office-manager`?"));
}

#[test]
fn rendered_pages_match_their_snapshots() {
    let dir = project("basic");
    jobgen(dir.path()).arg("build").assert().success();
    let out = dir.path().join("output");
    for page in [
        "index.md",
        "index.html",
        "roles/office-manager.md",
        "roles/office-manager.html",
        "roles/front-desk.md",
        "roles/front-desk.html",
    ] {
        let name = page.replace('/', "__");
        insta::assert_snapshot!(name, read(&out.join(page)));
    }
}

#[test]
fn a_project_template_overrides_the_built_in_one() {
    let dir = project("basic");
    std::fs::create_dir(dir.path().join("templates")).unwrap();
    std::fs::write(dir.path().join("templates/role.md"), "Custom: {{ role.title }}\n").unwrap();
    jobgen(dir.path()).arg("build").assert().success();
    assert_eq!(
        read(&dir.path().join("output/roles/front-desk.md")),
        "Custom: Front Desk Coordinator\n"
    );
    // The HTML page still uses the built-in template.
    assert!(
        read(&dir.path().join("output/roles/front-desk.html"))
            .contains("<h1>Front Desk Coordinator</h1>")
    );
}
