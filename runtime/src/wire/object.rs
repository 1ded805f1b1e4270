//! What the code [`wire_struct!`](crate::wire_struct) writes calls: the object's fields
//! written into and read from a JSON object map, one field at a time.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, MapAccess};
use serde::ser::{SerializeMap, Serializer};

use super::codec::{Codec, Encoded, NullOr};

/// A JSON object whose fields can be written into, and read from, a map that holds other
/// entries as well: [`kind_enum!`](crate::kind_enum) writes the discriminator first and then
/// the variant's fields, and reads the variant's fields after the discriminator.
///
/// [`wire_struct!`](crate::wire_struct) implements it; its `Serialize` and `Deserialize` are
/// [`serialize_object`] and [`deserialize_object`].
pub trait WireObject: Sized {
    /// The type's name, for error messages.
    const NAME: &'static str;

    /// Writes every field: the known ones in declaration order, then the unknown ones.
    fn write_fields<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error>;

    /// Reads the fields from the rest of `map`, keeping the ones the type does not model.
    fn read_fields<'de, A: MapAccess<'de>>(map: A) -> Result<Self, A::Error>;
}

/// Writes `object` as one JSON object.
pub fn serialize_object<T: WireObject, S: Serializer>(object: &T, serializer: S) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    object.write_fields(&mut map)?;
    map.end()
}

/// Reads a `T` from one JSON object.
pub fn deserialize_object<'de, T: WireObject, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(ObjectVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: WireObject> de::Visitor<'de> for ObjectVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {} object", T::NAME)
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::read_fields(map)
    }
}

/// An object key, borrowed from the input where it can be.
#[doc(hidden)]
pub enum Key<'de> {
    /// Borrowed from the input.
    Borrowed(&'de str),
    /// Unescaped or read from a stream.
    Owned(String),
}

impl Key<'_> {
    /// The key's text.
    pub fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(text) => text,
            Key::Owned(text) => text,
        }
    }

    /// The key as an owned string.
    pub fn into_owned(self) -> String {
        match self {
            Key::Borrowed(text) => text.to_owned(),
            Key::Owned(text) => text,
        }
    }
}

impl<'de> de::Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_str(KeyVisitor)
    }
}

struct KeyVisitor;

impl<'de> de::Visitor<'de> for KeyVisitor {
    type Value = Key<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, text: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(text))
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(text.to_owned()))
    }

    fn visit_string<E: de::Error>(self, text: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(text))
    }
}

/// Whether a field must be present, and what it holds when it is not: the three kinds of
/// field of a [`wire_struct!`](crate::wire_struct).
#[doc(hidden)]
pub trait Presence<F> {
    /// The value the field's codec reads and writes.
    type Value;

    /// The field from what was read, `None` when it was absent or `null`.
    fn finish<E: de::Error>(read: Option<Self::Value>, wire: &'static str) -> Result<F, E>;

    /// The value to write, `None` to leave the field out.
    fn present(field: &F) -> Option<&Self::Value>;
}

/// An `Option<T>` field: absent or `null` is `None`, and `None` is left out.
#[doc(hidden)]
pub struct Optional;

impl<T> Presence<Option<T>> for Optional {
    type Value = T;

    fn finish<E: de::Error>(read: Option<T>, _: &'static str) -> Result<Option<T>, E> {
        Ok(read)
    }

    fn present(field: &Option<T>) -> Option<&T> {
        field.as_ref()
    }
}

/// A required field: absent or `null` is an error naming the wire field; always written.
#[doc(hidden)]
pub struct Required;

impl<T> Presence<T> for Required {
    type Value = T;

    fn finish<E: de::Error>(read: Option<T>, wire: &'static str) -> Result<T, E> {
        read.ok_or_else(|| E::missing_field(wire))
    }

    fn present(field: &T) -> Option<&T> {
        Some(field)
    }
}

/// A `= default` field: absent or `null` is the type's default; always written.
#[doc(hidden)]
pub struct OrDefault;

impl<T: Default> Presence<T> for OrDefault {
    type Value = T;

    fn finish<E: de::Error>(read: Option<T>, _: &'static str) -> Result<T, E> {
        Ok(read.unwrap_or_default())
    }

    fn present(field: &T) -> Option<&T> {
        Some(field)
    }
}

/// Writes one field through its codec, or nothing when it is left out.
#[doc(hidden)]
pub fn write_field<C: Codec<P::Value>, P: Presence<F>, F, M: SerializeMap>(
    map: &mut M,
    wire: &'static str,
    field: &F,
) -> Result<(), M::Error> {
    match P::present(field) {
        Some(value) => map.serialize_entry(wire, &Encoded::<C, P::Value>::new(value)),
        None => Ok(()),
    }
}

/// Reads the value of the key just read into its slot; a second value for the same field is
/// an error, as it is for derived structs.
#[doc(hidden)]
pub fn read_field<'de, C: Codec<T>, T, A: MapAccess<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    wire: &'static str,
) -> Result<(), A::Error> {
    let value = map.next_value_seed(NullOr::<C, T>::new())?;
    if slot.is_some() {
        return Err(de::Error::duplicate_field(wire));
    }
    *slot = value;
    Ok(())
}

/// The field from its slot.
#[doc(hidden)]
pub fn finish_field<P: Presence<F>, F, E: de::Error>(read: Option<P::Value>, wire: &'static str) -> Result<F, E> {
    P::finish(read, wire)
}
