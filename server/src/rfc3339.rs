//! Formats Unix milliseconds as RFC 3339 UTC date-times (`2023-11-07T05:31:56Z`)
//! with `humantime` (the core crate only parses timestamps; the sandbox mints them).

use std::time::{Duration, UNIX_EPOCH};

/// `2023-11-07T05:31:56Z` (whole seconds, like the seed examples).
pub fn format_seconds(unix_ms: u64) -> String {
    humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_millis(unix_ms)).to_string()
}

/// `2023-11-07T05:31:56.123Z` (milliseconds, for the request log).
pub fn format_millis(unix_ms: u64) -> String {
    humantime::format_rfc3339_millis(UNIX_EPOCH + Duration::from_millis(unix_ms)).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_known_instants() {
        let cases = [
            (0, "1970-01-01T00:00:00Z"),
            (1_699_335_116_000, "2023-11-07T05:31:56Z"),
            (951_782_400_000, "2000-02-29T00:00:00Z"),
            (4_107_542_399_000, "2100-02-28T23:59:59Z"),
            (4_107_542_400_000, "2100-03-01T00:00:00Z"),
        ];
        for (ms, want) in cases {
            assert_eq!(format_seconds(ms), want, "{ms}");
        }
        assert_eq!(format_millis(1_699_335_116_789), "2023-11-07T05:31:56.789Z");
        assert_eq!(format_millis(1_699_335_116_000), "2023-11-07T05:31:56.000Z");
        // The core crate's parser accepts what is minted.
        assert!(wa_signup::api::is_rfc3339(&format_millis(
            1_699_335_116_789
        )));
    }
}
