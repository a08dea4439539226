//! jobgen: role definitions in YAML → job descriptions in Markdown and HTML.
//!
//! The pipeline runs one way, one module per stage:
//! `discover` (find and read files) → `yaml` (parse into `raw` types) → `validate` (into
//! `model` types) → `resolve` (links between files) → `render` (through `view` and
//! `templates`, in memory) → `write` (only changed files). I/O happens only in `discover`,
//! `templates::Templates::load` and `write`; the stages between are pure functions.

pub mod cli;
pub mod diagnostics;
pub mod discover;
pub mod error;
pub mod jsonld;
pub mod markdown;
pub mod model;
pub mod posting;
pub mod raw;
pub mod render;
pub mod resolve;
pub mod rules;
pub mod settings;
pub mod templates;
pub mod validate;
pub mod view;
pub mod write;
pub mod yaml;

use crate::cli::{Cli, Color, Command};
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::model::Catalog;
use crate::settings::Settings;
use crate::templates::Templates;
use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::Path;

/// A project read and checked: its roles, every diagnostic, and the text of each file (for
/// showing snippets).
pub struct Loaded {
    pub settings: Settings,
    /// Pay-transparency rules: the project's `rules/pay-transparency.yaml`, else the built-in.
    pub rules: Vec<rules::Rule>,
    pub catalog: Catalog,
    pub diagnostics: Vec<Diagnostic>,
    pub texts: BTreeMap<String, String>,
}

impl Loaded {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Runs discover → parse → validate → resolve on the project at `root`.
pub fn load(root: &Path) -> Result<Loaded> {
    let mut diagnostics = Vec::new();
    let settings_text = discover::read_optional(&root.join(settings::FILE))?;
    let settings =
        settings::parse_settings(settings_text.as_deref().unwrap_or(""), &mut diagnostics);
    let rules_text = discover::read_optional(&root.join(rules::FILE))?;
    let pay_rules =
        rules::parse_rules(rules_text.as_deref().unwrap_or(rules::BUILTIN), &mut diagnostics);
    let files = discover::discover(root, "roles", &mut diagnostics)?;
    let mut roles = Vec::new();
    for file in &files {
        match yaml::parse::<raw::RawRole>(&file.path, &file.text) {
            Ok(raw) => {
                roles.push(validate::validate_role(&file.id, &file.path, raw, &mut diagnostics))
            }
            Err(d) => diagnostics.push(*d),
        }
    }
    roles.sort_by(|a, b| a.id.cmp(&b.id));
    let posting_files = discover::discover(root, "postings", &mut diagnostics)?;
    let mut postings = Vec::new();
    for file in &posting_files {
        match yaml::parse::<posting::RawPosting>(&file.path, &file.text) {
            Ok(raw) => postings.push(posting::validate_posting(
                &file.id,
                &file.path,
                raw,
                &mut diagnostics,
            )),
            Err(d) => diagnostics.push(*d),
        }
    }
    if !postings.is_empty() && settings.organization.is_none() {
        let line = usize::from(settings_text.is_some());
        let pos =
            diagnostics::Position { file: settings::FILE.to_owned(), line, column: line, len: 0 };
        diagnostics.push(
            Diagnostic::error("E024", pos, "postings need the hiring organization's name")
                .field("organization.name")
                .help("add `organization: { name: Example Clinic }` to jobgen.yaml: job search engines require it"),
        );
    }
    let catalog = Catalog { roles, postings };
    let file_ids: Vec<&str> = files.iter().map(|f| f.id.as_str()).collect();
    diagnostics.extend(resolve::resolve_references(&catalog, &file_ids));
    diagnostics::sort(&mut diagnostics);
    let mut texts: BTreeMap<String, String> =
        files.into_iter().chain(posting_files).map(|f| (f.path, f.text)).collect();
    if let Some(text) = settings_text {
        texts.insert(settings::FILE.to_owned(), text);
    }
    texts.insert(rules::FILE.to_owned(), rules_text.unwrap_or_else(|| rules::BUILTIN.to_owned()));
    Ok(Loaded { settings, rules: pay_rules, catalog, diagnostics, texts })
}

/// "5 roles", or "5 roles and 3 postings".
fn counts(catalog: &Catalog) -> String {
    let roles = diagnostics::plural(catalog.roles.len(), "role");
    match catalog.postings.len() {
        0 => roles,
        n => format!("{roles} and {}", diagnostics::plural(n, "posting")),
    }
}

/// `jobgen render`: a role, a posting with one location, or one location's page.
fn render_one(
    catalog: &Catalog,
    id: &str,
    format: cli::RenderFormat,
    site: &Settings,
    templates: &Templates,
    today: posting::Date,
) -> Result<String> {
    use cli::RenderFormat as F;
    let page_format = |f: F| if f == F::Html { render::Format::Html } else { render::Format::Md };
    if let Some(role) = catalog.role(id) {
        if format == F::Json {
            return Err(Error::Usage(format!(
                "`{id}` is a role: JSON-LD exists for postings only; use --format md, html or txt"
            )));
        }
        let text = render::render_role(role, catalog, site, templates, page_format(format), today)?;
        return Ok(if format == F::Txt { markdown::plain_document(&text) } else { text });
    }
    let openings: Vec<posting::Opening> =
        catalog.postings.iter().flat_map(|p| p.openings()).collect();
    let matching: Vec<&posting::Opening> =
        openings.iter().filter(|o| o.id == id || o.posting.id == id).collect();
    let opening = match matching.as_slice() {
        [one] => *one,
        [] => {
            let known: Vec<&str> = catalog
                .roles
                .iter()
                .map(|r| r.id.as_str())
                .chain(openings.iter().map(|o| o.id.as_str()))
                .collect();
            let hint = match diagnostics::did_you_mean(id, known.iter().copied()) {
                Some(best) => format!("did you mean `{best}`?"),
                None => format!("known ids: {}", known.join(", ")),
            };
            return Err(Error::Usage(format!("no role or posting `{id}`; {hint}")));
        }
        many => {
            let ids: Vec<&str> = many.iter().map(|o| o.id.as_str()).collect();
            return Err(Error::Usage(format!(
                "posting `{id}` has {} locations; name one: {}",
                many.len(),
                ids.join(", ")
            )));
        }
    };
    let role = catalog.role(&opening.posting.role).ok_or_else(|| {
        Error::Usage(format!("posting `{id}` names the unknown role `{}`", opening.posting.role))
    })?;
    Ok(match format {
        F::Json => {
            let ld = render::opening_json_ld(opening, role, site, templates)?;
            let mut text = serde_json::to_string_pretty(&ld).expect("a JSON value serialises");
            text.push('\n');
            text
        }
        F::Txt => markdown::plain_document(&render::render_opening(
            opening,
            role,
            site,
            templates,
            render::Format::Md,
        )?),
        F::Md | F::Html => {
            render::render_opening(opening, role, site, templates, page_format(format))?
        }
    })
}

/// What a command asks the process to exit with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    Success = 0,
    /// Content errors, or `build --check` found a stale output.
    Problems = 1,
}

