//! A parsed, possible E.164 phone number.

use std::fmt;

use serde::Serialize;

use super::resolve::{write_code, Resolved};

/// A phone number in canonical E.164 form, split into calling code and
/// national (significant) number.
///
/// Serializes (camelCase) as
/// `{ "e164": "+447911123456", "callingCode": 44, "nationalNumber": "7911123456", "regions": ["GB", "GG", "IM", "JE"] }`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    e164: String,
    calling_code: u16,
    national_number: String,
    regions: &'static [&'static str],
}

impl PhoneNumber {
    pub(crate) fn from_resolved(resolved: Resolved) -> Self {
        let plan = resolved.plan;
        let national = resolved.national.digits();
        let mut code_buf = [0u8; 3];
        let code = write_code(plan.code, &mut code_buf);
        let mut e164 = String::with_capacity(1 + code.len() + national.len());
        e164.push('+');
        e164.extend(code.iter().chain(national).map(|&d| char::from(d)));
        Self {
            e164,
            calling_code: plan.code,
            national_number: national.iter().map(|&d| char::from(d)).collect(),
            regions: plan.regions(),
        }
    }

    /// The canonical form: `+`, calling code, national number, digits only.
    pub fn e164(&self) -> &str {
        &self.e164
    }

    /// The country calling code, e.g. `44`.
    pub fn calling_code(&self) -> u16 {
        self.calling_code
    }

    /// The national (significant) number: no calling code, no `+`, no trunk
    /// prefix.
    pub fn national_number(&self) -> &str {
        &self.national_number
    }

    /// The ISO 3166 regions sharing the calling code, main region first
    /// (`["US", "AG", …, "CA", …]` for +1); `["001"]` for non-geographic codes
    /// such as +800. The exact region of a number is not determined.
    pub fn regions(&self) -> &'static [&'static str] {
        self.regions
    }
}

/// Formats as the E.164 string.
impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}

/// Parses with [`parse`](super::parse) and no default calling code.
impl std::str::FromStr for PhoneNumber {
    type Err = super::PhoneError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        super::parse(s, None)
    }
}
