//! The granular scopes of a `debug_token` answer: which targets a scope grants.

use serde_json::Value;

/// What one granular scope grants.
pub(super) enum Targets {
    /// Every target (`target_ids` absent).
    All,
    /// These target ids only.
    Ids(Vec<String>),
}

/// The targets of `scope` in `data.granular_scopes` (`target_ids` absent: all).
pub(super) fn granted(data: &Value, scope: &str) -> Option<Targets> {
    let entry = data
        .get("granular_scopes")?
        .as_array()?
        .iter()
        .find(|s| s.get("scope").and_then(Value::as_str) == Some(scope))?;
    Some(match entry.get("target_ids").and_then(Value::as_array) {
        None => Targets::All,
        Some(ids) => Targets::Ids(
            ids.iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
        ),
    })
}
