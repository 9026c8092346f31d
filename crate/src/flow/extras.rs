//! `extras`: Meta's options for the Embedded Signup flow, with Meta's own
//! field names, validated up front and sent identically as `FB.login`'s
//! `extras` and in the redirect dialog URL.
//!
//! The specification is Meta's Embedded Signup pages
//! (<https://developers.facebook.com/documentation/business-messaging/whatsapp/embedded-signup/>):
//! - `versions`: `version` is one of `v4-public-preview`, `v3-public-preview`,
//!   `v2-public-preview`, `v3`, `v2` (v4 itself is chosen by the login
//!   configuration's products, with no `version`); `features: [{ name }]`;
//!   `sessionInfoVersion`'s only documented value is `3`, written `'3'`.
//! - `pre-filled-data`: `setup.business` (`id`, `name` at most 100
//!   characters, `email`, `phone: { code: <integer>, number }`, `website`,
//!   `address: { streetAddress1, streetAddress2, city, state, zipPostal,
//!   country: <ISO 3166-1 alpha-2> }`, `timezone` like `UTC-07:00`),
//!   `setup.phone` (`displayName`, `category`, `description` at most 512
//!   characters, all three required), `setup.preVerifiedPhone.ids` (strings;
//!   only the first is shown) and `setup.whatsAppBusinessAccount` (the page's
//!   syntax names `ids`; sent as `{ ids: [...] }`).
//! - `solution-providers/multi-partner-solutions`: `setup.solutionID`, a
//!   string of digits.
//! - `app-only-install`: `features: [{ name: "app_only_install" }]`.
//! - `onboarding-business-app-users`: `featureType: "whatsapp_business_app_onboarding"`.
//!
//! Limits Meta does not state are ours, generous and explicit
//! ([`MAX_TEXT_CHARS`], [`MAX_FEATURES`], [`MAX_IDS`]): a bound on every
//! string and list keeps a page from sending Meta megabytes by mistake.
//!
//! Here: the types Meta receives. Reading them: `extras/fields.rs` (what
//! each member may hold, as a table, and the one reader that walks it),
//! `extras/rules.rs` (each kind of value's rule), `extras/build.rs` (the
//! typed value of checked JSON), `extras/error.rs` (the codes).

mod build;
mod error;
mod fields;
mod rules;

use serde::Serialize;

use crate::json::Value;
use crate::phone;

pub use error::{ExtrasError, ExtrasRule};
pub(crate) use rules::{feature_type, session_info_version};

/// The TypeScript declaration of `extras` (`EmbeddedSignupExtras`), shared by
/// the `.d.ts` of the flow module and of the widget.
pub const EXTRAS_TS: &str = r#"
/** Meta's `extras` (Embedded Signup pages: versions, pre-filled-data, multi-partner solutions). */
export interface EmbeddedSignupExtras {
  /** Omit for v4 (chosen by your configuration's products). */
  version?: "v4-public-preview" | "v3-public-preview" | "v2-public-preview" | "v3" | "v2";
  /** "" (default flow) or e.g. "whatsapp_business_app_onboarding" (coexistence). */
  featureType?: string;
  sessionInfoVersion?: 3 | "3";
  /** At most 8, e.g. [{ name: "app_only_install" }]. */
  features?: { name: string }[];
  setup?: {
    /** A Multi-Partner Solution id (digits). */
    solutionID?: string;
    /** Pre-fills the business portfolio screen. */
    business?: {
      /** An existing business portfolio id. */
      id?: string;
      /** At most 100 characters. */
      name?: string;
      email?: string;
      /** code: country calling code; number: national number (checked by our phone parser). */
      phone?: { code: number | string; number: string };
      website?: string;
      address?: {
        streetAddress1?: string;
        streetAddress2?: string;
        city?: string;
        state?: string;
        zipPostal?: string;
        /** ISO 3166-1 alpha-2, e.g. "US". */
        country?: string;
      };
      /** "UTC-07:00" */
      timezone?: string;
    };
    /** The number's profile: all three required; description at most 512 characters. */
    phone?: { displayName: string; category: string; description: string };
    /** Pre-verified phone number ids (1 to 10; Meta shows the first). */
    preVerifiedPhone?: { ids: string[] };
    /** Existing WABA ids (1 to 10). */
    whatsAppBusinessAccount?: { ids: string[] };
  };
}
"#;

/// `version` values Meta documents (ES `versions` page).
pub const VERSIONS: [&str; 5] = [
    "v4-public-preview",
    "v3-public-preview",
    "v2-public-preview",
    "v3",
    "v2",
];
/// Longest `business.name` (Meta: "Maximum 100 characters").
pub const MAX_BUSINESS_NAME_CHARS: usize = 100;
/// Longest `phone.description` (Meta: "Maximum 512 characters").
pub const MAX_DESCRIPTION_CHARS: usize = 512;
/// Longest other free-text field (our bound; Meta states none).
pub const MAX_TEXT_CHARS: usize = 256;
/// Longest `featureType` or feature name.
pub const MAX_NAME_LEN: usize = 64;
/// Most `features` entries.
pub const MAX_FEATURES: usize = 8;
/// Most ids in `preVerifiedPhone.ids` or `whatsAppBusinessAccount.ids`.
pub const MAX_IDS: usize = 10;
/// Longest e-mail address (RFC 5321 path limit).
pub const MAX_EMAIL_LEN: usize = 254;

