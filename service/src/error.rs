//! One error enum for everything the service refuses or fails at, mapped to
//! responses with stable codes: `{ "error": { code, message, status, field?, step?, metaError? } }`
//! (the platform's own error shape, seed 003).

use std::fmt;

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::{json, Map, Value};
use wa_signup::api::{ApiError, GraphError};
use wa_signup::ErrorCode;

/// Which Graph call of direct onboarding failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GraphStep {
    /// `GET /oauth/access_token`.
    ExchangeCode,
    /// `GET /debug_token`.
    DebugToken,
    /// `GET /{waba-id}/phone_numbers` (the number belongs to the WABA).
    CheckPhoneNumber,
    /// `POST /{waba-id}/subscribed_apps`.
    SubscribeApp,
    /// `POST /{phone-number-id}/register`.
    RegisterPhoneNumber,
}

impl GraphStep {
    /// Stable name (`exchangeCode`, `debugToken`, `checkPhoneNumber`, `subscribeApp`, `registerPhoneNumber`).
    pub fn name(self) -> &'static str {
        match self {
            Self::ExchangeCode => "exchangeCode",
            Self::DebugToken => "debugToken",
            Self::CheckPhoneNumber => "checkPhoneNumber",
            Self::SubscribeApp => "subscribeApp",
            Self::RegisterPhoneNumber => "registerPhoneNumber",
        }
    }
}

/// Everything the service answers besides success. Each variant has one
/// HTTP status and one stable `code` ([`ServiceError::code`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ServiceError {
    /// 405 `METHOD_NOT_ALLOWED`: the callback is `POST` only.
    MethodNotAllowed,
    /// 421 `HOST_NOT_ALLOWED`: the `Host` header is not one of the configured hosts (DNS rebinding).
    HostNotAllowed,
    /// 403 `ORIGIN_NOT_ALLOWED`: `Origin` absent or not in the allowlist (cross-site request).
    OriginNotAllowed,
    /// 415 `UNSUPPORTED_MEDIA_TYPE`: the body is not `application/json`.
    UnsupportedMediaType,
    /// 403 `CSRF_HEADER_MISSING`: the configured CSRF header is absent or empty.
    CsrfHeaderMissing,
    /// 401 `UNAUTHENTICATED`: the authorisation hook found no user session.
    Unauthenticated,
    /// 403 `FORBIDDEN`: the authorisation hook refused this user.
    Forbidden,
    /// 413 `BODY_TOO_LARGE`: the body is over the configured limit.
    BodyTooLarge,
    /// 408 `REQUEST_TIMEOUT`: the request took longer than the configured time.
    RequestTimeout,
    /// 400: the body is not a valid seed 003 request; `code` is the core crate's
    /// [`ApiError`] code (`INVALID_JSON`, `MISSING_FIELD`, `EMPTY_CODE`, …).
    InvalidRequest(ApiError),
    /// 409 `CODE_ALREADY_FORWARDED`: this code was already sent on (by this or another instance).
    CodeAlreadyForwarded,
    /// 503 `STORE_UNAVAILABLE`: the forwarded-once store did not answer; nothing was sent.
    StoreUnavailable(String),
    /// 502 `UPSTREAM_UNREACHABLE`: the platform or Meta could not be connected to; nothing was
    /// sent, the claim on the code was given up, so the same code may be posted again.
    UpstreamUnreachable(String),
    /// 502 `UPSTREAM_UNAVAILABLE`: the exchange with the platform or Meta failed midway.
    UpstreamUnavailable(String),
    /// 504 `UPSTREAM_TIMEOUT`: no answer within the per-upstream timeout.
    UpstreamTimeout,
    /// 502 `UPSTREAM_INVALID_RESPONSE`: the answer was not what the documented format says.
    UpstreamInvalidResponse(String),
    /// The platform's own error, passed on with its status and code.
    Upstream {
        /// The platform's status (4xx/5xx).
        status: StatusCode,
        /// The platform's `error` object as sent (already checked to have `code` and `message`).
        error: Map<String, Value>,
    },
    /// 400 `INVALID_CODE`: Meta refused the code (unknown, expired, used, wrong `redirect_uri`).
    InvalidCode(GraphError),
    /// 403 `TOKEN_NOT_VALID`: `debug_token` says the token is not valid or not for this app.
    TokenNotValid(String),
    /// 403 `WABA_NOT_GRANTED` / `PHONE_NUMBER_NOT_GRANTED` / `BUSINESS_NOT_GRANTED`: a session id
    /// from the browser is not among the token's granted targets.
    NotGranted {
        /// `wabaId`, `phoneNumberId` or `businessId`.
        field: &'static str,
    },
    /// 400 `COEXISTENCE_MISMATCH`: the browser's `isCoexistence` differs from Meta's
    /// `is_on_biz_app` for the number.
    CoexistenceMismatch,
    /// 502 `META_GRAPH_ERROR`: a Graph call failed with Meta's error (seed 004 codes).
    Graph {
        /// Which call.
        step: GraphStep,
        /// Meta's error.
        error: GraphError,
    },
    /// 500 `ONBOARDING_HOOK_FAILED`: the integrator's `on_onboarded` hook failed.
    HookFailed(String),
}

