//! [`Int64`]: a 64-bit integer that arrives as a JSON number or as a string holding one.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use serde::de::{self, Unexpected};
use serde::{Deserializer, Serialize, Serializer};

/// A 64-bit integer the gateway writes as a string (`"InstanceId": "131"`) or as a number
/// (`"InstanceId": 131`), remembered with its form so that it is written back the way it
/// came.
///
/// The spec types ids and counters such as `InstanceId`, `NodeUpTimeInSeconds`, replica ids,
/// sequence numbers and byte counts as strings holding an `int64`, and gateways write them
/// either way. The value is read exactly, never through `f64`, so ids above 2^53 survive.
/// A value made here ([`Int64::new`], `From<i64>`) is written as the spec writes it, a
/// string; [`Int64::number`] makes one written as a JSON number.
///
/// Comparison and hashing look at the value only: `"131"` equals `131`.
///
/// ```
/// use fabric_rest_runtime::wire::Int64;
///
/// let quoted: Int64 = serde_json::from_str(r#""133117243825817602""#)?;
/// let number: Int64 = serde_json::from_str("133117243825817602")?;
/// assert_eq!(quoted.get(), 133_117_243_825_817_602);
/// assert_eq!(quoted, number);
/// assert_eq!(serde_json::to_string(&quoted)?, r#""133117243825817602""#);
/// assert_eq!(serde_json::to_string(&number)?, "133117243825817602");
/// assert_eq!(serde_json::to_string(&Int64::new(7))?, r#""7""#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy)]
pub struct Int64 {
    value: i64,
    quoted: bool,
}

impl Int64 {
    /// `value`, written as a string as the spec writes these fields.
    pub const fn new(value: i64) -> Int64 {
        Int64 { value, quoted: true }
    }

    /// `value`, written as a JSON number.
    pub const fn number(value: i64) -> Int64 {
        Int64 { value, quoted: false }
    }

    /// The value.
    pub const fn get(self) -> i64 {
        self.value
    }

    /// Whether it is written as a string.
    pub const fn is_quoted(self) -> bool {
        self.quoted
    }
}

impl Default for Int64 {
    /// Zero, written as a string.
    fn default() -> Int64 {
        Int64::new(0)
    }
}

impl From<i64> for Int64 {
    fn from(value: i64) -> Int64 {
        Int64::new(value)
    }
}

impl From<Int64> for i64 {
    fn from(value: Int64) -> i64 {
        value.value
    }
}

impl PartialEq for Int64 {
    fn eq(&self, other: &Int64) -> bool {
        self.value == other.value
    }
}

impl Eq for Int64 {}

impl PartialEq<i64> for Int64 {
    fn eq(&self, other: &i64) -> bool {
        self.value == *other
    }
}

impl PartialOrd for Int64 {
    fn partial_cmp(&self, other: &Int64) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Int64 {
    fn cmp(&self, other: &Int64) -> Ordering {
        self.value.cmp(&other.value)
    }
}

impl Hash for Int64 {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.value.hash(state);
    }
}

/// `"131"` or `131`, as it is written.
impl fmt::Debug for Int64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.quoted {
            write!(f, "\"{}\"", self.value)
        } else {
            write!(f, "{}", self.value)
        }
    }
}

/// The digits, without quotes.
impl fmt::Display for Int64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.value, f)
    }
}

/// Reads decimal digits (as `i64::from_str` does) into a value written as a string.
impl FromStr for Int64 {
    type Err = std::num::ParseIntError;

    fn from_str(text: &str) -> Result<Int64, Self::Err> {
        text.parse().map(Int64::new)
    }
}

impl Serialize for Int64 {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if self.quoted {
            serializer.collect_str(&self.value)
        } else {
            serializer.serialize_i64(self.value)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Int64 {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Int64, D::Error> {
        deserializer.deserialize_any(Int64Visitor)
    }
}

struct Int64Visitor;

impl de::Visitor<'_> for Int64Visitor {
    type Value = Int64;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a 64-bit integer, as a number or a string")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Int64, E> {
        Ok(Int64::number(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Int64, E> {
        i64::try_from(value)
            .map(Int64::number)
            .map_err(|_| E::invalid_value(Unexpected::Unsigned(value), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Int64, E> {
        text.parse().map_err(|_| E::invalid_value(Unexpected::Str(text), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_forms_are_read_and_written_back() {
        for (json, value, quoted) in [
            (r#""131""#, 131, true),
            ("131", 131, false),
            (r#""-5""#, -5, true),
            ("-5", -5, false),
            ("9223372036854775807", i64::MAX, false),
            (r#""-9223372036854775808""#, i64::MIN, true),
            // Above 2^53, where an f64 would round to 9007199254740992.
            ("9007199254740993", 9_007_199_254_740_993, false),
            (r#""9007199254740993""#, 9_007_199_254_740_993, true),
        ] {
            let read: Int64 = serde_json::from_str(json).unwrap();
            assert_eq!(read.get(), value, "{json}");
            assert_eq!(read.is_quoted(), quoted, "{json}");
            assert_eq!(serde_json::to_string(&read).unwrap(), json);
            let through_value: Int64 = serde_json::from_value(serde_json::from_str(json).unwrap()).unwrap();
            assert_eq!(serde_json::to_string(&through_value).unwrap(), json);
        }
    }

    #[test]
    fn what_is_not_a_64_bit_integer_is_refused() {
        for (json, message) in [
            (
                "1.5",
                "invalid type: floating point `1.5`, expected a 64-bit integer, as a number or a string at line 1 column 3",
            ),
            (
                "9223372036854775808",
                "invalid value: integer `9223372036854775808`, expected a 64-bit integer, as a number or a string at line 1 column 19",
            ),
            (
                r#""12a""#,
                "invalid value: string \"12a\", expected a 64-bit integer, as a number or a string at line 1 column 5",
            ),
            (
                r#""""#,
                "invalid value: string \"\", expected a 64-bit integer, as a number or a string at line 1 column 2",
            ),
            (
                "true",
                "invalid type: boolean `true`, expected a 64-bit integer, as a number or a string at line 1 column 4",
            ),
        ] {
            let err = serde_json::from_str::<Int64>(json).unwrap_err();
            assert_eq!(err.to_string(), message, "{json}");
        }
    }

    #[test]
    fn new_values_are_written_as_the_spec_writes_them() {
        assert_eq!(serde_json::to_string(&Int64::new(0)).unwrap(), r#""0""#);
        assert_eq!(serde_json::to_string(&Int64::from(-1)).unwrap(), r#""-1""#);
        assert_eq!(serde_json::to_string(&Int64::default()).unwrap(), r#""0""#);
        assert_eq!(serde_json::to_string(&Int64::number(42)).unwrap(), "42");
        assert_eq!("77".parse::<Int64>().unwrap(), Int64::new(77));
        assert!("seven".parse::<Int64>().is_err());
    }

    #[test]
    fn comparison_looks_at_the_value_only() {
        assert_eq!(Int64::new(3), Int64::number(3));
        assert_eq!(Int64::new(3), 3);
        assert!(Int64::number(2) < Int64::new(3));
        assert_eq!(
            format!("{:?} {:?} {}", Int64::new(3), Int64::number(3), Int64::new(3)),
            r#""3" 3 3"#
        );
        assert_eq!(i64::from(Int64::number(-9)), -9);
    }
}
