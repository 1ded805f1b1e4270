//! What an EventStore query takes: the moments of its window and the kinds it selects.

use std::fmt;
use std::ops::{Add, Sub};
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fabric_rest_runtime::{ParamKind, QueryValue, RequestBuilder};

use super::FabricEventKind;

/// `0001-01-01T00:00:00Z`, in seconds from the Unix epoch.
const EARLIEST: i64 = -62_135_596_800;
/// `9999-12-31T23:59:59Z`, in seconds from the Unix epoch.
const LATEST: i64 = 253_402_300_799;

/// One end of an EventStore query's window (`StartTimeUtc`, `EndTimeUtc`): a moment in
/// UTC to the second, sent as the gateway reads it, `yyyy-MM-ddTHH:mm:ssZ`.
///
/// Moments before year 1 or after year 9999, which that form cannot write, are taken as
/// those years' first and last second; fractions of a second are dropped.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use fabric_rest_models::EventTime;
///
/// let end: EventTime = "2018-04-04T18:00:00Z".parse()?;
/// let start = end - Duration::from_secs(24 * 3600);
/// assert_eq!(start.to_string(), "2018-04-03T18:00:00Z");
/// assert_eq!(EventTime::from_system_time(UNIX_EPOCH + Duration::from_millis(1500)).to_string(), "1970-01-01T00:00:01Z");
/// # Ok::<(), fabric_rest_models::EventTimeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EventTime(i64);

impl EventTime {
    /// Now.
    pub fn now() -> EventTime {
        EventTime::from_system_time(SystemTime::now())
    }

    /// The moment `time`, to the second.
    pub fn from_system_time(time: SystemTime) -> EventTime {
        let seconds = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => i64::try_from(after.as_secs()).unwrap_or(i64::MAX),
            // Before the epoch: round toward the past, so 0.5 s before is -1.
            Err(before) => {
                let before = before.duration();
                let whole = i64::try_from(before.as_secs()).unwrap_or(i64::MAX);
                whole
                    .saturating_add(i64::from(before.subsec_nanos() > 0))
                    .saturating_neg()
            }
        };
        EventTime::from_unix_seconds(seconds)
    }

    /// `seconds` from 1970-01-01T00:00:00Z.
    pub fn from_unix_seconds(seconds: i64) -> EventTime {
        EventTime(seconds.clamp(EARLIEST, LATEST))
    }

    /// Seconds from 1970-01-01T00:00:00Z.
    pub fn unix_seconds(self) -> i64 {
        self.0
    }

    /// The moment as a [`SystemTime`].
    pub fn to_system_time(self) -> SystemTime {
        let magnitude = Duration::from_secs(self.0.unsigned_abs());
        if self.0 >= 0 {
            UNIX_EPOCH + magnitude
        } else {
            UNIX_EPOCH - magnitude
        }
    }

    /// Reads `yyyy-MM-ddTHH:mm:ssZ`, the form the gateway takes.
    pub fn parse(text: &str) -> Result<EventTime, EventTimeError> {
        let error = || EventTimeError { text: text.into() };
        let bytes = text.as_bytes();
        let separators = [(4, b'-'), (7, b'-'), (10, b'T'), (13, b':'), (16, b':'), (19, b'Z')];
        if bytes.len() != 20 || separators.iter().any(|&(at, byte)| bytes[at] != byte) {
            return Err(error());
        }
        let number = |from: usize, to: usize| -> Option<i64> {
            let digits = &bytes[from..to];
            digits.iter().all(u8::is_ascii_digit).then(|| {
                digits
                    .iter()
                    .fold(0, |value, digit| value * 10 + i64::from(digit - b'0'))
            })
        };
        let field = |from, to| number(from, to).ok_or_else(error);
        let (year, month, day) = (field(0, 4)?, field(5, 7)?, field(8, 10)?);
        let (hour, minute, second) = (field(11, 13)?, field(14, 16)?, field(17, 19)?);
        if year < 1 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
            return Err(error());
        }
        if hour > 23 || minute > 59 || second > 59 {
            return Err(error());
        }
        let days = days_from_civil(year, month, day);
        Ok(EventTime(days * 86_400 + hour * 3_600 + minute * 60 + second))
    }
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
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date `days` after 1970-01-01: year, month, day.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
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

/// `yyyy-MM-ddTHH:mm:ssZ`.
impl fmt::Display for EventTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        let second_of_day = self.0.rem_euclid(86_400);
        write!(
            f,
            "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
            second_of_day / 3_600,
            second_of_day / 60 % 60,
            second_of_day % 60
        )
    }
}

impl FromStr for EventTime {
    type Err = EventTimeError;

    fn from_str(text: &str) -> Result<EventTime, EventTimeError> {
        EventTime::parse(text)
    }
}

/// Later by whole seconds of the duration.
impl Add<Duration> for EventTime {
    type Output = EventTime;

    fn add(self, duration: Duration) -> EventTime {
        let seconds = i64::try_from(duration.as_secs()).unwrap_or(i64::MAX);
        EventTime::from_unix_seconds(self.0.saturating_add(seconds))
    }
}

/// Earlier by whole seconds of the duration.
impl Sub<Duration> for EventTime {
    type Output = EventTime;

