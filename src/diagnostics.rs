//! Reporting, shared by every stage: a content problem found in a user's file, and how it is shown.
//!
//! Stages collect `Diagnostic`s and keep going, so one run reports every problem. They are sorted
//! by file, line and column and rendered rustc-style with the offending line and a caret.

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where a problem is: a file of the project (path relative to its root) and, when known, a
/// 1-based line and column with the length of the offending text in characters.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Position {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    /// Stable code, e.g. `E011`, so users can search for it and tools can filter on it.
    pub code: &'static str,
    pub message: String,
    pub position: Position,
    /// The field the problem is in, as a path like `salary.figures[2].source`.
    pub field: String,
    /// Short text under the caret.
    pub label: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, position: Position, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            code,
            message: message.into(),
            position,
            field: String::new(),
            label: String::new(),
            help: None,
        }
    }

    pub fn warning(code: &'static str, position: Position, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Diagnostic::error(code, position, message) }
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = label.into();
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// Sorts diagnostics into the order they are shown: by file, line, column, then severity.
pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (&a.position, a.severity, a.code, &a.message).cmp(&(
            &b.position,
            b.severity,
            b.code,
            &b.message,
        ))
    });
}

/// Renders diagnostics with snippets taken from `texts` (file path → file text).
pub fn render(diagnostics: &[Diagnostic], texts: &BTreeMap<String, String>, color: bool) -> String {
    let renderer = if color { Renderer::styled() } else { Renderer::plain() };
    let mut out = String::new();
    for diagnostic in diagnostics {
        out.push_str(&render_one(diagnostic, texts.get(&diagnostic.position.file), &renderer));
        out.push_str("\n\n");
    }
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    if !diagnostics.is_empty() {
        let files: std::collections::BTreeSet<_> =
            diagnostics.iter().map(|d| d.position.file.as_str()).collect();
        out.push_str(&format!(
            "{} and {} in {}\n",
            plural(errors, "error"),
            plural(warnings, "warning"),
            plural(files.len(), "file"),
        ));
    }
    out
}

pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}

fn render_one(d: &Diagnostic, text: Option<&String>, renderer: &Renderer) -> String {
    let level = match d.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
    };
    let title = if d.field.is_empty() || d.field.starts_with('(') {
        d.message.clone()
    } else {
        format!("{} (field `{}`)", d.message, d.field)
    };
    let pos = &d.position;
    let line_text = text.and_then(|t| t.lines().nth(pos.line.wrapping_sub(1)));
    let mut elements: Vec<annotate_snippets::Element> = Vec::new();
    match line_text {
        Some(line_text) if pos.line > 0 => {
            let start = byte_offset(line_text, pos.column.saturating_sub(1));
            let end = byte_offset(line_text, pos.column.saturating_sub(1) + pos.len.max(1));
            let end = if end == start && start < line_text.len() { start + 1 } else { end };
            elements.push(
                Snippet::source(line_text)
                    .line_start(pos.line)
                    .path(pos.file.as_str())
                    .annotation(AnnotationKind::Primary.span(start..end).label(d.label.as_str()))
                    .into(),
            );
        }
        _ => {
            elements.push(annotate_snippets::Origin::path(pos.file.as_str()).into());
        }
    }
    if let Some(help) = &d.help {
        elements.push(Level::HELP.message(help.as_str()).into());
    }
    let report: Vec<Group> = vec![level.primary_title(title).id(d.code).elements(elements)];
    renderer.render(&report)
}

/// Byte offset of the `chars`-th character of `line`, clamped to its end.
fn byte_offset(line: &str, chars: usize) -> usize {
    line.char_indices().nth(chars).map_or(line.len(), |(i, _)| i)
}

/// The closest candidate to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = word.chars().count().div_ceil(3);
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_close_field_names_only() {
        assert_eq!(did_you_mean("dutys", ["duties", "skills"]), Some("duties"));
        assert_eq!(did_you_mean("salry", ["salary", "sources"]), Some("salary"));
        assert_eq!(did_you_mean("banana", ["duties", "skills"]), None);
    }
}
