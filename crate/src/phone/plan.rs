//! What the generated table (`calling_codes.rs`) is made of: the numbering
//! plan of one country calling code and its rules. Finding a plan, and what
//! a plan points at in the table, is `plan_table.rs`.

/// Calling codes have one to three digits (ITU-T E.164).
pub(crate) const MAX_CODE_DIGITS: usize = 3;

/// One assigned country calling code. Built only by the generator.
#[derive(Debug)]
pub(crate) struct Plan {
    /// The calling code, e.g. 44.
    pub(crate) code: u16,
    /// Possible national-number lengths of the main region (bitmask).
    pub(crate) lengths: u32,
    /// First of this code's regions in [`REGIONS`](super::calling_codes::REGIONS).
    pub(crate) region_start: u16,
    /// How many regions share the code.
    pub(crate) region_count: u8,
    /// Index into [`TRUNK_PREFIXES`](super::calling_codes::TRUNK_PREFIXES) (0 = no trunk prefix).
    pub(crate) trunk: u8,
    /// Index into [`LOCAL_RULES`](super::calling_codes::LOCAL_RULES) (0 = none).
    pub(crate) local: u8,
    /// Index into [`PREFIX_RULES`](super::calling_codes::PREFIX_RULES) (0 = none).
    pub(crate) rules: u8,
}

/// National numbers starting with `prefix` use `lengths` instead of the main
/// region's (another region sharing the code, e.g. the Isle of Man in +44).
#[derive(Debug)]
pub(crate) struct PrefixRule {
    /// Literal leading digits.
    pub(crate) prefix: &'static str,
    /// Possible lengths for those numbers (bitmask).
    pub(crate) lengths: u32,
}

/// A literal trunk (national) prefix people write after the calling code,
/// like the `0` in `+44 (0)20 …`.
#[derive(Debug)]
pub(crate) struct TrunkPrefix {
    /// The prefix digits.
    pub(crate) digits: &'static str,
    /// Where a national number may itself begin with these digits (empty:
    /// never), so that there the prefix is only dropped when the length
    /// demands it: Russia's `8 800 …`, India's toll-free `000800…`.
    pub(crate) starts: &'static [NationalStart],
    /// When not empty, the prefix is a trunk prefix only in front of these
    /// (the rest after it starts with `digits` and has one of `lengths`):
    /// Gabon drops its `0` only before `11`, `60`-`62`, `65`, `66`, `74`,
    /// `76`, `77` and six more digits.
    pub(crate) before: &'static [NationalStart],
}

/// Numbers starting with `digits` and having one of `lengths`: where a
/// national number may begin with a trunk prefix's digits
/// ([`TrunkPrefix::starts`]), or what must follow a conditional one
/// ([`TrunkPrefix::before`]).
#[derive(Debug)]
pub(crate) struct NationalStart {
    /// Literal leading digits.
    pub(crate) digits: &'static str,
    /// Lengths (bitmask, bit `n` = `n` digits).
    pub(crate) lengths: u32,
}

impl NationalStart {
    /// Whether `digits` starts with these digits and has one of the lengths.
    fn matches(&self, digits: &[u8]) -> bool {
        u32::try_from(digits.len()).is_ok_and(|len| {
            digits.starts_with(self.digits.as_bytes())
                && self.lengths.checked_shr(len).is_some_and(|m| m & 1 == 1)
        })
    }
}

impl TrunkPrefix {
    /// The rest of `national` after this prefix, if `national` begins with
    /// it and (for a conditional prefix) the rest is what it may precede.
    pub(crate) fn strip<'a>(&self, national: &'a [u8]) -> Option<&'a [u8]> {
        let rest = national.strip_prefix(self.digits.as_bytes())?;
        (self.before.is_empty() || self.before.iter().any(|b| b.matches(rest))).then_some(rest)
    }

    /// Whether `national`, which begins with this prefix, may be a complete
    /// national number as written.
    pub(crate) fn may_begin(&self, national: &[u8]) -> bool {
        self.starts.iter().any(|start| start.matches(national))
    }
}

/// A local number written without its area code, which the national number
/// gets prepended: Madagascar's 7-digit numbers become `20` + the 7 digits.
#[derive(Debug)]
pub(crate) struct LocalRule {
    /// Bit `d` set: a local number may start with digit `d`.
    pub(crate) first_digits: u16,
    /// Digits of the local number.
    pub(crate) len: u8,
    /// Digits put in front of it.
    pub(crate) prepend: &'static str,
    /// Whether the local number may itself be a complete national number,
    /// so it is only rewritten when the length demands it.
    pub(crate) ambiguous: bool,
}

impl LocalRule {
    /// Whether `national` has the shape of a local number.
    pub(crate) fn matches(&self, national: &[u8]) -> bool {
        national.len() == usize::from(self.len)
            && national
                .first()
                .and_then(|&d| d.checked_sub(b'0'))
                .and_then(|d| 1u16.checked_shl(u32::from(d)))
                .is_some_and(|bit| self.first_digits & bit != 0)
    }
}

impl Plan {
    /// How many digits the calling code has.
    pub(crate) fn code_len(&self) -> usize {
        match self.code {
            0..=9 => 1,
            10..=99 => 2,
            _ => 3,
        }
    }
}
