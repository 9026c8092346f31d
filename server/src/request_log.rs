//! What the sandbox received, for `GET /__sandbox/requests`: exact bodies with
//! the Meta `code` replaced by `[redacted]`, headers with secrets redacted.

use std::collections::BTreeMap;
use std::time::{SystemTime, UNIX_EPOCH};

use axum::http::HeaderMap;
use serde::Serialize;
use serde_json::Value;

/// At most this many requests are kept (oldest dropped first).
const MAX_ENTRIES: usize = 1_000;

/// What replaces the code in logged bodies.
pub const REDACTED: &str = "[redacted]";

/// What happened to the code a request carried.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct GrantRef {
    /// The grant the code belongs to (`GET /__sandbox/grants`), if known.
    pub id: Option<u64>,
    /// `redeemed`, `unknown`, `expired`, `used` (reuse attempt), or
    /// `notRedeemed` (refused before redemption, or forwarded by the proxy).
    pub result: &'static str,
}

/// One received request.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LoggedRequest {
    /// 1, 2, 3… since start or the last reset.
    pub seq: u64,
    /// Which endpoint (`callback`, `proxy.callback`, `platform.callback`,
    /// `platform.registerPhoneNumber`, `platform.assignApps`).
    pub endpoint: &'static str,
    /// HTTP method.
    pub method: String,
    /// Path without the query.
    pub path: String,
    /// The query string, if any.
    pub query: Option<String>,
    /// Request headers, lower-case names; `authorization` and `cookie` redacted.
    pub headers: BTreeMap<String, String>,
    /// The body as JSON with `code` redacted (absent when not JSON).
    pub body: Option<Value>,
    /// The body text with the code redacted.
    pub body_text: String,
    /// The code's fate.
    pub grant: Option<GrantRef>,
    /// Response status.
    pub status: u16,
    /// Response body (JSON).
    pub response: Value,
    /// Wall-clock arrival time, Unix microseconds (for latency measurements).
    pub received_at_us: u64,
    /// Arrival time as RFC 3339 (sandbox clock).
    pub received_at: String,
    /// Time spent handling (before any forced delay), ms.
    pub duration_ms: u64,
    /// Forced delay applied before the answer was sent (`callback.delayMs`), ms.
    pub delay_ms: u64,
}

/// The log.
#[derive(Debug, Default)]
pub struct RequestLog {
    entries: Vec<LoggedRequest>,
    next_seq: u64,
}

impl RequestLog {
    /// Appends `entry`, numbering it.
    pub fn push(&mut self, mut entry: LoggedRequest) {
        self.next_seq += 1;
        entry.seq = self.next_seq;
        if self.entries.len() >= MAX_ENTRIES {
            self.entries.remove(0);
        }
        self.entries.push(entry);
    }

    /// Entries, oldest first, optionally only one endpoint's.
    pub fn list(&self, endpoint: Option<&str>) -> Vec<LoggedRequest> {
        self.entries
            .iter()
            .filter(|e| endpoint.is_none_or(|want| e.endpoint == want))
            .cloned()
            .collect()
    }

    /// Forgets everything and restarts numbering.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.next_seq = 0;
    }
}

/// Wall-clock Unix microseconds.
pub fn wall_clock_us() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| u64::try_from(d.as_micros()).unwrap_or(u64::MAX))
        .unwrap_or(0)
}

/// Header map for the log: lower-case names, secrets redacted.
pub fn loggable_headers(headers: &HeaderMap) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (name, value) in headers {
        let name = name.as_str().to_ascii_lowercase();
        let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
        let shown = match name.as_str() {
            "authorization" => redact_authorization(&text),
            "cookie" => REDACTED.to_owned(),
            _ => text,
        };
        out.entry(name)
            .and_modify(|v: &mut String| {
                v.push_str(", ");
                v.push_str(&shown);
            })
            .or_insert(shown);
    }
    out
}

/// `Bearer sk_admin_…wxyz`: scheme, key prefix and last four characters only.
pub fn redact_authorization(value: &str) -> String {
    let (scheme, token) = value.split_once(' ').unwrap_or(("", value));
    let prefix = ["sk_admin_", "sk_"]
        .into_iter()
        .find(|p| token.starts_with(p))
        .unwrap_or("");
    let tail: String = if token.chars().count() >= prefix.len() + 8 {
        let n = token.chars().count();
        token.chars().skip(n - 4).collect()
    } else {
        String::new()
    };
    let scheme = if scheme.is_empty() {
        String::new()
    } else {
        format!("{scheme} ")
    };
    format!("{scheme}{prefix}…{tail}")
}

