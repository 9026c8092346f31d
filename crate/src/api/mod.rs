//! Typed models of the platform APIs in the seed pages (Chirp, Kapso, Meta).
//!
//! - Requests are built with builders (`X::builder(..)…build()`) or checked
//!   from received JSON (`X::from_json`); both validate before anything is
//!   sent and return an [`ApiError`] naming the field.
//! - Responses are read with `parse_*(json)`: required fields present,
//!   `T | null` fields present but possibly `null` (`Option`, `None` for
//!   `null`, an error when the key is missing), types and RFC 3339 timestamps
//!   checked, platform ids checked (`wapn_`, `wabp_`).
//! - Field names are spelled as in the seeds: camelCase for Chirp, snake_case
//!   for Kapso and Meta.
//!
//! | seed | endpoint | types |
//! | --- | --- | --- |
//! | 000 | Chirp `PUT …/phone-numbers/{phoneNumberId}/apps` | [`AssignAppsRequest`] → [`PhoneNumberResource`] |
//! | 001 | Chirp `POST …/phone-numbers` | [`RegisterPhoneNumberRequest`] → [`PhoneNumberResource`] |
//! | 002 | Kapso `PATCH …/whatsapp/phone_numbers/{phone_number_id}` | [`KapsoPhoneNumberUpdate`] → [`KapsoPhoneNumberResponse`] |
//! | 003 | Chirp `POST …/business-profiles/callback` | [`CallbackRequest`] → [`BusinessProfile`] |
//! | 004 | Meta `POST /{WABA-ID}/phone_numbers` | [`MetaAddPhoneNumberParams`] → [`MetaAddPhoneNumberResponse`] or [`GraphError`] |

mod app_ids;
mod assign_apps;
mod callback;
mod error;
mod graph_error;
mod kapso;
mod meta_add_number;
mod nullable;
mod phone_number;
mod register;
mod schema;
mod timestamp;

pub use crate::http_url::{UrlRule, MAX_URL_LEN};
pub use assign_apps::{AssignAppsRequest, AssignAppsRequestBuilder};
pub use callback::{
    parse_business_profile, BusinessProfile, BusinessProfilePhoneNumber, CallbackRequest,
    CallbackRequestBuilder,
};
pub use error::ApiError;
pub use graph_error::{parse_graph_error, GraphError, GraphErrorEnvelope, MetaErrorCode};
pub use kapso::{
    parse_kapso_phone_number_response, KapsoPhoneNumber, KapsoPhoneNumberFields,
    KapsoPhoneNumberResponse, KapsoPhoneNumberUpdate, KapsoPhoneNumberUpdateBuilder,
};
pub use meta_add_number::{
    parse_meta_add_phone_number_response, MetaAddPhoneNumberParams,
    MetaAddPhoneNumberParamsBuilder, MetaAddPhoneNumberResponse,
};
pub use phone_number::{
    parse_phone_number_resource, PhoneNumberApp, PhoneNumberBusinessProfile, PhoneNumberResource,
};
pub use register::{RegisterPhoneNumberRequest, RegisterPhoneNumberRequestBuilder};
pub use timestamp::{is_rfc3339, InvalidTimestamp, Timestamp};

// The crate's JSON value: what `SignupConfig::from_json` and
// `find_secret_in_json` take, and what the flow hands back for non-profile bodies.
pub use crate::json::{Map as JsonMap, Number as JsonNumber, Value as JsonValue};

// The JS adapter's view of checked responses (no typed structs in between).
#[cfg(all(target_arch = "wasm32", feature = "js-api"))]
pub(crate) use {
    callback::project_business_profile, graph_error::project_graph_error,
    kapso::project_kapso_phone_number_response, phone_number::project_phone_number_resource,
    schema::Projected,
};
