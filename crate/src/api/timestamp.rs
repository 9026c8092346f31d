//! [`Timestamp`]: an RFC 3339 `date-time` string, checked but kept as text.
//!
//! The seeds type their timestamps `string<date-time>`. We keep the original
//! text (no time library, no reformatting, round-trips byte for byte) and
//! only check it is a real RFC 3339 date-time:
//! `YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, with day-of-month checked
//! against the month and leap years, second 60 allowed (leap second), and
//! lower-case `t`/`z` accepted as RFC 3339 §5.6 permits.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// An RFC 3339 date-time such as `2023-11-07T05:31:56Z`, validated, kept as text.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Timestamp(String);

/// The text is not an RFC 3339 date-time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("not an RFC 3339 date-time such as 2023-11-07T05:31:56Z")]
pub struct InvalidTimestamp;

impl Timestamp {
    /// Checks `text` and keeps it.
    pub fn parse(text: &str) -> Result<Self, InvalidTimestamp> {
        if is_rfc3339(text) {
            Ok(Self(text.to_owned()))
        } else {
            Err(InvalidTimestamp)
        }
    }

    /// Wraps text a schema check already found to be RFC 3339 (see
    /// `api::schema`): no second check.
    pub(crate) fn checked(text: String) -> Self {
        debug_assert!(is_rfc3339(&text));
        Self(text)
    }

    /// The original text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        if is_rfc3339(&text) {
            Ok(Self(text))
        } else {
            Err(serde::de::Error::custom(InvalidTimestamp))
        }
    }
}

/// True when `text` is an RFC 3339 `date-time` (section 5.6 grammar).
pub fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    // "YYYY-MM-DDTHH:MM:SS" is 19 bytes; an offset adds at least 1 ("Z").
    if b.len() < 20 {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (num(b, 0, 4), num(b, 5, 2), num(b, 8, 2)) else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) = (num(b, 11, 2), num(b, 14, 2), num(b, 17, 2))
    else {
        return false;
    };
    let separators = b.get(4) == Some(&b'-')
        && b.get(7) == Some(&b'-')
        && matches!(b.get(10), Some(b'T' | b't'))
        && b.get(13) == Some(&b':')
        && b.get(16) == Some(&b':');
    if !separators
        || !(1..=12).contains(&month)
        || day == 0
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return false;
    }
    let mut rest = b.get(19..).unwrap_or_default();
    if let Some((b'.', fraction)) = rest.split_first() {
        let digits = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 0 {
            return false;
        }
        rest = fraction.get(digits..).unwrap_or_default();
    }
    match rest {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', ..] if rest.len() == 6 => {
            rest.get(3) == Some(&b':')
                && num(rest, 1, 2).is_some_and(|h| h <= 23)
                && num(rest, 4, 2).is_some_and(|m| m <= 59)
        }
        _ => false,
    }
}

/// The decimal value of `len` ASCII digits at `start`, or `None`.
fn num(b: &[u8], start: usize, len: usize) -> Option<u32> {
    let digits = b.get(start..start.checked_add(len)?)?;
    digits.iter().try_fold(0u32, |acc, &c| {
        c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0'))
    })
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_rfc3339_date_times() {
        for ok in [
            "2023-11-07T05:31:56Z",
            "2023-11-07t05:31:56z",
            "2023-11-07T05:31:56.123456789Z",
            "2023-11-07T05:31:56+05:30",
            "2023-11-07T05:31:56.5-00:00",
            "2024-02-29T00:00:00Z",
            "2000-02-29T23:59:59Z",
            "2016-12-31T23:59:60Z",
            "0000-01-01T00:00:00Z",
            "9999-12-31T23:59:59+23:59",
        ] {
            assert!(is_rfc3339(ok), "{ok}");
            assert_eq!(
                Timestamp::parse(ok).map(|t| t.to_string()),
                Ok(ok.to_owned())
            );
        }
    }

    #[test]
    fn rejects_everything_else() {
        for bad in [
            "",
            "2023-11-07",
            "2023-11-07T05:31:56",
            "2023-11-07 05:31:56Z",
            "2023-11-07T05:31Z",
            "2023-13-07T05:31:56Z",
            "2023-00-07T05:31:56Z",
            "2023-11-00T05:31:56Z",
            "2023-11-31T05:31:56Z",
            "2023-02-29T05:31:56Z",
            "1900-02-29T05:31:56Z",
            "2023-11-07T24:00:00Z",
            "2023-11-07T05:60:00Z",
            "2023-11-07T05:31:61Z",
            "2023-11-07T05:31:56.Z",
            "2023-11-07T05:31:56+0530",
            "2023-11-07T05:31:56+24:00",
            "2023-11-07T05:31:56+05:60",
            "2023-11-07T05:31:56ZZ",
            "2023-11-07T05:31:56Z ",
            " 2023-11-07T05:31:56Z",
            "+023-11-07T05:31:56Z",
            "2023/11/07T05:31:56Z",
            "２023-11-07T05:31:56Z",
            "<string>",
        ] {
            assert!(!is_rfc3339(bad), "{bad:?}");
            assert_eq!(Timestamp::parse(bad), Err(InvalidTimestamp));
        }
    }

    #[test]
    fn serde_round_trips_and_rejects_bad_text() {
        let t: Timestamp = serde_json::from_str("\"2023-11-07T05:31:56Z\"").unwrap();
        assert_eq!(t.as_str(), "2023-11-07T05:31:56Z");
        assert_eq!(
            serde_json::to_string(&t).unwrap(),
            "\"2023-11-07T05:31:56Z\""
        );
        assert!(serde_json::from_str::<Timestamp>("\"yesterday\"").is_err());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics(s in "\\PC{0,40}") {
            let _ = is_rfc3339(&s);
        }

        #[test]
        fn agrees_with_a_slow_reference(
            y in 0u32..10000, mo in 0u32..14, d in 0u32..33,
            h in 0u32..26, mi in 0u32..62, s in 0u32..62,
        ) {
            let text = format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z");
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let month_days = [31, if leap { 29 } else { 28 }, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
            let valid = (1..=12).contains(&mo)
                && d >= 1
                && month_days.get((mo as usize).wrapping_sub(1)).is_some_and(|&m| d <= m)
                && h < 24 && mi < 60 && s <= 60;
            proptest::prop_assert_eq!(is_rfc3339(&text), valid);
        }
    }
}
