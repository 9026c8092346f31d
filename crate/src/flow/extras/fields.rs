//! What `extras` may hold, as data: one [`Field`] per member Meta documents
//! (its key, its [`Kind`], whether it is required), and the one reader that
//! walks them ([`check`]), naming the first broken rule by its path.
//!
//! Order matters and is part of the contract: an object's unknown keys are
//! reported first (the first in key order), then its fields in table order.

use super::error::{ExtrasError, ExtrasRule};
use super::rules::{
    business_phone, id, is_any, is_category, is_country, is_email, is_feature_type, is_http_url,
    is_name, is_utc_offset, is_version, member, object, session_info_version, string, text,
};
use super::{
    MAX_BUSINESS_NAME_CHARS, MAX_DESCRIPTION_CHARS, MAX_EMAIL_LEN, MAX_FEATURES, MAX_IDS,
    MAX_NAME_LEN, MAX_TEXT_CHARS,
};
use crate::http_url::MAX_URL_LEN;
use crate::json::Value;

/// One member of an `extras` object.
pub(super) struct Field {
    key: &'static str,
    kind: Kind,
    /// Absent or `null` is `EXTRAS_INVALID_TYPE` (else it is skipped).
    required: bool,
}

/// What a member holds, and so which rules it follows.
pub(super) enum Kind {
    /// An object with exactly these members.
    Object(&'static [Field]),
    /// Trimmed text of 1 to `max` characters without control characters
    /// (else `EXTRAS_INVALID_TEXT`) that `valid` accepts (else `rule`).
    Text(usize, fn(&str) -> bool, ExtrasRule),
    /// A string, as given, that `valid` accepts (else `EXTRAS_INVALID_VALUE`).
    Value(fn(&str) -> bool),
    /// A Meta id.
    Id,
    /// 1 to [`MAX_IDS`] distinct Meta ids.
    Ids,
    /// At most [`MAX_FEATURES`] `{ name }` with distinct names.
    Features,
    /// `3` or `"3"`.
    SessionInfoVersion,
    /// `{ code, number }`, checked by our phone parser.
    BusinessPhone,
}

const fn optional(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        required: false,
    }
}

const fn required(key: &'static str, kind: Kind) -> Field {
    Field {
        key,
        kind,
        required: true,
    }
}

/// Free text of at most `max` characters.
const fn free_text(max: usize) -> Kind {
    Kind::Text(max, is_any, ExtrasRule::InvalidText)
}

/// `extras` itself.
pub(super) const EXTRAS: Kind = Kind::Object(&[
    optional("version", Kind::Value(is_version)),
    optional("featureType", Kind::Value(is_feature_type)),
    optional("sessionInfoVersion", Kind::SessionInfoVersion),
    optional("features", Kind::Features),
    optional("setup", Kind::Object(SETUP)),
]);

const SETUP: &[Field] = &[
    optional("solutionID", Kind::Id),
    optional("business", Kind::Object(BUSINESS)),
    optional("phone", Kind::Object(PHONE_PROFILE)),
    optional("preVerifiedPhone", Kind::Object(IDS)),
    optional("whatsAppBusinessAccount", Kind::Object(IDS)),
];

const BUSINESS: &[Field] = &[
    optional(
        "email",
        Kind::Text(MAX_EMAIL_LEN, is_email, ExtrasRule::InvalidEmail),
    ),
    optional(
        "website",
        Kind::Text(MAX_URL_LEN, is_http_url, ExtrasRule::InvalidUrl),
    ),
    optional(
        "timezone",
        Kind::Text(MAX_NAME_LEN, is_utc_offset, ExtrasRule::InvalidValue),
    ),
    optional("id", Kind::Id),
    optional("name", free_text(MAX_BUSINESS_NAME_CHARS)),
    optional("phone", Kind::BusinessPhone),
    optional("address", Kind::Object(ADDRESS)),
];

const ADDRESS: &[Field] = &[
    optional(
        "country",
        Kind::Text(MAX_TEXT_CHARS, is_country, ExtrasRule::InvalidCountry),
    ),
    optional("streetAddress1", free_text(MAX_TEXT_CHARS)),
    optional("streetAddress2", free_text(MAX_TEXT_CHARS)),
    optional("city", free_text(MAX_TEXT_CHARS)),
    optional("state", free_text(MAX_TEXT_CHARS)),
    optional("zipPostal", free_text(MAX_TEXT_CHARS)),
];

