//! A slow, string-based reimplementation of `parse` (linear table scans,
//! `String`s, no bit tricks) that the fast path must agree with.

use crate::phone::calling_codes::{LOCAL_RULES, PLANS, PREFIX_RULES, TRUNK_PREFIXES};
use crate::phone::plan::Plan;

/// Every character accepted as a digit, in blocks of ten.
const DIGITS: &str = "0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
/// Separators that are not whitespace.
const SEPARATORS: &str = "-‐‑‒–—―−ー－/／.．()（）［］[]⁓∼~～";
/// Whitespace separators (a `+` may follow them).
const WHITESPACE: &str = " \u{A0}\u{AD}\u{200B}\u{2060}\u{3000}";

/// `Ok((e164, extension))` or `Err(code)`.
pub(super) fn reference_parse_with_extension(
    input: &str,
    default: Option<u16>,
) -> Result<(String, Option<String>), &'static str> {
    if input.chars().count() > 256 {
        return Err("TOO_LONG");
    }
    let (input, extension) = match reference_split(input) {
        Some((number, extension)) => (number, Some(extension)),
        None => (input.to_owned(), None),
    };
    reference_parse_number(&input, default).map(|e164| (e164, extension))
}

/// Parses a number without extension.
fn reference_parse_number(input: &str, default: Option<u16>) -> Result<String, &'static str> {
    let mut digits = String::new();
    let mut plus = false;
    for (i, c) in input.chars().enumerate() {
        if let Some(k) = DIGITS.chars().position(|d| d == c) {
            digits.push(char::from(b'0' + (k % 10) as u8));
        } else if c == '+' || c == '＋' {
            if plus || !input.chars().take(i).all(|p| WHITESPACE.contains(p)) {
                return Err("INVALID_CHARACTER");
            }
            plus = true;
        } else if !WHITESPACE.contains(c) && !SEPARATORS.contains(c) {
            return Err("INVALID_CHARACTER");
        }
    }
    if digits.is_empty() && !plus {
        return Err("EMPTY");
    }
    if digits.len() > 24 {
        return Err("TOO_LONG");
    }
    let international = if plus {
        Some(digits.as_str())
    } else {
        digits.strip_prefix("00")
    };
    if let Some(rest) = international {
        let Some(plan) = PLANS.iter().find(|p| rest.starts_with(&p.code.to_string())) else {
            let head: String = rest.chars().take(3).collect();
            let incomplete = head.len() < 3
                && !head.starts_with('0')
                && PLANS.iter().any(|p| p.code.to_string().starts_with(&head));
            return Err(if incomplete {
                "TOO_SHORT"
            } else {
                "UNKNOWN_CALLING_CODE"
            });
        };
        let national = &rest[plan.code.to_string().len()..];
        return check(plan, national).map_err(public);
    }
    let code = default.ok_or("MISSING_PLUS")?;
    let plan = PLANS
        .iter()
        .find(|p| p.code == code)
        .ok_or("UNKNOWN_CALLING_CODE")?;
    let result = check(plan, &digits);
    if result == Err("TOO_LONG_NATIONAL") {
        if let Some(rest) = digits.strip_prefix(&code.to_string()) {
            return check(plan, rest).map_err(public);
        }
    }
    result.map_err(public)
}

