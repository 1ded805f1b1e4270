//! ISO-8601 durations in the dialect the Service Fabric gateway reads and writes.
//!
//! The gateway only accepts durations that carry a time part (`PT10M`, `P1DT2H`); a bare
//! `P1D` or `P0D` is answered with `400 E_INVALIDARG`. [`format()`] therefore always writes the
//! `PT{h}H{m}M{s}S` form, and [`parse`] holds incoming text to the same grammar so that a value
//! this module accepts is one the gateway accepts too.
//!
//! ```
//! use std::time::Duration;
//! use fabric_rest_runtime::iso8601;
//!
//! assert_eq!(iso8601::format(Duration::from_secs(600)), "PT0H10M0S");
//! assert_eq!(iso8601::parse("P1DT2H").unwrap(), Duration::from_secs(26 * 3600));
//! ```

use std::fmt::{self, Write as _};
use std::time::Duration;

const NANOS_PER_SEC: u128 = 1_000_000_000;
/// Service Fabric keeps durations as .NET ticks of 100 ns, so seven fractional digits are
/// all the server ever writes or honours.
const NANOS_PER_TICK: u32 = 100;
/// Fraction digits beyond this add nothing at nanosecond precision even for a day-sized unit,
/// and capping them keeps the arithmetic inside `u128`.
const MAX_FRACTION_DIGITS: u32 = 18;

/// Why a string is not a duration the gateway would accept.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DurationError {
    /// The input was the empty string.
    #[error("invalid ISO-8601 duration \"\": the string is empty")]
    Empty,
    /// The input starts with `-`; a [`Duration`] cannot be negative.
    #[error("invalid ISO-8601 duration {input:?}: negative durations are not supported")]
    Negative {
        /// The rejected text.
        input: String,
    },
    /// The input uses a non-zero year or month count, which have no fixed length.
    #[error("invalid ISO-8601 duration {input:?}: years and months have no fixed length; use days or hours")]
    CalendarUnit {
        /// The rejected text.
        input: String,
    },
    /// The input lacks the `T` time part that the gateway requires (`P1D` instead of `P1DT0S`).
    #[error("invalid ISO-8601 duration {input:?}: the `T` time part is required (write `PT0S`, not `P0D`)")]
    MissingTime {
        /// The rejected text.
        input: String,
    },
    /// The value is larger than [`Duration::MAX`].
    #[error("invalid ISO-8601 duration {input:?}: the value is too large")]
    Overflow {
        /// The rejected text.
        input: String,
    },
    /// The input does not follow `P[nY][nM][nD]T[nH][nM][nS]`.
    #[error("invalid ISO-8601 duration {input:?}: {reason}")]
    Malformed {
        /// The rejected text.
        input: String,
        /// What is wrong with it.
        reason: &'static str,
    },
}

/// Writes `d` as `PT{h}H{m}M{s}S`, the form every gateway version accepts.
///
/// Days are folded into hours because the gateway rejects a duration without a time part.
/// Seconds get a fraction only when `d` has one: up to seven digits (100 ns ticks, the
/// server's resolution) with trailing zeros removed. Nanoseconds below a whole tick are
/// dropped (rounded down), so `format` never claims more time than `d` holds.
///
/// ```
/// use std::time::Duration;
/// use fabric_rest_runtime::iso8601::format;
///
/// assert_eq!(format(Duration::ZERO), "PT0H0M0S");
/// assert_eq!(format(Duration::from_secs(90_061)), "PT25H1M1S");
/// assert_eq!(format(Duration::from_millis(1_500)), "PT0H0M1.5S");
/// ```
pub fn format(d: Duration) -> String {
    let secs = d.as_secs();
    let mut out = format!("PT{}H{}M{}", secs / 3600, secs % 3600 / 60, secs % 60);
    let ticks = d.subsec_nanos() / NANOS_PER_TICK;
    if ticks > 0 {
        let digits = format!("{ticks:07}");
        // Writing into a String cannot fail.
        let _ = write!(out, ".{}", digits.trim_end_matches('0'));
    }
    out.push('S');
    out
}

