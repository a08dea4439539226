//! Render stage: the catalog → every output file, in memory. Pure: no file is touched here.

use crate::error::Result;
use crate::jsonld;
use crate::model::{Catalog, Role};
use crate::posting::{Date, Opening};
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

/// Renders one role's job description page, listing the postings open on `today`.
pub fn render_role(
    role: &Role,
    catalog: &Catalog,
    site: &Settings,
    templates: &Templates,
    format: Format,
    today: Date,
) -> Result<String> {
    let openings = open_openings(catalog, today);
    render_role_view(&view::role_view(role, catalog, &openings), site, templates, format)
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

/// Summaries of every opening open on `today`, newest first, then by id.
pub fn open_openings(catalog: &Catalog, today: Date) -> Vec<view::OpeningSummary> {
    let mut out: Vec<view::OpeningSummary> = catalog
        .postings
        .iter()
        .flat_map(|p| p.openings())
        .filter(|o| o.is_open(today))
        .filter_map(|o| catalog.role(&o.posting.role).map(|role| view::opening_summary(&o, role)))
        .collect();
    out.sort_by(|a, b| b.date_posted.cmp(&a.date_posted).then_with(|| a.id.cmp(&b.id)));
    out
}

/// The JSON-LD of one opening, as its HTML page carries it.
pub fn opening_json_ld(
    opening: &Opening<'_>,
    role: &Role,
    site: &Settings,
    templates: &Templates,
) -> Result<serde_json::Value> {
    let posting = view::posting_view(opening, role, site);
    let context = posting_context(&posting, site);
    let description = render_description(&context, templates, Format::Html)?;
    Ok(jsonld::job_posting(opening, role, &posting.opening.title, site, description.trim_end()))
}

fn posting_context(posting: &view::PostingView, site: &Settings) -> Context {
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("root", "../");
    context.insert("posting", posting);
    context
}

/// The body of a posting page; in HTML it is also the JSON-LD `description`.
fn render_description(context: &Context, templates: &Templates, format: Format) -> Result<String> {
    let name = format!("posting-description.{}", format.extension());
    Ok(normalize(&templates.render(&name, context)?))
}

/// Renders one opening's page in `format`, with JSON-LD in the HTML page.
pub fn render_opening(
    opening: &Opening<'_>,
    role: &Role,
    site: &Settings,
    templates: &Templates,
    format: Format,
) -> Result<String> {
    let posting = view::posting_view(opening, role, site);
    Ok(render_opening_view(opening, role, &posting, site, templates, format)?.0)
}

/// The page of one opening in `format`, and the description it shows.
fn render_opening_view(
    opening: &Opening<'_>,
    role: &Role,
    posting: &view::PostingView,
    site: &Settings,
    templates: &Templates,
    format: Format,
) -> Result<(String, String)> {
    let mut context = posting_context(posting, site);
    let description = render_description(&context, templates, format)?;
    if format == Format::Html {
        let ld = jsonld::job_posting(
            opening,
            role,
            &posting.opening.title,
            site,
            description.trim_end(),
        );
        context.insert("json_ld", &jsonld::to_script_json(&ld));
    }
    context.insert("description", &description);
    let page = normalize(&templates.render(&format!("posting.{}", format.extension()), &context)?);
    Ok((page, description))
}

/// Renders the whole site for `today`: every role page and every open posting in both
/// formats, the index and the stylesheet, sorted by path.
pub fn render_site(
    catalog: &Catalog,
    site: &Settings,
    templates: &Templates,
    today: Date,
) -> Result<Vec<OutputFile>> {
    let openings = open_openings(catalog, today);
    let mut files = Vec::new();
    for role in &catalog.roles {
        // One view feeds both formats: it holds every text rendered for each.
        let view = view::role_view(role, catalog, &openings);
        for format in [Format::Html, Format::Md] {
            let text = render_role_view(&view, site, templates, format)?;
            let path = format!("roles/{}.{}", role.id, format.extension());
            files.push(OutputFile { path, bytes: text.into_bytes() });
        }
    }
    let mut feed_entries = Vec::new();
    for posting in &catalog.postings {
        let Some(role) = catalog.role(&posting.role) else { continue };
        for opening in posting.openings().iter().filter(|o| o.is_open(today)) {
            let view = view::posting_view(opening, role, site);
            for format in [Format::Html, Format::Md] {
                let (page, description) =
                    render_opening_view(opening, role, &view, site, templates, format)?;
                if format == Format::Html {
                    feed_entries.push(view::feed_entry(
                        opening,
                        &view,
                        description.trim_end(),
                        site,
                    ));
                }
                let path = format!("jobs/{}.{}", opening.id, format.extension());
                files.push(OutputFile { path, bytes: page.into_bytes() });
            }
        }
    }
    if !catalog.postings.is_empty() {
        files.extend(render_feeds(catalog, site, templates, feed_entries)?);
    }
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("root", "");
    context.insert("index", &view::index_view(catalog, &openings));
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

/// The Atom feed and the Indeed job feed of the open openings, newest first.
fn render_feeds(
    catalog: &Catalog,
    site: &Settings,
    templates: &Templates,
    mut entries: Vec<view::FeedEntry>,
) -> Result<Vec<OutputFile>> {
    entries.sort_by(|a, b| b.date_posted.cmp(&a.date_posted).then_with(|| a.id.cmp(&b.id)));
    // The feed changes when a posting does, not with the build date: its `updated` is the
    // newest date an open posting was posted (or any posting, when none is open).
    let updated = entries
        .first()
        .map(|e| e.date_posted.clone())
        .or_else(|| catalog.postings.iter().map(|p| p.date_posted).max().map(|d| d.to_string()));
    let home = site.base_url.clone().unwrap_or_default();
    let mut context = Context::new();
    context.insert("site", site);
    context.insert("entries", &entries);
    context.insert("updated", &updated.unwrap_or_else(|| "1970-01-01".to_owned()));
    context
        .insert("home_url", &if home.is_empty() { "index.html".to_owned() } else { home.clone() });
    context.insert("feed_url", &format!("{home}feed.xml"));
    context.insert(
        "feed_id",
        &if home.is_empty() {
            "tag:jobgen,2026:feed".to_owned()
        } else {
            format!("{home}feed.xml")
        },
    );
    context.insert(
        "publisher_cdata",
        &view::cdata(site.organization.as_ref().map_or(&site.title, |o| &o.name)),
    );
    context.insert(
        "publisher_url_cdata",
        &view::cdata(site.organization.as_ref().and_then(|o| o.url.as_deref()).unwrap_or(&home)),
    );
    let mut files = Vec::new();
    for (template, path) in [("feed.xml", "feed.xml"), ("indeed.xml", "feeds/indeed.xml")] {
        let text = normalize(&templates.render(template, &context)?);
        files.push(OutputFile { path: path.to_owned(), bytes: text.into_bytes() });
    }
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
