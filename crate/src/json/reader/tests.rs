use super::*;

use serde_json::Value as Reference;

/// serde_json is the reference; floats may differ in the last bit
/// (serde_json's default float parsing is not always correctly rounded).
/// Objects compare in order: ours must be sorted like serde_json's map.
fn same(a: &Value, b: &Reference) -> bool {
    match (a, b) {
        (Value::Null, Reference::Null) => true,
        (Value::Bool(x), Reference::Bool(y)) => x == y,
        (Value::String(x), Reference::String(y)) => x == y,
        (Value::Number(x), Reference::Number(y)) if x.is_f64() && y.is_f64() => {
            // At most one unit in the last place apart: a relative bound
            // fails for subnormals, whose precision is lower (the proptest
            // regression 1.89921742751443e-309 is one ULP off).
            let (x, y) = (x.as_f64(), y.as_f64().unwrap_or(0.0));
            x == y || (x.signum() == y.signum() && x.to_bits().abs_diff(y.to_bits()) <= 1)
        }
        (Value::Number(x), Reference::Number(y)) => {
            !x.is_f64() && !y.is_f64() && x.as_u64() == y.as_u64() && x.as_i64() == y.as_i64()
        }
        (Value::Array(x), Reference::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(a, b)| same(a, b))
        }
        (Value::Object(x), Reference::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .zip(y)
                    .all(|((ka, a), (kb, b))| ka == kb && same(a, b))
        }
        _ => false,
    }
}

fn agrees(text: &str) {
    let ours = parse(text);
    let reference = serde_json::from_str::<Reference>(text);
    match (&ours, &reference) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "{text:?}: {a:?} vs {b:?}"),
        (Err(e), Err(r)) => {
            assert_eq!(e.eof, r.is_eof(), "{text:?}: {e:?} vs {r}");
        }
        _ => panic!("{text:?}: ours {ours:?}, serde_json {reference:?}"),
    }
}

#[test]
fn case_table_agrees_with_serde_json() {
    let cases = [
        "null",
        "true",
        "false",
        "nul",
        "tru",
        "fals",
        "nulls",
        "0",
        "-0",
        "1",
        "-1",
        "01",
        "-01",
        "00",
        "1.",
        "1.5",
        ".5",
        "-",
        "--1",
        "+1",
        "1e",
        "1e+",
        "1e5",
        "1E-5",
        "1.5e300",
        "1e400",
        "-1e400",
        "1e-400",
        "0.1",
        "123456789012345678901234567890",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "9223372036854775807",
        "-18446744073709551616",
        "3.141592653589793",
        "2.2250738585072014e-308",
        "4.9e-324",
        "1.7976931348623157e308",
        "\"\"",
        "\"a\"",
        "\"a",
        "\"\\\"\"",
        "\"\\\\\"",
        "\"\\/\"",
        "\"\\b\\f\\n\\r\\t\"",
        "\"\\x\"",
        "\"\\u0041\"",
        "\"\\u00e9\"",
        "\"\\u004\"",
        "\"\\u00G1\"",
        // A truncated escape is the end of input, hex or not (proptest regression).
        "\"\\u ",
        "\"\\u e",
        "\"\\u00",
        "\"\\ud83d\\u 1",
        "\"\\ud83d\\ude00\"",
        "\"\\ud83d\"",
        "\"\\ude00\"",
        "\"\\ud83dx\"",
        "\"\\ud83d\\u0041\"",
        "\"\\ud83d\\",
        "\"é日本😀\"",
        "\"tab\there\"",
        "\"nl\nhere\"",
        "\"\u{7f}\"",
        "[]",
        "[ ]",
        "[1,2]",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[",
        "[1",
        "[1,",
        "{}",
        "{ }",
        "{\"a\":1}",
        "{\"a\":1,}",
        "{\"a\" 1}",
        "{a:1}",
        "{\"a\":}",
        "{\"a\":1,\"a\":2}",
        "{\"b\":1,\"a\":2,\"b\":3,\"c\":0,\"a\":4,\"b\":[5]}",
        "{\"b\":1,\"a\":[{}]}",
        "{",
        "{\"a\"",
        "{\"a\":",
        "{1:1}",
        " \t\n\r 1 \r\n",
        "1 2",
        "[] []",
        "",
        " ",
        "\u{feff}1",
        "\u{a0}1",
        "[1]x",
        "{\"a\":[true,false,null,\"x\",{\"b\":-1.25e-3}]}",
    ];
    for text in cases {
        agrees(text);
    }
}

#[test]
fn nesting_limit_matches_serde_json() {
    for depth in [1, 126, 127, 128, 129, 10_000] {
        agrees(&format!("{}{}", "[".repeat(depth), "]".repeat(depth)));
        agrees(&format!(
            "{}1{}",
            "{\"a\":".repeat(depth),
            "}".repeat(depth)
        ));
        agrees(&"[".repeat(depth));
    }
}

#[test]
fn errors_point_where_serde_json_does() {
    for text in [
        "{\n  \"a\": x}",
        "[1,",
        "[1 2]",
        "\"\\x\"",
        "01",
        "{\"a\":1,}",
        "  \n\n  nul",
    ] {
        let e = parse(text).unwrap_err();
        let r = serde_json::from_str::<Reference>(text).unwrap_err();
        assert_eq!((e.line, e.column), (r.line(), r.column()), "{text:?}");
    }
}

#[test]
fn errors_give_line_and_column() {
    assert_eq!(
        parse("{\n  \"a\": x}"),
        Err(JsonError {
            eof: false,
            line: 2,
            column: 8
        })
    );
    assert_eq!(
        parse("[1,"),
        Err(JsonError {
            eof: true,
            line: 1,
            column: 3
        })
    );
}

proptest::proptest! {
    #[test]
    fn agrees_with_serde_json_on_json_like_text(
        s in "[ \\[\\]{}:,\"\\\\a-cu0-9.eE+\\-ntrfls\\n]{0,40}"
    ) {
        agrees(&s);
    }

    #[test]
    fn agrees_with_serde_json_on_any_text(s in "\\PC{0,40}") {
        agrees(&s);
    }

    #[test]
    fn round_trips_serde_json_output(v in arb_value()) {
        let text = v.to_string();
        let back = parse(&text).unwrap();
        proptest::prop_assert!(same(&back, &v), "{text}");
        agrees(&text);
    }
}

fn arb_value() -> impl proptest::strategy::Strategy<Value = Reference> {
    use proptest::prelude::*;
    let leaf = prop_oneof![
        Just(Reference::Null),
        any::<bool>().prop_map(Reference::Bool),
        any::<u64>().prop_map(Reference::from),
        any::<i64>().prop_map(Reference::from),
        any::<f64>()
            .prop_filter_map("finite", serde_json::Number::from_f64)
            .prop_map(Reference::Number),
        "\\PC{0,8}".prop_map(Reference::String),
        any::<String>().prop_map(Reference::String),
    ];
    leaf.prop_recursive(4, 32, 4, |inner| {
        prop_oneof![
            proptest::collection::vec(inner.clone(), 0..4).prop_map(Reference::Array),
            proptest::collection::btree_map("\\PC{0,4}", inner, 0..4)
                .prop_map(|m| Reference::Object(m.into_iter().collect())),
        ]
    })
}