const PHONE_PROFILE: &[Field] = &[
    required(
        "category",
        Kind::Text(MAX_NAME_LEN, is_category, ExtrasRule::InvalidValue),
    ),
    required("displayName", free_text(MAX_TEXT_CHARS)),
    required("description", free_text(MAX_DESCRIPTION_CHARS)),
];

const IDS: &[Field] = &[required("ids", Kind::Ids)];

/// The keys of `setup.business.phone` (its rules report at its own path).
const BUSINESS_PHONE_KEYS: &[&str] = &["code", "number"];

/// Checks `v` against `kind`; `path` names `v` (e.g. `extras.setup`) and is
/// the same again on return.
pub(super) fn check(kind: &Kind, v: &Value, path: &mut String) -> Result<(), ExtrasError> {
    if let Kind::Object(fields) = kind {
        return members(fields, v, path);
    }
    let path: &str = path;
    let at = |rule| ExtrasError::new(path, rule);
    let valid_or = |ok: bool, rule| if ok { Ok(()) } else { Err(at(rule)) };
    match kind {
        Kind::Object(_) => Ok(()), // read by `members` above
        Kind::Text(max, valid, rule) => valid_or(valid(text(v, *max).map_err(at)?), *rule),
        Kind::Value(valid) => valid_or(valid(string(v).map_err(at)?), ExtrasRule::InvalidValue),
        Kind::Id => id(v).map(drop).map_err(at),
        Kind::Ids => distinct(v, 1, MAX_IDS, path, &|item| id(item).map_err(at)),
        Kind::Features => distinct(v, 0, MAX_FEATURES, path, &|item| {
            object_with(item, &|key| key == "name", path)?;
            let name = member(item, "name").map_or(Err(ExtrasRule::InvalidType), string);
            let name = name.map_err(at)?;
            valid_or(is_name(name), ExtrasRule::InvalidValue)?;
            Ok(name.to_owned())
        }),
        Kind::SessionInfoVersion => {
            valid_or(session_info_version(v).is_some(), ExtrasRule::InvalidValue)
        }
        Kind::BusinessPhone => {
            object_with(v, &|key| BUSINESS_PHONE_KEYS.contains(&key), path)?;
            business_phone(v).map(drop).map_err(at)
        }
    }
}

/// An object with exactly `fields`: unknown keys first, then each field in order.
fn members(fields: &[Field], v: &Value, path: &mut String) -> Result<(), ExtrasError> {
    object_with(v, &|key| fields.iter().any(|f| f.key == key), path)?;
    for field in fields {
        let len = path.len();
        path.push('.');
        path.push_str(field.key);
        let result = match member(v, field.key) {
            Some(value) => check(&field.kind, value, path),
            None if field.required => Err(ExtrasError::new(path, ExtrasRule::InvalidType)),
            None => Ok(()),
        };
        path.truncate(len);
        result?;
    }
    Ok(())
}

/// A list of `min` to `max` items, each read by `item` to a key that no
/// other item has (`EXTRAS_TOO_MANY` for too many or a repeat).
fn distinct(
    v: &Value,
    min: usize,
    max: usize,
    path: &str,
    item: &dyn Fn(&Value) -> Result<String, ExtrasError>,
) -> Result<(), ExtrasError> {
    let at = |rule| ExtrasError::new(path, rule);
    let items = v.as_array().ok_or_else(|| at(ExtrasRule::InvalidType))?;
    if items.len() > max {
        return Err(at(ExtrasRule::TooMany));
    }
    if items.len() < min {
        return Err(at(ExtrasRule::InvalidType));
    }
    let mut seen: Vec<String> = Vec::with_capacity(items.len());
    for value in items {
        let key = item(value)?;
        if seen.contains(&key) {
            return Err(at(ExtrasRule::TooMany));
        }
        seen.push(key);
    }
    Ok(())
}

/// `v` is an object whose keys are all `known`; else the first unknown key,
/// by path.
fn object_with(v: &Value, known: &dyn Fn(&str) -> bool, path: &str) -> Result<(), ExtrasError> {
    let obj = object(v).map_err(|rule| ExtrasError::new(path, rule))?;
    let Some(key) = obj.keys().find(|k| !known(k)) else {
        return Ok(());
    };
    // The key is named by its position in the path only when it is short
    // and printable: it is the page's text, shown back to the developer.
    let shown = if key.len() <= MAX_NAME_LEN && !key.chars().any(char::is_control) {
        key.as_str()
    } else {
        "<unprintable key>"
    };
    let mut path = path.to_owned();
    path.push('.');
    path.push_str(shown);
    Err(ExtrasError::new(&path, ExtrasRule::UnknownField))
}
