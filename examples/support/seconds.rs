//! Seconds on the command line, fractions allowed, for every example that waits.

use std::time::Duration;

/// `text` as a duration in seconds: above zero and small enough to be one.
pub fn seconds(text: &str) -> Result<Duration, String> {
    let secs: f64 = text
        .parse()
        .map_err(|_| format!("{text:?} is not a number of seconds"))?;
    if secs.is_nan() || secs <= 0.0 {
        return Err(format!("{text} must be above zero"));
    }
    Duration::try_from_secs_f64(secs).map_err(|_| format!("{text} seconds is too long"))
}
