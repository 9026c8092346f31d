//! A slow, string-based reimplementation of `parse` (linear table scans,
//! `String`s, no bit tricks) that the fast path must agree with.

use crate::phone::calling_codes::{LOCAL_RULES, PLANS, PREFIX_RULES, TRUNK_PREFIXES};
use crate::phone::plan::Plan;

/// Every character accepted as a digit, in blocks of ten.
const DIGITS: &str = "0123456789０１２３４５６７８９٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹";
/// Separators that are not whitespace.
const SEPARATORS: &str = "-‐‑‒–—―−ー－/／.．()（）［］[]⁓∼";
/// Whitespace separators (a `+` may follow them).
const WHITESPACE: &str = " \u{A0}\u{AD}\u{200B}\u{2060}\u{3000}";

/// `Ok(e164)` or `Err(code)`.
pub(super) fn reference_parse(input: &str, default: Option<u16>) -> Result<String, &'static str> {
    if input.chars().count() > 256 {
        return Err("TOO_LONG");
    }
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
        while let Some(t) = trunks.iter().find(|t| national.starts_with(t.digits)) {
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
    ];
    for &(input, default) in inputs {
        let fast = crate::phone::parse(input, default)
            .map(|n| n.e164().to_owned())
            .map_err(|e| crate::ErrorCode::code(&e));
        assert_eq!(fast, reference_parse(input, default), "{input:?}");
    }
}
