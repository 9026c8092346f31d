//! `extras`, field by field (issue 14, item 4: pinned before the reader
//! became table-driven): the whole message of each error, which error wins
//! when several fields are wrong, and what each accepted value is sent as.

use serde_json::{json, Value};

use crate::error::ErrorCode;
use crate::flow::config::SignupConfig;

fn read(extras: Value) -> Result<Value, (String, &'static str)> {
    let raw = json!({
        "appId": "1234567890",
        "configId": "987654321",
        "callbackUrl": "https://api.example.com/whatsapp/callback",
        "extras": extras,
    });
    SignupConfig::from_json(&crate::json::from_serde(&raw))
        .map(|c| serde_json::to_value(&c.extras).unwrap())
        .map_err(|e| (e.to_string(), e.code()))
}

/// The whole message and the code of the first broken rule.
#[test]
fn each_error_has_its_whole_message() {
    let long_key = "k".repeat(65);
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!([]), "EXTRAS_INVALID_TYPE", "extras has the wrong type or is missing"),
        (json!({"version": " v3"}), "EXTRAS_INVALID_VALUE", "extras.version is not a value Meta documents"),
        (json!({"featureType": 5}), "EXTRAS_INVALID_TYPE", "extras.featureType has the wrong type or is missing"),
        (json!({"featureType": "f".repeat(65)}), "EXTRAS_INVALID_VALUE", "extras.featureType is not a value Meta documents"),
        (json!({"sessionInfoVersion": true}), "EXTRAS_INVALID_VALUE", "extras.sessionInfoVersion is not a value Meta documents"),
        (json!({"sessionInfoVersion": "3 "}), "EXTRAS_INVALID_VALUE", "extras.sessionInfoVersion is not a value Meta documents"),
        (json!({"features": [{}]}), "EXTRAS_INVALID_TYPE", "extras.features has the wrong type or is missing"),
        (json!({"features": [{"name": null}]}), "EXTRAS_INVALID_TYPE", "extras.features has the wrong type or is missing"),
        (json!({"features": [{"name": 1}]}), "EXTRAS_INVALID_TYPE", "extras.features has the wrong type or is missing"),
        (json!({"features": [{"name": ""}]}), "EXTRAS_INVALID_VALUE", "extras.features is not a value Meta documents"),
        (json!({"features": [{"name": "a", "x": 1, "b": 2}]}), "EXTRAS_UNKNOWN_FIELD", "extras.features.b is not a field Meta documents for extras"),
        (json!({"a\u{1}": 1}), "EXTRAS_UNKNOWN_FIELD", "extras.<unprintable key> is not a field Meta documents for extras"),
        (json!({long_key.clone(): 1}), "EXTRAS_UNKNOWN_FIELD", "extras.<unprintable key> is not a field Meta documents for extras"),
        (json!({"setup": []}), "EXTRAS_INVALID_TYPE", "extras.setup has the wrong type or is missing"),
        (json!({"setup": {"solutionID": true}}), "EXTRAS_INVALID_ID", "extras.setup.solutionID must be a Meta id (1 to 20 digits, no leading zero)"),
        (json!({"setup": {"solutionID": " 1"}}), "EXTRAS_INVALID_ID", "extras.setup.solutionID must be a Meta id (1 to 20 digits, no leading zero)"),
        (json!({"setup": {"business": "x"}}), "EXTRAS_INVALID_TYPE", "extras.setup.business has the wrong type or is missing"),
        (json!({"setup": {"business": {"name": 1}}}), "EXTRAS_INVALID_TYPE", "extras.setup.business.name has the wrong type or is missing"),
        (json!({"setup": {"business": {"email": "e".repeat(250) + "@a.io"}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.email must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"timezone": "utc+01:00"}}}), "EXTRAS_INVALID_VALUE", "extras.setup.business.timezone is not a value Meta documents"),
        (json!({"setup": {"business": {"address": 1}}}), "EXTRAS_INVALID_TYPE", "extras.setup.business.address has the wrong type or is missing"),
        (json!({"setup": {"business": {"address": {"city": "c".repeat(257)}}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.address.city must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"address": {"streetAddress1": "x".repeat(257)}}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.address.streetAddress1 must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"address": {"streetAddress2": "x".repeat(257)}}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.address.streetAddress2 must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"address": {"state": "x".repeat(257)}}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.address.state must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"address": {"zipPostal": "x".repeat(257)}}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.address.zipPostal must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"phone": {"displayName": "A", "category": "C".repeat(65), "description": "B"}}}), "EXTRAS_INVALID_TEXT", "extras.setup.phone.category must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"timezone": "U".repeat(65)}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.timezone must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"phone": []}}}), "EXTRAS_INVALID_TYPE", "extras.setup.business.phone has the wrong type or is missing"),
        (json!({"setup": {"business": {"phone": {"number": "6505559999"}}}}), "EXTRAS_INVALID_TYPE", "extras.setup.business.phone has the wrong type or is missing"),
        (json!({"setup": {"business": {"phone": {"code": null, "number": "6505559999"}}}}), "EXTRAS_INVALID_TYPE", "extras.setup.business.phone has the wrong type or is missing"),
        (json!({"setup": {"business": {"phone": {"code": 70_001, "number": "6505559999"}}}}), "EXTRAS_INVALID_PHONE", "extras.setup.business.phone must be a valid phone number: code is the country calling code, number the national number"),
        (json!({"setup": {"business": {"phone": {"code": "", "number": "6505559999"}}}}), "EXTRAS_INVALID_PHONE", "extras.setup.business.phone must be a valid phone number: code is the country calling code, number the national number"),
        (json!({"setup": {"business": {"phone": {"code": 1.5, "number": "6505559999"}}}}), "EXTRAS_INVALID_PHONE", "extras.setup.business.phone must be a valid phone number: code is the country calling code, number the national number"),
        (json!({"setup": {"business": {"phone": {"code": 1, "number": 6_505_559_999u64}}}}), "EXTRAS_INVALID_TYPE", "extras.setup.business.phone has the wrong type or is missing"),
        (json!({"setup": {"business": {"phone": {"code": 1, "number": " "}}}}), "EXTRAS_INVALID_TEXT", "extras.setup.business.phone must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"business": {"phone": {"code": 1, "number": "6505559999 ext. 12"}}}}), "EXTRAS_INVALID_PHONE", "extras.setup.business.phone must be a valid phone number: code is the country calling code, number the national number"),
        (json!({"setup": {"business": {"phone": {"code": 1, "number": "6505559999", "ext": "1"}}}}), "EXTRAS_UNKNOWN_FIELD", "extras.setup.business.phone.ext is not a field Meta documents for extras"),
        (json!({"setup": {"phone": "x"}}), "EXTRAS_INVALID_TYPE", "extras.setup.phone has the wrong type or is missing"),
        (json!({"setup": {"phone": {"displayName": null, "category": "A", "description": "B"}}}), "EXTRAS_INVALID_TYPE", "extras.setup.phone.displayName has the wrong type or is missing"),
        (json!({"setup": {"phone": {"displayName": "A", "category": "A"}}}), "EXTRAS_INVALID_TYPE", "extras.setup.phone.description has the wrong type or is missing"),
        (json!({"setup": {"phone": {"displayName": "d".repeat(257), "category": "A", "description": "B"}}}), "EXTRAS_INVALID_TEXT", "extras.setup.phone.displayName must be non-empty text within its length limit, without control characters"),
        (json!({"setup": {"preVerifiedPhone": {}}}), "EXTRAS_INVALID_TYPE", "extras.setup.preVerifiedPhone.ids has the wrong type or is missing"),
        (json!({"setup": {"preVerifiedPhone": []}}), "EXTRAS_INVALID_TYPE", "extras.setup.preVerifiedPhone has the wrong type or is missing"),
        (json!({"setup": {"whatsAppBusinessAccount": {"ids": [9_007_199_254_740_992u64]}}}), "EXTRAS_INVALID_ID", "extras.setup.whatsAppBusinessAccount.ids must be a Meta id (1 to 20 digits, no leading zero)"),
        (json!({"setup": {"whatsAppBusinessAccount": {"ids": ["5", 5]}}}), "EXTRAS_TOO_MANY", "extras.setup.whatsAppBusinessAccount.ids has too many or repeated entries"),
    ];
    for (extras, code, message) in cases {
        let name = extras.to_string();
        let (text, got) = read(extras).expect_err(&name);
        assert_eq!(
            (text.as_str(), got),
            (format!("invalid extras: {message}").as_str(), code),
            "{name}"
        );
    }
}

