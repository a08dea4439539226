//! Parse stage: the one module that calls the YAML crate (serde-saphyr).
//!
//! It is configured once here: YAML 1.2 booleans only (so `NO` and `yes` stay text), numbers with
//! leading zeros stay text, duplicate keys are errors, and the default budget guards against
//! alias bombs and deep nesting. Every YAML error becomes a `Diagnostic` with file, line, column,
//! field and a hint how to fix it.

use crate::diagnostics::{Diagnostic, Position, did_you_mean};
use serde::de::DeserializeOwned;
use serde_saphyr::{Error, Location, Options};

fn options() -> Options {
    let mut options = Options::default();
    options.strict_booleans = true;
    options.leading_zero_numbers_as_strings = true;
    options
}

/// Parses one YAML document of `text` (the file `file`) into `T`.
pub fn parse<T: DeserializeOwned>(file: &str, text: &str) -> Result<T, Box<Diagnostic>> {
    serde_saphyr::from_str_with_options(text, options())
        .map_err(|e| Box::new(to_diagnostic(file, text, &e)))
}

/// A position from a location the YAML crate reported.
pub fn position(file: &str, location: &Location) -> Position {
    Position {
        file: file.to_owned(),
        line: location.line() as usize,
        column: location.column() as usize,
        len: location.span().len() as usize,
    }
}

fn to_diagnostic(file: &str, text: &str, error: &Error) -> Diagnostic {
    let error = error.without_snippet();
    let mut pos = error.location().map(|l| position(file, &l)).unwrap_or(Position {
        file: file.to_owned(),
        line: 0,
        column: 0,
        len: 0,
    });
    let field = field_path_at(text, pos.line);
    match error {
        Error::SerdeUnknownField { field: name, expected, .. } => {
            pos.len = name.chars().count();
            let d = Diagnostic::error("E002", pos, format!("unknown field `{name}`"))
                .field(join_path(&field_parent(&field), name))
                .label("not a field here");
            match did_you_mean(name, expected.iter().copied()) {
                Some(best) => d.help(format!("did you mean `{best}`?")),
                None => d.help(format!("the fields allowed here are: {}", list(expected))),
            }
        }
        Error::SerdeMissingField { field: name, .. } => {
            Diagnostic::error("E003", pos, format!("missing required field `{name}`"))
                .field(join_path(&field_parent(&field), name))
                .label(format!("`{name}` is required in this map"))
                .help(format!("add `{name}: …` here"))
        }
        Error::DuplicateMappingKey { key, .. } => {
            let key = key.clone().unwrap_or_default();
            pos.len = key.chars().count().max(1);
            Diagnostic::error("E004", pos, format!("duplicate key `{key}`"))
                .field(join_path(&field_parent(&field), &key))
                .label("this key appears earlier in the same map")
                .help("keep one of the two entries: YAML keeps only one value per key")
        }
        Error::SerdeUnknownVariant { variant, expected, .. } => {
            pos.len = variant.chars().count().max(1);
            let d = Diagnostic::error("E006", pos, format!("`{variant}` is not an allowed value"))
                .field(field)
                .label("not one of the allowed values");
            match did_you_mean(variant, expected.iter().copied()) {
                Some(best) => d.help(format!("did you mean `{best}`? allowed: {}", list(expected))),
                None => d.help(format!("use one of: {}", list(expected))),
            }
        }
        Error::InvalidBooleanStrict { .. } => {
            Diagnostic::error("E005", pos, "expected `true` or `false`")
                .field(field)
                .label("not a boolean")
                .help("write `true` or `false` (YAML 1.1 forms like `yes`/`no` are not accepted)")
        }
        Error::Eof { .. } if text.trim().is_empty() => {
            Diagnostic::error("E001", pos, "the file is empty")
                .help("write the file's fields, starting with `title: …`")
        }
        Error::NullIntoString { .. } => Diagnostic::error("E005", pos, "this field is empty")
            .field(field)
            .label("a value is needed here")
            .help("write the text after the colon, or remove the field if it is optional"),
        other => {
            let message = strip_location(&other.to_string());
            let (code, help) = if is_syntax_error(other) {
                ("E001", "fix the YAML syntax here: check indentation, colons and quotes")
            } else if message.contains("integer") || message.contains("floating point") {
                ("E005", "write a number here, without units or words, e.g. `3` or `49515`")
            } else {
                ("E005", "give the field a value of the type shown in the role file reference")
            };
            Diagnostic::error(code, pos, message).field(field).label("here").help(help)
        }
    }
}

fn is_syntax_error(error: &Error) -> bool {
    matches!(
        error,
        Error::ExternalMessage { .. }
            | Error::Eof { .. }
            | Error::UnexpectedSequenceEnd { .. }
            | Error::UnexpectedMappingEnd { .. }
            | Error::MultipleDocuments { .. }
    )
}

fn list(names: &[&str]) -> String {
    names.iter().map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// The crate appends " at line L column C" to some messages; the snippet shows it already.
fn strip_location(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message[..i].to_owned(),
        None => message.to_owned(),
    }
}

fn join_path(parent: &str, name: &str) -> String {
    if parent.is_empty() { name.to_owned() } else { format!("{parent}.{name}") }
}

fn field_parent(path: &str) -> String {
    path.rsplit_once('.').map(|(p, _)| p.to_owned()).unwrap_or_default()
}

/// The dotted key path of the map entry on `line` (1-based), found by walking up the lines with
/// smaller indentation. Good enough to name a field; it does not need to be a full YAML parser.
pub fn field_path_at(text: &str, line: usize) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if line == 0 || line > lines.len() {
        return String::new();
    }
    let mut path = Vec::new();
    let mut limit = usize::MAX;
    for raw in lines[..line].iter().rev() {
        let Some((indent, key)) = key_of(raw) else { continue };
        if indent < limit {
            path.push(key);
            limit = indent;
            if indent == 0 {
                break;
            }
        }
    }
    path.reverse();
    path.join(".")
}

/// Indentation and key of a `key: value` line (a `- ` list marker counts as indentation).
fn key_of(line: &str) -> Option<(usize, String)> {
    let trimmed = line.trim_start();
    if trimmed.starts_with('#') || trimmed.is_empty() {
        return None;
    }
    let mut indent = line.len() - trimmed.len();
    let mut rest = trimmed;
    while let Some(after) = rest.strip_prefix("- ") {
        indent += 2;
        rest = after.trim_start();
    }
    let colon = rest.find(':')?;
    let key = &rest[..colon];
    let valid = !key.is_empty()
        && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
        && rest[colon + 1..].chars().next().is_none_or(char::is_whitespace);
    valid.then(|| (indent, key.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_path_follows_indentation() {
        let text = "title: A\nsalary:\n  figures:\n    - kind: median\n      amount: x\n";
        assert_eq!(field_path_at(text, 5), "salary.figures.amount");
        assert_eq!(field_path_at(text, 1), "title");
    }
}
