//! Which `MessageEvent.origin` values may speak for Meta.

/// The origins Meta's Embedded Signup popup posts session events from.
pub const FACEBOOK_ORIGINS: [&str; 2] = ["https://www.facebook.com", "https://web.facebook.com"];

/// `true` when `origin` is exactly one of [`FACEBOOK_ORIGINS`] or of `extra`
/// (a sandbox allowlist).
///
/// Exact string equality only: no suffix or prefix match, no case folding,
/// no trailing slash, no default-port normalisation. So
/// `https://evilfacebook.com`, `https://www.facebook.com.evil.test`,
/// `http://www.facebook.com`, `https://www.facebook.com:8443`,
/// `https://www.facebook.com/` and `HTTPS://WWW.FACEBOOK.COM` are all refused.
/// The empty string and the opaque origin `"null"` (sandboxed frames, `file:`)
/// are refused even if `extra` lists them, since any page can produce them.
pub fn is_allowed_origin(origin: &str, extra: &[String]) -> bool {
    if origin.is_empty() || origin == "null" {
        return false;
    }
    FACEBOOK_ORIGINS.contains(&origin) || extra.iter().any(|allowed| allowed == origin)
}
