//! [`BackupTimeFilter`]: the moments that bound a backup list.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

use fabric_rest_runtime::{ParamKind, QueryValue, RequestBuilder};
use serde::{Deserialize, Serialize};

/// A moment bounding a backup list (`StartDateTimeFilter`, `EndDateTimeFilter`), written in
/// UTC as ISO 8601 to the second: `2018-01-01T00:00:00Z`.
///
/// Made from a [`SystemTime`], so a value that is not a moment cannot be sent; one read
/// from the gateway keeps its text.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use fabric_rest_models::BackupTimeFilter;
///
/// let start = BackupTimeFilter::from(UNIX_EPOCH + Duration::from_secs(1_514_764_800));
/// assert_eq!(start.as_str(), "2018-01-01T00:00:00Z");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct BackupTimeFilter(String);

impl BackupTimeFilter {
    /// The text as it goes on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<SystemTime> for BackupTimeFilter {
    fn from(moment: SystemTime) -> BackupTimeFilter {
        let seconds = match moment.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            // Round down to the whole second at or before the moment.
            Err(before) => {
                let before = before.duration();
                let whole = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                -whole - i64::from(before.subsec_nanos() > 0)
            }
        };
        BackupTimeFilter(format_utc(seconds))
    }
}

impl fmt::Display for BackupTimeFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl QueryValue for BackupTimeFilter {
    const KIND: ParamKind = ParamKind::String;

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.0);
    }
}

/// `YYYY-MM-DDTHH:MM:SSZ` for `seconds` from the Unix epoch.
fn format_utc(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let of_day = seconds.rem_euclid(86_400);
    let (year, month, day) = civil_from_days(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        of_day / 3_600,
        of_day % 3_600 / 60,
        of_day % 60
    )
}

/// The proleptic Gregorian date `days` after 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn at(seconds: u64) -> String {
        BackupTimeFilter::from(UNIX_EPOCH + Duration::from_secs(seconds)).0
    }

    #[test]
    fn moments_in_utc() {
        assert_eq!(at(0), "1970-01-01T00:00:00Z");
        assert_eq!(at(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(at(951_868_799), "2000-02-29T23:59:59Z");
        assert_eq!(at(1_668_186_735), "2022-11-11T17:12:15Z");
        assert_eq!(at(4_102_444_800), "2100-01-01T00:00:00Z");
        let before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(BackupTimeFilter::from(before).as_str(), "1969-12-31T23:59:59Z");
        let before = UNIX_EPOCH - Duration::from_secs(86_400);
        assert_eq!(BackupTimeFilter::from(before).as_str(), "1969-12-31T00:00:00Z");
    }

    #[test]
    fn written_as_text() {
        let filter = BackupTimeFilter::from(UNIX_EPOCH);
        assert_eq!(serde_json::to_string(&filter).unwrap(), r#""1970-01-01T00:00:00Z""#);
        let read: BackupTimeFilter = serde_json::from_str(r#""2018-01-01T00:00:00.000Z""#).unwrap();
        assert_eq!(read.as_str(), "2018-01-01T00:00:00.000Z");
        assert_eq!(<BackupTimeFilter as QueryValue>::KIND, ParamKind::String);
    }
}
