//! Command line: the clap definitions. Each command is glued together in `lib::run`.

use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// Turn role definitions written in YAML into job descriptions (Markdown and HTML).
#[derive(Debug, Parser)]
#[command(name = "jobgen", version, about, long_about = None)]
pub struct Cli {
    /// The project folder (holding `roles/`, `templates/`, `output/`).
    #[arg(long, global = true, default_value = ".")]
    pub root: PathBuf,
    /// The build date, YYYY-MM-DD: postings open on it are published, others drop out.
    /// Default: `SOURCE_DATE_EPOCH` if set, else today's date (UTC).
    #[arg(long, global = true)]
    pub today: Option<String>,
    /// When to colour diagnostics.
    #[arg(long, global = true, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RenderFormat {
    /// Markdown, as in `output/`.
    Md,
    /// HTML, as in `output/`.
    Html,
    /// Plain text without markup, to paste into a form.
    Txt,
    /// The schema.org JobPosting JSON-LD (postings only).
    Json,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check every file, then write the site into `output/` (nothing is written if a check fails).
    ///
    /// Example: `jobgen build`, or `jobgen build --check` in CI.
    Build {
        /// Write nothing; exit 1 and name each file that would change if `output/` is stale.
        #[arg(long)]
        check: bool,
    },
    /// Parse and validate every file and report all problems at once; writes nothing.
    ///
    /// Exit codes: 0 clean (warnings allowed), 1 content errors, 2 fatal (I/O, template).
    Check,
    /// Print one role's job description, or one posting, to stdout, to paste elsewhere.
    ///
    /// Examples: `jobgen render medical-office-manager --format md`,
    /// `jobgen render office-manager-2026-denver-co-us --format txt` (plain text for a job
    /// board's form), `--format json` (a posting's schema.org JobPosting JSON-LD).
    Render {
        /// A role id (its file name in `roles/` without `.yaml`), a posting id (when the posting
        /// has one location), or the id of one location's page, as in `output/jobs/<id>.html`.
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = RenderFormat::Md)]
        format: RenderFormat,
    },
}