/// The body as logged, whatever its shape: every `code` member at any depth
/// (duplicates included) is `[redacted]` in the JSON, and the text keeps the
/// exact bytes only when that provably hides every code (else it is the
/// re-serialised redacted JSON); a body that is not JSON is not logged at all.
/// Returns `(json, text, top-level code if a string)`.
pub fn redact_body(raw: &[u8]) -> (Option<Value>, String, Option<String>) {
    let Ok(mut json) = serde_json::from_slice::<Value>(raw) else {
        return (
            None,
            format!("[{} bytes, not JSON: not logged]", raw.len()),
            None,
        );
    };
    let top = json.get("code").and_then(Value::as_str).map(str::to_owned);
    let mut codes = Vec::new();
    let keys = redact_codes(&mut json, &mut codes);
    let text = String::from_utf8_lossy(raw).into_owned();
    if keys == 0 {
        return if text.contains("code") {
            // e.g. an escaped key such as "\u0063ode" would hide from a text check.
            (Some(json.clone()), json.to_string(), top)
        } else {
            (Some(json), text, top)
        };
    }
    let mut replaced = text.clone();
    let mut exact = text.matches("\"code\"").count() == keys && codes.len() == keys;
    for code in &codes {
        let quoted = serde_json::to_string(code).unwrap_or_default();
        if code.is_empty() || !replaced.contains(&quoted) {
            exact = false;
            break;
        }
        replaced = replaced.replace(&quoted, &format!("\"{REDACTED}\""));
    }
    let text = match serde_json::from_str::<Value>(&replaced) {
        Ok(reparsed)
            if exact
                && reparsed == json
                && !codes.iter().any(|c| replaced.contains(c.as_str())) =>
        {
            replaced
        }
        _ => json.to_string(),
    };
    (Some(json), text, top)
}

/// Replaces every `code` member's value under `value`; collects string codes;
/// returns how many `code` members there were.
fn redact_codes(value: &mut Value, codes: &mut Vec<String>) -> usize {
    match value {
        Value::Object(map) => {
            let mut n = 0;
            for (key, v) in map.iter_mut() {
                if key == "code" {
                    n += 1;
                    if let Value::String(s) = v {
                        codes.push(std::mem::take(s));
                    }
                    *v = Value::String(REDACTED.to_owned());
                } else {
                    n += redact_codes(v, codes);
                }
            }
            n
        }
        Value::Array(items) => items.iter_mut().map(|v| redact_codes(v, codes)).sum(),
        _ => 0,
    }
}

/// The query string as logged: every `code` parameter (however encoded)
/// replaced by `[redacted]`; other parameters as sent.
pub fn redact_query(query: &str) -> String {
    let has_code = form_urlencoded::parse(query.as_bytes()).any(|(k, _)| k == "code");
    if !has_code {
        return query.to_owned();
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k == "code" {
            out.append_pair(&k, REDACTED);
        } else {
            out.append_pair(&k, &v);
        }
    }
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_code_never_reaches_the_log() {
        let raw = br#"{"code":"AQsecret123","wabaId":"1","isCoexistence":false}"#;
        let (json, text, code) = redact_body(raw);
        assert_eq!(code.as_deref(), Some("AQsecret123"));
        assert_eq!(
            text,
            r#"{"code":"[redacted]","wabaId":"1","isCoexistence":false}"#
        );
        assert_eq!(json.expect("json")["code"], REDACTED);

        let escaped = br#"{"code":"AQ\u0073ecret","x":1}"#;
        let (_, text, code) = redact_body(escaped);
        assert_eq!(code.as_deref(), Some("AQsecret"));
        assert!(
            !text.contains("AQsecret") && !text.contains("AQ\\u0073ecret"),
            "{text}"
        );

        let (json, text, code) = redact_body(b"not json AQsecret");
        assert_eq!(
            (json, text.as_str(), code),
            (None, "[17 bytes, not JSON: not logged]", None)
        );
    }

    #[test]
    fn codes_of_any_shape_never_reach_the_log() {
        let bodies: [&[u8]; 7] = [
            br#"{"code":"AQfirst","code":"AQsecond"}"#,
            br#"{"nested":{"code":"AQsecret"},"list":[{"code":"AQsecret2"}]}"#,
            br#"{"code":["AQsecret"]}"#,
            br#"{"code":{"value":"AQsecret"}}"#,
            br#"{"\u0063ode":"AQsecret"}"#,
            br#"{"x":"code","code":"AQsecret"}"#,
            b"code=AQsecret&wabaId=1",
        ];
        for raw in bodies {
            let (json, text, _) = redact_body(raw);
            let shown = format!("{json:?} {text}");
            for secret in ["AQfirst", "AQsecond", "AQsecret"] {
                assert!(
                    !shown.contains(secret),
                    "{}: {shown}",
                    String::from_utf8_lossy(raw)
                );
            }
        }
        assert_eq!(redact_query("forceStatus=500"), "forceStatus=500");
        let q = redact_query("code=AQsecret&%63ode=AQsecret2&x=1");
        assert!(!q.contains("AQsecret") && q.contains("x=1"), "{q}");
    }

    #[test]
    fn authorization_is_redacted_to_prefix_and_tail() {
        assert_eq!(
            redact_authorization("Bearer sk_admin_abcdefghijkl1234"),
            "Bearer sk_admin_…1234"
        );
        assert_eq!(redact_authorization("Bearer short"), "Bearer …");
        assert_eq!(redact_authorization("sk_admin_x"), "sk_admin_…");
    }

    #[test]
    fn log_numbers_filters_and_clears() {
        let mut log = RequestLog::default();
        for endpoint in ["callback", "platform.callback", "callback"] {
            log.push(LoggedRequest {
                seq: 0,
                endpoint,
                method: "POST".into(),
                path: "/".into(),
                query: None,
                headers: BTreeMap::new(),
                body: None,
                body_text: String::new(),
                grant: None,
                status: 200,
                response: Value::Null,
                received_at_us: 0,
                received_at: String::new(),
                duration_ms: 0,
                delay_ms: 0,
            });
        }
        let seqs: Vec<u64> = log.list(Some("callback")).iter().map(|e| e.seq).collect();
        assert_eq!(seqs, [1, 3]);
        assert_eq!(log.list(None).len(), 3);
        log.clear();
        assert!(log.list(None).is_empty());
    }
}
