//! [`FileTime`], the moments GetChaosEvents takes.

use std::fmt;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fabric_rest_runtime::{ParamKind, QueryValue, RequestBuilder};

/// 100-nanosecond ticks from 1601-01-01 to 1970-01-01.
const TICKS_TO_UNIX_EPOCH: u64 = 116_444_736_000_000_000;

/// A moment as GetChaosEvents takes its `StartTimeUtc` and `EndTimeUtc`: a Windows file
/// time, the count of 100-nanosecond ticks since 1601-01-01 UTC, sent as decimal digits.
///
/// ```
/// use std::time::{Duration, UNIX_EPOCH};
/// use fabric_rest_models::FileTime;
///
/// let at = FileTime::from_system_time(UNIX_EPOCH + Duration::from_secs(1));
/// assert_eq!(at.to_string(), "116444736010000000");
/// assert_eq!(FileTime::EARLIEST.to_string(), "0");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileTime(u64);

impl FileTime {
    /// 1601-01-01: the start of every Chaos history.
    pub const EARLIEST: FileTime = FileTime(0);

    /// `3155378975999999999`, the largest tick count of a .NET `DateTime`, which the spec's
    /// example sends as `EndTimeUtc` to read a history to its end.
    pub const LATEST: FileTime = FileTime(3_155_378_975_999_999_999);

    /// `ticks` of 100 nanoseconds since 1601-01-01 UTC.
    pub const fn from_ticks(ticks: u64) -> FileTime {
        FileTime(ticks)
    }

    /// The moment `time`, rounded down to a tick; before 1601, 1601.
    pub fn from_system_time(time: SystemTime) -> FileTime {
        let ticks = |duration: Duration| u64::try_from(duration.as_nanos() / 100).unwrap_or(u64::MAX);
        FileTime(match time.duration_since(UNIX_EPOCH) {
            Ok(after) => TICKS_TO_UNIX_EPOCH.saturating_add(ticks(after)),
            Err(before) => TICKS_TO_UNIX_EPOCH.saturating_sub(ticks(before.duration())),
        })
    }

    /// Now.
    pub fn now() -> FileTime {
        FileTime::from_system_time(SystemTime::now())
    }

    /// The ticks sent.
    pub const fn ticks(self) -> u64 {
        self.0
    }
}

impl fmt::Display for FileTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

impl QueryValue for FileTime {
    const KIND: ParamKind = ParamKind::String;

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.0.to_string());
    }
}
