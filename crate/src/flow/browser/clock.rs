//! The flow's clock: milliseconds since the Unix epoch from `Date.now()`.

/// Now, in whole ms (0 if the clock is before 1970).
pub(crate) fn now_ms() -> u64 {
    let now = js_sys::Date::now();
    if now.is_finite() && now > 0.0 {
        // f64 -> u64 saturates; a Date is far below 2^53.
        now as u64
    } else {
        0
    }
}
