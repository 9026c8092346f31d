//! serde for [`Value`]: written like any serializable value, read from any
//! deserializer (serde_json's text included), and itself a deserializer into
//! typed structs. Native Rust callers use these; the wasm's reading paths do
//! not.

use std::fmt;

use serde::de::value::{Error, MapDeserializer, SeqDeserializer};
use serde::de::{Deserialize, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{Serialize, Serializer};

use super::value::{Map, Number, Value, N};

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            Value::Number(n) => n.serialize(serializer),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => serializer.collect_seq(items),
            Value::Object(map) => serializer.collect_map(map.iter().map(|(k, v)| (k, v))),
        }
    }
}

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            N::PosInt(n) => serializer.serialize_u64(n),
            N::NegInt(n) => serializer.serialize_i64(n),
            N::Float(f) => serializer.serialize_f64(f),
        }
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any valid JSON value")
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, n: i64) -> Result<Value, E> {
        Ok(Value::Number(Number::from(n)))
    }

    fn visit_u64<E>(self, n: u64) -> Result<Value, E> {
        Ok(Value::Number(Number::from(n)))
    }

    /// As serde_json: a non-finite float becomes `null`.
    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Number::from_f64(f).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::String(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::String(s))
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        Deserialize::deserialize(deserializer)
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = access.next_entry::<String, Value>()? {
            entries.push(entry);
        }
        Ok(Value::Object(entries.into_iter().collect::<Map>()))
    }
}

/// Reads a typed struct out of a value, as `serde_json::from_value` did.
impl<'de> Deserializer<'de> for Value {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(b),
            Value::Number(Number(N::PosInt(n))) => visitor.visit_u64(n),
            Value::Number(Number(N::NegInt(n))) => visitor.visit_i64(n),
            Value::Number(Number(N::Float(f))) => visitor.visit_f64(f),
            Value::String(s) => visitor.visit_string(s),
            Value::Array(items) => {
                let mut seq = SeqDeserializer::new(items.into_iter());
                let value = visitor.visit_seq(&mut seq)?;
                seq.end()?;
                Ok(value)
            }
            Value::Object(map) => {
                let mut access = MapDeserializer::new(map.into_iter());
                let value = visitor.visit_map(&mut access)?;
                access.end()?;
                Ok(value)
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self {
            Value::Null => visitor.visit_none(),
            other => visitor.visit_some(other),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl IntoDeserializer<'_, Error> for Value {
    type Deserializer = Value;

    fn into_deserializer(self) -> Value {
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_json_text_reads_and_writes_like_the_reader() {
        let text =
            r#"{"b":[1,-2,2.5,"x",null,true],"a":{"z":{},"y":[]},"b":0,"c":18446744073709551615}"#;
        let ours = crate::json::parse(text).unwrap();
        let via_serde: Value = serde_json::from_str(text).unwrap();
        assert_eq!(ours, via_serde);
        assert_eq!(
            serde_json::to_string(&ours).unwrap(),
            serde_json::from_str::<serde_json::Value>(text)
                .unwrap()
                .to_string()
        );
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Probe {
        name: String,
        count: u32,
        delta: i64,
        ratio: f64,
        tags: Vec<String>,
        maybe: Option<bool>,
        missing: Option<bool>,
        inner: Inner,
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Inner(String);

    #[test]
    fn deserializes_typed_structs_like_serde_json() {
        let text = r#"{"name":"n","count":3,"delta":-4,"ratio":0.5,"tags":["a","b"],"maybe":null,"inner":"i","extra":[1]}"#;
        let ours = Probe::deserialize(crate::json::parse(text).unwrap()).unwrap();
        let reference: Probe = serde_json::from_str(text).unwrap();
        assert_eq!(ours, reference);
        let wrong = crate::json::parse(r#"{"name":1}"#).unwrap();
        assert_eq!(
            Probe::deserialize(wrong).unwrap_err().to_string(),
            serde_json::from_str::<Probe>(r#"{"name":1}"#)
                .unwrap_err()
                .to_string()
                .split(" at line")
                .next()
                .unwrap()
        );
    }
}
