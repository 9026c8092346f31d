//! The shared shape of every error this crate returns.
//!
//! Each concern has its own error enum (`PhoneError`, `IdError`, …). All of them
//! implement [`ErrorCode`], which gives a stable, machine-readable code such as
//! `TOO_SHORT`; their `Display` is the human message. In JavaScript the same
//! error becomes an `Error` whose `code` property holds that code.

/// An error with a stable machine-readable code.
///
/// Codes are `SCREAMING_SNAKE_CASE`, never change once released, and are what
/// callers should match on; the `Display` message is for people and may be
/// reworded.
pub trait ErrorCode: std::error::Error {
    /// The stable code, e.g. `"TOO_SHORT"`.
    fn code(&self) -> &'static str;
}
