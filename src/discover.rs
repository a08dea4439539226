//! Discover stage: find the role files of a project and read them (I/O).
//!
//! Files are sorted by name so every later stage sees them in the same order on every machine.

use crate::diagnostics::{Diagnostic, Position};
use crate::error::Result;
use crate::model::is_slug;
use std::collections::BTreeMap;
use std::path::Path;

/// A file of the project, read into memory.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The file stem, which is the id of what it defines.
    pub id: String,
    /// Path relative to the project root, with `/` separators: how diagnostics name it.
    pub path: String,
    pub text: String,
}

/// Reads every `*.yaml` / `*.yml` file directly in `<root>/<dir>`. Files whose name is not a
/// valid id, that are not UTF-8, or whose id is taken twice are reported, not returned.
pub fn discover(root: &Path, dir: &str, diags: &mut Vec<Diagnostic>) -> Result<Vec<SourceFile>> {
    let folder = root.join(dir);
    if !folder.is_dir() {
        return Ok(Vec::new());
    }
    let mut files: BTreeMap<String, SourceFile> = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&folder).min_depth(1).max_depth(1).sort_by_file_name() {
        let entry = entry.map_err(std::io::Error::from)?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(stem) = name.strip_suffix(".yaml").or_else(|| name.strip_suffix(".yml")) else {
            continue;
        };
        if name.starts_with('.') || !entry.file_type().is_file() {
            continue;
        }
        let path = format!("{dir}/{name}");
        let at_file = || Position { file: path.clone(), line: 0, column: 0, len: 0 };
        if !is_slug(stem) {
            diags.push(
                Diagnostic::error(
                    "E010",
                    at_file(),
                    format!("`{name}` is not a valid file name for an id"),
                )
                .field("(file name)")
                .help(format!(
                    "rename it to `{}.yaml`: ids use lowercase letters, digits and dashes only",
                    slugify(stem)
                )),
            );
            continue;
        }
        let bytes = fs_err::read(entry.path())?;
        let Ok(text) = String::from_utf8(bytes) else {
            diags.push(
                Diagnostic::error("E001", at_file(), "the file is not UTF-8 text")
                    .field("(file)")
                    .help("save the file as UTF-8"),
            );
            continue;
        };
        if let Some(first) = files.get(stem) {
            diags.push(
                Diagnostic::error(
                    "E020",
                    at_file(),
                    format!("the id `{stem}` is already defined by `{}`", first.path),
                )
                .field("(file name)")
                .help("keep one of the two files"),
            );
            continue;
        }
        files.insert(stem.to_owned(), SourceFile { id: stem.to_owned(), path, text });
    }
    Ok(files.into_values().collect())
}

/// The text of an optional file such as `jobgen.yaml`; `None` when it does not exist.
pub fn read_optional(path: &Path) -> Result<Option<String>> {
    match fs_err::read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// A slug made from `name`: lowercase ASCII letters and digits, anything else → `-`. Used to
/// suggest a file name in an error and to make ids of posting locations.
pub fn slugify(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    let trimmed = out.trim_matches('-');
    if trimmed.is_empty() { "role".to_owned() } else { trimmed.to_owned() }
}
