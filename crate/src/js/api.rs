//! JS exports for the API models (seeds 000–004): request builders that
//! validate and return plain JSON-ready objects, and response parsers.
//!
//! Every function takes a JSON string or a plain object (objects go through
//! `JSON.stringify`, so `undefined` properties count as absent). Errors are
//! `WaSignupError`s with the [`ApiError`] `code`, plus `field` (the JSON path,
//! e.g. `apps[0].appId`) and `reason` when the error has them.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use super::error::to_js_error_with;
use crate::api::{self, ApiError, Projected};
use crate::js_json;
use crate::json::Value;

#[wasm_bindgen(typescript_custom_section)]
const TS_API: &'static str = r#"
/** Seed 003 request body (`POST …/business-profiles/callback`). */
export interface CallbackRequest {
  /** Authorization code from FB.login (expires in 30 s). Never log it. */
  code: string;
  /** The OAuth redirect URI: https (http only on localhost/127.0.0.1/[::1]). */
  redirectUri?: string;
  /** WABA id from the session event (Meta id). */
  wabaId?: string;
  /** Meta phone-number id from the session event. */
  phoneNumberId?: string;
  /** Business portfolio id from the session event. */
  businessId?: string;
  /** `true` after FINISH_WHATSAPP_BUSINESS_APP_ONBOARDING (coexistence). */
  isCoexistence?: boolean;
}

/** Seed 001 request body (`POST …/phone-numbers`). */
export interface RegisterPhoneNumberRequest {
  /** International number; normalized to E.164 (`+15551234567`). */
  displayPhoneNumber: string;
  /** Meta phone-number id. */
  metaPhoneNumberId: string;
  /** Meta WhatsApp Business Account id. */
  metaBusinessAccountId: string;
  /** Apps (`app_…`) to assign the number to. */
  appIds?: string[];
}

/** Seed 000 request body (`PUT …/phone-numbers/{phoneNumberId}/apps`). */
export interface AssignAppsRequest {
  /** Apps (`app_…`) to assign the number to. */
  appIds: string[];
}

/** The fields of a Kapso phone-number update (seed 002); at least one is required. */
export interface KapsoPhoneNumberFields {
  /** The new Meta access token. */
  access_token?: string;
  /** The new webhook URL (https). */
  webhook_destination_url?: string;
}

/** Seed 002 request body (`PATCH …/whatsapp/phone_numbers/{phone_number_id}`). */
export interface KapsoPhoneNumberUpdate {
  whatsapp_phone_number: KapsoPhoneNumberFields;
}

/** Input of `buildMetaAddPhoneNumberParams`: Meta's names, `phone_number` the whole E.164 number. */
export interface MetaAddPhoneNumberInput {
  /** International number, e.g. `+15551234567`; split into `cc` + `phone_number`. */
  phone_number: string;
  /** `true` to migrate a number registered on another WABA. */
  migrate_phone_number?: boolean;
  /** Preverified number id (Meta id). */
  preverified_id?: string;
  /** Business name as shown in WhatsApp. */
  verified_name?: string;
}

/** Seed 004 parameters of `POST /{WABA-ID}/phone_numbers`. */
export interface MetaAddPhoneNumberParams {
  /** Country dial code, e.g. `"1"`. */
  cc: string;
  /** The number without country code or `+`. */
  phone_number: string;
  migrate_phone_number?: boolean;
  preverified_id?: string;
  verified_name?: string;
}

/** Seeds 000/001 response: a registered phone number. */
export interface PhoneNumberResource {
  /** `wapn_[test_]{ksuid}`. */
  id: string;
  displayPhoneNumber: string;
  metaPhoneNumberId: string;
  metaBusinessAccountId: string;
  verified: boolean;
  qualityRating: string | null;
  isTestNumber: boolean;
  /** Registered with Meta Cloud API (two-step verification). */
  cloudApiRegistered: boolean;
  /** The WABA this number belongs to. */
  businessProfile: PhoneNumberBusinessProfile;
  apps: PhoneNumberApp[];
  /** RFC 3339 date-time. */
  createdAt: string;
  /** RFC 3339 date-time. */
  updatedAt: string;
}

