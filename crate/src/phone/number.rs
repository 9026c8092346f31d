//! A parsed, possible E.164 phone number.

use std::fmt;

use serde::Serialize;

use super::extension::Extension;
use super::resolve::{write_code, Resolved};

/// A parsed number, borrowed parts (what `parse_parts` returns): what
/// [`PhoneNumber`] and the JS adapter are built from.
#[derive(Clone, Copy)]
pub(crate) struct Parts {
    /// The number.
    pub(crate) resolved: Resolved,
    /// Its extension, if it was written with one.
    pub(crate) extension: Option<Extension>,
}

/// A phone number in canonical E.164 form, split into calling code and
/// national (significant) number, with the extension it was written with,
/// if any.
///
/// Serializes (camelCase) as
/// `{ "e164": "+447911123456", "callingCode": 44, "nationalNumber": "7911123456", "regions": ["GB", "GG", "IM", "JE"] }`,
/// plus `"extension": "12"` when there is one.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneNumber {
    e164: String,
    calling_code: u16,
    national_number: String,
    regions: &'static [&'static str],
    #[serde(skip_serializing_if = "Option::is_none")]
    extension: Option<String>,
}

impl PhoneNumber {
    pub(crate) fn from_parts(parts: Parts) -> Self {
        let Parts {
            resolved,
            extension,
        } = parts;
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
            extension: extension.map(|e| e.as_str().to_owned()),
        }
    }

    /// The canonical form: `+`, calling code, national number, digits only.
    /// Never includes the [`extension`](Self::extension).
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

    /// The extension written after the number, digits only (ASCII), found
    /// as libphonenumber-js finds it: `x12`, `ext. 12`, `;ext=12`, `,,12`,
    /// `#12`, `~12`, `- 12#` … give `"12"`. At most
    /// [`EXTENSION_MAX_DIGITS`](super::EXTENSION_MAX_DIGITS) digits (fewer
    /// after an ambiguous marker such as `x`, `#` or `,`). WhatsApp numbers
    /// cannot have one: [`to_meta_phone_params`](super::to_meta_phone_params)
    /// refuses it.
    ///
    /// ```
    /// use wa_signup::phone::parse;
    /// let n = parse("+1 212 555 1234 ext. 12", None).unwrap();
    /// assert_eq!((n.e164(), n.extension()), ("+12125551234", Some("12")));
    /// ```
    pub fn extension(&self) -> Option<&str> {
        self.extension.as_deref()
    }
}

/// Formats as the E.164 string (without the extension).
impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.e164)
    }
}
