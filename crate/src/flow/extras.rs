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

use serde::Serialize;

use crate::error::ErrorCode;
use crate::http_url::HttpUrl;
use crate::json::{Map, Value};
use crate::meta_id::is_meta_id;
use crate::phone;

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

/// ISO 3166-1 alpha-2 codes without a calling code of their own (the
/// phone tables hold every other one).
const UNCALLABLE_COUNTRIES: [&str; 7] = ["AQ", "BV", "GS", "HM", "PN", "TF", "UM"];

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
    fn new(path: &str, rule: ExtrasRule) -> ExtrasError {
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

type Result<T> = std::result::Result<T, ExtrasError>;

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
    pub fn from_json(raw: &Value) -> Result<Extras> {
        let path = "extras";
        if raw.is_null() {
            return Ok(Extras::default());
        }
        let obj = object(raw, path)?;
        only_keys(
            obj,
            path,
            &[
                "version",
                "featureType",
                "sessionInfoVersion",
                "features",
                "setup",
            ],
        )?;
        Ok(Extras {
            version: opt(obj, "version")
                .map(|v| {
                    let v = string(v, "extras.version")?;
                    if VERSIONS.contains(&v) {
                        Ok(v.to_owned())
                    } else {
                        Err(ExtrasError::new("extras.version", ExtrasRule::InvalidValue))
                    }
                })
                .transpose()?,
            feature_type: opt(obj, "featureType")
                .map(|v| feature_type(v, "extras.featureType"))
                .transpose()?,
            session_info_version: opt(obj, "sessionInfoVersion")
                .map(|v| session_info_version(v, "extras.sessionInfoVersion"))
                .transpose()?,
            features: opt(obj, "features")
                .map(features)
                .transpose()?
                .unwrap_or_default(),
            setup: opt(obj, "setup")
                .map(setup)
                .transpose()?
                .unwrap_or_default(),
        })
    }
}

/// `featureType`: `""` (Meta's default flow) or 1 to 64 of `a-z`, `0-9`, `_`.
pub(crate) fn feature_type(v: &Value, path: &str) -> Result<String> {
    let name = string(v, path)?;
    if name.is_empty() || is_name(name) {
        Ok(name.to_owned())
    } else {
        Err(ExtrasError::new(path, ExtrasRule::InvalidValue))
    }
}

/// `sessionInfoVersion`: `3` or `"3"`.
pub(crate) fn session_info_version(v: &Value, path: &str) -> Result<SessionInfoVersion> {
    match v {
        Value::Number(n) if n.as_u64() == Some(3) => Ok(SessionInfoVersion::V3),
        Value::String(s) if s == "3" => Ok(SessionInfoVersion::V3),
        _ => Err(ExtrasError::new(path, ExtrasRule::InvalidValue)),
    }
}

fn features(v: &Value) -> Result<Vec<Feature>> {
    let path = "extras.features";
    let items = array(v, path, MAX_FEATURES)?;
    let mut out: Vec<Feature> = Vec::with_capacity(items.len());
    for item in items {
        let obj = object(item, path)?;
        only_keys(obj, path, &["name"])?;
        let name = string(required(obj, "name", path)?, path)?;
        if !is_name(name) {
            return Err(ExtrasError::new(path, ExtrasRule::InvalidValue));
        }
        if out.iter().any(|f| f.name == name) {
            return Err(ExtrasError::new(path, ExtrasRule::TooMany));
        }
        out.push(Feature {
            name: name.to_owned(),
        });
    }
    Ok(out)
}

fn setup(v: &Value) -> Result<Setup> {
    let path = "extras.setup";
    let obj = object(v, path)?;
    only_keys(
        obj,
        path,
        &[
            "solutionID",
            "business",
            "phone",
            "preVerifiedPhone",
            "whatsAppBusinessAccount",
        ],
    )?;
    Ok(Setup {
        solution_id: opt(obj, "solutionID")
            .map(|v| id(v, "extras.setup.solutionID"))
            .transpose()?,
        business: opt(obj, "business").map(business).transpose()?,
        phone: opt(obj, "phone").map(phone_profile).transpose()?,
        pre_verified_phone: opt(obj, "preVerifiedPhone")
            .map(|v| ids(v, "extras.setup.preVerifiedPhone"))
            .transpose()?,
        whats_app_business_account: opt(obj, "whatsAppBusinessAccount")
            .map(|v| ids(v, "extras.setup.whatsAppBusinessAccount"))
            .transpose()?,
    })
}

