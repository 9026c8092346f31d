//! `is_e164_batch`: many `is_e164` checks in one call, so JavaScript crosses
//! into wasm once per batch instead of once per number.

use super::e164::is_e164;

/// Checks each line of `text` with [`is_e164`]: one byte per line, `1` for
/// a canonical E.164 number, `0` otherwise.
///
/// Lines end with `\n` or `\r\n`. A final line terminator does not start
/// another line, so `"+447911123456\n"` gives one result, `""` none, and
/// `"\n"` one (`0`, for the empty line). Lines are not trimmed: a line with
/// spaces is not canonical.
///
/// ```
/// use wa_signup::phone::is_e164_batch;
/// assert_eq!(is_e164_batch("+447911123456\r\n+44 7911\n\n+12125551234\n"), vec![1, 0, 0, 1]);
/// ```
pub fn is_e164_batch(text: &str) -> Vec<u8> {
    let body = text.strip_suffix('\n').unwrap_or(text);
    if text.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::with_capacity(body.bytes().filter(|&b| b == b'\n').count() + 1);
    out.extend(body.split('\n').map(|line| {
        let line = line.strip_suffix('\r').unwrap_or(line);
        u8::from(is_e164(line))
    }));
    out
}
