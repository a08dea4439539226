//! Resolve stage: links between files. Every `related:` id must name another role of the project.

use crate::diagnostics::{Diagnostic, did_you_mean};
use crate::model::Catalog;

/// Checks the references between roles; returns one diagnostic per broken reference.
/// `file_ids` are the ids of every role file found, valid or not: a reference to a file that
/// failed to parse is not reported again, its own error says enough.
pub fn resolve_references(catalog: &Catalog, file_ids: &[&str]) -> Vec<Diagnostic> {
    let ids = file_ids;
    let mut diags = Vec::new();
    for role in &catalog.roles {
        for related in &role.related {
            let id = related.id.as_str();
            let pos = related.position.clone();
            if id == role.id {
                diags.push(
                    Diagnostic::error("E012", pos, "a role cannot be related to itself")
                        .field("related")
                        .label("this role's own id")
                        .help("remove this line"),
                );
            } else if !file_ids.contains(&id) {
                let d = Diagnostic::error("E012", pos, format!("unknown related role `{id}`"))
                    .field("related")
                    .label("no role file with this id");
                diags.push(match did_you_mean(id, ids.iter().copied()) {
                    Some(best) => d.help(format!("did you mean `{best}`?")),
                    None => d.help(format!(
                        "related roles are ids of files in `roles/` (without `.yaml`): {}",
                        ids.iter()
                            .filter(|i| **i != role.id)
                            .copied()
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                });
            }
        }
    }
    for posting in &catalog.postings {
        let id = posting.role.as_str();
        if !file_ids.contains(&id) {
            let d = Diagnostic::error(
                "E012",
                posting.role_position.clone(),
                format!("unknown role `{id}`"),
            )
            .field("role")
            .label("no role file with this id");
            diags.push(match did_you_mean(id, ids.iter().copied()) {
                Some(best) => d.help(format!("did you mean `{best}`?")),
                None => d.help(format!(
                    "`role:` names a file in `roles/` without `.yaml`: {}",
                    ids.join(", ")
                )),
            });
        }
    }
    diags
}
