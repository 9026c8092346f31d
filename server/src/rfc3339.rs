//! Formats Unix milliseconds as RFC 3339 UTC date-times (`2023-11-07T05:31:56Z`).
//!
//! The core crate only parses timestamps; the sandbox has to mint them.

/// Milliseconds in one day.
const MS_PER_DAY: u64 = 86_400_000;

/// `2023-11-07T05:31:56Z` (whole seconds, like the seed examples).
pub fn format_seconds(unix_ms: u64) -> String {
    let (date, h, m, s, _) = split(unix_ms);
    format!("{date}T{h:02}:{m:02}:{s:02}Z")
}

/// `2023-11-07T05:31:56.123Z` (milliseconds, for the request log).
pub fn format_millis(unix_ms: u64) -> String {
    let (date, h, m, s, ms) = split(unix_ms);
    format!("{date}T{h:02}:{m:02}:{s:02}.{ms:03}Z")
}

fn split(unix_ms: u64) -> (String, u64, u64, u64, u64) {
    let days = unix_ms / MS_PER_DAY;
    let rest = unix_ms % MS_PER_DAY;
    let (y, mo, d) = civil_from_days(days);
    let secs = rest / 1000;
    (
        format!("{y:04}-{mo:02}-{d:02}"),
        secs / 3600,
        secs % 3600 / 60,
        secs % 60,
        rest % 1000,
    )
}

/// Howard Hinnant's `civil_from_days`, for days since 1970-01-01 (non-negative).
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z % 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
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
    }

    #[test]
    fn agrees_with_day_by_day_reference_for_many_years() {
        // Slow reference: walk the calendar one day at a time.
        let (mut y, mut m, mut d) = (1970u64, 1u64, 1u64);
        for day in 0..(366 * 140) {
            assert_eq!(civil_from_days(day), (y, m, d), "day {day}");
            let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
            let len = match m {
                2 if leap => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            d += 1;
            if d > len {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
    }
}
