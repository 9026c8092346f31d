//! Fields the seeds type `T | null` *and* `required`: the key must be present,
//! its value may be `null`.
//!
//! serde treats a missing `Option<T>` field as `None`. A field declared with
//! `#[serde(deserialize_with = "nullable::required")]` and no `default` is
//! different: serde then reports a missing key as `missing field`, and only
//! an explicit `null` becomes `None`.

use serde::{Deserialize, Deserializer};

/// Deserializes a present-but-nullable field (`null` -> `None`).
pub(crate) fn required<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer)
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Probe {
        #[serde(deserialize_with = "super::required")]
        name: Option<String>,
    }

    #[test]
    fn present_value_null_and_missing_are_three_cases() {
        let v: Probe = serde_json::from_str(r#"{"name":"Acme"}"#).unwrap();
        assert_eq!(v.name.as_deref(), Some("Acme"));
        let v: Probe = serde_json::from_str(r#"{"name":null}"#).unwrap();
        assert_eq!(v.name, None);
        let err = serde_json::from_str::<Probe>("{}").unwrap_err();
        assert!(err.to_string().contains("missing field `name`"), "{err}");
    }
}
