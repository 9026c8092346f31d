//! [`Outcome`] and [`FlowState`] as plain JS objects: what `launch()`,
//! `state` and the `wa-signup:*` DOM events hand to JavaScript.
//!
//! Built directly, field by field, in the same shape (and key order) as their
//! serde serialization: going through serde_json text instead would pull
//! serde's per-variant code, a float printer and `Value`'s serializer into
//! the wasm for these two types alone. The browser tests check the two
//! agree.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::api::{BusinessProfile, BusinessProfilePhoneNumber};
use crate::flow::FlowState;
use crate::flow::{CallbackResponse, CancelSource, MetaError, Outcome, SessionInfo};
use crate::json::Value;

#[wasm_bindgen]
extern "C" {
    /// A fresh `{}` we fill in.
    #[wasm_bindgen(extends = Object)]
    type Fields;

    /// `target[key] = value` (no try/catch: a fresh plain object cannot throw).
    #[wasm_bindgen(method, structural, indexing_setter)]
    fn set(this: &Fields, key: &str, value: &JsValue);
}

/// A plain object under construction; `None` fields are left out.
struct Builder(Fields);

impl Builder {
    fn new(kind: Option<&str>) -> Builder {
        let b = Builder(Object::new().unchecked_into());
        if let Some(kind) = kind {
            b.str("type", kind);
        }
        b
    }

    fn value(&self, key: &str, value: &JsValue) -> &Self {
        if key == "__proto__" {
            // As `JSON.parse` does: an own property, not the prototype.
            let descriptor = Builder::new(None);
            descriptor
                .value("value", value)
                .bool("writable", true)
                .bool("enumerable", true)
                .bool("configurable", true);
            let _ = Reflect::define_property(&self.0, &JsValue::from_str(key), &descriptor.0);
        } else {
            self.0.set(key, value);
        }
        self
    }

    fn str(&self, key: &str, value: &str) -> &Self {
        self.value(key, &JsValue::from_str(value))
    }

    fn bool(&self, key: &str, value: bool) -> &Self {
        self.value(key, &JsValue::from_bool(value))
    }

    fn opt_str(&self, key: &str, value: Option<&String>) -> &Self {
        match value {
            Some(v) => self.str(key, v),
            None => self,
        }
    }

    /// `null` when absent (the serde `T | null` fields).
    fn nullable_str(&self, key: &str, value: Option<&str>) -> &Self {
        self.value(key, &value.map_or(JsValue::NULL, JsValue::from_str))
    }

    fn done(self) -> JsValue {
        self.0.into()
    }
}

/// An [`Outcome`] as `{ type: "connected" | "cancelled" | "failed", … }`.
pub fn outcome_to_js(outcome: &Outcome) -> JsValue {
    match outcome {
        Outcome::Connected { profile, session } => connected(profile, session.as_ref()),
        Outcome::Cancelled {
            current_step,
            source,
        } => cancelled(current_step.as_ref(), *source),
        Outcome::Failed {
            kind,
            meta_error,
            status,
            body,
            message,
        } => failed(
            kind.as_str(),
            meta_error.as_ref(),
            *status,
            body.as_ref(),
            message,
        ),
    }
}

/// A [`FlowState`] as `{ type: "sdkLoading" | "ready" | …, … }`.
pub fn state_to_js(state: &FlowState) -> JsValue {
    match state {
        FlowState::SdkLoading => Builder::new(Some("sdkLoading")).done(),
        FlowState::Ready { notice } => {
            let b = Builder::new(Some("ready"));
            if let Some(notice) = notice {
                let o = Builder::new(None);
                o.str("kind", notice.kind.as_str())
                    .str("message", &notice.message);
                b.value("notice", &o.done());
            }
            b.done()
        }
        FlowState::WaitingForMeta => Builder::new(Some("waitingForMeta")).done(),
        FlowState::Sending => Builder::new(Some("sending")).done(),
        // The state of a failed run leaves out the response body (the
        // outcome, in `wa-signup:error` and from `launch()`, carries it).
        FlowState::Ended(Outcome::Failed {
            kind,
            meta_error,
            status,
            message,
            ..
        }) => failed(kind.as_str(), meta_error.as_ref(), *status, None, message),
        FlowState::Ended(outcome) => outcome_to_js(outcome),
    }
}

