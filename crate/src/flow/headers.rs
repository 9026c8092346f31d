//! [`Headers`]: the extra request headers of the callback POST.
//!
//! A short list of `(name, value)` pairs, not a `BTreeMap`: there are at most
//! a few dozen, and the map's code was ~6 kB of the flow's wasm. Names compare
//! without regard to ASCII case, as HTTP's do, so `X-Token` and `x-token` are
//! one header (the later value wins, as with `fetch`'s `Headers.set`).

use std::fmt;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Extra request headers, in the order they were first inserted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Headers(Vec<(String, String)>);

impl Headers {
    /// No headers.
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Sets `name` to `value`, replacing the value of a header whose name
    /// differs only in ASCII case (the first spelling of the name is kept).
    pub fn insert(&mut self, name: String, value: String) {
        match self
            .0
            .iter_mut()
            .find(|(have, _)| have.eq_ignore_ascii_case(&name))
        {
            Some((_, slot)) => *slot = value,
            None => self.0.push((name, value)),
        }
    }

    /// The value of `name` (ASCII case ignored).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(have, _)| have.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    }

    /// How many headers there are.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// `true` when there are none.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The `(name, value)` pairs in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.0.iter().map(|(n, v)| (n.as_str(), v.as_str()))
    }
}

impl FromIterator<(String, String)> for Headers {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(pairs: I) -> Self {
        let mut headers = Headers::new();
        for (name, value) in pairs {
            headers.insert(name, value);
        }
        headers
    }
}

impl<const N: usize> From<[(String, String); N]> for Headers {
    fn from(pairs: [(String, String); N]) -> Self {
        pairs.into_iter().collect()
    }
}

/// A JSON object `{ "name": "value", … }`, as the options spell it.
impl Serialize for Headers {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (name, value) in &self.0 {
            map.serialize_entry(name, value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Headers {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct HeadersVisitor;
        impl<'de> Visitor<'de> for HeadersVisitor {
            type Value = Headers;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object of header names to string values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Headers, A::Error> {
                let mut headers = Headers::new();
                while let Some((name, value)) = map.next_entry::<String, String>()? {
                    headers.insert(name, value);
                }
                Ok(headers)
            }
        }
        deserializer.deserialize_map(HeadersVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::Headers;

    #[test]
    fn names_ignore_ascii_case_and_keep_first_spelling_and_order() {
        let mut h = Headers::new();
        h.insert("X-Token".into(), "a".into());
        h.insert("Accept-Language".into(), "en".into());
        h.insert("x-token".into(), "b".into());
        assert_eq!(h.len(), 2);
        assert_eq!(h.get("X-TOKEN"), Some("b"));
        assert_eq!(
            h.iter().collect::<Vec<_>>(),
            [("X-Token", "b"), ("Accept-Language", "en")]
        );
    }

    #[test]
    fn serde_is_a_json_object() {
        let h: Headers = [("X-A".to_owned(), "1".to_owned())].into();
        let text = serde_json::to_string(&h).unwrap();
        assert_eq!(text, r#"{"X-A":"1"}"#);
        let back: Headers = serde_json::from_str(r#"{"X-A":"1","x-a":"2","B":"3"}"#).unwrap();
        assert_eq!(back.iter().collect::<Vec<_>>(), [("X-A", "2"), ("B", "3")]);
        assert!(serde_json::from_str::<Headers>(r#"{"X-A":1}"#).is_err());
        assert!(serde_json::from_str::<Headers>("[]").is_err());
    }
}
