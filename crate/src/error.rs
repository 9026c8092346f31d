//! The shared shape of every error this crate returns.
//!
//! Each concern has its own error enum (`PhoneError`, `IdError`, …). All of them
//! implement [`ErrorCode`], which gives a stable, machine-readable code such as
//! `TOO_SHORT`; their `Display` is the human message. In JavaScript the same
//! error becomes an `Error` whose `code` property holds that code.

/// An error with a stable machine-readable code.
///
/// Codes are `SCREAMING_SNAKE_CASE`, never change once released, and are what
/// callers should match on; the `Display` message is for people and may be
/// reworded.
pub trait ErrorCode: std::error::Error {
    /// The stable code, e.g. `"TOO_SHORT"`.
    fn code(&self) -> &'static str;

    /// The human message: the same text as `Display`. By default it goes
    /// through `Display`; the errors the core JS module throws build it with
    /// `String::push_str` instead, so no `core::fmt` code reaches that wasm.
    fn message(&self) -> String {
        self.to_string()
    }
}

/// Appends the decimal digits of `n` to `out`: what `{n}` prints, through
/// `itoa` (already linked for JSON output) rather than `core::fmt`.
pub(crate) fn push_decimal(out: &mut String, n: impl itoa::Integer) {
    out.push_str(itoa::Buffer::new().format(n));
}

/// Appends `c` as a code point, `U+000A`: what `U+{:04X}` prints (four
/// uppercase hex digits at least), without `core::fmt`.
pub(crate) fn push_code_point(out: &mut String, c: char) {
    let value = u32::from(c);
    let width = value.checked_ilog(16).map_or(1, |log| log + 1).max(4);
    out.push_str("U+");
    for shift in (0..width).rev() {
        let nibble = (value >> (shift * 4)) & 0xf;
        let digit = char::from_digit(nibble, 16).unwrap_or('0');
        out.push(digit.to_ascii_uppercase());
    }
}

/// Text quoted for an error message: `"…"`, with control characters (line
/// breaks, NUL…) shown as `U+000A` so the message stays on one line.
/// (Not `{:?}` or `escape_default`: both bring escaping tables or a second
/// formatter into the wasm.)
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl Quoted<'_> {
    /// Appends the quoted text to `out`.
    pub(crate) fn push_to(&self, out: &mut String) {
        out.push('"');
        let mut rest = self.0;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| c.is_control()) {
            out.push_str(rest.get(..i).unwrap_or_default());
            push_code_point(out, c);
            rest = rest.get(i + c.len_utf8()..).unwrap_or_default();
        }
        out.push_str(rest);
        out.push('"');
    }
}

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut text = String::new();
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::{push_code_point, push_decimal, Quoted};

    #[test]
    fn quoted_shows_control_characters_as_code_points() {
        for (text, shown) in [
            ("", "\"\""),
            ("X-Token", "\"X-Token\""),
            ("a\nb\r\n", "\"aU+000AbU+000DU+000A\""),
            ("\0é😀\u{7f}\u{85}", "\"U+0000é😀U+007FU+0085\""),
            ("say \"hi\"", "\"say \"hi\"\""),
        ] {
            assert_eq!(Quoted(text).to_string(), shown, "{text:?}");
        }
    }

    #[test]
    fn decimals_match_display() {
        for n in [
            0,
            1,
            9,
            10,
            15,
            99,
            100,
            65_535,
            1_400_000_000,
            u64::MAX - 1,
            u64::MAX,
        ] {
            let mut out = String::from("x");
            push_decimal(&mut out, n);
            assert_eq!(out, format!("x{n}"));
        }
    }

    #[test]
    fn code_points_match_upper_hex() {
        for c in [
            '\0',
            '\n',
            '\u{1b}',
            '\u{7f}',
            '\u{9f}',
            'é',
            '\u{fff}',
            '\u{ffff}',
            '😀',
            '\u{10ffff}',
        ] {
            let mut out = String::new();
            push_code_point(&mut out, c);
            assert_eq!(out, format!("U+{:04X}", u32::from(c)), "{c:?}");
        }
    }
}