/// Reads a duration as the gateway writes or accepts it.
///
/// Accepted: `P[nY][nM][nD]T[nH][nM][nS]` where every number may carry a `.` fraction and at
/// least one component is present; years and months only when zero. Also accepted: a bare
/// integer count of milliseconds, the gateway's fallback form. The server's "infinite",
/// `P10675199DT2H48M5.4775807S`, is an ordinary (very long) finite duration here. Fractions
/// finer than the server's 100 ns ticks are cut, as the server cuts them, so a duration read
/// and written back with [`format()`] reads the same again.
///
/// ```
/// use std::time::Duration;
/// use fabric_rest_runtime::iso8601::parse;
///
/// assert_eq!(parse("PT1.5S").unwrap(), Duration::from_millis(1_500));
/// assert_eq!(parse("2500").unwrap(), Duration::from_millis(2_500));
/// assert!(parse("P1D").is_err());
/// ```
pub fn parse(s: &str) -> Result<Duration, DurationError> {
    if s.is_empty() {
        return Err(DurationError::Empty);
    }
    if s.starts_with('-') {
        return Err(DurationError::Negative { input: s.into() });
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return parse_millis(s);
    }
    let malformed = |reason| DurationError::Malformed {
        input: s.into(),
        reason,
    };
    let Some(body) = s.strip_prefix('P') else {
        return Err(malformed("it must start with `P`"));
    };
    let (date, time) = match body.split_once('T') {
        Some(parts) => parts,
        None => {
            // Tell "valid ISO-8601 the gateway refuses" apart from plain garbage.
            scan(body, DATE_UNITS).map_err(malformed)?;
            return Err(DurationError::MissingTime { input: s.into() });
        }
    };
    let date = scan(date, DATE_UNITS).map_err(malformed)?;
    let time = scan(time, TIME_UNITS).map_err(malformed)?;
    if date.iter().chain(&time).all(Option::is_none) {
        return Err(malformed("it has no components"));
    }
    let mut total: u128 = 0;
    for (value, unit) in date.iter().zip(DATE_UNITS).chain(time.iter().zip(TIME_UNITS)) {
        let Some(value) = value else { continue };
        let Some(unit_nanos) = unit.nanos else {
            if value.is_zero() {
                continue;
            }
            return Err(DurationError::CalendarUnit { input: s.into() });
        };
        total = value
            .nanos(unit_nanos)
            .and_then(|n| total.checked_add(n))
            .ok_or_else(|| DurationError::Overflow { input: s.into() })?;
    }
    let secs = u64::try_from(total / NANOS_PER_SEC).map_err(|_| DurationError::Overflow { input: s.into() })?;
    // The remainder is below one second, so it fits in u32. It is cut to whole 100 ns ticks,
    // as the server reads it, so that `format` writes back exactly what was read.
    let nanos = (total % NANOS_PER_SEC) as u32;
    Ok(Duration::new(secs, nanos - nanos % NANOS_PER_TICK))
}

fn parse_millis(s: &str) -> Result<Duration, DurationError> {
    s.parse::<u64>()
        .map(Duration::from_millis)
        .map_err(|_| DurationError::Overflow { input: s.into() })
}

/// One designator letter and its length; `None` for calendar units of no fixed length.
struct Unit {
    letter: u8,
    nanos: Option<u128>,
}

const DATE_UNITS: &[Unit] = &[
    Unit {
        letter: b'Y',
        nanos: None,
    },
    Unit {
        letter: b'M',
        nanos: None,
    },
    Unit {
        letter: b'D',
        nanos: Some(86_400 * NANOS_PER_SEC),
    },
];

const TIME_UNITS: &[Unit] = &[
    Unit {
        letter: b'H',
        nanos: Some(3_600 * NANOS_PER_SEC),
    },
    Unit {
        letter: b'M',
        nanos: Some(60 * NANOS_PER_SEC),
    },
    Unit {
        letter: b'S',
        nanos: Some(NANOS_PER_SEC),
    },
];

/// A component's number, kept as decimal text so no precision is lost before scaling.
#[derive(Clone, Copy)]
struct Number<'a> {
    whole: &'a str,
    fraction: &'a str,
}

