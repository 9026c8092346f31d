//! A JS value made of JSON (the result of `JSON.parse`) to the core crate's
//! [`JsonValue`](wa_signup::api::JsonValue), without JSON text on the Rust side.
//!
//! Why: `serde_json::from_str` was the only user of serde_json's parser in the
//! widget's wasm (the core reads JSON with its own reader), and it cost about
//! as much as the options it read. The result is the value serde_json would
//! build from `JSON.stringify` of the same object (without serde_json's
//! `BTreeMap`-backed map): `null`, booleans, strings, arrays, objects
//! (members in key order), and numbers with serde_json's rules (an integer
//! written without exponent that fits `u64`/`i64` is kept exact, from its JS
//! text; anything else is an `f64`).

use js_sys::{Array, Object, Reflect};
use wa_signup::api::{JsonMap, JsonNumber as Number, JsonValue as Value};
use wasm_bindgen::{JsCast, JsValue};

/// Nesting limit, as serde_json's: 127 open arrays/objects are fine, 128 are not.
const MAX_DEPTH: u32 = 128;

/// Converts `value`, a value returned by `JSON.parse`. `None` for anything
/// JSON cannot hold (which `JSON.parse` never returns) or nesting deeper than
/// serde_json accepts.
pub(crate) fn to_value(value: &JsValue) -> Option<Value> {
    convert(value, MAX_DEPTH)
}

fn convert(value: &JsValue, depth: u32) -> Option<Value> {
    if value.is_null() {
        return Some(Value::Null);
    }
    if let Some(flag) = value.as_bool() {
        return Some(Value::Bool(flag));
    }
    if let Some(text) = value.as_string() {
        return Some(Value::String(text));
    }
    if let Some(number) = value.as_f64() {
        return to_number(number).map(Value::Number);
    }
    let depth = depth.checked_sub(1).filter(|d| *d > 0)?;
    if Array::is_array(value) {
        let array: &Array = value.unchecked_ref();
        let mut items = Vec::new();
        for item in array.iter() {
            items.push(convert(&item, depth)?);
        }
        return Some(Value::Array(items));
    }
    let object: &Object = value.dyn_ref()?;
    let mut entries = Vec::new();
    for key in Object::keys(object).iter() {
        let item = Reflect::get(object, &key).ok()?;
        entries.push((key.as_string()?, convert(&item, depth)?));
    }
    Some(Value::Object(entries.into_iter().collect::<JsonMap>()))
}

/// serde_json's number for what `JSON.stringify` writes for `number`: plain
/// integer digits (below 1e21) become `u64`/`i64` when they fit, parsed from
/// the JS text so the value is the written one, not the nearest `f64`.
fn to_number(number: f64) -> Option<Number> {
    if number.fract() == 0.0 && number.abs() < 1e21 {
        let text = String::from(js_sys::Number::from(number).to_string_with_radix(10).ok()?);
        if let Ok(n) = text.parse::<u64>() {
            return Some(Number::from(n));
        }
        if let Ok(n) = text.parse::<i64>() {
            return Some(Number::from(n));
        }
    }
    Number::from_f64(number)
}

#[cfg(test)]
mod tests {
    use super::*;
    use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

    wasm_bindgen_test_configure!(run_in_browser);

    /// What `mount()` reads for the JS value of `text` (stringify, parse,
    /// walk) and what it read before (stringify, `serde_json::from_str`;
    /// here with `float_roundtrip`, so its floats are correctly rounded like
    /// the engine's — without it serde_json may be one ulp off).
    fn ours_and_reference(text: &str) -> (Option<Value>, Option<Value>) {
        let object = js_sys::JSON::parse(text).expect("test JSON");
        let json: String = js_sys::JSON::stringify(&object).expect("stringify").into();
        let ours = js_sys::JSON::parse(&json).ok().as_ref().and_then(to_value);
        let reference = serde_json::from_str::<serde_json::Value>(&json).ok();
        // serde_json's own map settled the key order and duplicates; the
        // conversion only copies.
        (
            ours,
            reference.map(|v| serde_json::from_value(v).expect("converts")),
        )
    }

    fn assert_agrees(text: &str) {
        let (ours, reference) = ours_and_reference(text);
        assert!(reference.is_some(), "{text}: the reference reads it");
        assert_eq!(ours, reference, "{text}");
    }

