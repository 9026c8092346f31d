//! Extensions after a number (`+1 212 555 1234 ext. 12`, `…;ext=12`,
//! `… x12`, `…,,12`, `… 12#`), found where and as libphonenumber-js's
//! `extractExtension` finds them. No allocation.
//!
//! libphonenumber-js matches `(?:ALTERNATIVES)$` case-insensitively and cuts
//! the number at the leftmost start of a match. Each alternative is a label
//! ("lead") followed by the extension digits and an optional `#`:
//!
//! | lead | digits |
//! | --- | --- |
//! | `;ext=` (RFC 3966) | 1-20 |
//! | `[ \u00A0\t,]*` explicit label (`ext`, `extn`, `extension`, `extensión`, `ｅｘｔ`, `доб`, `anexo`, …) `[:.．]?[ \u00A0\t,-]*` | 1-20 |
//! | `[ \u00A0\t,]*` ambiguous label (`x`, `#`, `~`, `int`, full-width forms) `[:.．]?[ \u00A0\t,-]*` | 1-9 |
//! | `[- ]+`, and the `#` is required (American `- 503#`) | 1-6 |
//! | `[ \u00A0\t]*` `,,` or `;` `[:.．]?[ \u00A0\t,-]*` (auto-dialling) | 1-15 |
//! | `[ \u00A0\t]*` `,+` `[:.．]?[ \u00A0\t,-]*` | 1-9 |
//!
//! No lead contains a digit, so the extension digits are exactly the input's
//! trailing run of digits and the lead lies between it and the number's last
//! digit: [`split_extension`] walks back from the end and tries the few
//! start positions there, leftmost first.

use super::error::{PhoneError, MAX_INPUT_CHARS};
use super::scan::digit_value;

/// The most digits an extension may have: libphonenumber's limit after an
/// explicit label (`ext`, `;ext=`); ambiguous labels allow fewer (see the
/// module documentation).
pub const EXTENSION_MAX_DIGITS: usize = 20;

/// Inputs longer than this many bytes have more than [`MAX_INPUT_CHARS`]
/// characters, which the scanner rejects: not searched.
const MAX_SEARCH_BYTES: usize = 4 * MAX_INPUT_CHARS;

/// An extension split off an input: its digits (ASCII) and the character
/// that marked it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Extension {
    digits: [u8; EXTENSION_MAX_DIGITS],
    len: usize,
    /// The label's first character (`x`, `e`, `#`, `;`, `,`, `~`…), or the
    /// final `#` of an American-style `- 503#`.
    marker: char,
    /// The marker's index in the input, in chars.
    position: usize,
}

impl Extension {
    /// The digits, ASCII.
    pub(crate) fn digits(&self) -> &[u8] {
        self.digits.get(..self.len).unwrap_or(&[])
    }

    /// The digits as text.
    pub(crate) fn as_str(&self) -> &str {
        std::str::from_utf8(self.digits()).unwrap_or("")
    }

    /// The error for a caller that cannot take an extension.
    pub(crate) fn refusal(&self) -> PhoneError {
        PhoneError::ExtensionNotAllowed {
            character: self.marker,
            position: self.position,
        }
    }
}

/// Splits `input` into the number before an extension and the extension,
/// or returns the whole input and `None`.
pub(crate) fn split_extension(input: &str) -> (&str, Option<Extension>) {
    let none = (input, None);
    if input.len() > MAX_SEARCH_BYTES {
        return none;
    }
    let (body, hash) = match input.strip_suffix('#') {
        Some(body) => (body, true),
        None => (input, false),
    };
    if !hash && plainly_none(body.as_bytes()) {
        return none;
    }
    // The trailing run of digits, read backwards.
    let mut reversed = [0u8; EXTENSION_MAX_DIGITS];
    let mut len = 0;
    let mut digits_start = body.len();
    for (i, c) in body.char_indices().rev() {
        let Some(d) = digit_value(c) else { break };
        let Some(slot) = reversed.get_mut(len) else {
            return none; // more digits than any extension has
        };
        *slot = d;
        len += 1;
        digits_start = i;
    }
    if len == 0 {
        return none;
    }
    let Some(head) = body.get(..digits_start) else {
        return none;
    };
    // The lead lies after the number's last digit.
    let tail_start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| digit_value(c).is_some())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let Some(tail) = head.get(tail_start..) else {
        return none;
    };
    for (offset, _) in tail.char_indices() {
        let Some(lead) = tail.get(offset..) else {
            continue;
        };
        let Some(marker) = lead_marker(lead, len, hash) else {
            continue;
        };
        let start = tail_start + offset;
        let (marker_byte, character) = match marker {
            Marker::At(at) => (start + at, lead.get(at..).and_then(|s| s.chars().next())),
            Marker::FinalHash => (input.len() - 1, Some('#')),
        };
        let (Some(number), Some(character)) = (input.get(..start), character) else {
            return none;
        };
        let mut digits = [0u8; EXTENSION_MAX_DIGITS];
        for (slot, &d) in digits.iter_mut().zip(reversed.iter().take(len).rev()) {
            *slot = d;
        }
        let position = input.get(..marker_byte).map_or(0, |s| s.chars().count());
        let extension = Extension {
            digits,
            len,
            marker: character,
            position,
        };
        return (number, Some(extension));
    }
    none
}

/// Where the marker of a matching lead is.
enum Marker {
    /// At this byte offset in the lead.
    At(usize),
    /// The `#` ending the input.
    FinalHash,
}