impl Number<'_> {
    fn is_zero(&self) -> bool {
        self.whole.bytes().chain(self.fraction.bytes()).all(|b| b == b'0')
    }

    /// The number times `unit` nanoseconds, truncated to whole nanoseconds.
    fn nanos(&self, unit: u128) -> Option<u128> {
        let whole = self
            .whole
            .bytes()
            .try_fold(0u128, |acc, b| acc.checked_mul(10)?.checked_add(u128::from(b - b'0')))?;
        let digits = &self.fraction[..self.fraction.len().min(MAX_FRACTION_DIGITS as usize)];
        let scale = 10u128.pow(digits.len() as u32);
        let fraction = digits.bytes().fold(0u128, |acc, b| acc * 10 + u128::from(b - b'0'));
        whole.checked_mul(unit)?.checked_add(fraction * unit / scale)
    }
}

/// Splits `text` into numbers tagged by the designators of `units`, which must appear in
/// order and at most once each. Returns one slot per unit.
fn scan<'a>(text: &'a str, units: &[Unit]) -> Result<[Option<Number<'a>>; 3], &'static str> {
    let mut slots = [None; 3];
    let mut next_unit = 0;
    let mut rest = text;
    while !rest.is_empty() {
        let whole_len = rest.bytes().take_while(u8::is_ascii_digit).count();
        if whole_len == 0 {
            return Err("expected a number before each designator");
        }
        let (whole, after) = rest.split_at(whole_len);
        let (fraction, after) = match after.strip_prefix('.') {
            Some(tail) => {
                let len = tail.bytes().take_while(u8::is_ascii_digit).count();
                if len == 0 {
                    return Err("expected digits after the decimal point");
                }
                tail.split_at(len)
            }
            None => ("", after),
        };
        let Some(&letter) = after.as_bytes().first() else {
            return Err("a number is missing its designator letter");
        };
        let Some(offset) = units[next_unit..].iter().position(|u| u.letter == letter) else {
            return Err("unexpected, repeated or out-of-order designator");
        };
        slots[next_unit + offset] = Some(Number { whole, fraction });
        next_unit += offset + 1;
        rest = &after[1..];
    }
    Ok(slots)
}

/// Serde adapter for a [`Duration`] field written as an ISO-8601 string.
///
/// ```
/// # use std::time::Duration;
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Policy {
///     #[serde(with = "fabric_rest_runtime::iso8601::serde_duration")]
///     wait: Duration,
/// }
/// ```
pub mod serde_duration {
    use super::IsoDuration;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::time::Duration;

    /// Writes the duration with [`format`](super::format).
    pub fn serialize<S: Serializer>(d: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        IsoDuration(*d).serialize(serializer)
    }

    /// Reads a string with [`parse`](super::parse).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        IsoDuration::deserialize(deserializer).map(|d| d.0)
    }
}

/// Serde adapter for an optional [`Duration`] written as an ISO-8601 string.
///
/// Pair it with `default` and `skip_serializing_if` so that `None` is left out of the JSON
/// (the gateway then applies its own default) and a missing field reads back as `None`:
///
/// ```
/// # use std::time::Duration;
/// #[derive(serde::Serialize, serde::Deserialize)]
/// struct Policy {
///     #[serde(
///         with = "fabric_rest_runtime::iso8601::serde_option_duration",
///         default,
///         skip_serializing_if = "Option::is_none"
///     )]
///     wait: Option<Duration>,
/// }
/// ```
pub mod serde_option_duration {
    use super::IsoDuration;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use std::time::Duration;

    /// Writes `Some` with [`format`](super::format) and `None` as `null`.
    pub fn serialize<S: Serializer>(d: &Option<Duration>, serializer: S) -> Result<S::Ok, S::Error> {
        d.map(IsoDuration).serialize(serializer)
    }

    /// Reads `null` as `None` and a string with [`parse`](super::parse).
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Duration>, D::Error> {
        Option::<IsoDuration>::deserialize(deserializer).map(|d| d.map(|d| d.0))
    }
}

/// The wire form shared by both serde adapters.
struct IsoDuration(Duration);

impl serde::Serialize for IsoDuration {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&format(self.0))
    }
}

