//! From digits to a calling code and a possible national number: calling-code
//! extraction, trunk-prefix forgiveness and the length checks. No allocation.

use super::error::{CodeDigits, PhoneError, E164_MAX_DIGITS};
use super::plan::Plan;
use super::scan::MAX_DIGITS;

/// A number that passed every check.
#[derive(Clone, Copy)]
pub(crate) struct Resolved {
    /// The calling code's plan.
    pub(crate) plan: &'static Plan,
    /// The national (significant) number, no trunk prefix.
    pub(crate) national: National,
}

/// Room for a national number: at most what the scanner keeps, plus a
/// local-number rewrite's prefix.
const NATIONAL_CAPACITY: usize = MAX_DIGITS + 8;

/// National-number digits (ASCII), stored inline.
#[derive(Clone, Copy)]
pub(crate) struct National {
    buf: [u8; NATIONAL_CAPACITY],
    len: usize,
}

impl National {
    /// `head` followed by `tail`, truncated to the capacity (never reached:
    /// callers pass scanner output, at most `MAX_DIGITS` digits).
    fn new(head: &[u8], tail: &[u8]) -> Self {
        let mut out = Self {
            buf: [0; NATIONAL_CAPACITY],
            len: 0,
        };
        for (slot, &d) in out.buf.iter_mut().zip(head.iter().chain(tail)) {
            *slot = d;
            out.len += 1;
        }
        out
    }

    /// The digits.
    pub(crate) fn digits(&self) -> &[u8] {
        self.buf.get(..self.len).unwrap_or(&[])
    }
}

/// The international prefix accepted instead of `+`.
const INTERNATIONAL_PREFIX: &[u8] = b"00";

/// Resolves the digits of an input. `plus`: the input started with `+`.
/// Without `+` or a leading `00`, the digits are a national number for
/// `default_calling_code`.
pub(crate) fn resolve(
    digits: &[u8],
    plus: bool,
    default_calling_code: Option<u16>,
) -> Result<Resolved, PhoneError> {
    if plus {
        return international(digits);
    }
    if let Some(rest) = digits.strip_prefix(INTERNATIONAL_PREFIX) {
        return international(rest);
    }
    match default_calling_code {
        Some(code) => national(digits, code),
        None => Err(PhoneError::MissingPlus),
    }
}

/// Digits after `+` or `00`: calling code first.
fn international(digits: &[u8]) -> Result<Resolved, PhoneError> {
    let (plan, used) = Plan::extract(digits)?;
    check(plan, digits.get(used..).unwrap_or(&[]))
}

/// Digits written nationally, for the caller's default calling code.
fn national(digits: &[u8], code: u16) -> Result<Resolved, PhoneError> {
    let plan = Plan::find(code).ok_or(PhoneError::UnknownCallingCode {
        code: CodeDigits::from_number(code),
    })?;
    let result = check(plan, digits);
    // People also type international numbers without the `+`; like
    // libphonenumber, read them so when the national reading is too long.
    if let Err(PhoneError::TooLong { .. }) = result {
        let mut code_text = [0u8; 3];
        let code_digits = write_code(plan.code, &mut code_text);
        if let Some(rest) = digits.strip_prefix(code_digits) {
            return check(plan, rest);
        }
    }
    result
}

/// Writes `code` (1-3 digits) into `buf`, returning the used part
/// ([`CodeDigits::from_number`]'s digits).
pub(crate) fn write_code(code: u16, buf: &mut [u8; 3]) -> &[u8] {
    let digits = CodeDigits::from_number(code);
    let used = buf
        .iter_mut()
        .zip(digits.as_str().bytes())
        .map(|(slot, d)| *slot = d)
        .count();
    buf.get(..used).unwrap_or(&[])
}

/// Drops a trunk prefix written after the calling code (`+44 (0)20 …`,
/// `+7 8 916 …`) and checks the national number's length.
fn check(plan: &'static Plan, national: &[u8]) -> Result<Resolved, PhoneError> {
    let normalized = normalize(plan, national);
    let lengths = plan.lengths_for(normalized.digits());
    let digits = normalized.digits().len();
    if !lengths.contains(digits) {
        return Err(if lengths.has_longer_than(digits) {
            PhoneError::TooShort {
                calling_code: plan.code,
                digits,
                lengths,
            }
        } else {
            PhoneError::TooLong {
                calling_code: plan.code,
                digits,
                lengths,
            }
        });
    }
    let total = plan.code_len() + digits;
    if total > E164_MAX_DIGITS {
        return Err(PhoneError::ExceedsE164 { digits: total });
    }
    Ok(Resolved {
        plan,
        national: normalized,
    })
}

/// Rewrites a local number (`[24-9]xxxxxx` → `20[24-9]xxxxxx` in
/// Madagascar) or drops trunk prefixes, as libphonenumber's
/// `national_prefix_for_parsing` does. A local-number shape excludes trunk
/// stripping, as the first alternative of that pattern would.
fn normalize(plan: &'static Plan, national: &[u8]) -> National {
    if let Some(local) = plan.local_rule().filter(|rule| rule.matches(national)) {
        let rewritten = National::new(local.prepend.as_bytes(), national);
        let take = plan.is_possible(rewritten.digits())
            && !(local.ambiguous && plan.is_possible(national));
        return if take {
            rewritten
        } else {
            National::new(&[], national)
        };
    }
    National::new(&[], strip_trunk(plan, national))
}

/// Drops leading trunk prefixes while the rest is a possible number and
/// either the whole is not possible or the whole cannot be a national number
/// as written (its leading digits and length fit no national number that
/// begins with the prefix). Applying it twice changes nothing, so
/// `parse(e164)` round-trips.
fn strip_trunk<'a>(plan: &'static Plan, mut national: &'a [u8]) -> &'a [u8] {
    let prefixes = plan.trunk_prefixes();
    while let Some((prefix, rest)) = prefixes
        .iter()
        .find_map(|prefix| Some((prefix, prefix.strip(national)?)))
    {
        if !plan.is_possible(rest) || (prefix.may_begin(national) && plan.is_possible(national)) {
            break;
        }
        national = rest;
    }
    national
}

#[cfg(test)]
mod tests {
    use super::{write_code, CodeDigits};

    #[test]
    fn calling_codes_are_written_like_display() {
        for code in [0u16, 1, 7, 9, 10, 44, 99, 100, 880, 999] {
            let mut buf = [0u8; 3];
            assert_eq!(write_code(code, &mut buf), code.to_string().as_bytes());
        }
        for code in [0u16, 5, 44, 999, 1000, 65_535] {
            assert_eq!(CodeDigits::from_number(code).as_str(), code.to_string());
        }
    }
}
