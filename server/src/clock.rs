//! The sandbox clock: wall time plus an offset that tests can advance.
//!
//! Code expiry (30 s) is tested by moving this clock forward through
//! `POST /__sandbox/clock` instead of sleeping.

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Wall-clock time shifted forward by a test-controlled offset.
#[derive(Debug, Default)]
pub struct Clock {
    offset_ms: AtomicU64,
}

impl Clock {
    /// Unix milliseconds now, including the offset.
    pub fn now_ms(&self) -> u64 {
        let wall = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
            .unwrap_or(0);
        wall.saturating_add(self.offset_ms.load(Ordering::Relaxed))
    }

    /// Moves the clock forward by `ms` (saturating); returns the new offset.
    pub fn advance(&self, ms: u64) -> u64 {
        let mut current = self.offset_ms.load(Ordering::Relaxed);
        loop {
            let next = current.saturating_add(ms);
            match self.offset_ms.compare_exchange(
                current,
                next,
                Ordering::Relaxed,
                Ordering::Relaxed,
            ) {
                Ok(_) => return next,
                Err(seen) => current = seen,
            }
        }
    }

    /// The current offset in milliseconds.
    pub fn offset_ms(&self) -> u64 {
        self.offset_ms.load(Ordering::Relaxed)
    }

    /// Back to wall time.
    pub fn reset(&self) {
        self.offset_ms.store(0, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advance_moves_now_forward_and_reset_returns() {
        let clock = Clock::default();
        let before = clock.now_ms();
        assert_eq!(clock.advance(31_000), 31_000);
        assert_eq!(clock.advance(u64::MAX), u64::MAX, "saturates");
        clock.reset();
        clock.advance(31_000);
        assert!(clock.now_ms() >= before + 31_000);
        clock.reset();
        assert_eq!(clock.offset_ms(), 0);
        assert!(clock.now_ms() < before + 31_000);
    }
}