impl<'de> serde::Deserialize<'de> for IsoDuration {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(IsoDurationVisitor)
    }
}

struct IsoDurationVisitor;

impl serde::de::Visitor<'_> for IsoDurationVisitor {
    type Value = IsoDuration;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an ISO-8601 duration string such as \"PT0H10M0S\"")
    }

    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<IsoDuration, E> {
        parse(v).map(IsoDuration).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn secs(s: u64) -> Duration {
        Duration::from_secs(s)
    }

    #[test]
    fn formats_the_time_only_form() {
        let cases = [
            (Duration::ZERO, "PT0H0M0S"),
            (secs(1), "PT0H0M1S"),
            (secs(600), "PT0H10M0S"),
            (secs(3600), "PT1H0M0S"),
            (secs(86_400), "PT24H0M0S"),
            (secs(90_061), "PT25H1M1S"),
            (Duration::from_millis(1_500), "PT0H0M1.5S"),
            (Duration::from_millis(1), "PT0H0M0.001S"),
            (Duration::from_nanos(100), "PT0H0M0.0000001S"),
            (Duration::new(5, 477_580_700), "PT0H0M5.4775807S"),
            (Duration::new(59, 999_999_999), "PT0H0M59.9999999S"),
            (Duration::from_nanos(99), "PT0H0M0S"),
            (Duration::MAX, "PT5124095576030431H0M15.9999999S"),
        ];
        for (d, text) in cases {
            assert_eq!(format(d), text, "{d:?}");
        }
    }

    #[test]
    fn parses_what_the_gateway_writes_and_accepts() {
        let cases = [
            ("PT0S", Duration::ZERO),
            ("PT0H0M0S", Duration::ZERO),
            ("PT10M", secs(600)),
            ("PT1H", secs(3600)),
            ("PT25H1M1S", secs(90_061)),
            ("P1DT2H", secs(93_600)),
            ("P1DT", secs(86_400)),
            ("P0Y0M1DT0S", secs(86_400)),
            ("PT1.5S", Duration::from_millis(1_500)),
            ("PT0.5M", secs(30)),
            ("PT1.25H", secs(4_500)),
            ("P0.5DT0S", secs(43_200)),
            ("PT0.0000001S", Duration::from_nanos(100)),
            // Cut to 100 ns ticks, the server's resolution.
            ("PT0.123456789999S", Duration::from_nanos(123_456_700)),
            ("PT0.1234567891234567891234S", Duration::from_nanos(123_456_700)),
            (
                "P1067758065199DT2H48M5.44775806S",
                Duration::new(92_254_296_833_203_685, 447_758_000),
            ),
            (
                "P10675199DT2H48M5.4775807S",
                Duration::new(922_337_203_685, 477_580_700),
            ),
            ("0", Duration::ZERO),
            ("2500", Duration::from_millis(2_500)),
            ("18446744073709551615", Duration::from_millis(u64::MAX)),
        ];
        for (text, d) in cases {
            assert_eq!(parse(text), Ok(d), "{text}");
        }
    }

    #[test]
    fn parse_undoes_format() {
        let values = [
            Duration::ZERO,
            Duration::from_nanos(100),
            Duration::from_millis(1_500),
            secs(90_061),
            Duration::new(12_345, 678_900_000),
            Duration::new(u64::MAX, 999_999_900),
        ];
        for d in values {
            assert_eq!(parse(&format(d)), Ok(d), "{d:?}");
        }
    }

    #[test]
    fn infinite_round_trips_in_the_time_only_form() {
        let infinite = parse("P10675199DT2H48M5.4775807S").unwrap();
        assert_eq!(format(infinite), "PT256204778H48M5.4775807S");
        assert_eq!(parse("PT256204778H48M5.4775807S"), Ok(infinite));
    }

    const NEGATIVE: &str = "negative durations are not supported";
    const NO_TIME: &str = "the `T` time part is required (write `PT0S`, not `P0D`)";
    const CALENDAR: &str = "years and months have no fixed length; use days or hours";
    const NO_P: &str = "it must start with `P`";
    const ORDER: &str = "unexpected, repeated or out-of-order designator";
    const NO_NUMBER: &str = "expected a number before each designator";
    const TOO_LARGE: &str = "the value is too large";

    #[test]
    fn rejects_with_a_message_quoting_the_input() {
        assert_eq!(
            parse("").unwrap_err().to_string(),
            "invalid ISO-8601 duration \"\": the string is empty"
        );
        let cases = [
            ("-PT1S", NEGATIVE),
            ("-5", NEGATIVE),
            ("P0D", NO_TIME),
            ("P1D", NO_TIME),
            ("P1Y", NO_TIME),
            ("P1YT0S", CALENDAR),
            ("P2MT0S", CALENDAR),
            ("10M", NO_P),
            ("pt1s", NO_P),
            (" PT1S", NO_P),
            ("P", NO_TIME),
            ("PT", "it has no components"),
            ("PTS", NO_NUMBER),
            ("PT1", "a number is missing its designator letter"),
            ("PT1.S", "expected digits after the decimal point"),
            ("PT.5S", NO_NUMBER),
            ("PT1S1M", ORDER),
            ("PT1H1H", ORDER),
            ("PT1D", ORDER),
            ("P1HT0S", ORDER),
            ("PT1ST", NO_NUMBER),
            ("PT1\u{e9}", ORDER),
            ("P1x", ORDER),
            ("PT5124095576030432H", TOO_LARGE),
            ("PT99999999999999999999999999999999999999999S", TOO_LARGE),
            ("18446744073709551616", TOO_LARGE),
        ];
        for (text, reason) in cases {
            let err = parse(text).expect_err(text);
            let expected = format!("invalid ISO-8601 duration {text:?}: {reason}");
            assert_eq!(err.to_string(), expected, "{text}");
        }
    }

    #[test]
    fn rejections_are_typed() {
        assert_eq!(parse(""), Err(DurationError::Empty));
        assert_eq!(parse("-PT1S"), Err(DurationError::Negative { input: "-PT1S".into() }));
        assert_eq!(parse("P1D"), Err(DurationError::MissingTime { input: "P1D".into() }));
        assert_eq!(
            parse("P1MT0S"),
            Err(DurationError::CalendarUnit { input: "P1MT0S".into() })
        );
        assert_eq!(
            parse("PT5124095576030432H"),
            Err(DurationError::Overflow {
                input: "PT5124095576030432H".into()
            })
        );
        assert_eq!(
            parse("X"),
            Err(DurationError::Malformed {
                input: "X".into(),
                reason: "it must start with `P`"
            })
        );
    }

    #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
    struct Fields {
        #[serde(with = "serde_duration")]
        required: Duration,
        #[serde(with = "serde_option_duration", default, skip_serializing_if = "Option::is_none")]
        optional: Option<Duration>,
    }

    #[test]
    fn serde_adapters_write_and_read_strings() {
        let both = Fields {
            required: secs(600),
            optional: Some(Duration::from_millis(1_500)),
        };
        let text = serde_json::to_string(&both).unwrap();
        assert_eq!(text, r#"{"required":"PT0H10M0S","optional":"PT0H0M1.5S"}"#);
        assert_eq!(serde_json::from_str::<Fields>(&text).unwrap(), both);

        let only = Fields {
            required: Duration::ZERO,
            optional: None,
        };
        assert_eq!(serde_json::to_string(&only).unwrap(), r#"{"required":"PT0H0M0S"}"#);
        assert_eq!(serde_json::from_str::<Fields>(r#"{"required":"PT0S"}"#).unwrap(), only);
        assert_eq!(
            serde_json::from_str::<Fields>(r#"{"required":"PT0S","optional":null}"#).unwrap(),
            only
        );
    }

    #[test]
    fn serde_adapters_report_bad_input() {
        let err = serde_json::from_str::<Fields>(r#"{"required":"P1D"}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid ISO-8601 duration \"P1D\": the `T` time part is required (write `PT0S`, not `P0D`) at line 1 column 17"
        );
        let err = serde_json::from_str::<Fields>(r#"{"required":"PT0S","optional":600}"#).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `600`, expected an ISO-8601 duration string such as \"PT0H10M0S\" at line 1 column 33"
        );
    }
}
