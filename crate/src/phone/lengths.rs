//! A set of possible national-number lengths, stored as a bitmask.

use std::fmt;

use crate::error::push_decimal;

/// The national-number lengths a calling code allows (bit `n` set = `n`
/// digits possible). Error messages use it to say which lengths were expected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct PossibleLengths(u32);

impl PossibleLengths {
    /// Wraps a bitmask from the generated table.
    pub(crate) const fn from_mask(mask: u32) -> Self {
        Self(mask)
    }

    /// Whether a national number of `digits` digits is possible.
    pub fn contains(self, digits: usize) -> bool {
        u32::try_from(digits)
            .ok()
            .and_then(|shift| 1u32.checked_shl(shift))
            .is_some_and(|bit| self.0 & bit != 0)
    }

    /// The shortest possible length (0 if the set is empty).
    pub fn min(self) -> usize {
        if self.0 == 0 {
            0
        } else {
            self.0.trailing_zeros() as usize
        }
    }

    /// The longest possible length (0 if the set is empty).
    pub fn max(self) -> usize {
        if self.0 == 0 {
            0
        } else {
            31 - self.0.leading_zeros() as usize
        }
    }

    /// Whether some possible length is longer than `digits`.
    pub(crate) fn has_longer_than(self, digits: usize) -> bool {
        self.max() > digits
    }

    /// The lengths in increasing order.
    pub fn iter(self) -> impl Iterator<Item = usize> {
        (0..32usize).filter(move |&n| self.contains(n))
    }

    /// Appends the lengths to `out` as `7, 9 or 10` (the `Display` text),
    /// without `core::fmt`.
    pub(crate) fn push_to(self, out: &mut String) {
        let count = self.0.count_ones() as usize;
        for (i, n) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(if i + 1 == count { " or " } else { ", " });
            }
            push_decimal(out, n);
        }
    }
}

/// Formats as `7, 9 or 10`.
impl fmt::Display for PossibleLengths {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut text = String::new();
        self.push_to(&mut text);
        f.write_str(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::PossibleLengths;

    #[test]
    fn bounds_membership_and_display() {
        let cases: &[(u32, usize, usize, &str)] = &[
            ((1 << 7) | (1 << 9) | (1 << 10), 7, 10, "7, 9 or 10"),
            (1 << 8, 8, 8, "8"),
            ((1 << 9) | (1 << 12), 9, 12, "9 or 12"),
            (0, 0, 0, ""),
        ];
        for &(mask, min, max, text) in cases {
            let l = PossibleLengths::from_mask(mask);
            assert_eq!((l.min(), l.max(), l.to_string().as_str()), (min, max, text));
        }
        let gb = PossibleLengths::from_mask((1 << 7) | (1 << 9) | (1 << 10));
        assert!(gb.contains(9) && !gb.contains(8) && !gb.contains(64) && !gb.contains(usize::MAX));
        assert!(gb.has_longer_than(9) && !gb.has_longer_than(10));
    }
}
