//! Session events: never panic on any origin, data or allowlist, and never
//! accept an event from an origin that is not allowed.
//!
//! Input layout: byte 0 picks the origin (0: www.facebook.com,
//! 1: web.facebook.com, 2: the sandbox origin given as the extra allowlist,
//! otherwise: the text up to the first newline is the origin); the rest is the
//! message data as JSON text (lossy UTF-8).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wa_signup::events::{is_allowed_origin, parse_session_event, FACEBOOK_ORIGINS};

const SANDBOX: &str = "http://127.0.0.1:8081";

fuzz_target!(|data: &[u8]| {
    let Some((&selector, rest)) = data.split_first() else {
        return;
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();
    let extra = vec![SANDBOX.to_owned()];
    let (origin, payload) = match selector {
        0 => (FACEBOOK_ORIGINS[0], text),
        1 => (FACEBOOK_ORIGINS[1], text),
        2 => (SANDBOX, text),
        _ => text.split_once('\n').unwrap_or((text, "")),
    };

    let with_extra = parse_session_event(origin, payload, &extra);
    let without = parse_session_event(origin, payload, &[]);
    if with_extra.is_some() {
        assert!(
            is_allowed_origin(origin, &extra),
            "accepted a disallowed origin {origin:?}"
        );
    }
    if without.is_some() {
        assert!(
            FACEBOOK_ORIGINS.contains(&origin),
            "accepted {origin:?} with no allowlist"
        );
    }
    // The allowlist only gates the origin; it never changes how data parses.
    if FACEBOOK_ORIGINS.contains(&origin) {
        assert_eq!(with_extra.is_some(), without.is_some());
    }
    if let Some(event) = with_extra {
        let _ = (event.event.as_str(), event.event.is_finish());
    }
});
