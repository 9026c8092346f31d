//! The rule of each kind of value in `extras`, without paths: each returns
//! the [`ExtrasRule`] it broke, and the field table (`fields.rs`) says where.

use super::{BusinessPhone, SessionInfoVersion, MAX_EMAIL_LEN, MAX_NAME_LEN, VERSIONS};
use crate::http_url::HttpUrl;
use crate::json::{Map, Value};
use crate::meta_id::is_meta_id;
use crate::phone;

use super::error::ExtrasRule;

type Rule<T> = Result<T, ExtrasRule>;

/// ISO 3166-1 alpha-2 codes without a calling code of their own (the
/// phone tables hold every other one).
const UNCALLABLE_COUNTRIES: [&str; 7] = ["AQ", "BV", "GS", "HM", "PN", "TF", "UM"];

/// A present, non-`null` member (`null` means absent).
pub(super) fn member<'a>(v: &'a Value, key: &str) -> Option<&'a Value> {
    v.get(key).filter(|v| !v.is_null())
}

pub(super) fn object(v: &Value) -> Rule<&Map> {
    v.as_object().ok_or(ExtrasRule::InvalidType)
}

pub(super) fn string(v: &Value) -> Rule<&str> {
    v.as_str().ok_or(ExtrasRule::InvalidType)
}

/// Trimmed text of 1 to `max` characters, without control characters.
pub(super) fn text(v: &Value, max: usize) -> Rule<&str> {
    let s = string(v)?.trim();
    let ok = !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control);
    ok.then_some(s).ok_or(ExtrasRule::InvalidText)
}

/// A Meta id: a string, or a whole number no larger than 2^53 - 1 (a larger
/// one may already have been rounded by JavaScript).
pub(super) fn id(v: &Value) -> Rule<String> {
    let text = match v {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => n
            .as_u64()
            .filter(|n| *n <= crate::events::MAX_SAFE_INTEGER)
            .map(|n| {
                let mut s = String::new();
                crate::error::push_decimal(&mut s, n);
                s
            }),
        _ => None,
    };
    text.filter(|t| is_meta_id(t)).ok_or(ExtrasRule::InvalidId)
}

/// `featureType`: `""` (Meta's default flow) or a name (see [`is_feature_type`]).
pub(crate) fn feature_type(v: &Value) -> Option<String> {
    v.as_str().filter(|s| is_feature_type(s)).map(str::to_owned)
}

/// `sessionInfoVersion`: `3` or `"3"`.
pub(crate) fn session_info_version(v: &Value) -> Option<SessionInfoVersion> {
    match v {
        Value::Number(n) if n.as_u64() == Some(3) => Some(SessionInfoVersion::V3),
        Value::String(s) if s == "3" => Some(SessionInfoVersion::V3),
        _ => None,
    }
}

/// `{ code, number }` through our phone parser: `number` read as a national
/// number of `code`; both must be what the parser splits back out.
pub(super) fn business_phone(obj: &Value) -> Rule<BusinessPhone> {
    let required = |key| member(obj, key).ok_or(ExtrasRule::InvalidType);
    let code = match required("code")? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        _ => None,
    }
    .and_then(|c| u16::try_from(c).ok())
    .ok_or(ExtrasRule::InvalidPhone)?;
    let number = text(required("number")?, MAX_NAME_LEN)?;
    if number.contains('+') {
        return Err(ExtrasRule::InvalidPhone);
    }
    match phone::parse(number, Some(code)) {
        Ok(parsed) if parsed.calling_code() == code && parsed.extension().is_none() => {
            Ok(BusinessPhone {
                code,
                number: parsed.national_number().to_owned(),
            })
        }
        _ => Err(ExtrasRule::InvalidPhone),
    }
}

/// One of the `version` values Meta documents.
pub(super) fn is_version(version: &str) -> bool {
    VERSIONS.contains(&version)
}

/// A `featureType`: `""` or a name.
pub(super) fn is_feature_type(name: &str) -> bool {
    name.is_empty() || is_name(name)
}

/// 1 to 64 of `a-z`, `0-9`, `_`.
pub(super) fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// A business vertical such as `APPAREL`: `A-Z`, `0-9`, `_`.
pub(super) fn is_category(category: &str) -> bool {
    category
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Any text (the length and control-character rules are [`text`]'s).
pub(super) fn is_any(_: &str) -> bool {
    true
}

/// An absolute http(s) URL.
pub(super) fn is_http_url(url: &str) -> bool {
    HttpUrl::parse(url).is_ok()
}

/// `local@domain.tld`: one `@`, no whitespace, a dotted domain of letters,
/// digits and hyphens, at most [`MAX_EMAIL_LEN`] bytes.
pub(super) fn is_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let label_ok = |l: &str| {
        !l.is_empty()
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    email.len() <= MAX_EMAIL_LEN
        && !local.is_empty()
        && local.len() <= 64
        && !local
            .bytes()
            .any(|b| b.is_ascii_whitespace() || b == b'@' || b < 0x20)
        && domain.contains('.')
        && domain.split('.').all(label_ok)
}

/// `UTC+HH:MM` / `UTC-HH:MM` with a real offset (-12:00 to +14:00, minutes
/// 00, 15, 30 or 45).
pub(super) fn is_utc_offset(tz: &str) -> bool {
    let Some(rest) = tz.strip_prefix("UTC") else {
        return false;
    };
    let bytes = rest.as_bytes();
    let [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] = bytes else {
        return false;
    };
    if ![h1, h2, m1, m2].iter().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let hours = (h1 - b'0') * 10 + (h2 - b'0');
    let minutes = (m1 - b'0') * 10 + (m2 - b'0');
    let max_hours = if *sign == b'+' { 14 } else { 12 };
    matches!(minutes, 0 | 15 | 30 | 45)
        && (hours < max_hours || (hours == max_hours && minutes == 0))
}

/// An ISO 3166-1 alpha-2 code (upper case).
pub(super) fn is_country(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && (phone::is_region(code) || UNCALLABLE_COUNTRIES.contains(&code))
        // Reserved for Ascension and Tristan da Cunha: phone regions, not countries.
        && !matches!(code, "AC" | "TA")
}