/** `businessProfile` of a `PhoneNumberResource`. */
export interface PhoneNumberBusinessProfile {
  id: string;
  metaWabaId: string;
  businessName: string | null;
}

/** An entry of `PhoneNumberResource.apps`. */
export interface PhoneNumberApp {
  appId: string;
  appName: string;
  appSlug: string;
}

/** Seed 003 response: the business profile the callback created. */
export interface BusinessProfile {
  /** `wabp_[test_]{ksuid}`. */
  id: string;
  organizationId: string;
  /** Meta's WhatsApp Business Account id. */
  metaWabaId: string;
  /** Meta's Business Portfolio id. */
  metaBusinessId: string | null;
  businessName: string | null;
  /** RFC 3339; `null` = the token never expires. */
  tokenExpiresAt: string | null;
  /** RFC 3339. */
  onboardingCompletedAt: string | null;
  /** RFC 3339. */
  createdAt: string;
  phoneNumbers: BusinessProfilePhoneNumber[];
  /** Test-mode profile. */
  isTestProfile: boolean;
}

/** An entry of `BusinessProfile.phoneNumbers`. */
export interface BusinessProfilePhoneNumber {
  id: string;
  displayPhoneNumber: string;
  metaPhoneNumberId: string;
  verified: boolean;
  qualityRating: string | null;
}

/** Seed 002 response. */
export interface KapsoPhoneNumberResponse {
  data: KapsoPhoneNumber;
}

/** A Kapso phone number; optional fields are absent when Kapso sent none or `null`. */
export interface KapsoPhoneNumber {
  id: string;
  internal_id: string;
  phone_number_id: string;
  name?: string;
  business_account_id: string;
  is_coexistence: boolean;
  inbound_processing_enabled: boolean;
  calls_enabled: boolean;
  /** RFC 3339. */
  webhook_verified_at?: string;
  /** RFC 3339. */
  created_at: string;
  /** RFC 3339. */
  updated_at: string;
  customer_id?: string;
  display_name?: string;
  display_phone_number?: string;
  display_phone_number_normalized?: string;
  verified_name?: string;
  quality_rating?: string;
  code_verification_status?: string;
  name_status?: string;
  status?: string;
  throughput_tier?: string;
  whatsapp_business_manager_messaging_limit?: number;
  is_official_business_account?: boolean;
  is_pin_enabled?: boolean;
}

/** Meta's documented codes for adding a phone number (seed 004). */
export type MetaErrorCode = 100 | 104 | 200 | 102 | 300 | 200000 | 190;

/** The inner object of a Graph API error body `{ "error": { ... } }`. */
export interface GraphError {
  message: string;
  /** Meta's error type, e.g. `OAuthException`. */
  type: string;
  /** A `MetaErrorCode` or any other Graph code. */
  code: MetaErrorCode | number;
  error_subcode?: number;
  fbtrace_id?: string;
  /** Seed 004's description when `code` is one of its codes. */
  description?: string;
}
"#;

/// The input as JSON text: a string as is, an object through `JSON.stringify`
/// ([`js_json::json_text`]); why there is none is the `INVALID_JSON` reason.
fn json_text(input: &JsValue) -> Result<String, ApiError> {
    js_json::json_text(input, usize::MAX).map_err(|e| ApiError::InvalidJson {
        reason: e.message().into(),
    })
}

/// A `WaSignupError` with `code`, plus `field` and `reason` when present.
fn api_error(err: &ApiError) -> JsValue {
    let mut extra: Vec<(&str, JsValue)> = Vec::new();
    if let Some(field) = err.field() {
        extra.push(("field", JsValue::from_str(field)));
    }
    if let Some(reason) = err.reason() {
        extra.push(("reason", JsValue::from_str(reason)));
    }
    to_js_error_with(err, &extra)
}