fn public(code: &'static str) -> &'static str {
    if code == "TOO_LONG_NATIONAL" {
        "TOO_LONG"
    } else {
        code
    }
}

fn lengths(plan: &Plan, national: &str) -> Vec<usize> {
    let rules = PREFIX_RULES[usize::from(plan.rules)];
    let mask = rules
        .iter()
        .find(|r| national.starts_with(r.prefix))
        .map_or(plan.lengths, |r| r.lengths);
    (0..32).filter(|n| mask >> n & 1 == 1).collect()
}

fn possible(plan: &Plan, national: &str) -> bool {
    lengths(plan, national).contains(&national.len())
}

fn check(plan: &Plan, national: &str) -> Result<String, &'static str> {
    let mut national = national.to_owned();
    let local = LOCAL_RULES[usize::from(plan.local)]
        .as_ref()
        .filter(|rule| {
            national.len() == usize::from(rule.len)
                && national
                    .chars()
                    .next()
                    .and_then(|c| c.to_digit(10))
                    .is_some_and(|d| rule.first_digits >> d & 1 == 1)
        });
    if let Some(rule) = local {
        let rewritten = format!("{}{}", rule.prepend, national);
        if possible(plan, &rewritten) && !(rule.ambiguous && possible(plan, &national)) {
            national = rewritten;
        }
    } else {
        let trunks = TRUNK_PREFIXES[usize::from(plan.trunk)];
        let follows = |t: &crate::phone::plan::TrunkPrefix, rest: &str| {
            t.before.is_empty()
                || t.before
                    .iter()
                    .any(|b| rest.starts_with(b.digits) && b.lengths >> rest.len() & 1 == 1)
        };
        while let Some(t) = trunks.iter().find(|t| {
            national
                .strip_prefix(t.digits)
                .is_some_and(|rest| follows(t, rest))
        }) {
            let rest = national[t.digits.len()..].to_owned();
            // The whole may be a national number as written: one of the
            // prefix's national starts, at one of its lengths.
            let may_begin = t
                .starts
                .iter()
                .any(|s| national.starts_with(s.digits) && s.lengths >> national.len() & 1 == 1);
            if !possible(plan, &rest) || (may_begin && possible(plan, &national)) {
                break;
            }
            national = rest;
        }
    }
    let allowed = lengths(plan, &national);
    if !allowed.contains(&national.len()) {
        let longer = allowed.iter().any(|&n| n > national.len());
        return Err(if longer {
            "TOO_SHORT"
        } else {
            "TOO_LONG_NATIONAL"
        });
    }
    let e164 = format!("+{}{}", plan.code, national);
    if e164.len() - 1 > 15 {
        return Err("TOO_LONG");
    }
    Ok(e164)
}

/// One element of an extension pattern (libphonenumber-js's
/// `createExtensionPattern`, transcribed element by element).
#[derive(Clone, Copy)]
enum Element {
    /// `[class]{min,max}`, greedy.
    Repeat(&'static str, usize, usize),
    /// One of these strings, case-insensitively.
    OneOf(&'static [&'static str]),
    /// The captured extension digits, `{1,max}`.
    Digits(usize),
    /// `#?` (false) or `#` (true), then the end of the input.
    Hash(bool),
}

use Element::{Digits, Hash, OneOf, Repeat};

const BETWEEN: &str = " \u{A0}\t,";
const AFTER_LABEL: &str = " \u{A0}\t,-";
const DOTS: &str = ":.\u{FF0E}";
const MANY: usize = usize::MAX;

/// The six alternatives, in order.
const ALTERNATIVES: [&[Element]; 6] = [
    &[OneOf(&[";ext="]), Digits(20), Hash(false)],
    &[
        Repeat(BETWEEN, 0, MANY),
        OneOf(&[
            "ext",
            "xt",
            "extn",
            "xtn",
            "extension",
            "xtension",
            "extensio\u{301}n",
            "xtensio\u{301}n",
            "extensio\u{301}",
            "xtensio\u{301}",
            "extensi\u{F3}n",
            "xtensi\u{F3}n",
            "extensi\u{F3}",
            "xtensi\u{F3}",
            "extensio",
            "xtensio",
            "\u{FF45}\u{FF58}\u{FF54}",
            "\u{FF58}\u{FF54}",
            "\u{FF45}\u{FF58}\u{FF54}\u{FF4E}",
            "\u{FF58}\u{FF54}\u{FF4E}",
            "\u{434}\u{43E}\u{431}",
            "anexo",
        ]),
        Repeat(DOTS, 0, 1),
        Repeat(AFTER_LABEL, 0, MANY),
        Digits(20),
        Hash(false),
    ],
    &[
        Repeat(BETWEEN, 0, MANY),
        OneOf(&[
            "x",
            "\u{FF58}",
            "#",
            "\u{FF03}",
            "~",
            "\u{FF5E}",
            "int",
            "\u{FF49}\u{FF4E}\u{FF54}",
        ]),
        Repeat(DOTS, 0, 1),
        Repeat(AFTER_LABEL, 0, MANY),
        Digits(9),
        Hash(false),
    ],
    &[Repeat("- ", 1, MANY), Digits(6), Hash(true)],
    &[
        Repeat(" \u{A0}\t", 0, MANY),
        OneOf(&[",,", ";"]),
        Repeat(DOTS, 0, 1),
        Repeat(AFTER_LABEL, 0, MANY),
        Digits(15),
        Hash(false),
    ],
    &[
        Repeat(" \u{A0}\t", 0, MANY),
        Repeat(",", 1, MANY),
        Repeat(DOTS, 0, 1),
        Repeat(AFTER_LABEL, 0, MANY),
        Digits(9),
        Hash(false),
    ],
];

