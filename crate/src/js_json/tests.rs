//! Browser tests of the JSON conversions, against serde_json as the
//! reference (with `float_roundtrip`: correctly rounded, like the engine).

use std::collections::BTreeMap;

use js_sys::Function;
use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

use super::{json_text, stringify, to_js, to_value, JsJsonError};
use crate::json::{Number, Value};

wasm_bindgen_test_configure!(run_in_browser);

/// A JS value made by evaluating `source` (objects JSON cannot write).
fn js(source: &str) -> JsValue {
    Function::new_no_args(&format!("return {source};"))
        .call0(&JsValue::UNDEFINED)
        .expect("test source evaluates")
}

/// What [`to_value`] reads for the JS value of `text`, and what serde_json
/// reads from `JSON.stringify` of that value (its map settles key order and
/// duplicates; the conversion to our `Value` only copies).
fn ours_and_reference(text: &str) -> (Option<Value>, Option<Value>) {
    let object = js_sys::JSON::parse(text).expect("test JSON");
    let json: String = js_sys::JSON::stringify(&object).expect("stringify").into();
    let ours = to_value(&object).ok();
    let reference = serde_json::from_str::<serde_json::Value>(&json).ok();
    (ours, reference.as_ref().map(crate::json::from_serde))
}

fn assert_agrees(text: &str) {
    let (ours, reference) = ours_and_reference(text);
    assert!(reference.is_some(), "{text}: the reference reads it");
    assert_eq!(ours, reference, "{text}");
}

#[wasm_bindgen_test]
fn to_value_agrees_with_serde_json_on_a_case_table() {
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
            "nested": {"deep": [{"x": -1}]}, "a": 1, "a": 2, "__proto__": {"p": 1}}"#,
    ];
    for text in cases {
        assert_agrees(text);
    }
}

fn float(f: f64) -> Value {
    Value::Number(Number::from_f64(f).expect("finite"))
}

#[wasm_bindgen_test]
fn to_value_keeps_the_integer_digits_json_stringify_writes() {
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
fn to_value_limits_nesting_like_serde_json() {
    for (depth, accepted) in [(1, true), (127, true), (128, false), (5000, false)] {
        let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let (ours, reference) = ours_and_reference(&text);
        assert_eq!(ours.is_some(), accepted, "depth {depth}");
        assert_eq!(reference.is_some(), accepted, "depth {depth}");
        assert_eq!(ours, reference, "depth {depth}");
    }
    let objects = format!("{}1{}", r#"{"a":"#.repeat(128), "}".repeat(128));
    assert_eq!(ours_and_reference(&objects), (None, None));
    let deep = js_sys::JSON::parse(&objects).expect("JS reads any depth");
    assert_eq!(to_value(&deep), Err(JsJsonError::Unreadable));
}

/// A small deterministic generator of JSON texts (numbers of every kind,
/// strings with escapes, nesting), each compared with the reference.
#[wasm_bindgen_test]
fn to_value_agrees_with_serde_json_on_generated_values() {
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

#[wasm_bindgen_test]
fn to_value_reads_what_json_stringify_writes_of_an_object() {
    let options =
        js(r#"{ appId: 12, skip: undefined, f() {}, when: { toJSON() { return "now"; } } }"#);
    let want = crate::json::parse(r#"{"appId": 12, "when": "now"}"#).expect("test JSON");
    assert_eq!(to_value(&options), Ok(want));
}

/// Each way a JS value has no JSON text is its own error.
#[wasm_bindgen_test]
fn values_without_json_text_are_typed_errors() {
    let cases = [
        ("{ n: 1n }", Err(JsJsonError::StringifyFailed)),
        (
            "(() => { const o = {}; o.o = o; return o; })()",
            Err(JsJsonError::StringifyFailed),
        ),
        (
            "{ toJSON() { throw new Error('no'); } }",
            Err(JsJsonError::StringifyFailed),
        ),
        (
            "{ toJSON() { return undefined; } }",
            Err(JsJsonError::NoText),
        ),
        ("() => 1", Err(JsJsonError::NoText)),
        ("undefined", Err(JsJsonError::NoText)),
        ("[undefined, () => 1]", Ok("[null,null]".to_owned())),
        ("'text'", Ok(r#""text""#.to_owned())),
    ];
    for (source, want) in cases {
        assert_eq!(stringify(&js(source)), want, "stringify({source})");
    }
    assert_eq!(
        to_value(&js("{ n: 1n }")),
        Err(JsJsonError::StringifyFailed)
    );
    assert_eq!(to_value(&js("() => 1")), Err(JsJsonError::NoText));
}

#[wasm_bindgen_test]
fn json_text_takes_a_string_as_the_text_and_stringifies_objects() {
    let cases = [
        (r#"'{"a": 1}'"#, Ok(r#"{"a": 1}"#.to_owned())),
        ("'not json'", Ok("not json".to_owned())),
        ("{ a: [1, 'é'] }", Ok(r#"{"a":[1,"é"]}"#.to_owned())),
        ("[1]", Ok("[1]".to_owned())),
        ("3", Err(JsJsonError::NotJson)),
        ("true", Err(JsJsonError::NotJson)),
        ("null", Err(JsJsonError::NotJson)),
        ("undefined", Err(JsJsonError::NotJson)),
        ("() => 1", Err(JsJsonError::NotJson)),
        ("{ n: 1n }", Err(JsJsonError::StringifyFailed)),
        (
            "{ toJSON() { return undefined; } }",
            Err(JsJsonError::NoText),
        ),
    ];
    for (source, want) in cases {
        assert_eq!(
            json_text(&js(source), usize::MAX),
            want,
            "json_text({source})"
        );
    }
}

/// The limit counts UTF-16 units of the text, for strings and objects alike.
#[wasm_bindgen_test]
fn json_text_refuses_text_over_the_limit() {
    for (source, limit, accepted) in [
        ("'abcd'", 4, true),
        ("'abcd'", 3, false),
        ("'😀'", 2, true),
        ("'😀'", 1, false),
        ("{ a: 1 }", 7, true),
        ("{ a: 1 }", 6, false),
    ] {
        let got = json_text(&js(source), limit);
        assert_eq!(got.is_ok(), accepted, "{source} within {limit}: {got:?}");
        if !accepted {
            assert_eq!(got, Err(JsJsonError::TooLong));
        }
    }
}

#[wasm_bindgen_test]
fn to_js_builds_the_plain_object_of_serde_json_text() {
    #[derive(Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Probe {
        app_id: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        absent: Option<u8>,
        present: Option<u8>,
        map: BTreeMap<String, Vec<u64>>,
        big: u64,
    }
    let probe = Probe {
        app_id: "12".to_owned(),
        absent: None,
        present: None,
        map: BTreeMap::from([("k".to_owned(), vec![1, 2])]),
        big: u64::MAX,
    };
    let object = to_js(&probe);
    assert!(object.is_object());
    assert!(!js_sys::Reflect::has(&object, &"absent".into()).expect("has"));
    // No BigInt: u64::MAX is the nearest double, as JSON.parse reads it.
    assert_eq!(
        js_sys::Reflect::get(&object, &"big".into())
            .expect("get")
            .as_f64(),
        Some(18_446_744_073_709_551_615_f64)
    );
    let text: String = js_sys::JSON::stringify(&object).expect("stringify").into();
    assert_eq!(
        text,
        r#"{"appId":"12","present":null,"map":{"k":[1,2]},"big":18446744073709552000}"#
    );
}