/// Parses/validates `input` with `f`, then hands back a plain JSON-ready object.
fn convert<T: Serialize>(
    input: &JsValue,
    f: impl FnOnce(&str) -> Result<T, ApiError>,
) -> Result<JsValue, JsValue> {
    let value = json_text(input)
        .and_then(|text| f(&text))
        .map_err(|e| api_error(&e))?;
    Ok(crate::js_json::to_js(&value))
}

/// `buildCallbackRequest(input)`: the seed 003 body, validated. Throws
/// `EMPTY_CODE`, `INVALID_URL` (`redirectUri`), `INVALID_META_ID`,
/// `MISSING_FIELD`, `INVALID_FIELD`, `UNKNOWN_FIELD`, `INVALID_JSON`.
#[wasm_bindgen(js_name = buildCallbackRequest, unchecked_return_type = "CallbackRequest")]
pub fn build_callback_request(
    #[wasm_bindgen(unchecked_param_type = "CallbackRequest | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    convert(&input, api::CallbackRequest::from_json)
}

/// `buildRegisterPhoneNumberRequest(input)`: the seed 001 body with
/// `displayPhoneNumber` normalized to E.164. Throws `INVALID_PHONE_NUMBER`
/// (with `reason`, the phone error code), `INVALID_META_ID`, `INVALID_APP_ID`, …
#[wasm_bindgen(
    js_name = buildRegisterPhoneNumberRequest,
    unchecked_return_type = "RegisterPhoneNumberRequest"
)]
pub fn build_register_phone_number_request(
    #[wasm_bindgen(unchecked_param_type = "RegisterPhoneNumberRequest | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    convert(&input, api::RegisterPhoneNumberRequest::from_json)
}

/// `buildAssignAppsRequest(phoneNumberId, appIds)`: the seed 000 body
/// `{ appIds }`. Throws `INVALID_PHONE_NUMBER_ID` (field `phoneNumberId`),
/// `INVALID_APP_ID` (field `appIds[i]`), `INVALID_FIELD`.
#[wasm_bindgen(js_name = buildAssignAppsRequest, unchecked_return_type = "AssignAppsRequest")]
pub fn build_assign_apps_request(
    #[wasm_bindgen(js_name = phoneNumberId, unchecked_param_type = "string")]
    phone_number_id: JsValue,
    #[wasm_bindgen(js_name = appIds, unchecked_param_type = "readonly string[]")] app_ids: JsValue,
) -> Result<JsValue, JsValue> {
    let phone_number_id = phone_number_id.as_string().ok_or_else(|| {
        api_error(&ApiError::InvalidField {
            field: "phoneNumberId".into(),
            expected: "a string",
        })
    })?;
    let body = js_sys::Object::new();
    // Setting a property on a fresh plain object cannot fail.
    let _ = js_sys::Reflect::set(&body, &JsValue::from_str("appIds"), &app_ids);
    convert(&body.into(), |json| {
        api::AssignAppsRequest::from_json(&phone_number_id, json)
    })
}

/// `buildKapsoPhoneNumberUpdate({ access_token?, webhook_destination_url? })`:
/// the seed 002 body `{ whatsapp_phone_number: {...} }`. Throws
/// `EMPTY_UPDATE`, `EMPTY_FIELD`, `INVALID_URL`, `UNKNOWN_FIELD`, …
#[wasm_bindgen(
    js_name = buildKapsoPhoneNumberUpdate,
    unchecked_return_type = "KapsoPhoneNumberUpdate"
)]
pub fn build_kapso_phone_number_update(
    #[wasm_bindgen(unchecked_param_type = "KapsoPhoneNumberFields | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    convert(&input, api::KapsoPhoneNumberUpdate::from_fields_json)
}