fn business(v: &Value) -> Result<Business> {
    let path = "extras.setup.business";
    let obj = object(v, path)?;
    only_keys(
        obj,
        path,
        &[
            "id", "name", "email", "phone", "website", "address", "timezone",
        ],
    )?;
    let field = |key: &str, max: usize| -> Result<Option<String>> {
        opt(obj, key)
            .map(|v| text(v, &format!("{path}.{key}"), max))
            .transpose()
    };
    let email = field("email", MAX_EMAIL_LEN)?;
    if email.as_deref().is_some_and(|e| !is_email(e)) {
        return Err(ExtrasError::new(
            "extras.setup.business.email",
            ExtrasRule::InvalidEmail,
        ));
    }
    let website = field("website", crate::http_url::MAX_URL_LEN)?;
    if website
        .as_deref()
        .is_some_and(|w| HttpUrl::parse(w).is_err())
    {
        return Err(ExtrasError::new(
            "extras.setup.business.website",
            ExtrasRule::InvalidUrl,
        ));
    }
    let timezone = field("timezone", MAX_NAME_LEN)?;
    if timezone.as_deref().is_some_and(|t| !is_utc_offset(t)) {
        return Err(ExtrasError::new(
            "extras.setup.business.timezone",
            ExtrasRule::InvalidValue,
        ));
    }
    Ok(Business {
        id: opt(obj, "id")
            .map(|v| id(v, "extras.setup.business.id"))
            .transpose()?,
        name: field("name", MAX_BUSINESS_NAME_CHARS)?,
        email,
        phone: opt(obj, "phone").map(business_phone).transpose()?,
        website,
        address: opt(obj, "address").map(address).transpose()?,
        timezone,
    })
}

/// `{ code, number }` through our phone parser: `number` read as a national
/// number of `code`; both must be what the parser splits back out.
fn business_phone(v: &Value) -> Result<BusinessPhone> {
    let path = "extras.setup.business.phone";
    let obj = object(v, path)?;
    only_keys(obj, path, &["code", "number"])?;
    let invalid = || ExtrasError::new(path, ExtrasRule::InvalidPhone);
    let code = match required(obj, "code", path)? {
        Value::Number(n) => n.as_u64(),
        Value::String(s) if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) => {
            s.parse().ok()
        }
        _ => None,
    }
    .and_then(|c| u16::try_from(c).ok())
    .ok_or_else(invalid)?;
    let number = text(required(obj, "number", path)?, path, MAX_NAME_LEN)?;
    if number.contains('+') {
        return Err(invalid());
    }
    let parsed = phone::parse(&number, Some(code)).map_err(|_| invalid())?;
    if parsed.calling_code() != code || parsed.extension().is_some() {
        return Err(invalid());
    }
    Ok(BusinessPhone {
        code,
        number: parsed.national_number().to_owned(),
    })
}

fn address(v: &Value) -> Result<Address> {
    let path = "extras.setup.business.address";
    let obj = object(v, path)?;
    only_keys(
        obj,
        path,
        &[
            "streetAddress1",
            "streetAddress2",
            "city",
            "state",
            "zipPostal",
            "country",
        ],
    )?;
    let field = |key: &str| -> Result<Option<String>> {
        opt(obj, key)
            .map(|v| text(v, &format!("{path}.{key}"), MAX_TEXT_CHARS))
            .transpose()
    };
    let country = field("country")?;
    if country.as_deref().is_some_and(|c| !is_country(c)) {
        return Err(ExtrasError::new(
            "extras.setup.business.address.country",
            ExtrasRule::InvalidCountry,
        ));
    }
    Ok(Address {
        street_address1: field("streetAddress1")?,
        street_address2: field("streetAddress2")?,
        city: field("city")?,
        state: field("state")?,
        zip_postal: field("zipPostal")?,
        country,
    })
}

fn phone_profile(v: &Value) -> Result<PhoneProfile> {
    let path = "extras.setup.phone";
    let obj = object(v, path)?;
    only_keys(obj, path, &["displayName", "category", "description"])?;
    let field = |key: &str, max: usize| -> Result<String> {
        let field_path = format!("{path}.{key}");
        text(required(obj, key, &field_path)?, &field_path, max)
    };
    let category = field("category", MAX_NAME_LEN)?;
    if !category
        .bytes()
        .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
    {
        return Err(ExtrasError::new(
            "extras.setup.phone.category",
            ExtrasRule::InvalidValue,
        ));
    }
    Ok(PhoneProfile {
        display_name: field("displayName", MAX_TEXT_CHARS)?,
        category,
        description: field("description", MAX_DESCRIPTION_CHARS)?,
    })
}

