//! The flow's clock: monotonic milliseconds from `performance.now()`, so a
//! wall-clock change (NTP, the user's settings) never fires or delays the
//! correlator's deadlines.

/// Now, in whole ms since the page's time origin (0 without `performance`).
pub(crate) fn now_ms() -> u64 {
    let now = web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now());
    if now.is_finite() && now > 0.0 {
        // f64 -> u64 saturates; page uptime is far below 2^53 ms.
        now as u64
    } else {
        0
    }
}
