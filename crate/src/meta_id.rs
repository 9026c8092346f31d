//! Meta numeric ids (WABA, phone number, business).
//!
//! Meta's Graph API ids such as `524126980791429` (a WABA) or
//! `106540352242922` (a phone number) are decimal strings. This module only
//! checks their shape; whether an id exists is for Meta to say.

/// The longest Meta id accepted, in digits (ids are 64-bit; 20 digits hold
/// every `u64`).
pub const MAX_META_ID_LEN: usize = 20;

/// `true` for a Meta numeric id: 1 to [`MAX_META_ID_LEN`] ASCII digits, no
/// sign, no whitespace, no leading zero (so `"0"` is rejected too).
pub fn is_meta_id(input: &str) -> bool {
    let bytes = input.as_bytes();
    match bytes.first() {
        Some(b'1'..=b'9') => bytes.len() <= MAX_META_ID_LEN && bytes.iter().all(u8::is_ascii_digit),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_table() {
        let cases: &[(&str, bool)] = &[
            ("524126980791429", true),
            ("106540352242922", true),
            ("2729063490586005", true),
            ("1", true),
            ("9", true),
            ("12345678901234567890", true), // 20 digits
            ("99999999999999999999", true),
            ("123456789012345678901", false), // 21 digits
            ("", false),
            ("0", false),
            ("0123", false),
            ("+123", false),
            ("-123", false),
            (" 123", false),
            ("123 ", false),
            ("12 3", false),
            ("12a3", false),
            ("1.5", false),
            ("1e5", false),
            ("١٢٣", false),    // Arabic-Indic digits are not ASCII
            ("１２３", false), // full-width digits
            ("123\n", false),
            ("waba-123", false),
        ];
        for (input, want) in cases {
            assert_eq!(is_meta_id(input), *want, "{input:?}");
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn agrees_with_a_regex_shaped_reference(s in "\\PC{0,25}|[0-9]{0,22}") {
                let reference = !s.is_empty()
                    && s.len() <= 20
                    && s.chars().all(|c| c.is_ascii_digit())
                    && !s.starts_with('0');
                prop_assert_eq!(is_meta_id(&s), reference);
            }

            #[test]
            fn every_positive_u64_is_an_id(n in 1u64..) {
                prop_assert!(is_meta_id(&n.to_string()));
            }
        }
    }
}