/// `{ ids: [...] }` with 1 to [`MAX_IDS`] distinct Meta ids.
fn ids(v: &Value, path: &str) -> Result<Ids> {
    let obj = object(v, path)?;
    only_keys(obj, path, &["ids"])?;
    let list_path = format!("{path}.ids");
    let items = array(required(obj, "ids", &list_path)?, &list_path, MAX_IDS)?;
    if items.is_empty() {
        return Err(ExtrasError::new(&list_path, ExtrasRule::InvalidType));
    }
    let mut out: Vec<String> = Vec::with_capacity(items.len());
    for item in items {
        let id = id(item, &list_path)?;
        if out.contains(&id) {
            return Err(ExtrasError::new(&list_path, ExtrasRule::TooMany));
        }
        out.push(id);
    }
    Ok(Ids { ids: out })
}

/// A Meta id: a string, or a whole number no larger than 2^53 - 1 (a larger
/// one may already have been rounded by JavaScript).
fn id(v: &Value, path: &str) -> Result<String> {
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
    text.filter(|t| is_meta_id(t))
        .ok_or_else(|| ExtrasError::new(path, ExtrasRule::InvalidId))
}

/// Trimmed text of 1 to `max` characters, without control characters.
fn text(v: &Value, path: &str, max: usize) -> Result<String> {
    let s = string(v, path)?.trim();
    let ok = !s.is_empty() && s.chars().count() <= max && !s.chars().any(char::is_control);
    if ok {
        Ok(s.to_owned())
    } else {
        Err(ExtrasError::new(path, ExtrasRule::InvalidText))
    }
}

fn string<'a>(v: &'a Value, path: &str) -> Result<&'a str> {
    v.as_str()
        .ok_or_else(|| ExtrasError::new(path, ExtrasRule::InvalidType))
}

fn object<'a>(v: &'a Value, path: &str) -> Result<&'a Map> {
    match v {
        Value::Object(map) => Ok(map),
        _ => Err(ExtrasError::new(path, ExtrasRule::InvalidType)),
    }
}

fn array<'a>(v: &'a Value, path: &str, max: usize) -> Result<&'a [Value]> {
    match v {
        Value::Array(items) if items.len() <= max => Ok(items),
        Value::Array(_) => Err(ExtrasError::new(path, ExtrasRule::TooMany)),
        _ => Err(ExtrasError::new(path, ExtrasRule::InvalidType)),
    }
}

/// A present, non-`null` member.
fn opt<'a>(obj: &'a Map, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

fn required<'a>(obj: &'a Map, key: &str, path: &str) -> Result<&'a Value> {
    opt(obj, key).ok_or_else(|| ExtrasError::new(path, ExtrasRule::InvalidType))
}

/// Every key of `obj` is one of `known`; else the first unknown one, by path.
fn only_keys(obj: &Map, path: &str, known: &[&str]) -> Result<()> {
    match obj.keys().find(|k| !known.contains(&k.as_str())) {
        // The key is named by its position in the path only when it is short
        // and printable: it is the page's text, shown back to the developer.
        Some(key) => {
            let shown = if key.len() <= MAX_NAME_LEN && !key.chars().any(char::is_control) {
                key.as_str()
            } else {
                "<unprintable key>"
            };
            Err(ExtrasError::new(
                &format!("{path}.{shown}"),
                ExtrasRule::UnknownField,
            ))
        }
        None => Ok(()),
    }
}

/// 1 to 64 of `a-z`, `0-9`, `_`.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// `local@domain.tld`: one `@`, no whitespace, a dotted domain of letters,
/// digits and hyphens, at most [`MAX_EMAIL_LEN`] bytes.
fn is_email(email: &str) -> bool {
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
fn is_utc_offset(tz: &str) -> bool {
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
fn is_country(code: &str) -> bool {
    code.len() == 2
        && code.bytes().all(|b| b.is_ascii_uppercase())
        && (phone::is_region(code) || UNCALLABLE_COUNTRIES.contains(&code))
        // Reserved for Ascension and Tristan da Cunha: phone regions, not countries.
        && !matches!(code, "AC" | "TA")
}
