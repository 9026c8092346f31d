use super::*;

static INNER: Schema = Schema {
    fields: &[field("n", Kind::UInt, Presence::Required)],
    deny_unknown: false,
};
static SCHEMA: Schema = Schema {
    fields: &[
        field("s", Kind::Str, Presence::Required),
        field("t", Kind::Timestamp, Presence::Nullable),
        field("o", Kind::Object(&INNER), Presence::Optional),
        field("a", Kind::Array(&Kind::Object(&INNER)), Presence::Optional),
        field("i", Kind::Int, Presence::Optional),
        field("l", Kind::Array(&Kind::Str), Presence::Optional),
    ],
    deny_unknown: true,
};

fn run(json: &str) -> Result<Value, ApiError> {
    let value = parse_object(json)?;
    check(&value, &SCHEMA)?;
    Ok(value)
}

#[test]
fn case_table() {
    let missing = |f: &str| Err(ApiError::MissingField { field: f.into() });
    let invalid = |f: &str, e| {
        Err(ApiError::InvalidField {
            field: f.into(),
            expected: e,
        })
    };
    let cases: Vec<(&str, Result<(), ApiError>)> = vec![
        (r#"{"s":"x","t":null}"#, Ok(())),
        (r#"{"s":"x","t":"2023-11-07T05:31:56Z","i":-5}"#, Ok(())),
        (r#"{"t":null}"#, missing("s")),
        (r#"{"s":"x"}"#, missing("t")),
        (r#"{"s":null,"t":null}"#, invalid("s", "a string")),
        (r#"{"s":1,"t":null}"#, invalid("s", "a string")),
        (
            r#"{"s":"x","t":"soon"}"#,
            Err(ApiError::InvalidTimestamp { field: "t".into() }),
        ),
        (
            r#"{"s":"x","t":5}"#,
            invalid("t", "an RFC 3339 date-time string"),
        ),
        (r#"{"s":"x","t":null,"o":{}}"#, missing("o.n")),
        (
            r#"{"s":"x","t":null,"o":{"n":-1}}"#,
            invalid("o.n", "a non-negative integer"),
        ),
        (
            r#"{"s":"x","t":null,"o":{"n":1.5}}"#,
            invalid("o.n", "a non-negative integer"),
        ),
        (r#"{"s":"x","t":null,"o":{"n":1,"extra":1}}"#, Ok(())),
        (r#"{"s":"x","t":null,"a":[{"n":1},{}]}"#, missing("a[1].n")),
        (
            r#"{"s":"x","t":null,"a":[{"n":1},7]}"#,
            invalid("a[1]", "an object"),
        ),
        (r#"{"s":"x","t":null,"a":{}}"#, invalid("a", "an array")),
        (
            r#"{"s":"x","t":null,"l":["a",null]}"#,
            invalid("l[1]", "a string"),
        ),
        (
            r#"{"s":"x","t":null,"i":18446744073709551615}"#,
            invalid("i", "an integer"),
        ),
        (
            r#"{"s":"x","t":null,"S":"typo"}"#,
            Err(ApiError::UnknownField { field: "S".into() }),
        ),
    ];
    for (json, want) in cases {
        assert_eq!(run(json).map(|_| ()), want, "{json}");
    }
}

#[test]
fn not_json_or_not_an_object() {
    for bad in [
        "",
        "{",
        "[]",
        "null",
        "\"x\"",
        "{\"s\":\"x\",}",
        "{\"s\":\"\\ud800\"}",
    ] {
        let err = run(bad).unwrap_err();
        assert!(
            matches!(err, ApiError::InvalidJson { .. }),
            "{bad}: {err:?}"
        );
    }
    assert!(matches!(
        check(&Value::Number(1_u64.into()), &SCHEMA),
        Err(ApiError::InvalidJson { .. })
    ));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(10_000);
    assert!(matches!(run(&deep), Err(ApiError::InvalidJson { .. })));
}

#[test]
fn checked_readers() {
    let v = run(r#"{"s":"x","t":null,"l":["a","b"],"o":{"n":1}}"#).unwrap();
    let c = check(&v, &SCHEMA).unwrap();
    assert_eq!(c.string("s"), "x");
    assert_eq!(c.opt_string("t"), None);
    assert_eq!(c.strings("l"), ["a", "b"]);
    assert_eq!(c.opt_strings("a"), None);
    assert_eq!(c.opt_bool("s"), None);
}

#[test]
fn projection_keeps_schema_order_drops_unknown_and_optional_nulls() {
    let v =
        parse_object(r#"{"x":1,"l":null,"a":[{"z":0,"n":2}],"t":null,"s":"v","o":{"n":1,"q":2}}"#)
            .unwrap();
    assert_eq!(
        serde_json::to_string(&project(&v, &SCHEMA)).unwrap(),
        r#"{"s":"v","t":null,"o":{"n":1},"a":[{"n":2}]}"#
    );
}

#[cfg(not(target_arch = "wasm32"))]
proptest::proptest! {
    #[test]
    fn never_panics(s in "\\PC{0,80}") {
        if let Ok(v) = parse_object(&s) {
            let _ = check(&v, &SCHEMA);
            let _ = project(&v, &SCHEMA);
        }
    }
}
