//! The typed [`Extras`] of a JSON value that `fields.rs` has checked: every
//! member is then known to be valid, so each is only taken, in the form it
//! is sent in (text trimmed, ids as strings, the phone as our parser splits
//! it). A member that does not read is left out, never a panic.

use super::rules::{business_phone, id, member, session_info_version};
use super::{Address, Business, Extras, Feature, Ids, PhoneProfile, Setup};
use crate::json::Value;

/// `extras`, checked.
pub(super) fn extras(v: &Value) -> Extras {
    Extras {
        setup: member(v, "setup").map(setup).unwrap_or_default(),
        // Checked values of these have no surrounding spaces to trim.
        version: text(v, "version"),
        feature_type: text(v, "featureType"),
        session_info_version: member(v, "sessionInfoVersion").and_then(session_info_version),
        features: items(v, "features")
            .filter_map(|f| text(f, "name"))
            .map(|name| Feature { name })
            .collect(),
    }
}

fn setup(v: &Value) -> Setup {
    Setup {
        solution_id: member(v, "solutionID").and_then(|v| id(v).ok()),
        business: member(v, "business").map(business),
        phone: member(v, "phone").map(|v| PhoneProfile {
            display_name: text(v, "displayName").unwrap_or_default(),
            category: text(v, "category").unwrap_or_default(),
            description: text(v, "description").unwrap_or_default(),
        }),
        pre_verified_phone: member(v, "preVerifiedPhone").map(ids),
        whats_app_business_account: member(v, "whatsAppBusinessAccount").map(ids),
    }
}

fn business(v: &Value) -> Business {
    Business {
        id: member(v, "id").and_then(|v| id(v).ok()),
        name: text(v, "name"),
        email: text(v, "email"),
        phone: member(v, "phone").and_then(|v| business_phone(v).ok()),
        website: text(v, "website"),
        address: member(v, "address").map(|v| Address {
            street_address1: text(v, "streetAddress1"),
            street_address2: text(v, "streetAddress2"),
            city: text(v, "city"),
            state: text(v, "state"),
            zip_postal: text(v, "zipPostal"),
            country: text(v, "country"),
        }),
        timezone: text(v, "timezone"),
    }
}

fn ids(v: &Value) -> Ids {
    Ids {
        ids: items(v, "ids").filter_map(|v| id(v).ok()).collect(),
    }
}

/// The member `key`, trimmed.
fn text(v: &Value, key: &str) -> Option<String> {
    Some(member(v, key)?.as_str()?.trim().to_owned())
}

/// The items of the list `key` (none when absent).
fn items<'a>(v: &'a Value, key: &str) -> impl Iterator<Item = &'a Value> {
    member(v, key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
}