/// Whether `lead` is, in full, one of libphonenumber's extension leads for
/// `digits` extension digits (`hash`: the input ends with `#`).
fn lead_marker(lead: &str, digits: usize, hash: bool) -> Option<Marker> {
    let at = |s: &str| Marker::At(lead.len() - s.len());
    // `;ext=` (RFC 3966).
    if digits <= 20 && strip_label(lead, ";ext=") == Some("") {
        return Some(Marker::At(0));
    }
    // A label after blanks or commas.
    let labelled = lead.trim_start_matches(is_blank_or_comma);
    let label_fits = |labels: &[&str]| {
        labels
            .iter()
            .any(|label| strip_label(labelled, label).is_some_and(after_label))
    };
    if (digits <= 20 && label_fits(&EXPLICIT_LABELS))
        || (digits <= 9 && label_fits(&AMBIGUOUS_LABELS))
    {
        return Some(at(labelled));
    }
    // American style: `- 503#`.
    if hash && digits <= 6 && !lead.is_empty() && lead.chars().all(|c| c == '-' || c == ' ') {
        return Some(Marker::FinalHash);
    }
    // Auto-dialling: `,,` or `;`, then any commas.
    let dialled = lead.trim_start_matches(is_blank);
    let after_double = dialled
        .strip_prefix(",,")
        .or_else(|| dialled.strip_prefix(';'));
    if digits <= 15 && after_double.is_some_and(after_label) {
        return Some(at(dialled));
    }
    if digits <= 9 && dialled.starts_with(',') && after_label(dialled.trim_start_matches(',')) {
        return Some(at(dialled));
    }
    None
}

/// Explicit labels, case-folded: `e?xt(?:ensi(?:o\u0301?|\u00F3))?n?`,
/// `\uFF45?\uFF58\uFF54\uFF4E?`, `доб`, `anexo`.
const EXPLICIT_LABELS: [&str; 22] = [
    "xt",
    "xtn",
    "ext",
    "extn",
    "xtensio",
    "xtension",
    "extensio",
    "extension",
    "xtensio\u{301}",
    "xtensio\u{301}n",
    "extensio\u{301}",
    "extensio\u{301}n",
    "xtensi\u{F3}",
    "xtensi\u{F3}n",
    "extensi\u{F3}",
    "extensi\u{F3}n",
    "\u{FF58}\u{FF54}",
    "\u{FF58}\u{FF54}\u{FF4E}",
    "\u{FF45}\u{FF58}\u{FF54}",
    "\u{FF45}\u{FF58}\u{FF54}\u{FF4E}",
    "\u{434}\u{43E}\u{431}",
    "anexo",
];

/// Ambiguous one-character labels and `int`, case-folded.
const AMBIGUOUS_LABELS: [&str; 8] = [
    "x",
    "\u{FF58}",
    "#",
    "\u{FF03}",
    "~",
    "\u{FF5E}",
    "int",
    "\u{FF49}\u{FF4E}\u{FF54}",
];

/// The common case, checked on bytes: the input (without a final `#`)
/// ends with no digit, or with ASCII digits after ASCII characters none of
/// which a lead needs (only `- 503#` makes do with dashes and blanks, and
/// it needs the `#`). Non-ASCII text goes the long way.
fn plainly_none(body: &[u8]) -> bool {
    let run = body.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let Some(head) = body.get(..body.len() - run) else {
        return false;
    };
    if run == 0 {
        return head.last().is_none_or(u8::is_ascii);
    }
    !head
        .iter()
        .rev()
        .take_while(|b| !b.is_ascii_digit())
        .any(|&b| may_mark(b))
}

/// Whether a lead may contain this byte of its UTF-8: every lead but
/// `- 503#` has a label (`;`, `,`, `#`, `~`, `e`, `x`, `i`, `a` in either
/// case, or a non-ASCII character) somewhere.
fn may_mark(b: u8) -> bool {
    !b.is_ascii()
        || matches!(
            b,
            b';' | b',' | b'#' | b'~' | b'e' | b'E' | b'x' | b'X' | b'i' | b'I' | b'a' | b'A'
        )
}

/// `[ \u00A0\t]`
fn is_blank(c: char) -> bool {
    matches!(c, ' ' | '\u{A0}' | '\t')
}

/// `[ \u00A0\t,]`
fn is_blank_or_comma(c: char) -> bool {
    is_blank(c) || c == ','
}

/// What may follow a label before the digits, in full:
/// `[:.．]?[ \u00A0\t,-]*`.
fn after_label(rest: &str) -> bool {
    let rest = rest.strip_prefix([':', '.', '\u{FF0E}']).unwrap_or(rest);
    rest.chars().all(|c| is_blank_or_comma(c) || c == '-')
}

/// `s` without a leading `label` (given case-folded), compared the way
/// JavaScript's case-insensitive (non-Unicode) regular expressions compare.
fn strip_label<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let mut chars = s.char_indices();
    for want in label.chars() {
        let (_, c) = chars.next()?;
        if fold(c) != want {
            return None;
        }
    }
    Some(chars.as_str())
}

/// Case-folds the letters the labels use, as JavaScript's `/i` does (the
/// upper-case forms, and the Cyrillic letter variants that upper-case to
/// `Д` and `О`); ASCII letters never match a non-ASCII character.
fn fold(c: char) -> char {
    let shifted = |from: u32| char::from_u32(from + 0x20).unwrap_or(c);
    match c {
        'A'..='Z' => c.to_ascii_lowercase(),
        '\u{D3}' => '\u{F3}',
        '\u{FF21}'..='\u{FF3A}' | '\u{410}'..='\u{42F}' => shifted(u32::from(c)),
        '\u{1C81}' => '\u{434}',
        '\u{1C82}' => '\u{43E}',
        _ => c,
    }
}

#[cfg(test)]
mod tests;