impl ServiceError {
    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
            Self::HostNotAllowed => StatusCode::MISDIRECTED_REQUEST,
            Self::OriginNotAllowed | Self::CsrfHeaderMissing | Self::Forbidden => {
                StatusCode::FORBIDDEN
            }
            Self::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            Self::Unauthenticated => StatusCode::UNAUTHORIZED,
            Self::BodyTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::InvalidRequest(_) | Self::InvalidCode(_) | Self::CoexistenceMismatch => {
                StatusCode::BAD_REQUEST
            }
            Self::CodeAlreadyForwarded => StatusCode::CONFLICT,
            Self::StoreUnavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
            Self::UpstreamUnavailable(_)
            | Self::UpstreamUnreachable(_)
            | Self::UpstreamInvalidResponse(_)
            | Self::Graph { .. } => StatusCode::BAD_GATEWAY,
            Self::UpstreamTimeout => StatusCode::GATEWAY_TIMEOUT,
            Self::Upstream { status, .. } => *status,
            Self::TokenNotValid(_) | Self::NotGranted { .. } => StatusCode::FORBIDDEN,
            Self::HookFailed(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable code (match on this, not on the message).
    pub fn code(&self) -> String {
        let fixed = match self {
            Self::MethodNotAllowed => "METHOD_NOT_ALLOWED",
            Self::HostNotAllowed => "HOST_NOT_ALLOWED",
            Self::OriginNotAllowed => "ORIGIN_NOT_ALLOWED",
            Self::UnsupportedMediaType => "UNSUPPORTED_MEDIA_TYPE",
            Self::CsrfHeaderMissing => "CSRF_HEADER_MISSING",
            Self::Unauthenticated => "UNAUTHENTICATED",
            Self::Forbidden => "FORBIDDEN",
            Self::BodyTooLarge => "BODY_TOO_LARGE",
            Self::RequestTimeout => "REQUEST_TIMEOUT",
            Self::InvalidRequest(e) => e.code(),
            Self::CodeAlreadyForwarded => "CODE_ALREADY_FORWARDED",
            Self::StoreUnavailable(_) => "STORE_UNAVAILABLE",
            Self::UpstreamUnavailable(_) => "UPSTREAM_UNAVAILABLE",
            Self::UpstreamUnreachable(_) => "UPSTREAM_UNREACHABLE",
            Self::UpstreamTimeout => "UPSTREAM_TIMEOUT",
            Self::UpstreamInvalidResponse(_) => "UPSTREAM_INVALID_RESPONSE",
            Self::Upstream { error, .. } => {
                return error
                    .get("code")
                    .and_then(Value::as_str)
                    .unwrap_or("UPSTREAM_ERROR")
                    .to_owned()
            }
            Self::InvalidCode(_) => "INVALID_CODE",
            Self::TokenNotValid(_) => "TOKEN_NOT_VALID",
            Self::NotGranted { field } => match *field {
                "wabaId" => "WABA_NOT_GRANTED",
                "phoneNumberId" => "PHONE_NUMBER_NOT_GRANTED",
                _ => "BUSINESS_NOT_GRANTED",
            },
            Self::CoexistenceMismatch => "COEXISTENCE_MISMATCH",
            Self::Graph { .. } => "META_GRAPH_ERROR",
            Self::HookFailed(_) => "ONBOARDING_HOOK_FAILED",
        };
        fixed.to_owned()
    }

    /// The response body.
    pub fn body(&self) -> Value {
        if let Self::Upstream { error, .. } = self {
            return json!({ "error": error });
        }
        let status = self.status().as_u16();
        let mut error = json!({
            "code": self.code(),
            "message": self.to_string(),
            "status": status,
        });
        let extra = match self {
            Self::InvalidRequest(e) => e.field().map(|f| ("field", json!(f))),
            Self::NotGranted { field } => Some(("field", json!(field))),
            Self::InvalidCode(meta) | Self::Graph { error: meta, .. } => Some((
                "metaError",
                serde_json::to_value(meta).unwrap_or(Value::Null),
            )),
            _ => None,
        };
        if let (Some((key, value)), Some(obj)) = (extra, error.as_object_mut()) {
            obj.insert(key.to_owned(), value);
        }
        if let (Self::Graph { step, .. }, Some(obj)) = (self, error.as_object_mut()) {
            obj.insert("step".to_owned(), json!(step.name()));
        }
        json!({ "error": error })
    }
}

impl fmt::Display for ServiceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::MethodNotAllowed => f.write_str("use POST"),
            Self::HostNotAllowed => f.write_str("this host name is not served here"),
            Self::OriginNotAllowed => f.write_str("requests from this origin are not accepted"),
            Self::UnsupportedMediaType => f.write_str("the body must be application/json"),
            Self::CsrfHeaderMissing => f.write_str("the CSRF header is missing"),
            Self::Unauthenticated => f.write_str("sign in first"),
            Self::Forbidden => f.write_str("this user may not connect a WhatsApp account"),
            Self::BodyTooLarge => f.write_str("the body is too large"),
            Self::RequestTimeout => f.write_str("the request took too long"),
            Self::InvalidRequest(e) => write!(f, "{e}"),
            Self::CodeAlreadyForwarded => {
                f.write_str("this code was already sent on; a code is used once")
            }
            Self::StoreUnavailable(why) => write!(f, "the code store is unavailable: {why}"),
            Self::UpstreamUnavailable(why) => write!(f, "the exchange with the upstream failed: {why}"),
            Self::UpstreamUnreachable(why) => write!(
                f,
                "the upstream could not be reached ({why}); nothing was sent, the code may be posted again"
            ),
            Self::UpstreamTimeout => f.write_str("the upstream did not answer in time"),
            Self::UpstreamInvalidResponse(why) => {
                write!(f, "the upstream answered with an unexpected body: {why}")
            }
            Self::Upstream { error, .. } => f.write_str(
                error
                    .get("message")
                    .and_then(Value::as_str)
                    .unwrap_or("the platform refused the request"),
            ),
            Self::InvalidCode(e) => write!(f, "Meta refused the code: {}", e.message),
            Self::TokenNotValid(why) => {
                write!(f, "the access token is not valid for this app: {why}")
            }
            Self::NotGranted { field } => {
                write!(f, "{field} is not among the assets the customer granted")
            }
            Self::CoexistenceMismatch => f.write_str(
                "isCoexistence differs from what Meta says of this number (is_on_biz_app)",
            ),
            Self::Graph { step, error } => {
                write!(
                    f,
                    "Meta's Graph API refused {}: {} (code {})",
                    step.name(),
                    error.message,
                    error.code
                )
            }
            Self::HookFailed(why) => write!(f, "storing the onboarding failed: {why}"),
        }
    }
}