/// Several wrong fields: the first of the order below is reported (unknown
/// keys before any value, then each object's fields in this order).
#[test]
fn the_first_broken_rule_wins_in_a_fixed_order() {
    let cases: Vec<(Value, &str)> = vec![
        (json!({"version": "x", "zzz": 1}), "extras.zzz"),
        (
            json!({"setup": {"business": {"fax": 1}}, "version": "x"}),
            "extras.version",
        ),
        (
            json!({"version": "x", "featureType": "X", "sessionInfoVersion": 4, "features": 1, "setup": 1}),
            "extras.version",
        ),
        (
            json!({"featureType": "X", "sessionInfoVersion": 4, "features": 1, "setup": 1}),
            "extras.featureType",
        ),
        (
            json!({"sessionInfoVersion": 4, "features": 1, "setup": 1}),
            "extras.sessionInfoVersion",
        ),
        (json!({"features": 1, "setup": 1}), "extras.features"),
        (
            json!({"features": [{"name": "A", "zzz": 1}]}),
            "extras.features.zzz",
        ),
        (
            json!({"features": [{"name": "a"}, {"name": "a"}, {"name": "B"}]}),
            "EXTRAS_TOO_MANY",
        ),
        (
            json!({"setup": {"solutionID": "x", "business": 1, "phone": 1, "preVerifiedPhone": 1, "whatsAppBusinessAccount": 1}}),
            "extras.setup.solutionID",
        ),
        (
            json!({"setup": {"business": 1, "phone": 1, "preVerifiedPhone": 1, "whatsAppBusinessAccount": 1}}),
            "extras.setup.business ",
        ),
        (
            json!({"setup": {"phone": 1, "preVerifiedPhone": 1, "whatsAppBusinessAccount": 1}}),
            "extras.setup.phone ",
        ),
        (
            json!({"setup": {"preVerifiedPhone": 1, "whatsAppBusinessAccount": 1}}),
            "extras.setup.preVerifiedPhone ",
        ),
        (
            json!({"setup": {"business": {"id": "x", "name": "", "email": "x", "phone": 1, "website": "x", "address": 1, "timezone": "x"}}}),
            "extras.setup.business.email",
        ),
        (
            json!({"setup": {"business": {"id": "x", "name": "", "phone": 1, "website": "x", "address": 1, "timezone": "x"}}}),
            "extras.setup.business.website",
        ),
        (
            json!({"setup": {"business": {"id": "x", "name": "", "phone": 1, "address": 1, "timezone": "x"}}}),
            "extras.setup.business.timezone",
        ),
        (
            json!({"setup": {"business": {"id": "x", "name": "", "phone": 1, "address": 1}}}),
            "extras.setup.business.id",
        ),
        (
            json!({"setup": {"business": {"name": "", "phone": 1, "address": 1}}}),
            "extras.setup.business.name",
        ),
        (
            json!({"setup": {"business": {"phone": 1, "address": 1}}}),
            "extras.setup.business.phone ",
        ),
        (
            json!({"setup": {"business": {"address": {"streetAddress1": "", "city": "", "country": "x"}}}}),
            "extras.setup.business.address.country",
        ),
        (
            json!({"setup": {"business": {"address": {"streetAddress1": "", "streetAddress2": "", "city": "", "state": "", "zipPostal": ""}}}}),
            "extras.setup.business.address.streetAddress1",
        ),
        (
            json!({"setup": {"business": {"address": {"streetAddress2": "", "city": "", "state": "", "zipPostal": ""}}}}),
            "extras.setup.business.address.streetAddress2",
        ),
        (
            json!({"setup": {"business": {"address": {"city": "", "state": "", "zipPostal": ""}}}}),
            "extras.setup.business.address.city",
        ),
        (
            json!({"setup": {"business": {"address": {"state": "", "zipPostal": ""}}}}),
            "extras.setup.business.address.state",
        ),
        (
            json!({"setup": {"phone": {"displayName": "", "category": "x", "description": ""}}}),
            "extras.setup.phone.category",
        ),
        (
            json!({"setup": {"phone": {"displayName": "", "category": "X", "description": ""}}}),
            "extras.setup.phone.displayName",
        ),
        // code before number; the number's type before its text
        (
            json!({"setup": {"business": {"phone": {"code": "x"}}}}),
            "EXTRAS_INVALID_PHONE",
        ),
        (
            json!({"setup": {"business": {"phone": {"code": 1, "number": ""}}}}),
            "EXTRAS_INVALID_TEXT",
        ),
        (
            json!({"setup": {"preVerifiedPhone": {"ids": ["x", "1", "1"]}}}),
            "EXTRAS_INVALID_ID",
        ),
        (
            json!({"setup": {"preVerifiedPhone": {"ids": ["1", "1", "x"]}}}),
            "EXTRAS_TOO_MANY",
        ),
    ];
    for (extras, want) in cases {
        let name = extras.to_string();
        let (text, code) = read(extras).expect_err(&name);
        assert!(
            text.contains(want) || code == want,
            "{name}: {text} ({code}), want {want}"
        );
    }
}

