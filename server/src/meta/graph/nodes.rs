//! The node calls on a WABA or a phone number, each behind the bearer token's grant.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, RawQuery, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use serde_json::{json, Value};

use super::{granted, graph_error, query_map, Node};
use crate::responses;
use crate::state::AppState;

/// `GET /{version}/{waba-id}/phone_numbers`: the WABA's numbers.
pub(super) async fn phone_numbers(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let grant = match granted(
        &state,
        &version,
        &headers,
        query.as_deref(),
        Node::Waba(&id),
    ) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    let data: Vec<Value> = match (
        &grant.spec.phone_number_id,
        &grant.spec.display_phone_number,
    ) {
        (Some(pn), Some(display)) => vec![json!({
            "id": pn,
            "display_phone_number": display,
            "verified_name": grant.spec.business_name,
        })],
        _ => Vec::new(),
    };
    responses::json(
        StatusCode::OK,
        &json!({ "data": data, "paging": { "cursors": { "before": "QVFI", "after": "QVFI" } } }),
    )
}

/// `GET /{version}/{phone-number-id}`: one number's coexistence fields.
pub(super) async fn phone_number(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    let grant = match granted(
        &state,
        &version,
        &headers,
        query.as_deref(),
        Node::PhoneNumber(&id),
    ) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    let fields = query_map(query.as_deref())
        .remove("fields")
        .unwrap_or_else(|| "id".to_owned());
    let mut out = serde_json::Map::new();
    for field in fields.split(',').map(str::trim) {
        let value = match field {
            "is_on_biz_app" => json!(grant.spec.is_coexistence),
            "platform_type" => json!("CLOUD_API"),
            "display_phone_number" => json!(grant.spec.display_phone_number),
            "verified_name" => json!(grant.spec.business_name),
            _ => continue,
        };
        out.insert(field.to_owned(), value);
    }
    out.insert("id".to_owned(), json!(id));
    responses::json(StatusCode::OK, &Value::Object(out))
}

/// `POST /{version}/{waba-id}/subscribed_apps`.
pub(super) async fn subscribed_apps(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Response {
    if let Err(r) = granted(
        &state,
        &version,
        &headers,
        query.as_deref(),
        Node::Waba(&id),
    ) {
        return *r;
    }
    state.sandbox().graph.stats.subscribed += 1;
    responses::json(StatusCode::OK, &json!({ "success": true }))
}

/// `POST /{version}/{phone-number-id}/register`.
pub(super) async fn register(
    State(state): State<Arc<AppState>>,
    Path((version, id)): Path<(String, String)>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let grant = match granted(
        &state,
        &version,
        &headers,
        query.as_deref(),
        Node::PhoneNumber(&id),
    ) {
        Ok(g) => g,
        Err(r) => return *r,
    };
    // JSON (as in Meta's examples) or form parameters.
    let params: HashMap<String, String> = match serde_json::from_slice::<Value>(&body) {
        Ok(Value::Object(o)) => o
            .into_iter()
            .filter_map(|(k, v)| v.as_str().map(|s| (k, s.to_owned())))
            .collect(),
        _ => query_map(std::str::from_utf8(&body).ok()),
    };
    if params.get("messaging_product").map(String::as_str) != Some("whatsapp") {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) The parameter messaging_product is required and must be whatsapp",
        );
    }
    if !params
        .get("pin")
        .is_some_and(|p| p.len() == 6 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) Param pin must be 6 digits",
        );
    }
    if grant.spec.is_coexistence {
        return graph_error(
            StatusCode::BAD_REQUEST,
            100,
            None,
            "(#100) This number is on the WhatsApp Business app (coexistence) and is registered already",
        );
    }
    state.sandbox().graph.stats.registered += 1;
    responses::json(StatusCode::OK, &json!({ "success": true }))
}