/// Runs a parsed command line. Diagnostics go to stderr; pages from `render` to stdout.
pub fn run(cli: &Cli) -> Result<Exit> {
    let color = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let root = cli.root.as_path();
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let epoch = std::env::var("SOURCE_DATE_EPOCH").ok();
    let today =
        posting::build_date(cli.today.as_deref(), epoch.as_deref(), now).map_err(Error::Usage)?;
    let mut loaded = load(root)?;
    // Which laws apply depends on the build date, so this check runs once it is known.
    let pay_rules =
        rules::check_pay_transparency(&loaded.catalog, &loaded.settings, &loaded.rules, today);
    loaded.diagnostics.extend(pay_rules);
    diagnostics::sort(&mut loaded.diagnostics);
    let mut stderr = std::io::stderr().lock();
    if !loaded.diagnostics.is_empty() {
        write!(stderr, "{}", diagnostics::render(&loaded.diagnostics, &loaded.texts, color))?;
    }
    if loaded.has_errors() {
        if matches!(cli.command, Command::Build { .. }) {
            writeln!(stderr, "build stopped: nothing was written to output/")?;
        }
        return Ok(Exit::Problems);
    }
    let site = &loaded.settings;
    match &cli.command {
        Command::Check => {
            // Rendering in memory proves the templates work with every role.
            let templates = Templates::load(root)?;
            render::render_site(&loaded.catalog, site, &templates, today)?;
            writeln!(stderr, "checked {}: no errors", counts(&loaded.catalog))?;
            Ok(Exit::Success)
        }
        Command::Render { id, format } => {
            let templates = Templates::load(root)?;
            let text = render_one(&loaded.catalog, id, *format, site, &templates, today)?;
            std::io::stdout().lock().write_all(text.as_bytes())?;
            Ok(Exit::Success)
        }
        Command::Build { check } => {
            let templates = Templates::load(root)?;
            let mut files = render::render_site(&loaded.catalog, site, &templates, today)?;
            files.push(write::manifest(&files));
            let out_dir = root.join("output");
            let plan = write::plan(&out_dir, &files)?;
            if *check {
                for path in &plan.write {
                    writeln!(stderr, "would write output/{path}")?;
                }
                for path in &plan.remove {
                    writeln!(stderr, "would remove output/{path}")?;
                }
                if plan.is_empty() {
                    writeln!(stderr, "output/ is up to date ({} files)", files.len())?;
                    return Ok(Exit::Success);
                }
                writeln!(stderr, "output/ is stale: run `jobgen build` and commit the result")?;
                return Ok(Exit::Problems);
            }
            write::apply(&out_dir, &plan, &files)?;
            writeln!(
                stderr,
                "built {} into output/: {} written, {} removed, {} unchanged",
                counts(&loaded.catalog),
                plan.write.len(),
                plan.remove.len(),
                files.len() - plan.write.len(),
            )?;
            Ok(Exit::Success)
        }
    }
}