impl std::error::Error for ServiceError {}

impl IntoResponse for ServiceError {
    fn into_response(self) -> Response {
        (self.status(), Json(self.body())).into_response()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_statuses_are_stable() {
        let cases: Vec<(ServiceError, u16, &str)> = vec![
            (ServiceError::MethodNotAllowed, 405, "METHOD_NOT_ALLOWED"),
            (ServiceError::HostNotAllowed, 421, "HOST_NOT_ALLOWED"),
            (ServiceError::OriginNotAllowed, 403, "ORIGIN_NOT_ALLOWED"),
            (
                ServiceError::UnsupportedMediaType,
                415,
                "UNSUPPORTED_MEDIA_TYPE",
            ),
            (ServiceError::CsrfHeaderMissing, 403, "CSRF_HEADER_MISSING"),
            (ServiceError::Unauthenticated, 401, "UNAUTHENTICATED"),
            (ServiceError::BodyTooLarge, 413, "BODY_TOO_LARGE"),
            (ServiceError::RequestTimeout, 408, "REQUEST_TIMEOUT"),
            (
                ServiceError::CodeAlreadyForwarded,
                409,
                "CODE_ALREADY_FORWARDED",
            ),
            (ServiceError::UpstreamTimeout, 504, "UPSTREAM_TIMEOUT"),
            (
                ServiceError::NotGranted { field: "wabaId" },
                403,
                "WABA_NOT_GRANTED",
            ),
            (
                ServiceError::InvalidRequest(ApiError::EmptyCode),
                400,
                "EMPTY_CODE",
            ),
        ];
        for (e, status, code) in cases {
            assert_eq!((e.status().as_u16(), e.code().as_str()), (status, code));
            let body = e.body();
            assert_eq!(body["error"]["code"], code);
            assert_eq!(body["error"]["status"], status);
        }
    }
}
