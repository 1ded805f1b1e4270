//! [`Decimal`]: a decimal number that arrives as a JSON number or as a string holding one.

use std::fmt;

use serde::de::{self, Unexpected};
use serde::{Deserializer, Serialize, Serializer};
use serde_json::Number;

/// A decimal number the gateway writes as a JSON number (`"CurrentClusterLoad": 6.0`) or as a
/// string (`"ClusterCapacity": "-1"`), kept in the form it came in: a number is written
/// back as a number, a string as the same string.
///
/// The spec types loads, capacities and deviations as strings holding a `double`; gateways
/// write most of them as numbers. A string keeps its text exactly; a number keeps what
/// serde_json read, exact for integers and the nearest `f64` for fractions. A value made
/// here ([`Decimal::from_f64`], [`Decimal::new`]) is written as a string, as the spec writes
/// these fields.
///
/// Two decimals are equal when their text is, whichever form they came in: `"6"` equals
/// `6`, but `"6.0"` does not equal `6`.
///
/// ```
/// use fabric_rest_runtime::wire::Decimal;
///
/// let number: Decimal = serde_json::from_str("0.333333")?;
/// let text: Decimal = serde_json::from_str(r#""-1""#)?;
/// assert_eq!(number.to_f64(), Some(0.333333));
/// assert_eq!(text.to_f64(), Some(-1.0));
/// assert_eq!(serde_json::to_string(&number)?, "0.333333");
/// assert_eq!(serde_json::to_string(&text)?, r#""-1""#);
/// assert_eq!(Decimal::from_f64(2.5).unwrap().to_string(), "2.5");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug)]
pub struct Decimal(Form);

#[derive(Clone, Debug)]
enum Form {
    Number(Number),
    Text(Box<str>),
}

impl Decimal {
    /// `text` as it is, written as a string. Nothing checks that it is a number:
    /// [`to_f64`](Self::to_f64) is `None` for one that is not.
    pub fn new(text: impl Into<String>) -> Decimal {
        Decimal(Form::Text(text.into().into_boxed_str()))
    }

    /// `value` in its shortest exact text, written as a string; `None` for infinities and
    /// NaN, which JSON cannot carry.
    pub fn from_f64(value: f64) -> Option<Decimal> {
        value.is_finite().then(|| Decimal::new(value.to_string()))
    }

    /// The value as an `f64`, `None` for a string that is not a decimal number.
    pub fn to_f64(&self) -> Option<f64> {
        match &self.0 {
            Form::Number(number) => number.as_f64(),
            Form::Text(text) => text.trim().parse().ok().filter(|value: &f64| value.is_finite()),
        }
    }

    /// Whether it is written as a string.
    pub fn is_quoted(&self) -> bool {
        matches!(self.0, Form::Text(_))
    }

    /// The JSON number, when it came as one.
    pub fn as_number(&self) -> Option<&Number> {
        match &self.0 {
            Form::Number(number) => Some(number),
            Form::Text(_) => None,
        }
    }
}

impl PartialEq for Decimal {
    fn eq(&self, other: &Decimal) -> bool {
        match (&self.0, &other.0) {
            (Form::Number(a), Form::Number(b)) => a == b,
            (Form::Text(a), Form::Text(b)) => a == b,
            (Form::Number(number), Form::Text(text)) | (Form::Text(text), Form::Number(number)) => {
                number.to_string() == **text
            }
        }
    }
}

impl Eq for Decimal {}

/// The number's JSON text, or the string's text without quotes.
impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.0 {
            Form::Number(number) => fmt::Display::fmt(number, f),
            Form::Text(text) => f.write_str(text),
        }
    }
}

impl Serialize for Decimal {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            Form::Number(number) => number.serialize(serializer),
            Form::Text(text) => serializer.serialize_str(text),
        }
    }
}

impl<'de> serde::Deserialize<'de> for Decimal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Decimal, D::Error> {
        deserializer.deserialize_any(DecimalVisitor)
    }
}

struct DecimalVisitor;

impl de::Visitor<'_> for DecimalVisitor {
    type Value = Decimal;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a decimal number, as a number or a string")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Decimal, E> {
        Ok(Decimal(Form::Number(value.into())))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Decimal, E> {
        Ok(Decimal(Form::Number(value.into())))
    }

    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Decimal, E> {
        Number::from_f64(value)
            .map(|number| Decimal(Form::Number(number)))
            .ok_or_else(|| E::invalid_value(Unexpected::Float(value), &self))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Decimal, E> {
        Ok(Decimal::new(text))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Decimal, E> {
        Ok(Decimal::new(text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_stay_numbers_and_strings_stay_strings() {
        for json in [
            "0.333333",
            "6.0",
            "6",
            "-1",
            "1.7976931348623157e+308",
            "18446744073709551615",
            r#""0.333333""#,
            r#""6.0""#,
            r#""-1""#,
            r#""1.7976931348623157E+308""#,
            r#""not a number""#,
            r#""""#,
        ] {
            let read: Decimal = serde_json::from_str(json).unwrap();
            assert_eq!(read.is_quoted(), json.starts_with('"'), "{json}");
            assert_eq!(serde_json::to_string(&read).unwrap(), json, "{json}");
        }
    }

    #[test]
    fn values() {
        let read = |json: &str| serde_json::from_str::<Decimal>(json).unwrap();
        assert_eq!(read("0.333333").to_f64(), Some(0.333333));
        assert_eq!(read(r#""1.5""#).to_f64(), Some(1.5));
        assert_eq!(read(r#""-1""#).to_f64(), Some(-1.0));
        assert_eq!(read(r#""abc""#).to_f64(), None);
        assert_eq!(read(r#""inf""#).to_f64(), None);
        assert_eq!(
            read("18446744073709551615").as_number().and_then(Number::as_u64),
            Some(u64::MAX)
        );
        assert_eq!(read(r#""6""#).as_number(), None);
        assert_eq!(read("6"), read(r#""6""#));
        assert_ne!(read("6"), read(r#""6.0""#));
        assert_eq!(read("6.0"), read(r#""6.0""#));
        assert_eq!(read("2.50").to_string(), "2.5");
        assert_eq!(Decimal::from_f64(f64::NAN), None);
        assert_eq!(
            serde_json::to_string(&Decimal::from_f64(0.1).unwrap()).unwrap(),
            r#""0.1""#
        );
        let err = serde_json::from_str::<Decimal>("[1]").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: sequence, expected a decimal number, as a number or a string at line 1 column 1"
        );
    }
}