/// `buildMetaAddPhoneNumberParams({ phone_number, ... })`: the seed 004
/// parameters with the E.164 number split into `cc` and `phone_number`.
#[wasm_bindgen(
    js_name = buildMetaAddPhoneNumberParams,
    unchecked_return_type = "MetaAddPhoneNumberParams"
)]
pub fn build_meta_add_phone_number_params(
    #[wasm_bindgen(unchecked_param_type = "MetaAddPhoneNumberInput | string")] input: JsValue,
) -> Result<JsValue, JsValue> {
    convert(&input, api::MetaAddPhoneNumberParams::from_input_json)
}

/// `buildMetaAddPhoneNumberQuery({ phone_number, ... })`: the same parameters
/// form-encoded (`cc=1&phone_number=5551234567&…`) for the Graph POST.
#[wasm_bindgen(js_name = buildMetaAddPhoneNumberQuery)]
pub fn build_meta_add_phone_number_query(
    #[wasm_bindgen(unchecked_param_type = "MetaAddPhoneNumberInput | string")] input: JsValue,
) -> Result<String, JsValue> {
    json_text(&input)
        .and_then(|text| api::MetaAddPhoneNumberParams::from_input_json(&text))
        .map(|params| params.to_query())
        .map_err(|e| api_error(&e))
}

/// A checked response as a plain JS object (keys in seed order).
fn projected_to_js(p: &Projected) -> JsValue {
    match p {
        Projected::Leaf(Value::String(text)) => JsValue::from_str(text),
        Projected::Leaf(Value::Bool(b)) => JsValue::from_bool(*b),
        // Integers in these documents (codes, limits) are far below 2^53.
        Projected::Leaf(Value::Number(n)) => JsValue::from_f64(n.as_f64()),
        Projected::Leaf(_) => JsValue::NULL,
        Projected::Array(items) => items
            .iter()
            .map(projected_to_js)
            .collect::<js_sys::Array>()
            .into(),
        Projected::Object(fields) => {
            let object = js_sys::Object::new();
            for (key, value) in fields {
                // Setting a property on a fresh plain object cannot fail.
                let _ =
                    js_sys::Reflect::set(&object, &JsValue::from_str(key), &projected_to_js(value));
            }
            object.into()
        }
    }
}

/// Checks a response with `project` and hands back the plain object.
fn parse_response(
    input: &JsValue,
    project: fn(&str) -> Result<Projected, ApiError>,
) -> Result<JsValue, JsValue> {
    json_text(input)
        .and_then(|text| project(&text))
        .map(|p| projected_to_js(&p))
        .map_err(|e| api_error(&e))
}

/// `parseBusinessProfile(json)`: the seed 003 response, checked (`null`s kept).
#[wasm_bindgen(js_name = parseBusinessProfile, unchecked_return_type = "BusinessProfile")]
pub fn parse_business_profile(
    #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
) -> Result<JsValue, JsValue> {
    parse_response(&json, api::project_business_profile)
}

/// `parsePhoneNumberResource(json)`: the seed 000/001 response, checked.
#[wasm_bindgen(js_name = parsePhoneNumberResource, unchecked_return_type = "PhoneNumberResource")]
pub fn parse_phone_number_resource(
    #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
) -> Result<JsValue, JsValue> {
    parse_response(&json, api::project_phone_number_resource)
}

/// `parseKapsoPhoneNumberResponse(json)`: the seed 002 response, checked
/// (optional fields that are absent or `null` are left out).
#[wasm_bindgen(
    js_name = parseKapsoPhoneNumberResponse,
    unchecked_return_type = "KapsoPhoneNumberResponse"
)]
pub fn parse_kapso_phone_number_response(
    #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
) -> Result<JsValue, JsValue> {
    parse_response(&json, api::project_kapso_phone_number_response)
}

/// `parseGraphError(json)`: the inner object of a Graph error body
/// `{ error: { message, type, code, error_subcode?, fbtrace_id? } }`, with
/// `description` for the seed 004 codes.
#[wasm_bindgen(js_name = parseGraphError, unchecked_return_type = "GraphError")]
pub fn parse_graph_error(
    #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
) -> Result<JsValue, JsValue> {
    parse_response(&json, api::project_graph_error)
}