    fn sub(self, duration: Duration) -> EventTime {
        let seconds = i64::try_from(duration.as_secs()).unwrap_or(i64::MAX);
        EventTime::from_unix_seconds(self.0.saturating_sub(seconds))
    }
}

impl From<SystemTime> for EventTime {
    fn from(time: SystemTime) -> EventTime {
        EventTime::from_system_time(time)
    }
}

impl QueryValue for EventTime {
    const KIND: ParamKind = ParamKind::String;

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.to_string());
    }
}

/// Text that is not `yyyy-MM-ddTHH:mm:ssZ` was offered as an [`EventTime`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventTimeError {
    text: Box<str>,
}

impl fmt::Display for EventTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a UTC time written yyyy-MM-ddTHH:mm:ssZ, such as \"2018-04-03T18:00:00Z\"",
            self.text
        )
    }
}

impl std::error::Error for EventTimeError {}

/// The kinds of event an EventStore query returns (`EventsTypesFilter`), sent as their
/// names joined by commas.
///
/// ```
/// use fabric_rest_models::{EventKindFilter, FabricEventKind};
///
/// let filter = EventKindFilter::new([FabricEventKind::NodeDown, FabricEventKind::NodeUp]);
/// assert_eq!(filter.to_string(), "NodeDown,NodeUp");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct EventKindFilter(Vec<FabricEventKind>);

impl EventKindFilter {
    /// The events of `kinds`.
    pub fn new(kinds: impl IntoIterator<Item = FabricEventKind>) -> EventKindFilter {
        EventKindFilter(kinds.into_iter().collect())
    }

    /// The kinds selected.
    pub fn kinds(&self) -> &[FabricEventKind] {
        &self.0
    }
}

impl FromIterator<FabricEventKind> for EventKindFilter {
    fn from_iter<I: IntoIterator<Item = FabricEventKind>>(kinds: I) -> EventKindFilter {
        EventKindFilter::new(kinds)
    }
}

impl fmt::Display for EventKindFilter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (at, kind) in self.0.iter().enumerate() {
            if at > 0 {
                f.write_str(",")?;
            }
            f.write_str(kind.as_str())?;
        }
        Ok(())
    }
}

impl QueryValue for EventKindFilter {
    const KIND: ParamKind = ParamKind::String;

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_and_seconds_agree() {
        for (text, seconds) in [
            ("1970-01-01T00:00:00Z", 0),
            ("2018-04-03T18:00:00Z", 1_522_778_400),
            ("2000-02-29T23:59:59Z", 951_868_799),
            ("1969-12-31T23:59:59Z", -1),
            ("0001-01-01T00:00:00Z", EARLIEST),
            ("9999-12-31T23:59:59Z", LATEST),
        ] {
            let time = EventTime::parse(text).unwrap();
            assert_eq!(time.unix_seconds(), seconds, "{text}");
            assert_eq!(time.to_string(), text);
            assert_eq!(EventTime::from_unix_seconds(seconds), time);
        }
    }

    #[test]
    fn every_day_of_four_centuries_round_trips() {
        let start = days_from_civil(1900, 1, 1);
        for days in start..start + 146_097 {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days);
            assert!((1..=days_in_month(year, month)).contains(&day));
        }
    }

    #[test]
    fn out_of_range_moments_are_clamped_and_fractions_dropped() {
        assert_eq!(
            EventTime::from_unix_seconds(i64::MIN).to_string(),
            "0001-01-01T00:00:00Z"
        );
        assert_eq!(
            EventTime::from_unix_seconds(i64::MAX).to_string(),
            "9999-12-31T23:59:59Z"
        );
        let before = UNIX_EPOCH - Duration::from_millis(500);
        assert_eq!(EventTime::from_system_time(before).to_string(), "1969-12-31T23:59:59Z");
        let after = UNIX_EPOCH + Duration::from_millis(999);
        assert_eq!(EventTime::from_system_time(after).to_string(), "1970-01-01T00:00:00Z");
        let time = EventTime::parse("2018-04-03T18:00:00Z").unwrap();
        assert_eq!((time + Duration::from_secs(86_399)).to_string(), "2018-04-04T17:59:59Z");
        assert_eq!(
            EventTime::from_system_time(time.to_system_time()),
            time,
            "a SystemTime and back"
        );
    }

    #[test]
    fn other_forms_are_refused_with_the_form_wanted() {
        for text in [
            "",
            "2018-04-03T18:00:00",
            "2018-04-03T18:00:00.000Z",
            "2018-04-03 18:00:00Z",
            "2018-04-03T18:00:00+00:00",
            "2018-13-03T18:00:00Z",
            "2019-02-29T18:00:00Z",
            "2018-04-03T24:00:00Z",
            "2018-04-03T18:60:00Z",
            "0000-01-01T00:00:00Z",
            "2018-04-0३T18:00:00Z",
            "+018-04-03T18:00:00Z",
        ] {
            let error = EventTime::parse(text).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("{text:?} is not a UTC time written yyyy-MM-ddTHH:mm:ssZ, such as \"2018-04-03T18:00:00Z\"")
            );
        }
    }
}
