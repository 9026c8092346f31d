//! Platform ids: `wapn_[test_]{ksuid}`, `wabp_…`, `app_…`.
//!
//! Grammar, one rule for every kind: `{prefix}_[test_]{ksuid}` where prefix is
//! `wapn` (phone number, seeds 000/001), `wabp` (business profile, seed 003)
//! or `app` (app, seed 000), and the KSUID is checked strictly by
//! [`Ksuid::parse`].
//!
//! Only `wapn_` is documented with the `test_` marker. It is accepted for
//! `wabp_` and `app_` too, on purpose: the platform separates test mode per
//! resource (`isTestNumber` on phone numbers, `isTestProfile` on business
//! profiles), the seeds state the phone-number format as the general
//! `prefix_[test_]{ksuid}` shape, and `test_` cannot be confused with KSUID
//! text (a KSUID never contains `_`). Rejecting a real test-mode id would break
//! sandbox use, while accepting a format the platform never issues only means
//! the platform answers "not found". Prefixes and `test_` are case-sensitive.
//! Error messages never echo the input (it could be a pasted secret).

use std::fmt;

use crate::error::ErrorCode;
use crate::ksuid::{Ksuid, KsuidError};

/// The marker between prefix and KSUID for test-mode resources.
pub const TEST_MARKER: &str = "test_";

/// What a platform id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IdKind {
    /// A WhatsApp phone number, `wapn_…`.
    PhoneNumber,
    /// A WhatsApp business profile, `wabp_…`.
    BusinessProfile,
    /// An app, `app_…`.
    App,
}

impl IdKind {
    /// Every kind, in prefix-matching order.
    pub const ALL: [IdKind; 3] = [IdKind::PhoneNumber, IdKind::BusinessProfile, IdKind::App];

    /// The prefix including its underscore, e.g. `"wapn_"`.
    pub fn prefix(self) -> &'static str {
        match self {
            IdKind::PhoneNumber => "wapn_",
            IdKind::BusinessProfile => "wabp_",
            IdKind::App => "app_",
        }
    }

    /// The serialized name: `"phone_number"`, `"business_profile"` or `"app"`.
    pub fn as_str(self) -> &'static str {
        match self {
            IdKind::PhoneNumber => "phone_number",
            IdKind::BusinessProfile => "business_profile",
            IdKind::App => "app",
        }
    }
}

/// Why a string is not a platform id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdError {
    /// The string does not start with `wapn_`, `wabp_` or `app_`.
    UnknownPrefix,
    /// The prefix is known but what follows is not a valid KSUID.
    InvalidKsuid {
        /// The kind the prefix named.
        kind: IdKind,
        /// Where the KSUID starts in the input, in characters.
        offset: usize,
        /// The KSUID parser's reason.
        source: KsuidError,
    },
}

impl ErrorCode for IdError {
    fn code(&self) -> &'static str {
        match self {
            IdError::UnknownPrefix => "UNKNOWN_PREFIX",
            IdError::InvalidKsuid { .. } => "INVALID_KSUID",
        }
    }

    fn message(&self) -> String {
        match self {
            IdError::UnknownPrefix => {
                "unknown id prefix: a platform id starts with wapn_, wabp_ or app_".to_owned()
            }
            IdError::InvalidKsuid { kind, source, .. } => {
                let mut out = String::from("invalid KSUID in ");
                out.push_str(kind.prefix());
                out.push_str(" id: ");
                out.push_str(&source.message());
                out
            }
        }
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message())
    }
}

impl std::error::Error for IdError {
    /// The [`KsuidError`] of [`IdError::InvalidKsuid`].
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            IdError::InvalidKsuid { source, .. } => Some(source),
            IdError::UnknownPrefix => None,
        }
    }
}

impl IdError {
    /// The KSUID error's own code (`INVALID_LENGTH`, `INVALID_CHARACTER`,
    /// `OUT_OF_RANGE`) for [`IdError::InvalidKsuid`].
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            IdError::InvalidKsuid { source, .. } => Some(source.code()),
            IdError::UnknownPrefix => None,
        }
    }

    /// For a bad KSUID character: its character index in the whole input.
    pub fn position(&self) -> Option<usize> {
        match self {
            IdError::InvalidKsuid { offset, source, .. } => source.position().map(|p| p + offset),
            IdError::UnknownPrefix => None,
        }
    }
}

