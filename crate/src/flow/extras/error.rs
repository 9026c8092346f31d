//! Why `extras` were refused: [`ExtrasRule`] (one stable code per rule) and
//! [`ExtrasError`] (the rule and the field's path).

use crate::error::ErrorCode;

/// Which rule an `extras` field broke; each has a stable code.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtrasRule {
    /// A key Meta does not document (typo, or a field of another version).
    UnknownField,
    /// The wrong JSON type, or a required field missing.
    InvalidType,
    /// Not a Meta id (1 to 20 digits, no leading zero).
    InvalidId,
    /// Not an e-mail address.
    InvalidEmail,
    /// Not an absolute http(s) URL.
    InvalidUrl,
    /// Not an ISO 3166-1 alpha-2 country code.
    InvalidCountry,
    /// `code`/`number` are not a valid phone number.
    InvalidPhone,
    /// Empty, too long, or with control characters.
    InvalidText,
    /// Too many entries (or a repeated one).
    TooMany,
    /// Not a value Meta documents (`version`, `sessionInfoVersion`,
    /// `featureType`, a feature name, `timezone`).
    InvalidValue,
}

impl ExtrasRule {
    /// The stable code, e.g. `EXTRAS_UNKNOWN_FIELD`.
    pub fn code(self) -> &'static str {
        match self {
            ExtrasRule::UnknownField => "EXTRAS_UNKNOWN_FIELD",
            ExtrasRule::InvalidType => "EXTRAS_INVALID_TYPE",
            ExtrasRule::InvalidId => "EXTRAS_INVALID_ID",
            ExtrasRule::InvalidEmail => "EXTRAS_INVALID_EMAIL",
            ExtrasRule::InvalidUrl => "EXTRAS_INVALID_URL",
            ExtrasRule::InvalidCountry => "EXTRAS_INVALID_COUNTRY",
            ExtrasRule::InvalidPhone => "EXTRAS_INVALID_PHONE",
            ExtrasRule::InvalidText => "EXTRAS_INVALID_TEXT",
            ExtrasRule::TooMany => "EXTRAS_TOO_MANY",
            ExtrasRule::InvalidValue => "EXTRAS_INVALID_VALUE",
        }
    }

    fn explain(self) -> &'static str {
        match self {
            ExtrasRule::UnknownField => "is not a field Meta documents for extras",
            ExtrasRule::InvalidType => "has the wrong type or is missing",
            ExtrasRule::InvalidId => "must be a Meta id (1 to 20 digits, no leading zero)",
            ExtrasRule::InvalidEmail => "must be an e-mail address",
            ExtrasRule::InvalidUrl => "must be an absolute http(s) URL",
            ExtrasRule::InvalidCountry => "must be an ISO 3166-1 alpha-2 country code such as US",
            ExtrasRule::InvalidPhone => {
                "must be a valid phone number: code is the country calling code, number the national number"
            }
            ExtrasRule::InvalidText => "must be non-empty text within its length limit, without control characters",
            ExtrasRule::TooMany => "has too many or repeated entries",
            ExtrasRule::InvalidValue => "is not a value Meta documents",
        }
    }
}

/// An `extras` field that broke a rule: where, and which rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtrasError {
    /// The field's path, e.g. `extras.setup.business.email`.
    pub path: String,
    /// The rule.
    pub rule: ExtrasRule,
}

impl ExtrasError {
    pub(super) fn new(path: &str, rule: ExtrasRule) -> ExtrasError {
        ExtrasError {
            path: path.to_owned(),
            rule,
        }
    }
}

impl std::fmt::Display for ExtrasError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.path)?;
        f.write_str(" ")?;
        f.write_str(self.rule.explain())
    }
}

impl std::error::Error for ExtrasError {}

impl ErrorCode for ExtrasError {
    fn code(&self) -> &'static str {
        self.rule.code()
    }
}