/// What each accepted value is sent as: text trimmed, ids as strings,
/// the phone split by our parser, empty lists and nulls left out.
#[test]
fn accepted_values_are_sent_normalised() {
    let cases: Vec<(Value, Value)> = vec![
        (
            // Every free-text field at its longest.
            json!({"setup": {"business": {"address": {
                "streetAddress1": "a".repeat(256), "streetAddress2": "b".repeat(256),
                "city": "c".repeat(256), "state": "d".repeat(256), "zipPostal": "e".repeat(256),
            }}, "phone": {"displayName": "f".repeat(256), "category": "G".repeat(64), "description": "h".repeat(512)}}}),
            json!({"setup": {"business": {"address": {
                "streetAddress1": "a".repeat(256), "streetAddress2": "b".repeat(256),
                "city": "c".repeat(256), "state": "d".repeat(256), "zipPostal": "e".repeat(256),
            }}, "phone": {"displayName": "f".repeat(256), "category": "G".repeat(64), "description": "h".repeat(512)}}}),
        ),
        (json!({}), json!({"setup": {}})),
        (json!({"features": [], "setup": null}), json!({"setup": {}})),
        (
            json!({"featureType": ""}),
            json!({"setup": {}, "featureType": ""}),
        ),
        (
            json!({"sessionInfoVersion": 3}),
            json!({"setup": {}, "sessionInfoVersion": "3"}),
        ),
        (
            json!({"setup": {"business": {"name": "  Acme  ", "email": " a@b.co ", "timezone": "UTC-12:00"}}}),
            json!({"setup": {"business": {"name": "Acme", "email": "a@b.co", "timezone": "UTC-12:00"}}}),
        ),
        (
            json!({"setup": {"business": {"name": "é".repeat(100)}}}),
            json!({"setup": {"business": {"name": "é".repeat(100)}}}),
        ),
        (
            json!({"setup": {"solutionID": 9_007_199_254_740_991u64, "business": {"id": 42}, "whatsAppBusinessAccount": {"ids": [7, "8"]}}}),
            json!({"setup": {"solutionID": "9007199254740991", "business": {"id": "42"}, "whatsAppBusinessAccount": {"ids": ["7", "8"]}}}),
        ),
        (
            json!({"setup": {"business": {"phone": {"code": "0044", "number": " 020 7946 0958 "}, "address": {"city": " Menlo Park ", "country": "US", "state": null}}}}),
            json!({"setup": {"business": {"phone": {"code": 44, "number": "2079460958"}, "address": {"city": "Menlo Park", "country": "US"}}}}),
        ),
        (
            json!({"setup": {"phone": {"displayName": " A ", "category": " OTHER_2 ", "description": "d".repeat(512)}}}),
            json!({"setup": {"phone": {"displayName": "A", "category": "OTHER_2", "description": "d".repeat(512)}}}),
        ),
        (
            json!({"features": [{"name": "b"}, {"name": "a"}], "version": "v2"}),
            json!({"setup": {}, "version": "v2", "features": [{"name": "b"}, {"name": "a"}]}),
        ),
    ];
    for (extras, sent) in cases {
        let name = extras.to_string();
        assert_eq!(read(extras).expect(&name), sent, "{name}");
    }
}