/// A parsed platform id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PlatformId {
    kind: IdKind,
    test: bool,
    ksuid: Ksuid,
}

impl PlatformId {
    /// Assembles an id (e.g. to mint one on a server).
    pub fn new(kind: IdKind, test: bool, ksuid: Ksuid) -> PlatformId {
        PlatformId { kind, test, ksuid }
    }

    /// What the id names.
    pub fn kind(&self) -> IdKind {
        self.kind
    }

    /// `true` for a test-mode resource (`…_test_…`).
    pub fn is_test(&self) -> bool {
        self.test
    }

    /// The KSUID part.
    pub fn ksuid(&self) -> Ksuid {
        self.ksuid
    }

    /// Creation time of the KSUID, Unix seconds.
    pub fn timestamp(&self) -> u64 {
        self.ksuid.timestamp()
    }
}

impl fmt::Display for PlatformId {
    /// The string form, e.g. `wapn_test_2DbBs7GWhGvVNJGrDXr5RG0mBWI`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let marker = if self.test { TEST_MARKER } else { "" };
        write!(f, "{}{}{}", self.kind.prefix(), marker, self.ksuid)
    }
}

impl std::str::FromStr for PlatformId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        parse_id(s)
    }
}

impl serde::Serialize for PlatformId {
    /// `{ kind, test, ksuid, timestamp }`, the shape JavaScript receives.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.fields(self.ksuid), serializer)
    }
}

/// The serialized shape of a platform id, `{ kind, test, ksuid, timestamp }`,
/// where `ksuid` is a [`Ksuid`] or its text.
#[derive(serde::Serialize)]
#[serde(rename = "PlatformId")]
struct IdFields<K> {
    kind: IdKind,
    test: bool,
    ksuid: K,
    timestamp: u64,
}

impl PlatformId {
    /// The fields to serialize, with `ksuid` as the KSUID.
    fn fields<K>(&self, ksuid: K) -> IdFields<K> {
        IdFields {
            kind: self.kind,
            test: self.test,
            ksuid,
            timestamp: self.timestamp(),
        }
    }
}

/// A platform id with the input it was parsed from. It serializes exactly
/// like [`PlatformId`], but its `ksuid` is the (already validated) input
/// text, so nothing is re-encoded.
#[derive(Debug)]
pub(crate) struct ParsedId<'a> {
    id: PlatformId,
    ksuid: &'a str,
}

impl serde::Serialize for ParsedId<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(&self.id.fields(self.ksuid), serializer)
    }
}

/// Parses `wapn_[test_]{ksuid}`, `wabp_[test_]{ksuid}` or `app_[test_]{ksuid}`.
pub fn parse_id(input: &str) -> Result<PlatformId, IdError> {
    parse_borrowed(input).map(|parsed| parsed.id)
}

/// [`parse_id`], keeping the KSUID's text.
pub(crate) fn parse_borrowed(input: &str) -> Result<ParsedId<'_>, IdError> {
    let (kind, rest) = IdKind::ALL
        .iter()
        .find_map(|&k| input.strip_prefix(k.prefix()).map(|rest| (k, rest)))
        .ok_or(IdError::UnknownPrefix)?;
    let (test, body) = match rest.strip_prefix(TEST_MARKER) {
        Some(body) => (true, body),
        None => (false, rest),
    };
    // Prefix and marker are ASCII, so their byte length is their char count.
    let offset = input.len() - body.len();
    let ksuid = Ksuid::parse(body).map_err(|source| IdError::InvalidKsuid {
        kind,
        offset,
        source,
    })?;
    Ok(ParsedId {
        id: PlatformId { kind, test, ksuid },
        ksuid: body,
    })
}

/// `true` for a valid `wapn_[test_]{ksuid}`.
pub fn is_phone_number_id(input: &str) -> bool {
    is_kind(input, IdKind::PhoneNumber)
}

/// `true` for a valid `wabp_[test_]{ksuid}`.
pub fn is_business_profile_id(input: &str) -> bool {
    is_kind(input, IdKind::BusinessProfile)
}

/// `true` for a valid `app_[test_]{ksuid}`.
pub fn is_app_id(input: &str) -> bool {
    is_kind(input, IdKind::App)
}

fn is_kind(input: &str, kind: IdKind) -> bool {
    parse_id(input).is_ok_and(|id| id.kind == kind)
}

#[cfg(test)]
mod tests;
