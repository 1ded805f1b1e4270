//! [`Percent`], a whole percentage that cannot exceed 100.
//!
//! Health policies are full of "maximum percent unhealthy" thresholds. The gateway refuses
//! values above 100, so this type makes them impossible to build in the first place.

use std::fmt;

/// A whole percentage from 0 to 100, written on the wire as a JSON integer.
///
/// ```
/// use fabric_rest_runtime::Percent;
///
/// let ten = Percent::of::<10>();
/// assert_eq!(ten.get(), 10);
/// assert_eq!(ten.to_string(), "10%");
/// assert!(Percent::new(101).is_err());
/// ```
///
/// A constant above 100 does not compile:
///
/// ```compile_fail
/// let _ = fabric_rest_runtime::Percent::of::<101>();
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Percent(u8);

/// A value outside `0..=100` was offered as a [`Percent`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("percentage {value} is out of range 0..=100")]
pub struct PercentError {
    value: i128,
}

impl PercentError {
    /// The rejected value.
    pub const fn value(&self) -> i128 {
        self.value
    }
}

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(0);
    /// 100 %.
    pub const HUNDRED: Percent = Percent(100);

    /// Checks `value` at run time.
    pub const fn new(value: u8) -> Result<Percent, PercentError> {
        if value <= 100 {
            Ok(Percent(value))
        } else {
            Err(PercentError { value: value as i128 })
        }
    }

    /// Checks `N` at compile time: `Percent::of::<101>()` is a build error.
    pub const fn of<const N: u8>() -> Percent {
        const { assert!(N <= 100, "a Percent must be between 0 and 100") };
        Percent(N)
    }

    /// The percentage as a number from 0 to 100.
    pub const fn get(self) -> u8 {
        self.0
    }
}

impl From<Percent> for u8 {
    fn from(p: Percent) -> u8 {
        p.0
    }
}

/// Implements `TryFrom<$t>` by widening to `i128`, which holds every value of these types.
macro_rules! try_from_integer {
    ($($t:ty),*) => {$(
        impl TryFrom<$t> for Percent {
            type Error = PercentError;

            fn try_from(value: $t) -> Result<Percent, PercentError> {
                let wide = value as i128;
                match u8::try_from(value) {
                    Ok(byte) if byte <= 100 => Ok(Percent(byte)),
                    _ => Err(PercentError { value: wide }),
                }
            }
        }
    )*};
}

try_from_integer!(u8, u16, u32, u64, i8, i16, i32, i64);

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

impl serde::Serialize for Percent {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u8(self.0)
    }
}

impl<'de> serde::Deserialize<'de> for Percent {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_u8(PercentVisitor)
    }
}

struct PercentVisitor;

impl serde::de::Visitor<'_> for PercentVisitor {
    type Value = Percent;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an integer percentage from 0 to 100")
    }

    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Percent, E> {
        Percent::try_from(v).map_err(E::custom)
    }

    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Percent, E> {
        Percent::try_from(v).map_err(E::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_zero_to_hundred_only() {
        assert_eq!(Percent::new(0), Ok(Percent::ZERO));
        assert_eq!(Percent::new(100), Ok(Percent::HUNDRED));
        assert_eq!(Percent::new(101).unwrap_err().value(), 101);
        assert_eq!(
            Percent::new(255).unwrap_err().to_string(),
            "percentage 255 is out of range 0..=100"
        );
        assert_eq!(Percent::of::<42>().get(), 42);
        assert_eq!(Percent::default(), Percent::ZERO);
    }

    #[test]
    fn converts_from_wider_integers() {
        assert_eq!(Percent::try_from(100u32), Ok(Percent::HUNDRED));
        assert_eq!(Percent::try_from(7i64), Ok(Percent::of::<7>()));
        assert_eq!(Percent::try_from(256u32).unwrap_err().value(), 256);
        assert_eq!(Percent::try_from(-1i64).unwrap_err().value(), -1);
        assert_eq!(
            Percent::try_from(u64::MAX).unwrap_err().to_string(),
            "percentage 18446744073709551615 is out of range 0..=100"
        );
        assert_eq!(
            Percent::try_from(i64::MIN).unwrap_err().to_string(),
            "percentage -9223372036854775808 is out of range 0..=100"
        );
        assert_eq!(u8::from(Percent::of::<9>()), 9);
    }

    #[test]
    fn displays_with_a_percent_sign() {
        assert_eq!(Percent::of::<10>().to_string(), "10%");
        assert_eq!(Percent::ZERO.to_string(), "0%");
    }

    #[test]
    fn orders_by_value() {
        assert!(Percent::ZERO < Percent::of::<1>());
        assert!(Percent::HUNDRED > Percent::of::<99>());
    }

    #[test]
    fn serializes_as_a_json_integer() {
        assert_eq!(serde_json::to_string(&Percent::of::<10>()).unwrap(), "10");
        assert_eq!(serde_json::from_str::<Percent>("100").unwrap(), Percent::HUNDRED);
        assert_eq!(serde_json::from_str::<Percent>("0").unwrap(), Percent::ZERO);
    }

    #[test]
    fn deserialize_rejects_out_of_range_and_non_integers() {
        let message = |json: &str| serde_json::from_str::<Percent>(json).unwrap_err().to_string();
        assert_eq!(
            message("101"),
            "percentage 101 is out of range 0..=100 at line 1 column 3"
        );
        assert_eq!(
            message("-1"),
            "percentage -1 is out of range 0..=100 at line 1 column 2"
        );
        assert_eq!(
            message("10.5"),
            "invalid type: floating point `10.5`, expected an integer percentage from 0 to 100 at line 1 column 4"
        );
        assert_eq!(
            message("\"10\""),
            "invalid type: string \"10\", expected an integer percentage from 0 to 100 at line 1 column 4"
        );
        assert_eq!(
            message("null"),
            "invalid type: null, expected an integer percentage from 0 to 100 at line 1 column 4"
        );
    }
}
