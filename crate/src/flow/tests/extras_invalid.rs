//! `extras` (issue 10): each invalid shape, with its error code and the path
//! the message names.

use serde_json::{json, Value};

use super::extras::{base, read};
use crate::error::ErrorCode;

#[test]
fn each_invalid_shape_has_its_code_and_path() {
    let cases: Vec<(&str, Value, &str, &str)> = vec![
        (
            "not an object",
            json!("v4"),
            "EXTRAS_INVALID_TYPE",
            "extras ",
        ),
        (
            "unknown top key",
            json!({"versoin": "v3"}),
            "EXTRAS_UNKNOWN_FIELD",
            "extras.versoin",
        ),
        (
            "unknown setup key",
            json!({"setup": {"solutionId": "1"}}),
            "EXTRAS_UNKNOWN_FIELD",
            "extras.setup.solutionId",
        ),
        (
            "unknown business key",
            json!({"setup": {"business": {"fax": "1"}}}),
            "EXTRAS_UNKNOWN_FIELD",
            "extras.setup.business.fax",
        ),
        (
            "unknown address key",
            json!({"setup": {"business": {"address": {"zip": "1"}}}}),
            "EXTRAS_UNKNOWN_FIELD",
            "extras.setup.business.address.zip",
        ),
        (
            "version v4 (chosen by the configuration)",
            json!({"version": "v4"}),
            "EXTRAS_INVALID_VALUE",
            "extras.version",
        ),
        (
            "version number",
            json!({"version": 3}),
            "EXTRAS_INVALID_TYPE",
            "extras.version",
        ),
        (
            "session info 4",
            json!({"sessionInfoVersion": 4}),
            "EXTRAS_INVALID_VALUE",
            "extras.sessionInfoVersion",
        ),
        (
            "feature type upper case",
            json!({"featureType": "COEX"}),
            "EXTRAS_INVALID_VALUE",
            "extras.featureType",
        ),
        (
            "features not a list",
            json!({"features": {"name": "x"}}),
            "EXTRAS_INVALID_TYPE",
            "extras.features",
        ),
        (
            "feature as a string",
            json!({"features": ["app_only_install"]}),
            "EXTRAS_INVALID_TYPE",
            "extras.features",
        ),
        (
            "feature bad name",
            json!({"features": [{"name": "App Only"}]}),
            "EXTRAS_INVALID_VALUE",
            "extras.features",
        ),
        (
            "feature extra key",
            json!({"features": [{"name": "a", "on": true}]}),
            "EXTRAS_UNKNOWN_FIELD",
            "extras.features.on",
        ),
        (
            "feature repeated",
            json!({"features": [{"name": "a"}, {"name": "a"}]}),
            "EXTRAS_TOO_MANY",
            "extras.features",
        ),
        (
            "nine features",
            json!({"features": (0..9).map(|i| json!({"name": format!("f{i}")})).collect::<Vec<_>>()}),
            "EXTRAS_TOO_MANY",
            "extras.features",
        ),
        (
            "solution id with letters",
            json!({"setup": {"solutionID": "abc"}}),
            "EXTRAS_INVALID_ID",
            "extras.setup.solutionID",
        ),
        (
            "solution id leading zero",
            json!({"setup": {"solutionID": "0123"}}),
            "EXTRAS_INVALID_ID",
            "extras.setup.solutionID",
        ),
        (
            "solution id beyond 2^53 as a number",
            json!({"setup": {"solutionID": 9_007_199_254_740_993u64}}),
            "EXTRAS_INVALID_ID",
            "extras.setup.solutionID",
        ),
        (
            "business id",
            json!({"setup": {"business": {"id": "12a"}}}),
            "EXTRAS_INVALID_ID",
            "extras.setup.business.id",
        ),
        (
            "business name 101 characters",
            json!({"setup": {"business": {"name": "é".repeat(101)}}}),
            "EXTRAS_INVALID_TEXT",
            "extras.setup.business.name",
        ),
        (
            "business name blank",
            json!({"setup": {"business": {"name": "  "}}}),
            "EXTRAS_INVALID_TEXT",
            "extras.setup.business.name",
        ),
        (
            "business name with a line break",
            json!({"setup": {"business": {"name": "a\nb"}}}),
            "EXTRAS_INVALID_TEXT",
            "extras.setup.business.name",
        ),
        (
            "email without @",
            json!({"setup": {"business": {"email": "support.windandwool.com"}}}),
            "EXTRAS_INVALID_EMAIL",
            "extras.setup.business.email",
        ),
        (
            "email without a dotted domain",
            json!({"setup": {"business": {"email": "a@localhost"}}}),
            "EXTRAS_INVALID_EMAIL",
            "extras.setup.business.email",
        ),
        (
            "email with a space",
            json!({"setup": {"business": {"email": "a b@c.com"}}}),
            "EXTRAS_INVALID_EMAIL",
            "extras.setup.business.email",
        ),
        (
            "website not a URL",
            json!({"setup": {"business": {"website": "windandwool.com"}}}),
            "EXTRAS_INVALID_URL",
            "extras.setup.business.website",
        ),
        (
            "website javascript:",
            json!({"setup": {"business": {"website": "javascript:alert(1)"}}}),
            "EXTRAS_INVALID_URL",
            "extras.setup.business.website",
        ),
        (
            "country lower case",
            json!({"setup": {"business": {"address": {"country": "us"}}}}),
            "EXTRAS_INVALID_COUNTRY",
            "extras.setup.business.address.country",
        ),
        (
            "country alpha-3",
            json!({"setup": {"business": {"address": {"country": "USA"}}}}),
            "EXTRAS_INVALID_COUNTRY",
            "extras.setup.business.address.country",
        ),
        (
            "country not assigned",
            json!({"setup": {"business": {"address": {"country": "ZZ"}}}}),
            "EXTRAS_INVALID_COUNTRY",
            "extras.setup.business.address.country",
        ),
        (
            "country reserved (Ascension)",
            json!({"setup": {"business": {"address": {"country": "AC"}}}}),
            "EXTRAS_INVALID_COUNTRY",
            "extras.setup.business.address.country",
        ),
        (
            "phone without number",
            json!({"setup": {"business": {"phone": {"code": 1}}}}),
            "EXTRAS_INVALID_TYPE",
            "extras.setup.business.phone",
        ),
        (
            "phone code unassigned",
            json!({"setup": {"business": {"phone": {"code": 999, "number": "6505559999"}}}}),
            "EXTRAS_INVALID_PHONE",
            "extras.setup.business.phone",
        ),
        (
            "phone too short",
            json!({"setup": {"business": {"phone": {"code": 44, "number": "12"}}}}),
            "EXTRAS_INVALID_PHONE",
            "extras.setup.business.phone",
        ),
        (
            "phone number with its own +",
            json!({"setup": {"business": {"phone": {"code": 1, "number": "+44 20 7946 0958"}}}}),
            "EXTRAS_INVALID_PHONE",
            "extras.setup.business.phone",
        ),
        (
            "phone code as a word",
            json!({"setup": {"business": {"phone": {"code": "one", "number": "6505559999"}}}}),
            "EXTRAS_INVALID_PHONE",
            "extras.setup.business.phone",
        ),
        (
            "timezone as a name",
            json!({"setup": {"business": {"timezone": "America/Los_Angeles"}}}),
            "EXTRAS_INVALID_VALUE",
            "extras.setup.business.timezone",
        ),
        (
            "timezone out of range",
            json!({"setup": {"business": {"timezone": "UTC+15:00"}}}),
            "EXTRAS_INVALID_VALUE",
            "extras.setup.business.timezone",
        ),
        (
            "timezone odd minutes",
            json!({"setup": {"business": {"timezone": "UTC+05:20"}}}),
            "EXTRAS_INVALID_VALUE",
            "extras.setup.business.timezone",
        ),
        (
            "phone profile without category",
            json!({"setup": {"phone": {"displayName": "A", "description": "B"}}}),
            "EXTRAS_INVALID_TYPE",
            "extras.setup.phone.category",
        ),
        (
            "phone category lower case",
            json!({"setup": {"phone": {"displayName": "A", "category": "apparel", "description": "B"}}}),
            "EXTRAS_INVALID_VALUE",
            "extras.setup.phone.category",
        ),
        (
            "description 513 characters",
            json!({"setup": {"phone": {"displayName": "A", "category": "APPAREL", "description": "d".repeat(513)}}}),
            "EXTRAS_INVALID_TEXT",
            "extras.setup.phone.description",
        ),
        (
            "pre-verified ids as a string",
            json!({"setup": {"preVerifiedPhone": {"ids": "106540352242922"}}}),
            "EXTRAS_INVALID_TYPE",
            "extras.setup.preVerifiedPhone.ids",
        ),
        (
            "pre-verified ids empty",
            json!({"setup": {"preVerifiedPhone": {"ids": []}}}),
            "EXTRAS_INVALID_TYPE",
            "extras.setup.preVerifiedPhone.ids",
        ),
        (
            "pre-verified id invalid",
            json!({"setup": {"preVerifiedPhone": {"ids": ["1", "x"]}}}),
            "EXTRAS_INVALID_ID",
            "extras.setup.preVerifiedPhone.ids",
        ),
        (
            "eleven pre-verified ids",
            json!({"setup": {"preVerifiedPhone": {"ids": (1..=11).map(|i| i.to_string()).collect::<Vec<_>>()}}}),
            "EXTRAS_TOO_MANY",
            "extras.setup.preVerifiedPhone.ids",
        ),
        (
            "repeated WABA id",
            json!({"setup": {"whatsAppBusinessAccount": {"ids": ["5", "5"]}}}),
            "EXTRAS_TOO_MANY",
            "extras.setup.whatsAppBusinessAccount.ids",
        ),
        (
            "WABA with id instead of ids",
            json!({"setup": {"whatsAppBusinessAccount": {"id": ["5"]}}}),
            "EXTRAS_UNKNOWN_FIELD",
            "extras.setup.whatsAppBusinessAccount.id",
        ),
    ];
    for (name, extras, code, path) in cases {
        let err = read(&base(extras)).expect_err(name);
        assert_eq!(err.code(), code, "{name}: {err}");
        assert!(
            err.to_string().contains(path),
            "{name}: {err} (want {path})"
        );
    }
}
