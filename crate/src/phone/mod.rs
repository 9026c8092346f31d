//! E.164 phone numbers: parsing, validation and the split Meta wants.
//!
//! - [`parse`] reads what people type (`+44 (0)7911 123-456`, `0044…`, or a
//!   national number with a default calling code) into a [`PhoneNumber`].
//! - [`is_e164`] and [`is_e164_batch`] check canonical strings without
//!   allocating per number.
//! - [`to_meta_phone_params`] gives Meta's `cc` / `phone_number` split, and
//!   [`parse_without_extension`] parses for any field that takes a WhatsApp
//!   number: both refuse an extension, which `parse` keeps apart in
//!   [`PhoneNumber::extension`].
//!
//! The table of calling codes and their possible national-number lengths is
//! generated from libphonenumber's published metadata by
//! `scripts/gen-calling-codes.mjs` (source: [`METADATA_SOURCE`]). "Possible"
//! means what libphonenumber-js's `isPossiblePhoneNumber` means: an assigned
//! calling code and a national number of a possible length; numbering-plan
//! patterns (whether the number is actually in service) are not checked.
//!
//! Lengths: a national number shorter than every possible length, or of a
//! length between two possible lengths (8 digits where +44 allows 7, 9 or
//! 10), is `TOO_SHORT` — more digits can still make it possible, which is
//! what a live input field should say; longer than every possible length, or
//! more than 15 digits in all, is `TOO_LONG`.

mod batch;
#[rustfmt::skip] // generated: scripts/gen-calling-codes.mjs --check keeps it exact
mod calling_codes;
mod e164;
mod error;
mod extension;
mod lengths;
mod meta_params;
mod number;
mod parse;
mod plan;
mod plan_table;
mod resolve;
mod scan;

pub use batch::is_e164_batch;
pub use calling_codes::METADATA_SOURCE;
pub use e164::is_e164;
pub use error::{CodeDigits, PhoneError, E164_MAX_DIGITS, MAX_INPUT_CHARS};
pub use extension::EXTENSION_MAX_DIGITS;
pub use lengths::PossibleLengths;
pub use meta_params::{parse_without_extension, to_meta_phone_params, MetaPhoneParams};
pub use number::PhoneNumber;
pub use parse::parse;
#[cfg(all(target_arch = "wasm32", feature = "js-core"))]
pub(crate) use {number::Parts, parse::parse_parts};

/// True for a region code of the calling-code tables (ISO 3166-1 alpha-2,
/// plus `001` for non-geographic codes).
pub(crate) fn is_region(code: &str) -> bool {
    calling_codes::REGIONS.contains(&code)
}
#[cfg(all(target_arch = "wasm32", feature = "js-core"))]
pub(crate) use resolve::{write_code, Resolved};

#[cfg(test)]
mod tests;
