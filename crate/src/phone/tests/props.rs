//! Property tests: no panics, round-trips, batch = per-line, formatting noise,
//! agreement with the reference implementation.

use proptest::prelude::*;

use super::reference::reference_parse_with_extension;
use crate::phone::calling_codes::PLANS;
use crate::phone::{is_e164, is_e164_batch, parse, to_meta_phone_params, PossibleLengths};
use crate::ErrorCode;

/// Inputs that look like phone numbers, with some noise.
fn phoneish() -> impl Strategy<Value = String> {
    prop_oneof![
        "[+]?[0-9]{0,18}",
        "[ ]{0,2}[+]?[0-9 ()./-]{0,26}",
        "(00)?[0-9]{1,3}[ ]?[0-9]{0,16}",
        "[+＋]?[0-9０-９٠-٩ \u{A0}-]{0,20}",
        "[+]?[0-9a-z+ #,]{0,20}",
        // Extension-like tails.
        "[+]?[0-9 ~-]{0,16}[ \t,;#~x.:-]{0,4}(ext|EXT|xt|int|ДОБ|anexo|;ext=)?[ .:,-]{0,2}[0-9٠-٩]{0,22}#?",
    ]
}

/// An extension as people write it: the text after the number and the
/// digits libphonenumber-js reads from it.
fn extension_suffix() -> impl Strategy<Value = (String, String)> {
    // (lead, most digits, trailing `#` required)
    let leads: Vec<(&'static str, usize, bool)> = vec![
        (";ext=", 20, false),
        (" ext ", 20, false),
        (" ext. ", 20, false),
        (", Ext:", 20, false),
        ("EXTN-", 20, false),
        (" extension ", 20, false),
        (" extensión ", 20, false),
        (" доб ", 20, false),
        ("anexo", 20, false),
        (" ｅｘｔ", 20, false),
        (" x", 9, false),
        ("X ", 9, false),
        ("#", 9, false),
        (" ~", 9, false),
        ("～", 9, false),
        (" int.", 9, false),
        (" - ", 6, true),
        ("-", 6, true),
        (" ", 6, true),
        (",,", 15, false),
        (";", 15, false),
        (" ;:", 15, false),
        (",", 9, false),
        (",,,", 15, false),
    ];
    (
        prop::sample::select(leads),
        prop::collection::vec(0u8..10, 20),
        any::<prop::sample::Index>(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(|((lead, most, hash), digits, len, close, wide)| {
            let digits = &digits[..1 + len.index(most)];
            let ascii: String = digits.iter().map(|&d| char::from(b'0' + d)).collect();
            let written: String = if wide {
                digits
                    .iter()
                    .filter_map(|&d| char::from_u32(0xFF10 + u32::from(d)))
                    .collect()
            } else {
                ascii.clone()
            };
            let end = if hash || close { "#" } else { "" };
            (format!("{lead}{written}{end}"), ascii)
        })
}

/// A number of a possible length for a random calling code, in E.164 form
/// (it may still be rewritten: a trunk prefix or local number).
fn candidate() -> impl Strategy<Value = String> {
    (
        0..PLANS.len(),
        any::<prop::sample::Index>(),
        prop::collection::vec(0u8..10, 17),
    )
        .prop_map(|(i, pick, digits)| {
            let plan = &PLANS[i];
            let lengths: Vec<usize> = PossibleLengths::from_mask(plan.lengths).iter().collect();
            let len = lengths[pick.index(lengths.len())];
            let national: String = digits[..len].iter().map(|d| char::from(b'0' + d)).collect();
            format!("+{}{}", plan.code, national)
        })
}

/// Separators inserted between characters.
fn separator() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "", "", "", " ", "-", ".", "/", " (", ") ", "\u{A0}", "–",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_any_string(input in any::<String>(), default in any::<Option<u16>>()) {
        let _ = parse(&input, default);
        let _ = is_e164(&input);
        let _ = to_meta_phone_params(&input);
        let _ = is_e164_batch(&input);
    }

    #[test]
    fn never_panics_on_phoneish_input(input in phoneish(), default in any::<Option<u16>>()) {
        if let Err(e) = parse(&input, default) {
            prop_assert!(!e.to_string().is_empty());
            prop_assert!(!e.code().is_empty());
        }
    }

    #[test]
    fn canonical_e164_round_trips(input in prop_oneof![phoneish(), candidate()], default in prop::option::of(prop::sample::select(vec![1u16, 7, 44, 49, 261, 33]))) {
        if let Ok(number) = parse(&input, default) {
            prop_assert!(is_e164(number.e164()), "{}", number);
            let canonical = parse(number.e164(), None).expect("canonical parses");
            prop_assert_eq!(canonical.extension(), None);
            prop_assert_eq!(
                (canonical.e164(), canonical.calling_code(), canonical.national_number(), canonical.regions()),
                (number.e164(), number.calling_code(), number.national_number(), number.regions())
            );
            prop_assert_eq!(parse(number.e164(), Some(44)), Ok(canonical));
            let meta = to_meta_phone_params(number.e164()).expect("canonical parses");
            prop_assert_eq!(format!("+{}{}", meta.cc(), meta.phone_number()), number.e164());
        }
    }

    #[test]
    fn valid_numbers_mostly_parse_and_keep_their_digits(input in candidate()) {
        // A number of a possible length parses unless a rewrite or the
        // 15-digit cap applies; when it parses unchanged, it is canonical.
        match parse(&input, None) {
            Ok(number) => prop_assert!(number.e164().len() <= input.len() + 4),
            Err(e) => prop_assert!(input.len() > 16 || e.code() != "UNKNOWN_CALLING_CODE", "{}: {}", input, e),
        }
    }

    #[test]
    fn formatting_noise_keeps_the_number(
        input in candidate(),
        seps in prop::collection::vec(separator(), 20),
        double_zero in any::<bool>(),
        leading in "[ ]{0,2}",
    ) {
        let Ok(number) = parse(&input, None) else { return Ok(()) };
        let e164 = number.e164();
        let mut noisy = leading;
        noisy.push_str(if double_zero { "00" } else { "+" });
        for (i, c) in e164.chars().skip(1).enumerate() {
            noisy.push(c);
            noisy.push_str(seps[i % seps.len()]);
        }
        prop_assert_eq!(parse(&noisy, None).map(|n| n.e164().to_owned()), Ok(e164.to_owned()), "{:?}", noisy);
    }

    #[test]
    fn an_extension_after_a_valid_number_keeps_the_number(
        input in candidate(),
        (suffix, digits) in extension_suffix(),
        formatted in any::<bool>(),
    ) {
        let Ok(number) = parse(&input, None) else { return Ok(()) };
        let e164 = number.e164();
        let written = match (formatted, e164.get(..3), e164.get(3..6), e164.get(6..)) {
            (true, Some(a), Some(b), Some(c)) => format!("{a} {b} {c}"),
            _ => e164.to_owned(),
        };
        let with = format!("{written}{suffix}");
        let parsed = parse(&with, None);
        prop_assert_eq!(
            parsed.as_ref().map(|n| (n.e164(), n.extension())),
            Ok((e164, Some(digits.as_str()))),
            "{:?}", with
        );
        let refused = to_meta_phone_params(&with).map_err(|e| (e.code(), e.position().is_some()));
        prop_assert_eq!(refused, Err(("INVALID_CHARACTER", true)), "{:?}", with);
        prop_assert!(!is_e164(&with));
    }

    #[test]
    fn never_panics_on_extension_like_input(
        head in phoneish(),
        (suffix, _) in extension_suffix(),
        junk in "[ ,;#~xX.:\t-]{0,6}[0-9]{0,25}#{0,2}",
        default in any::<Option<u16>>(),
    ) {
        for input in [format!("{head}{suffix}"), format!("{head}{junk}"), format!("{suffix}{head}")] {
            let _ = parse(&input, default);
            let _ = to_meta_phone_params(&input);
            if let Ok(n) = parse(&input, default) {
                prop_assert!(n.extension().is_none_or(|e| (1..=20).contains(&e.len()) && e.bytes().all(|b| b.is_ascii_digit())));
            }
        }
    }

    #[test]
    fn batch_agrees_with_is_e164_line_by_line(
        lines in prop::collection::vec(prop_oneof![phoneish(), candidate()], 0..20),
        crlf in any::<bool>(),
        trailing in any::<bool>(),
    ) {
        let sep = if crlf { "\r\n" } else { "\n" };
        let mut text = lines.join(sep);
        if trailing && !lines.is_empty() {
            text.push_str(sep);
        }
        let mut want: Vec<u8> = lines.iter().map(|l| u8::from(is_e164(l))).collect();
        // A final empty line without a terminator is indistinguishable from a
        // trailing terminator, which does not start a line.
        if !trailing && lines.last().is_some_and(String::is_empty) {
            want.pop();
        }
        prop_assert_eq!(is_e164_batch(&text), want);
    }

    #[test]
    fn is_e164_is_canonical_syntax_and_parse(input in prop_oneof![phoneish(), candidate()]) {
        let canonical = input.len() <= 16
            && input.strip_prefix('+').is_some_and(|d| !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()));
        prop_assert_eq!(is_e164(&input), canonical && parse(&input, None).is_ok());
    }

    #[test]
    fn agrees_with_the_reference(
        input in prop_oneof![phoneish(), candidate()],
        default in prop::option::of(prop::sample::select(vec![1u16, 7, 44, 49, 241, 261, 378, 672, 999])),
    ) {
        let fast = parse(&input, default)
            .map(|n| (n.e164().to_owned(), n.extension().map(str::to_owned)))
            .map_err(|e| e.code());
        prop_assert_eq!(fast, reference_parse_with_extension(&input, default), "{:?} {:?}", input, default);
    }
}