fn connected(profile: &CallbackResponse, session: Option<&SessionInfo>) -> JsValue {
    let b = Builder::new(Some("connected"));
    b.value(
        "profile",
        &match profile {
            CallbackResponse::Profile(p) => business_profile(p),
            CallbackResponse::Json(v) => json_to_js(v),
        },
    );
    if let Some(s) = session {
        let o = Builder::new(None);
        o.str("event", &s.event)
            .opt_str("wabaId", s.ids.waba_id.as_ref())
            .opt_str("phoneNumberId", s.ids.phone_number_id.as_ref())
            .opt_str("businessId", s.ids.business_id.as_ref())
            .bool("isCoexistence", s.is_coexistence);
        let lists = std::iter::once(("wabaIds", s.waba_ids.as_slice()))
            .chain(s.assets.lists().into_iter().map(|(_, js, ids)| (js, ids)));
        for (key, ids) in lists.filter(|(_, ids)| !ids.is_empty()) {
            let array: Array = ids.iter().map(|id| JsValue::from_str(id)).collect();
            o.value(key, &array);
        }
        b.value("session", &o.done());
    }
    b.done()
}

fn cancelled(current_step: Option<&String>, source: CancelSource) -> JsValue {
    let b = Builder::new(Some("cancelled"));
    b.opt_str("currentStep", current_step).str(
        "source",
        match source {
            CancelSource::Meta => "meta",
            CancelSource::Page => "page",
        },
    );
    b.done()
}

fn failed(
    kind: &str,
    meta_error: Option<&MetaError>,
    status: Option<u16>,
    body: Option<&Value>,
    message: &str,
) -> JsValue {
    let b = Builder::new(Some("failed"));
    b.str("kind", kind);
    if let Some(m) = meta_error {
        let o = Builder::new(None);
        o.opt_str("message", m.message.as_ref())
            .opt_str("code", m.code.as_ref())
            .opt_str("sessionId", m.session_id.as_ref())
            .opt_str("timestamp", m.timestamp.as_ref())
            .opt_str("currentStep", m.current_step.as_ref());
        b.value("metaError", &o.done());
    }
    if let Some(status) = status {
        b.value("status", &JsValue::from(status));
    }
    if let Some(body) = body {
        b.value("body", &json_to_js(body));
    }
    b.str("message", message);
    b.done()
}

fn business_profile(p: &BusinessProfile) -> JsValue {
    let b = Builder::new(None);
    b.str("id", &p.id)
        .str("organizationId", &p.organization_id)
        .str("metaWabaId", &p.meta_waba_id)
        .nullable_str("metaBusinessId", p.meta_business_id.as_deref())
        .nullable_str("businessName", p.business_name.as_deref())
        .nullable_str(
            "tokenExpiresAt",
            p.token_expires_at.as_ref().map(|t| t.as_str()),
        )
        .nullable_str(
            "onboardingCompletedAt",
            p.onboarding_completed_at.as_ref().map(|t| t.as_str()),
        )
        .str("createdAt", p.created_at.as_str());
    let numbers: Array = p.phone_numbers.iter().map(phone_number).collect();
    b.value("phoneNumbers", &numbers)
        .bool("isTestProfile", p.is_test_profile);
    b.done()
}

fn phone_number(n: &BusinessProfilePhoneNumber) -> JsValue {
    let b = Builder::new(None);
    b.str("id", &n.id)
        .str("displayPhoneNumber", &n.display_phone_number)
        .str("metaPhoneNumberId", &n.meta_phone_number_id)
        .bool("verified", n.verified)
        .nullable_str("qualityRating", n.quality_rating.as_deref());
    b.done()
}

/// Any JSON value, as `JSON.parse` would build it from serde_json's text
/// (numbers as the nearest double, keys in the map's order).
fn json_to_js(value: &Value) -> JsValue {
    match value {
        Value::Null => JsValue::NULL,
        Value::Bool(b) => JsValue::from_bool(*b),
        Value::Number(n) => JsValue::from_f64(n.as_f64()),
        Value::String(s) => JsValue::from_str(s),
        Value::Array(items) => items.iter().map(json_to_js).collect::<Array>().into(),
        Value::Object(map) => {
            let b = Builder::new(None);
            for (key, value) in map {
                b.value(key, &json_to_js(value));
            }
            b.done()
        }
    }
}
