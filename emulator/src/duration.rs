//! The duration grammar the gateway accepts in upgrade descriptions.
//!
//! The server takes `[-]P[nY][nM][nD]T[nH][nM][nS]` where every `n` may carry a fraction,
//! and the `T` is mandatory: `P1D` is refused even though ISO 8601 allows it. As a fallback it
//! takes a bare integer string, read as milliseconds. A value must also fit in the server's
//! duration type, whose largest value it writes as `P10675199DT2H48M5.4775807S`.

/// The largest duration the server can hold, in seconds: it counts 100 ns ticks in an i64.
const MAX_SECONDS: f64 = i64::MAX as f64 / 10_000_000.0;

/// Seconds per designator. Years and months have no fixed length; the server only needs
/// the sum to fit, so calendar-free approximations are enough to find overflow.
const YEAR: f64 = 365.0 * 86_400.0;
const MONTH: f64 = 30.0 * 86_400.0;
const DAY: f64 = 86_400.0;
const HOUR: f64 = 3_600.0;
const MINUTE: f64 = 60.0;

/// Whether `text` is a duration the server would accept.
pub fn is_valid(text: &str) -> bool {
    parse_seconds(text).is_some()
}

/// The length of `text` in seconds (negative for a leading `-`), or `None` when the server
/// would refuse it.
pub fn parse_seconds(text: &str) -> Option<f64> {
    if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit()) {
        // A bare integer is milliseconds; it must fit the server's 64-bit tick count.
        let millis: i64 = text.parse().ok()?;
        let seconds = millis as f64 / 1_000.0;
        return (seconds <= MAX_SECONDS).then_some(seconds);
    }
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let rest = rest.strip_prefix('P')?;
    let (date, time) = rest.split_once('T')?;
    let mut total = 0.0;
    total += components(date, &[('Y', YEAR), ('M', MONTH), ('D', DAY)])?;
    total += components(time, &[('H', HOUR), ('M', MINUTE), ('S', 1.0)])?;
    if total > MAX_SECONDS + 1e-3 {
        return None;
    }
    Some(if negative { -total } else { total })
}

/// Sums `text`, a run of `number designator` pairs whose designators must appear in the
/// order of `units`, each at most once.
fn components(mut text: &str, units: &[(char, f64)]) -> Option<f64> {
    let mut total = 0.0;
    let mut next_unit = 0;
    while !text.is_empty() {
        let end = text.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let (number, tail) = text.split_at(end);
        let designator = tail.chars().next()?;
        let offset = units[next_unit..].iter().position(|(unit, _)| *unit == designator)?;
        total += number_value(number)? * units[next_unit + offset].1;
        next_unit += offset + 1;
        text = &tail[designator.len_utf8()..];
    }
    Some(total)
}

/// Reads `digits[.digits]`.
fn number_value(number: &str) -> Option<f64> {
    let (whole, fraction) = match number.split_once('.') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        None => (number, None),
    };
    let digits_only = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits_only(whole) || fraction.is_some_and(|f| !digits_only(f)) {
        return None;
    }
    number.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_forms_the_server_takes() {
        for ok in [
            "PT0S",
            "PT10M",
            "PT0H0M0S",
            "P1DT2H",
            "5000",
            "0",
            "PT1.5S",
            "-PT1H",
            "P1Y2M3DT4H5M6.7S",
            "PT",
            "P10675199DT2H48M5.4775807S",
        ] {
            assert!(is_valid(ok), "{ok} should be accepted");
        }
    }

    #[test]
    fn refuses_what_the_server_refuses() {
        for bad in [
            "P0D",
            "P1D",
            "P1Y",
            "abc",
            "",
            "P",
            "T1H",
            "PT1H1H",
            "PT1S1M",
            "PT1",
            "PTH",
            "PT.5S",
            "PT5.S",
            "PT1W",
            "P1WT",
            "pt1s",
            "+PT1S",
            "-5000",
            "5000ms",
            "99999999999999999999",
            "P10675200DT",
            "PT1e3S",
            "PT1ÅS",
        ] {
            assert!(!is_valid(bad), "{bad} should be refused");
        }
    }

    #[test]
    fn measures_lengths() {
        assert_eq!(parse_seconds("PT1H30M"), Some(5_400.0));
        assert_eq!(parse_seconds("P1DT0.5S"), Some(86_400.5));
        assert_eq!(parse_seconds("1500"), Some(1.5));
        assert_eq!(parse_seconds("-PT2S"), Some(-2.0));
    }
}