/// JavaScript's non-Unicode `/i` canonicalisation: the upper case, when it
/// is one character and does not turn a non-ASCII character into ASCII.
fn js_canonical(c: char) -> char {
    let mut upper = c.to_uppercase();
    match (upper.next(), upper.next()) {
        (Some(u), None) if !(u32::from(c) >= 128 && u32::from(u) < 128) => u,
        _ => c,
    }
}

/// Matches `elements` against all of `chars[at..]`; the captured digits.
fn match_all(elements: &[Element], chars: &[char], at: usize) -> Option<String> {
    let (first, rest) = elements.split_first()?;
    match *first {
        Repeat(class, min, max) => {
            let run = chars[at..]
                .iter()
                .take_while(|c| class.contains(**c))
                .count()
                .min(max);
            (min..=run)
                .rev()
                .find_map(|n| match_all(rest, chars, at + n))
        }
        OneOf(options) => options.iter().find_map(|option| {
            let n = option.chars().count();
            let head = chars.get(at..at + n)?;
            let same = head
                .iter()
                .zip(option.chars())
                .all(|(&a, b)| js_canonical(a) == js_canonical(b));
            if same {
                match_all(rest, chars, at + n)
            } else {
                None
            }
        }),
        Digits(max) => {
            let run = chars[at..]
                .iter()
                .take_while(|c| DIGITS.contains(**c))
                .count()
                .min(max);
            (1..=run).rev().find_map(|n| {
                match_all(rest, chars, at + n)?;
                Some(
                    chars[at..at + n]
                        .iter()
                        .map(|&c| {
                            let k = DIGITS.chars().position(|d| d == c).unwrap_or(0);
                            char::from(b'0' + (k % 10) as u8)
                        })
                        .collect(),
                )
            })
        }
        Hash(required) => {
            let tail = &chars[at..];
            let ok = tail == ['#'] || (!required && tail.is_empty());
            ok.then(String::new)
        }
    }
}

/// libphonenumber-js's `extractExtension`: the leftmost start at which an
/// alternative matches the rest of the input.
fn reference_split(input: &str) -> Option<(String, String)> {
    let chars: Vec<char> = input.chars().collect();
    (0..chars.len()).find_map(|at| {
        let digits = ALTERNATIVES
            .iter()
            .find_map(|alternative| match_all(alternative, &chars, at))?;
        Some((chars[..at].iter().collect(), digits))
    })
}

#[test]
fn reference_split_on_the_documented_examples() {
    let cases: &[(&str, Option<(&str, &str)>)] = &[
        ("+1 (645) 123 1234-910#", Some(("+1 (645) 123 1234", "910"))),
        ("+1 212 555 1234;ext=12", Some(("+1 212 555 1234", "12"))),
        (
            "+1 212 555 1234 EXTENSIÓN: 12",
            Some(("+1 212 555 1234", "12")),
        ),
        (
            "+7 916 123 45 67 Доб. 123",
            Some(("+7 916 123 45 67", "123")),
        ),
        ("+1 212 555 1234,,,12", Some(("+1 212 555 1234", "12"))),
        ("+1 212 555 1234 x1234567890", None),
        ("+1 212 555 1234 ſxt 12", Some(("+1 212 555 1234 ſ", "12"))),
        ("+44 7911 123456", None),
    ];
    for &(input, want) in cases {
        let got = reference_split(input);
        let got = got.as_ref().map(|(n, e)| (n.as_str(), e.as_str()));
        assert_eq!(got, want, "{input:?}");
    }
}

#[test]
fn reference_agrees_on_the_case_tables() {
    let inputs: &[(&str, Option<u16>)] = &[
        ("+44 (0)20 7946 0000", None),
        ("8 916 123 45 67", Some(7)),
        ("447911123456", Some(44)),
        ("+261 234 5678", None),
        ("+378 912345", None),
        ("+672 12345", None),
        ("+", None),
        ("+88", None),
        ("+0", None),
        ("＋４４ ７９１１ １２３４５６", None),
        ("+44 7911 123456 ext. 12", None),
        ("+44 7911 123456~12", None),
        ("+66~8141234567", None),
        ("+44 7911 123456#", None),
        ("+241 0 11 12 34 56", None),
    ];
    for &(input, default) in inputs {
        let fast = crate::phone::parse(input, default)
            .map(|n| (n.e164().to_owned(), n.extension().map(str::to_owned)))
            .map_err(|e| crate::ErrorCode::code(&e));
        assert_eq!(
            fast,
            reference_parse_with_extension(input, default),
            "{input:?}"
        );
    }
}
