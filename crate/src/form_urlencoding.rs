//! `application/x-www-form-urlencoded`, the one rule for every query string
//! and form body this crate writes or reads (the redirect dialog's query,
//! the return URL, seed 004's parameters): the WHATWG URL standard's, what
//! `URLSearchParams` writes. ASCII letters, digits and `*-._` are kept, a
//! space becomes `+`, every other byte of the UTF-8 text `%XX`; decoding
//! takes `+` as a space and keeps a malformed escape as written.
//!
//! Hand-written rather than the `form_urlencoded` crate (measured, gzip -9 of
//! the npm modules' wasm): with the crate, `wa-signup/flow` was 1,135 B and
//! `wa-signup/api` 1,105 B larger than with this module.

/// Appends `pairs` to `out` as `k=v&k=v` (a `&` before each pair but the first).
pub(crate) fn push_pairs<'a>(
    out: &mut String,
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) {
    for (i, (key, value)) in pairs.into_iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        push_encoded(out, key);
        out.push('=');
        push_encoded(out, value);
    }
}

/// Appends `text` encoded.
pub(crate) fn push_encoded(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for b in text.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'*' | b'-' | b'.' | b'_' => {
                out.push(char::from(b))
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 0x0f)]));
            }
        }
    }
}

/// The pairs of `query` (no leading `?`), decoded; empty pairs skipped, a
/// pair without `=` has an empty value.
pub(crate) fn parse(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (decode(k), decode(v))
        })
        .collect()
}

/// Decodes `%XX` and `+`; malformed escapes are kept as written, invalid
/// UTF-8 becomes U+FFFD. Never panics.
pub(crate) fn decode(input: &str) -> String {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let escaped = match (b, bytes.get(i + 1), bytes.get(i + 2)) {
            (b'%', Some(&hi), Some(&lo)) => hex_val(hi).zip(hex_val(lo)),
            _ => None,
        };
        match (b, escaped) {
            (_, Some((hi, lo))) => {
                out.push(hi << 4 | lo);
                i += 3;
                continue;
            }
            (b'+', None) => out.push(b' '),
            _ => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex_val(b: u8) -> Option<u8> {
    char::from(b)
        .to_digit(16)
        .and_then(|d| u8::try_from(d).ok())
}