    #[wasm_bindgen_test]
    fn agrees_with_serde_json_on_a_case_table() {
        let cases = [
            "null",
            "true",
            "false",
            r#""""#,
            r#""Acme \"Corp\" \\ é 😀 \u0000 \n""#,
            "0",
            "-0",
            "7",
            "-7",
            "1.5",
            "-3.25",
            "0.1",
            "1e3",
            "2.5e-7",
            "1e300",
            "1e21",
            "-1e21",
            "999999999999999900000",
            "9007199254740993",
            "1234567890123456789",
            "18446744073709551615",
            "18446744073709551616",
            "-9223372036854775808",
            "-9223372036854775809",
            "123456789012345678901",
            "[]",
            "{}",
            r#"[1, "a", null, [true, {"b": [2.5]}]]"#,
            r#"{"appId": 1234567890, "configId": "987654321", "headers": {"X-CSRF": "t"},
                "allowedOrigins": ["https://a.example"], "sessionGraceMs": 1500.5,
                "nested": {"deep": [{"x": -1}]}, "a": 1, "a": 2}"#,
        ];
        for text in cases {
            assert_agrees(text);
        }
    }

    fn float(f: f64) -> Value {
        Value::Number(Number::from_f64(f).expect("finite"))
    }

    #[wasm_bindgen_test]
    fn integers_keep_the_digits_json_stringify_writes() {
        let cases = [
            ("1234567890", Value::Number(Number::from(1_234_567_890_u64))),
            ("-42", Value::Number(Number::from(-42_i64))),
            // Nearest double, written by JSON.stringify as 1234567890123456800.
            (
                "1234567890123456789",
                Value::Number(Number::from(1_234_567_890_123_456_800_u64)),
            ),
            (
                "18446744073709551615",
                float(18_446_744_073_709_552_000_f64),
            ),
            ("1.5", float(1.5_f64)),
        ];
        for (text, want) in cases {
            let (ours, _) = ours_and_reference(text);
            assert_eq!(ours, Some(want), "{text}");
        }
    }

    #[wasm_bindgen_test]
    fn nesting_is_limited_like_serde_json() {
        for (depth, accepted) in [(1, true), (127, true), (128, false), (5000, false)] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            let (ours, reference) = ours_and_reference(&text);
            assert_eq!(ours.is_some(), accepted, "depth {depth}");
            assert_eq!(reference.is_some(), accepted, "depth {depth}");
            assert_eq!(ours, reference, "depth {depth}");
        }
        let objects = format!("{}1{}", r#"{"a":"#.repeat(128), "}".repeat(128));
        assert_eq!(ours_and_reference(&objects), (None, None));
    }

    /// A small deterministic generator of JSON texts (numbers of every kind,
    /// strings with escapes, nesting), each compared with the reference.
    #[wasm_bindgen_test]
    fn agrees_with_serde_json_on_generated_values() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        fn value(next: &mut dyn FnMut() -> u64, depth: u32, out: &mut String) {
            let pick = if depth == 0 { next() % 5 } else { next() % 7 };
            match pick {
                0 => out.push_str("null"),
                1 => out.push_str(if next() % 2 == 0 { "true" } else { "false" }),
                2 => {
                    // Integers of every size, both signs.
                    let bits = next() % 64;
                    let n = next() >> (63 - bits.min(63));
                    if next() % 2 == 0 {
                        out.push_str(&format!("-{n}"));
                    } else {
                        out.push_str(&n.to_string());
                    }
                }
                3 => {
                    let mantissa = next() % 10_000_000;
                    let exponent = (next() % 60) as i32 - 30;
                    out.push_str(&format!("{mantissa}e{exponent}"));
                }
                4 => {
                    let pieces = ["a", "é", "\\\"", "\\\\", "\\n", "\\u0001", "😀", "sk"];
                    out.push('"');
                    for _ in 0..next() % 6 {
                        out.push_str(pieces[(next() % pieces.len() as u64) as usize]);
                    }
                    out.push('"');
                }
                5 => {
                    out.push('[');
                    for i in 0..next() % 4 {
                        if i > 0 {
                            out.push(',');
                        }
                        value(next, depth - 1, out);
                    }
                    out.push(']');
                }
                _ => {
                    out.push('{');
                    for i in 0..next() % 4 {
                        if i > 0 {
                            out.push(',');
                        }
                        out.push_str(&format!("\"k{}\":", next() % 5));
                        value(next, depth - 1, out);
                    }
                    out.push('}');
                }
            }
        }
        for _ in 0..2000 {
            let mut text = String::new();
            value(&mut next, 4, &mut text);
            assert_agrees(&text);
        }
    }
}