/// The validated `extras`. Serialises to Meta's JSON shape.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Extras {
    /// Always sent (`{}` when nothing is pre-filled), as in Meta's snippet.
    pub setup: Setup,
    /// One of [`VERSIONS`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    /// e.g. `whatsapp_business_app_onboarding`; `""` asks for the default flow.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature_type: Option<String>,
    /// `"3"`, the only documented value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session_info_version: Option<SessionInfoVersion>,
    /// e.g. `[{ name: "app_only_install" }]`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub features: Vec<Feature>,
}

/// `sessionInfoVersion`: Meta documents `3` only, and writes it `'3'`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum SessionInfoVersion {
    /// `"3"`.
    #[serde(rename = "3")]
    V3,
}

/// One `features` entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Feature {
    /// e.g. `app_only_install`, `marketing_messages_lite`.
    pub name: String,
}

/// `extras.setup`: what Meta's screens are pre-filled with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Setup {
    /// A Multi-Partner Solution's id.
    #[serde(rename = "solutionID", skip_serializing_if = "Option::is_none")]
    pub solution_id: Option<String>,
    /// The business portfolio screen.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub business: Option<Business>,
    /// The phone number's profile.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<PhoneProfile>,
    /// Pre-verified phone number ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pre_verified_phone: Option<Ids>,
    /// Existing WABA ids.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub whats_app_business_account: Option<Ids>,
}

/// `{ ids: [...] }`: Meta ids as strings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Ids {
    /// 1 to [`MAX_IDS`] Meta ids.
    pub ids: Vec<String>,
}

/// `setup.business`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Business {
    /// An existing business portfolio's id (a string, as in Meta's example).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// At most [`MAX_BUSINESS_NAME_CHARS`] characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// An e-mail address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The business phone, split as Meta wants it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phone: Option<BusinessPhone>,
    /// An http(s) URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// The postal address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub address: Option<Address>,
    /// `UTC±HH:MM`, e.g. `UTC-07:00`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<String>,
}

/// `setup.business.phone`: `code` is the country calling code (an integer),
/// `number` the national number without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BusinessPhone {
    /// e.g. `1`.
    pub code: u16,
    /// e.g. `"6505559999"`: digits only, as our phone parser splits it.
    pub number: String,
}

/// `setup.business.address`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Address {
    /// First street line.
    #[serde(rename = "streetAddress1", skip_serializing_if = "Option::is_none")]
    pub street_address1: Option<String>,
    /// Second street line.
    #[serde(rename = "streetAddress2", skip_serializing_if = "Option::is_none")]
    pub street_address2: Option<String>,
    /// City.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Postal code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub zip_postal: Option<String>,
    /// ISO 3166-1 alpha-2, e.g. `US`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
}

/// `setup.phone`: the number's profile (all three fields required by Meta).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PhoneProfile {
    /// The display name.
    pub display_name: String,
    /// The business vertical, e.g. `APPAREL`.
    pub category: String,
    /// At most [`MAX_DESCRIPTION_CHARS`] characters.
    pub description: String,
}

impl BusinessPhone {
    /// The `{ code, number }` split of an E.164-parseable number, as our
    /// phone parser makes it (`None` when `text` is not a valid number or
    /// carries an extension).
    pub fn from_number(text: &str) -> Option<BusinessPhone> {
        let parsed = phone::parse(text, None).ok()?;
        if parsed.extension().is_some() {
            return None;
        }
        Some(BusinessPhone {
            code: parsed.calling_code(),
            number: parsed.national_number().to_owned(),
        })
    }
}

impl Extras {
    /// These extras with `setup.business.phone` pre-filled by `phone`, unless
    /// the page's own extras already set it (the page's value wins).
    pub fn with_business_phone(&self, phone: BusinessPhone) -> Extras {
        let mut extras = self.clone();
        let business = extras.setup.business.get_or_insert_with(Business::default);
        if business.phone.is_none() {
            business.phone = Some(phone);
        }
        extras
    }

    /// Compact JSON text, as sent in the redirect dialog URL (and scanned
    /// for secrets).
    pub fn to_json(&self) -> String {
        // Strings, integers and nested structs: serialising cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads and validates `extras`; `null` is the default.
    pub fn from_json(raw: &Value) -> Result<Extras, ExtrasError> {
        if raw.is_null() {
            return Ok(Extras::default());
        }
        fields::check(&fields::EXTRAS, raw, &mut String::from("extras"))?;
        Ok(build::extras(raw))
    }
}
