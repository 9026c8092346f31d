//! The sandbox platform's error answers:
//! `{ "error": { "code", "message", "status", "field"?, "metaError"? } }`.

use axum::http::StatusCode;
use serde::Serialize;
use serde_json::{json, Value};
use wa_signup::api::ApiError;
use wa_signup::ErrorCode;

/// Meta's OAuth error, as the platform received it when exchanging the code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MetaOAuthError {
    /// Meta's message.
    pub message: &'static str,
    /// Always `OAuthException`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Graph error code (100, invalid parameter).
    pub code: u32,
}

impl MetaOAuthError {
    fn new(message: &'static str) -> Self {
        Self {
            message,
            kind: "OAuthException",
            code: 100,
        }
    }
}

/// An error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformError {
    /// HTTP status.
    pub status: StatusCode,
    /// Stable SCREAMING_SNAKE code.
    pub code: &'static str,
    /// Human message (never echoes secrets).
    pub message: String,
    /// The request field concerned.
    pub field: Option<String>,
    /// Meta's error when the code exchange failed.
    pub meta: Option<MetaOAuthError>,
}

impl PlatformError {
    /// An error without field or Meta details.
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            status,
            code,
            message: message.into(),
            field: None,
            meta: None,
        }
    }

    /// Names the field concerned.
    pub fn with_field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    /// 400 from a request the core crate's validation refused.
    pub fn invalid_request(err: &ApiError) -> Self {
        let mut e = Self::new(StatusCode::BAD_REQUEST, err.code(), err.to_string());
        e.field = err.field().map(str::to_owned);
        e
    }

    /// 400 `INVALID_CODE`: the code was never issued.
    pub fn unknown_code() -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "INVALID_CODE",
            "Meta refused the authorization code: it was never issued (or belongs to another app)",
        )
        .with_field("code");
        e.meta = Some(MetaOAuthError::new("Invalid verification code format."));
        e
    }

    /// 400 `CODE_EXPIRED`: older than 30 s.
    pub fn expired_code() -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "CODE_EXPIRED",
            "Meta refused the authorization code: it expired (codes are valid for 30 seconds after FB.login returns them)",
        )
        .with_field("code");
        e.meta = Some(MetaOAuthError::new("This authorization code has expired."));
        e
    }

    /// 400 `CODE_ALREADY_USED`: redeemed before.
    pub fn used_code() -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "CODE_ALREADY_USED",
            "Meta refused the authorization code: it was already exchanged (a code can be used once)",
        )
        .with_field("code");
        e.meta = Some(MetaOAuthError::new(
            "This authorization code has been used.",
        ));
        e
    }

    /// 400 `REDIRECT_URI_MISMATCH`.
    pub fn redirect_uri_mismatch() -> Self {
        let mut e = Self::new(
            StatusCode::BAD_REQUEST,
            "REDIRECT_URI_MISMATCH",
            "Meta refused the authorization code: redirectUri must be sent exactly when the code came from a redirect, and equal the dialog's redirect_uri",
        )
        .with_field("redirectUri");
        e.meta = Some(MetaOAuthError::new(
            "Error validating verification code. Please make sure your redirect_uri is identical to the one you used in the OAuth dialog request",
        ));
        e
    }

    /// 500 when the server cannot mint ids or codes.
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(StatusCode::INTERNAL_SERVER_ERROR, "INTERNAL", message)
    }

    /// The JSON body.
    pub fn body(&self) -> Value {
        let mut error = json!({
            "code": self.code,
            "message": self.message,
            "status": self.status.as_u16(),
        });
        if let Some(field) = &self.field {
            error["field"] = Value::String(field.clone());
        }
        if let Some(meta) = &self.meta {
            error["metaError"] = serde_json::to_value(meta).unwrap_or(Value::Null);
        }
        json!({ "error": error })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_has_code_message_status_and_optional_details() {
        let e = PlatformError::expired_code();
        let body = e.body();
        assert_eq!(body["error"]["code"], "CODE_EXPIRED");
        assert_eq!(body["error"]["status"], 400);
        assert_eq!(body["error"]["field"], "code");
        assert_eq!(body["error"]["metaError"]["type"], "OAuthException");
        let plain = PlatformError::new(StatusCode::NOT_FOUND, "NOT_FOUND", "x").body();
        assert!(plain["error"].get("field").is_none());
        assert!(plain["error"].get("metaError").is_none());
        let api = PlatformError::invalid_request(&ApiError::EmptyCode);
        assert_eq!(
            (api.code, api.field.as_deref()),
            ("EMPTY_CODE", Some("code"))
        );
    }
}
