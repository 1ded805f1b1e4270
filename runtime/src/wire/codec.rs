//! [`Codec`]: how one field of a wire struct is written and read, when its Rust type is not
//! its wire form.

use std::marker::PhantomData;
use std::time::Duration;

use serde::de::{DeserializeOwned, DeserializeSeed, Deserializer};
use serde::{Serialize, Serializer};

/// How a field's value goes to and comes from the wire, for a field declared
/// `"Wire" name: Type as SomeCodec` in [`wire_struct!`](crate::wire_struct).
///
/// The codec sees only present, non-`null` values: whether a field may be absent is the
/// struct's business (an `Option` field, or `= default`).
///
/// ```
/// use serde::{Deserialize, Deserializer, Serializer};
/// use fabric_rest_runtime::wire::Codec;
///
/// /// A flag the gateway writes as `"True"` or `"False"`.
/// pub struct TrueFalse;
///
/// impl Codec<bool> for TrueFalse {
///     fn write<S: Serializer>(value: &bool, serializer: S) -> Result<S::Ok, S::Error> {
///         serializer.serialize_str(if *value { "True" } else { "False" })
///     }
///     fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<bool, D::Error> {
///         let text = String::deserialize(deserializer)?;
///         Ok(text.eq_ignore_ascii_case("true"))
///     }
/// }
///
/// fabric_rest_runtime::wire_struct! {
///     /// A dump request.
///     pub struct Dump {
///         /// Whether to dump.
///         "CreateFabricDump" create_fabric_dump: Option<bool> as TrueFalse,
///     }
/// }
///
/// let dump: Dump = serde_json::from_str(r#"{"CreateFabricDump":"True"}"#)?;
/// assert_eq!(dump.create_fabric_dump, Some(true));
/// assert_eq!(serde_json::to_string(&dump)?, r#"{"CreateFabricDump":"True"}"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait Codec<T> {
    /// Writes `value`.
    fn write<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error>;

    /// Reads a value.
    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error>;
}

/// The codec of a field whose type is its own wire form: its `Serialize` and `Deserialize`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Plain;

impl<T: Serialize + DeserializeOwned> Codec<T> for Plain {
    fn write<S: Serializer>(value: &T, serializer: S) -> Result<S::Ok, S::Error> {
        value.serialize(serializer)
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
        T::deserialize(deserializer)
    }
}

/// A [`Duration`] written as an ISO-8601 duration, `PT{h}H{m}M{s}S`
/// ([`iso8601::format`](crate::iso8601::format)), and read in every form
/// [`iso8601::parse`](crate::iso8601::parse) accepts.
#[derive(Clone, Copy, Debug, Default)]
pub struct Iso8601;

impl Codec<Duration> for Iso8601 {
    fn write<S: Serializer>(value: &Duration, serializer: S) -> Result<S::Ok, S::Error> {
        crate::iso8601::serde_duration::serialize(value, serializer)
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Duration, D::Error> {
        crate::iso8601::serde_duration::deserialize(deserializer)
    }
}

/// A value written through its codec.
pub(crate) struct Encoded<'a, C, T> {
    value: &'a T,
    codec: PhantomData<fn() -> C>,
}

impl<'a, C, T> Encoded<'a, C, T> {
    pub(crate) fn new(value: &'a T) -> Self {
        Encoded {
            value,
            codec: PhantomData,
        }
    }
}

impl<C: Codec<T>, T> Serialize for Encoded<'_, C, T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        C::write(self.value, serializer)
    }
}

/// Reads a value through its codec, `null` as `None`: a `null` field counts as absent.
pub(crate) struct NullOr<C, T>(PhantomData<fn() -> (C, T)>);

impl<C, T> NullOr<C, T> {
    pub(crate) fn new() -> Self {
        NullOr(PhantomData)
    }
}

impl<'de, C: Codec<T>, T> DeserializeSeed<'de> for NullOr<C, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        deserializer.deserialize_option(self)
    }
}

impl<'de, C: Codec<T>, T> serde::de::Visitor<'de> for NullOr<C, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a value or null")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        C::read(deserializer).map(Some)
    }
}
