//! Cache rules for the package files, by file name.
//!
//! A file whose name carries a content hash (`widget.3f2a9c1b.js`,
//! `widget-3f2a9c1b.wasm`) never changes under that name, so a browser or CDN
//! may keep it for a year without asking again. Every other name may be
//! rebuilt in place: it is stored but revalidated on each use (`no-cache`),
//! which the `Last-Modified` / `If-Modified-Since` pair makes a bodiless 304
//! when nothing changed. The files wasm-bindgen writes (`wa_signup_web_bg.wasm`,
//! `wa_signup_flow.js`, …) carry no hash in their names, so today every package
//! file takes the second rule.

/// `Cache-Control` of a file whose name carries a content hash.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";

/// `Cache-Control` of every other package file: store, revalidate before use.
pub const REVALIDATE: &str = "no-cache";

/// Shortest run of hexadecimal digits taken for a content hash.
const MIN_HASH_LEN: usize = 8;

/// The `Cache-Control` value for the file named `file_name`.
pub fn cache_control(file_name: &str) -> &'static str {
    if has_content_hash(file_name) {
        IMMUTABLE
    } else {
        REVALIDATE
    }
}

/// Whether a `.`- or `-`-separated part of the name after its first part is a
/// content hash: at least [`MIN_HASH_LEN`] lowercase hexadecimal digits with
/// both a digit and a letter among them (so words such as `deadbeef` and
/// dates such as `20260101` are not taken for one; a hash that happens to be
/// all digits only loses the long cache, never gains a wrong one).
pub fn has_content_hash(file_name: &str) -> bool {
    file_name.split(['.', '-']).skip(1).any(|part| {
        part.len() >= MIN_HASH_LEN
            && part.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
            && part.bytes().any(|b| b.is_ascii_digit())
            && part.bytes().any(|b| b.is_ascii_alphabetic())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_names_are_immutable() {
        for name in [
            "widget.3f2a9c1b.js",
            "wa_signup_web_bg-0a1b2c3d4e5f.wasm",
            "style.9e107d9d372bb6826bd81d3542a419d6.css",
        ] {
            assert_eq!(cache_control(name), IMMUTABLE, "{name}");
        }
    }

    #[test]
    fn names_without_a_hash_are_revalidated() {
        for name in [
            "wa_signup_web_bg.wasm",
            "wa_signup_web.js",
            "wa-signup.css",
            "wa_signup_flow.d.ts",
            "inline0.js",
            "deadbeef.js",
            "x.deadbeef.js",
            "build-20260101.js",
            "x.3F2A9C1B.js",
            "x.3f2a9c1.js",
            "0a1b2c3d4e.js",
        ] {
            assert_eq!(cache_control(name), REVALIDATE, "{name}");
        }
    }
}
