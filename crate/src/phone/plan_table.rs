//! Lookups in the generated table (`calling_codes.rs`): the plan of a
//! calling code, and the regions, length rules, local rule and trunk
//! prefixes a plan points at.

use super::calling_codes::{LOCAL_RULES, PLANS, PREFIX_RULES, REGIONS, TRUNK_PREFIXES};
use super::error::{CodeDigits, PhoneError};
use super::lengths::PossibleLengths;
use super::plan::{LocalRule, Plan, TrunkPrefix, MAX_CODE_DIGITS};

impl Plan {
    /// The plan for an assigned calling code.
    pub(crate) fn find(code: u16) -> Option<&'static Plan> {
        PLANS
            .binary_search_by_key(&code, |plan| plan.code)
            .ok()
            .and_then(|i| PLANS.get(i))
    }

    /// Splits `digits` (ASCII, no `+`) into the calling code's plan and the
    /// number of digits it used. Calling codes are prefix-free, so the first
    /// assigned match is the only one.
    pub(crate) fn extract(digits: &[u8]) -> Result<(&'static Plan, usize), PhoneError> {
        let mut code = 0u16;
        for (i, &d) in digits.iter().take(MAX_CODE_DIGITS).enumerate() {
            let Some(value) = digit_value(d) else { break };
            if i == 0 && value == 0 {
                break; // no calling code starts with 0
            }
            code = code * 10 + value;
            if let Some(plan) = Self::find(code) {
                return Ok((plan, i + 1));
            }
        }
        // Report the shortest head no assigned code starts with (`+0`, `+28`,
        // `+999`); if every head available is still a code's beginning, the
        // input ended too early.
        let available = digits.len().min(MAX_CODE_DIGITS);
        let unknown = (1..=available)
            .filter_map(|n| digits.get(..n))
            .find(|head| !Self::some_code_starts_with(head));
        match unknown {
            Some(head) => Err(PhoneError::UnknownCallingCode {
                code: CodeDigits::new(head),
            }),
            None => Err(PhoneError::IncompleteCallingCode),
        }
    }

    /// Whether some assigned code starts with `digits` (empty: yes).
    fn some_code_starts_with(digits: &[u8]) -> bool {
        if digits.first() == Some(&b'0') {
            return false;
        }
        let Some(value) = digits.iter().try_fold(0u16, |acc, &d| {
            acc.checked_mul(10)?.checked_add(digit_value(d)?)
        }) else {
            return false;
        };
        PLANS.iter().any(|plan| {
            let mut code = plan.code;
            while code > value {
                code /= 10;
            }
            code == value && (value != 0 || digits.is_empty())
        })
    }

    /// The ISO regions sharing the code, main region first (`001` for
    /// non-geographic codes).
    pub(crate) fn regions(&self) -> &'static [&'static str] {
        let start = usize::from(self.region_start);
        REGIONS
            .get(start..start + usize::from(self.region_count))
            .unwrap_or(&[])
    }

    /// The possible lengths for a national number starting with `national`.
    pub(crate) fn lengths_for(&self, national: &[u8]) -> PossibleLengths {
        let rules = PREFIX_RULES
            .get(usize::from(self.rules))
            .copied()
            .unwrap_or(&[]);
        let mask = rules
            .iter()
            .find(|rule| national.starts_with(rule.prefix.as_bytes()))
            .map_or(self.lengths, |rule| rule.lengths);
        PossibleLengths::from_mask(mask)
    }

    /// Whether `national` has a possible length.
    pub(crate) fn is_possible(&self, national: &[u8]) -> bool {
        self.lengths_for(national).contains(national.len())
    }

    /// The local-number rewrite, if the code has one.
    pub(crate) fn local_rule(&self) -> Option<&'static LocalRule> {
        LOCAL_RULES
            .get(usize::from(self.local))
            .and_then(Option::as_ref)
    }

    /// The trunk prefixes to try, in order.
    pub(crate) fn trunk_prefixes(&self) -> &'static [TrunkPrefix] {
        TRUNK_PREFIXES
            .get(usize::from(self.trunk))
            .copied()
            .unwrap_or(&[])
    }
}

/// The value of an ASCII digit.
fn digit_value(d: u8) -> Option<u16> {
    d.is_ascii_digit().then(|| u16::from(d - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_sorted_prefix_free_and_consistent() {
        assert!(PLANS.windows(2).all(|w| w[0].code < w[1].code));
        for a in PLANS.iter() {
            assert!(a.code > 0 && a.code < 1000, "+{}", a.code);
            assert!(!a.regions().is_empty(), "+{} has no region", a.code);
            assert_eq!(a.regions().len(), usize::from(a.region_count));
            let lengths = PossibleLengths::from_mask(a.lengths);
            assert!(lengths.min() >= 2 && lengths.max() <= 17, "+{}", a.code);
            for b in PLANS.iter() {
                let (a_s, b_s) = (a.code.to_string(), b.code.to_string());
                assert!(
                    a.code == b.code || !b_s.starts_with(&a_s),
                    "+{a_s} / +{b_s}"
                );
            }
        }
        assert_eq!(PLANS.len(), 215);
    }

    #[test]
    fn extract_cases() {
        let ok: &[(&str, u16, usize)] = &[
            ("12125551234", 1, 1),
            ("447911123456", 44, 2),
            ("80012345678", 800, 3),
            ("88234", 882, 3),
            ("3531", 353, 3),
            ("7", 7, 1),
        ];
        for &(digits, code, used) in ok {
            let (plan, n) =
                Plan::extract(digits.as_bytes()).unwrap_or_else(|e| panic!("{digits}: {e}"));
            assert_eq!((plan.code, n), (code, used), "{digits}");
        }
        let err: &[(&str, &str)] = &[
            ("", "TOO_SHORT"),
            ("8", "TOO_SHORT"),
            ("88", "TOO_SHORT"),
            ("0", "UNKNOWN_CALLING_CODE"),
            ("0044", "UNKNOWN_CALLING_CODE"),
            ("999", "UNKNOWN_CALLING_CODE"),
            ("9991234", "UNKNOWN_CALLING_CODE"),
            ("28", "UNKNOWN_CALLING_CODE"),
        ];
        for &(digits, code) in err {
            let e = Plan::extract(digits.as_bytes())
                .map(|(p, _)| p.code)
                .unwrap_err();
            assert_eq!(crate::ErrorCode::code(&e), code, "{digits}: {e}");
        }
    }

    #[test]
    fn regions_main_first_and_shared() {
        let cases: &[(u16, &str, usize, &str)] = &[
            (1, "US", 25, "CA"),
            (7, "RU", 2, "KZ"),
            (44, "GB", 4, "IM"),
            (800, "001", 1, "001"),
            (49, "DE", 1, "DE"),
        ];
        for &(code, main, count, member) in cases {
            let plan = Plan::find(code).expect("assigned");
            assert_eq!(plan.regions().first(), Some(&main));
            assert_eq!(plan.regions().len(), count);
            assert!(plan.regions().contains(&member));
        }
    }

    #[test]
    fn prefix_rules_pick_other_regions_lengths() {
        let plus1 = Plan::find(1).expect("+1");
        assert!(plus1.is_possible(b"3101234")); // Canada's 310 numbers
        assert!(!plus1.is_possible(b"2101234"));
        assert!(plus1.is_possible(b"2125551234"));
        let plus44 = Plan::find(44).expect("+44");
        assert!(plus44.is_possible(b"791112345")); // 9 digits fine in GB
        assert!(!plus44.is_possible(b"762412345")); // Isle of Man: 10 only
        assert!(plus44.is_possible(b"7624123456"));
    }
}
