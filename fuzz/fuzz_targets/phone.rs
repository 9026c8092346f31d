//! E.164 parsing: never panics on any input or default calling code, and the
//! validators agree with the parser.
//!
//! Input layout: byte 0 picks the default calling code (0: none, 1: the next
//! two bytes as a little-endian u16, otherwise the byte itself); the rest is
//! the text (lossy UTF-8, so non-ASCII characters are exercised too).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wa_signup::phone::{is_e164, is_e164_batch, parse, to_meta_phone_params};

fuzz_target!(|data: &[u8]| {
    let (default_cc, rest) = match data.split_first() {
        None => (None, data),
        Some((0, rest)) => (None, rest),
        Some((1, rest)) => match rest {
            [a, b, tail @ ..] => (Some(u16::from_le_bytes([*a, *b])), tail),
            _ => (None, rest),
        },
        Some((&cc, rest)) => (Some(u16::from(cc)), rest),
    };
    let text = String::from_utf8_lossy(rest);
    let text = text.as_ref();

    if let Ok(number) = parse(text, default_cc) {
        let e164 = number.e164();
        assert!(
            is_e164(e164),
            "parse output {e164:?} must be canonical E.164"
        );
        let digits = e164.strip_prefix('+').unwrap_or_default();
        assert!(
            (1..=15).contains(&digits.len()),
            "E.164 has 1..=15 digits: {e164:?}"
        );
        assert_eq!(
            format!("+{}{}", number.calling_code(), number.national_number()),
            e164,
            "calling code + national number make the E.164 form"
        );
        let again = parse(e164, None).expect("canonical output parses again");
        assert_eq!(again.e164(), e164, "parse is idempotent");
    }

    if is_e164(text) {
        let number = parse(text, None).expect("is_e164 implies parse succeeds");
        // Not `== text`: `+4407911123456` is E.164-shaped and possible, but the
        // parse drops the written trunk prefix. Parsing is idempotent instead.
        let again = parse(number.e164(), None).expect("parse output parses");
        assert_eq!(again.e164(), number.e164(), "parse is idempotent");
        assert!(
            to_meta_phone_params(text).is_ok(),
            "E.164 input splits for Meta"
        );
    }
    let _ = to_meta_phone_params(text);

    // One verdict per line, each agreeing with is_e164 on that line.
    let verdicts = is_e164_batch(text);
    let lines: Vec<&str> = text.split('\n').collect();
    assert!(
        verdicts.len() == lines.len() || verdicts.len() + 1 == lines.len(),
        "{} verdicts for {} lines",
        verdicts.len(),
        lines.len()
    );
    for (verdict, line) in verdicts.iter().zip(&lines) {
        assert!(*verdict <= 1, "verdicts are 0 or 1");
        if *verdict == 1 {
            assert!(
                parse(line.trim_end_matches('\r'), None).is_ok(),
                "batch accepted {line:?}"
            );
        }
    }
});
