//! What the sandbox Graph API keeps ([`GraphStore`], in the server's shared
//! state): the business tokens it issued and its counters.

use std::collections::HashMap;

use serde::Serialize;

use super::grants::GrantSpec;

/// One issued business token.
#[derive(Debug, Clone)]
pub(crate) struct TokenGrant {
    /// What the token grants.
    pub(crate) spec: GrantSpec,
    /// When it was issued (ms since the Unix epoch).
    pub(crate) issued_ms: u64,
}

/// Tokens, subscriptions and registrations of the sandbox Graph API.
#[derive(Debug, Default)]
pub struct GraphStore {
    /// Issued tokens by value.
    pub(crate) tokens: HashMap<String, TokenGrant>,
    /// The counters.
    pub(crate) stats: GraphStats,
}

/// Counters for `GET /__meta/graph` (tests and the bench read them).
#[derive(Debug, Default, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphStats {
    /// Codes exchanged for a token.
    pub exchanged: u64,
    /// Exchanges refused because the code had been exchanged before.
    pub reused_codes: u64,
    /// Other refused exchanges (unknown, expired, wrong secret or redirect_uri).
    pub refused_exchanges: u64,
    /// `debug_token` calls.
    pub debugged: u64,
    /// `subscribed_apps` calls that succeeded.
    pub subscribed: u64,
    /// `register` calls that succeeded.
    pub registered: u64,
}
