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
}

/// Text quoted for an error message: `"…"`, with control characters (line
/// breaks, NUL…) shown as `U+000A` so the message stays on one line.
/// (Not `{:?}` or `escape_default`: both bring escaping tables or a second
/// formatter into the wasm.)
pub(crate) struct Quoted<'a>(pub(crate) &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("\"")?;
        let mut rest = self.0;
        while let Some((i, c)) = rest.char_indices().find(|&(_, c)| c.is_control()) {
            f.write_str(rest.get(..i).unwrap_or_default())?;
            write!(f, "U+{:04X}", u32::from(c))?;
            rest = rest.get(i + c.len_utf8()..).unwrap_or_default();
        }
        f.write_str(rest)?;
        f.write_str("\"")
    }
}

#[cfg(test)]
mod tests {
    use super::Quoted;

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
}
