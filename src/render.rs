//! Render stage: the catalog → every output file, in memory. Pure: no file is touched here.

use crate::error::Result;
use crate::model::{Catalog, Role};
use crate::settings::Settings;
use crate::templates::Templates;
use crate::view;
use tera::Context;

/// A file to be written under `output/`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Relative to the output folder, with `/` separators; built only from slugs.
    pub path: String,
    pub bytes: Vec<u8>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Md,
    Html,
}

impl Format {
    fn extension(self) -> &'static str {
        match self {
            Format::Md => "md",
            Format::Html => "html",
        }
    }
}

/// Renders one role's job description page.
pub fn render_role(
    role: &Role,
    catalog: &Catalog,
    site: &Settings,
    templates: &Templates,
    format: Format,
) -> Result<String> {
    render_role_view(&view::role_view(role, catalog), site, templates, format)
}

fn render_role_view(
    role: &view::RoleView,
    site: &Settings,
    templates: &Templates,
    format: Format,
) -> Result<String> {
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("root", "../");
    context.insert("role", role);
    let text = templates.render(&format!("role.{}", format.extension()), &context)?;
    Ok(normalize(&text))
}

/// Renders the whole site: every role page in both formats, the index and the stylesheet,
/// sorted by path.
pub fn render_site(
    catalog: &Catalog,
    site: &Settings,
    templates: &Templates,
) -> Result<Vec<OutputFile>> {
    let mut files = Vec::new();
    for role in &catalog.roles {
        // One view feeds both formats: it holds every text rendered for each.
        let view = view::role_view(role, catalog);
        for format in [Format::Html, Format::Md] {
            let text = render_role_view(&view, site, templates, format)?;
            let path = format!("roles/{}.{}", role.id, format.extension());
            files.push(OutputFile { path, bytes: text.into_bytes() });
        }
    }
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("root", "");
    context.insert("index", &view::index_view(catalog));
    for format in [Format::Html, Format::Md] {
        let name = format!("index.{}", format.extension());
        let text = normalize(&templates.render(&name, &context)?);
        files.push(OutputFile { path: name, bytes: text.into_bytes() });
    }
    let style = normalize(&templates.style_css).into_bytes();
    files.push(OutputFile { path: "style.css".to_owned(), bytes: style });
    files.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(files)
}

/// `\n` line endings, no trailing spaces, no runs of blank lines, one final newline: output
/// that diffs cleanly in git whatever the template's whitespace.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank_run = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            blank_run += 1;
            if blank_run > 1 || out.is_empty() {
                continue;
            }
        } else {
            blank_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    if out.is_empty() {
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::normalize;

    #[test]
    fn normalize_makes_clean_lines() {
        assert_eq!(normalize("\n\na  \r\n\n\n\nb\n\n"), "a\n\nb\n");
    }
}
