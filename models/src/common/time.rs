//! Moments and durations as the gateway writes them.
//!
//! Both keep the gateway's text exactly, so a model read from a response serializes back to
//! the same JSON, and read it into `std::time` types on request.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fabric_rest_runtime::iso8601;
use serde::{Deserialize, Serialize};

/// A moment as the gateway writes it: ISO-8601 in UTC, `2022-11-11T17:12:15.688Z`.
///
/// Service Fabric writes `0001-01-01T00:00:00.000Z` for "never" (a node that never went
/// down, a package with no next activation); [`to_system_time`](Self::to_system_time)
/// gives `None` for it.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use fabric_rest_models::Timestamp;
///
/// let at = Timestamp::new("2022-11-11T17:12:15.688Z");
/// assert_eq!(at.to_system_time(), Some(UNIX_EPOCH + Duration::from_millis(1_668_186_735_688)));
/// assert_eq!(Timestamp::new("0001-01-01T00:00:00.000Z").to_system_time(), None);
/// assert_eq!(at.as_str(), "2022-11-11T17:12:15.688Z");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Timestamp(String);

impl Timestamp {
    /// A timestamp holding `text` as it is.
    pub fn new(text: impl Into<String>) -> Timestamp {
        Timestamp(text.into())
    }

    /// The text as the gateway wrote it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The moment, or `None` for Service Fabric's "never" (year 1) and for text that is
    /// not an ISO-8601 date and time.
    pub fn to_system_time(&self) -> Option<SystemTime> {
        let (seconds, nanos) = parse_utc(&self.0)?;
        if seconds <= YEAR_ONE_END {
            return None;
        }
        let magnitude = Duration::new(seconds.unsigned_abs(), 0);
        let whole = if seconds >= 0 {
            UNIX_EPOCH.checked_add(magnitude)?
        } else {
            UNIX_EPOCH.checked_sub(magnitude)?
        };
        whole.checked_add(Duration::from_nanos(u64::from(nanos)))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The last second of year 1 (`0001-12-31T23:59:59Z`) in seconds from the Unix epoch:
/// anything up to it is Service Fabric's "never".
const YEAR_ONE_END: i64 = -62_104_060_801;

/// Seconds from the Unix epoch and nanoseconds of `YYYY-MM-DDTHH:MM:SS[.fraction][Z|±HH:MM]`;
/// no zone means UTC, as the gateway means it.
fn parse_utc(text: &str) -> Option<(i64, u32)> {
    let bytes = text.as_bytes();
    let number = |range: std::ops::Range<usize>| -> Option<i64> {
        let digits = bytes.get(range)?;
        digits.iter().all(u8::is_ascii_digit).then(|| {
            digits
                .iter()
                .fold(0_i64, |value, digit| value * 10 + i64::from(digit - b'0'))
        })
    };
    let separators = [(4, b'-'), (7, b'-'), (13, b':'), (16, b':')];
    if separators.iter().any(|&(at, byte)| bytes.get(at) != Some(&byte))
        || !matches!(bytes.get(10), Some(b'T' | b't' | b' '))
    {
        return None;
    }
    let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
    let (hour, minute, second) = (number(11..13)?, number(14..16)?, number(17..19)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    let mut nanos = 0_u32;
    if let Some(fraction) = rest.strip_prefix('.') {
        let digits = fraction.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        for (place, digit) in fraction.bytes().take(digits).enumerate() {
            if place < 9 {
                nanos += u32::from(digit - b'0') * 10_u32.pow(8 - place as u32);
            }
        }
        rest = &fraction[digits..];
    }
    let offset = match rest.as_bytes() {
        [] | [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let digits = [*h1, *h2, *m1, *m2];
            if !digits.iter().all(u8::is_ascii_digit) {
                return None;
            }
            let minutes = i64::from((h1 - b'0') * 10 + (h2 - b'0')) * 60 + i64::from((m1 - b'0') * 10 + (m2 - b'0'));
            if *sign == b'+' { minutes * 60 } else { -minutes * 60 }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let seconds = days * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset;
    Some((seconds, nanos))
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 to the given date of the proleptic Gregorian calendar.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// A duration as the gateway writes it: ISO-8601 (`PT0H2M0S`, `P10675199DT2H48M5.4775807S`
/// for "infinite") or, in some fields, a count of milliseconds.
///
/// Made from a [`Duration`] it is written `PT{h}H{m}M{s}S`, the form every gateway version
/// accepts.
///
/// ```
/// use std::time::Duration;
/// use fabric_rest_models::IsoDuration;
///
/// let wait = IsoDuration::from(Duration::from_secs(90));
/// assert_eq!(wait.as_str(), "PT0H1M30S");
/// assert_eq!(IsoDuration::new("PT0H10M0.1752S").to_duration(), Some(Duration::from_micros(600_175_200)));
/// assert_eq!(IsoDuration::new("2500").to_duration(), Some(Duration::from_millis(2_500)));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IsoDuration(String);

impl IsoDuration {
    /// A duration holding `text` as it is.
    pub fn new(text: impl Into<String>) -> IsoDuration {
        IsoDuration(text.into())
    }

    /// The text as the gateway wrote it.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The duration, or `None` for text that is neither an ISO-8601 duration nor a count
    /// of milliseconds.
    pub fn to_duration(&self) -> Option<Duration> {
        iso8601::parse(&self.0).ok()
    }
}

impl From<Duration> for IsoDuration {
    fn from(duration: Duration) -> IsoDuration {
        IsoDuration(iso8601::format(duration))
    }
}

impl fmt::Display for IsoDuration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> Option<SystemTime> {
        Timestamp::new(text).to_system_time()
    }

    #[test]
    fn timestamps_in_every_form_the_gateway_writes() {
        let base = UNIX_EPOCH + Duration::from_secs(1_668_186_735);
        assert_eq!(at("2022-11-11T17:12:15Z"), Some(base));
        assert_eq!(at("2022-11-11T17:12:15.688Z"), Some(base + Duration::from_millis(688)));
        assert_eq!(
            at("2022-11-11T17:12:15.6881234567Z"),
            Some(base + Duration::from_nanos(688_123_456))
        );
        assert_eq!(at("2022-11-11T17:12:15"), Some(base));
        assert_eq!(at("2022-11-11T18:12:15+01:00"), Some(base));
        assert_eq!(at("2022-11-11T16:42:15-00:30"), Some(base));
        assert_eq!(at("1970-01-01T00:00:00.000Z"), Some(UNIX_EPOCH));
        assert_eq!(
            at("2000-02-29T00:00:00Z"),
            Some(UNIX_EPOCH + Duration::from_secs(951_782_400))
        );
        assert_eq!(
            at("1969-12-31T23:59:59Z"),
            UNIX_EPOCH.checked_sub(Duration::from_secs(1))
        );
        // Service Fabric's "never".
        assert_eq!(at("0001-01-01T00:00:00.000Z"), None);
        assert_eq!(at("0001-01-01T00:00:00Z"), None);
    }

    #[test]
    fn timestamps_that_are_not_dates() {
        for text in [
            "",
            "2022-11-11",
            "2022-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "2022-11-11T24:00:00Z",
            "2022-11-11T17:12:15.Z",
            "2022-11-11T17:12:15+0100",
            "2022-11-11T17:12:15 UTC",
            "2022-11-1１T17:12:15Z",
            "yesterday",
        ] {
            assert_eq!(at(text), None, "{text:?}");
        }
    }

    #[test]
    fn days_from_civil_matches_known_dates() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1, 1, 1), -719_162);
        assert_eq!(days_from_civil(1, 12, 31) * 86_400 + 86_399, YEAR_ONE_END);
    }

    #[test]
    fn text_round_trips_unchanged() {
        for text in ["2022-11-11T17:12:15.688Z", "0001-01-01T00:00:00.000Z", "not a date"] {
            let json = serde_json::to_string(&Timestamp::new(text)).unwrap();
            assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap().as_str(), text);
        }
        for text in ["P10675199DT2H48M5.4775807S", "PT0H5M0S", "60000"] {
            let json = serde_json::to_string(&IsoDuration::new(text)).unwrap();
            assert_eq!(json, format!("{text:?}"));
            assert_eq!(serde_json::from_str::<IsoDuration>(&json).unwrap().as_str(), text);
        }
    }

    #[test]
    fn durations() {
        assert_eq!(
            IsoDuration::new("PT0H5M0S").to_duration(),
            Some(Duration::from_secs(300))
        );
        assert_eq!(
            IsoDuration::new("PT16H0M0S").to_duration(),
            Some(Duration::from_secs(57_600))
        );
        assert_eq!(IsoDuration::new("soon").to_duration(), None);
        assert_eq!(IsoDuration::from(Duration::from_millis(1_500)).as_str(), "PT0H0M1.5S");
    }
}
