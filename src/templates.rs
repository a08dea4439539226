//! Render stage, templates: the built-in Tera 2 templates compiled into the binary, and the
//! project's own `templates/` files, which replace a built-in of the same name.
//!
//! Two Tera instances keep escaping right by construction: HTML templates escape values for
//! HTML, Markdown templates escape values for Markdown. Values that are already safe (rendered
//! Markdown fields) are marked `| safe` in the templates.

use crate::error::{Error, Result};
use std::collections::BTreeMap;
use std::path::Path;
use tera::{Context, Tera};

/// The built-in templates, by name. `jobgen init --templates` will write these out.
pub const BUILTIN: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    ("components.html", include_str!("../templates/components.html")),
    ("feed.xml", include_str!("../templates/feed.xml")),
    ("indeed.xml", include_str!("../templates/indeed.xml")),
    ("index.html", include_str!("../templates/index.html")),
    ("index.md", include_str!("../templates/index.md")),
    ("posting.html", include_str!("../templates/posting.html")),
    ("posting.md", include_str!("../templates/posting.md")),
    ("posting-description.html", include_str!("../templates/posting-description.html")),
    ("posting-description.md", include_str!("../templates/posting-description.md")),
    ("role.html", include_str!("../templates/role.html")),
    ("role.md", include_str!("../templates/role.md")),
    ("style.css", include_str!("../templates/style.css")),
];

pub struct Templates {
    html: Tera,
    md: Tera,
    /// The stylesheet is copied, not rendered.
    pub style_css: String,
}

impl Templates {
    /// Built-ins overridden by the files of `<root>/templates/` (I/O).
    pub fn load(root: &Path) -> Result<Templates> {
        let mut sources: BTreeMap<String, String> =
            BUILTIN.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect();
        let dir = root.join("templates");
        if dir.is_dir() {
            for entry in walkdir::WalkDir::new(&dir).min_depth(1).sort_by_file_name() {
                let entry = entry.map_err(std::io::Error::from)?;
                if !entry.file_type().is_file() {
                    continue;
                }
                let name = entry
                    .path()
                    .strip_prefix(&dir)
                    .expect("walkdir yields paths under its root")
                    .to_string_lossy()
                    .replace('\\', "/");
                sources.insert(name, fs_err::read_to_string(entry.path())?);
            }
        }
        Templates::from_sources(sources)
    }

    /// Only the built-ins.
    pub fn builtin() -> Result<Templates> {
        Templates::from_sources(
            BUILTIN.iter().map(|(n, t)| (n.to_string(), t.to_string())).collect(),
        )
    }

    fn from_sources(mut sources: BTreeMap<String, String>) -> Result<Templates> {
        let style_css = sources.remove("style.css").unwrap_or_default();
        let mut html = Tera::new();
        let mut md = Tera::new();
        md.autoescape_on([".md"]);
        md.set_escape_fn(escape_markdown);
        let (md_sources, html_sources): (Vec<_>, Vec<_>) =
            sources.into_iter().partition(|(name, _)| name.ends_with(".md"));
        html.add_raw_templates(html_sources)?;
        md.add_raw_templates(md_sources)?;
        Ok(Templates { html, md, style_css })
    }

    /// Renders `name` (`.md` templates with Markdown escaping, others with HTML escaping).
    pub fn render(&self, name: &str, context: &Context) -> Result<String> {
        let tera = if name.ends_with(".md") { &self.md } else { &self.html };
        tera.render(name, context)
            .map_err(|e| Error::Template(format!("{name}: {}", crate::error::report(&e))))
    }
}

/// Escapes characters Markdown reads as markup, so a plain value shows as itself.
fn escape_markdown(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut buf = [0u8; 4];
    for c in input.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '|' | '~') {
            out.write_all(b"\\")?;
        }
        out.write_all(c.encode_utf8(&mut buf).as_bytes())?;
    }
    Ok(())
}
