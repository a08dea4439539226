//! Safe by construction: HTML or script written into a role file never reaches a page as markup.

use crate::util::*;

const HOSTILE: &str = r#"title: "<img src=x onerror=alert(b)> Manager"
aliases: ['"><script>alert("alias")</script>']
family: "<b>Family</b> & co"
summary: |
  Hello <script>alert("summary")</script> and [click](javascript:alert(b))
  and [data](data:text/html,hello) <iframe src="https://evil.example"></iframe>
duties:
  - group: "<script>alert('group')</script>"
    items:
      - "<a href=\"javascript:alert(c)\">link</a> <svg onload=alert(d)>"
skills:
  - "![x](javascript:alert(e)) **bold**"
faq:
  - question: "Why <script>?"
    answer: "Because </script><script>alert(f)</script>"
sources:
  - id: src
    title: "</title><script>alert(g)</script>"
    url: "https://example.org/?q=ok"
    note: "<style>body{display:none}</style>"
occupation: { system: "<s>", code: "x\" onmouseover=\"alert(i)", source: src }
"#;

#[test]
fn injected_markup_never_reaches_a_page_unescaped() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    std::fs::write(dir.path().join("roles/hostile.yaml"), HOSTILE).unwrap();

    let output = jobgen(dir.path()).arg("build").output().unwrap();
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("W001"), "raw HTML is warned about");
    assert!(stderr(&output).contains("W002"), "unsafe links are warned about");

    for (path, bytes) in tree(&dir.path().join("output")) {
        let page = String::from_utf8(bytes).unwrap().to_lowercase();
        if path.ends_with(".html") {
            for tag in tags(&page) {
                let name = tag.split_whitespace().next().unwrap_or("").trim_start_matches('/');
                assert!(ALLOWED_TAGS.contains(&name), "{path}: unexpected tag <{tag}>");
                assert!(!has_event_handler(tag), "{path}: event handler in <{tag}>");
                assert!(!tag.contains("javascript:") && !tag.contains("data:"), "{path}: <{tag}>");
            }
        }
        if path.ends_with(".md") {
            // Markdown shows `\<` as a literal `<`; an unescaped `<` could start raw HTML.
            let unescaped = page.match_indices('<').filter(|(i, _)| !page[..*i].ends_with('\\'));
            assert_eq!(unescaped.count(), 0, "{path} has an unescaped `<`:\n{page}");
            assert!(!page.contains("](javascript:") && !page.contains("](data:"), "{path}");
        }
    }
    let html = read(&dir.path().join("output/roles/hostile.html"));
    assert!(
        html.contains("&lt;script&gt;alert(&quot;summary&quot;)&lt;/script&gt;")
            || html.contains("&lt;script&gt;alert(\"summary\")&lt;/script&gt;"),
        "shown as text"
    );
}

#[test]
fn ids_cannot_name_paths_outside_output() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("roles")).unwrap();
    // Hidden files (editor backups, `..yaml`) are not role files and are skipped.
    for name in ["a.b.yaml", "UP.yaml", "with space.yaml", "x..y.yaml", "..yaml"] {
        std::fs::write(dir.path().join("roles").join(name), "title: X\n").unwrap();
    }
    let output = jobgen(dir.path()).arg("build").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output).matches("E010").count(), 4, "{}", stderr(&output));
    assert!(!dir.path().join("output").exists());
}

/// Tags the built-in templates and the Markdown policy may produce.
const ALLOWED_TAGS: &[&str] = &[
    "!doctype", "html", "head", "meta", "title", "link", "body", "a", "header", "main", "footer",
    "p", "nav", "span", "article", "h1", "h2", "h3", "h4", "dl", "dt", "dd", "section", "ul", "ol",
    "li", "sup", "em", "strong", "code", "cite", "br", "del",
];

/// The inside of every `<…>` in `page`.
fn tags(page: &str) -> Vec<&str> {
    page.split('<').skip(1).map(|rest| rest.split('>').next().unwrap_or(rest)).collect()
}

fn has_event_handler(tag: &str) -> bool {
    tag.split_whitespace().skip(1).any(|attr| attr.starts_with("on") && attr.contains('='))
}
