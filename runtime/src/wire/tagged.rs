//! What the code [`kind_enum!`](crate::kind_enum) writes calls: an object whose shape a
//! discriminator field (`Kind`, `ServiceKind`) names, read without buffering when the
//! discriminator comes first and with only the fields before it buffered when it does not.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IntoDeserializer, MapAccess};
use serde::ser::{SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::object::{Key, WireObject};

/// What [`kind_enum!`](crate::kind_enum) implements.
#[doc(hidden)]
pub trait KindEnum: Sized {
    /// The discriminator's wire name.
    const TAG: &'static str;

    /// Whether `kind` names one of the variants.
    fn is_known(kind: &str) -> bool;

    /// Reads the variant `kind` names from the rest of the object; `kind` is known.
    fn read_variant<'de, A: MapAccess<'de>>(kind: &str, map: A) -> Result<Self, A::Error>;

    /// Keeps an object of a kind no variant names, discriminator and all.
    fn unknown(object: Value) -> Self;
}

/// Writes a known variant: the discriminator first, where the gateway's own writers put it,
/// then the variant's fields.
#[doc(hidden)]
pub fn serialize_variant<T: WireObject, S: Serializer>(
    serializer: S,
    tag: &'static str,
    kind: &'static str,
    variant: &T,
) -> Result<S::Ok, S::Error> {
    let mut map = serializer.serialize_map(None)?;
    map.serialize_entry(tag, kind)?;
    variant.write_fields(&mut map)?;
    map.end()
}

/// Reads a [`KindEnum`] from one JSON object.
#[doc(hidden)]
pub fn deserialize_kind_enum<'de, T: KindEnum, D: Deserializer<'de>>(deserializer: D) -> Result<T, D::Error> {
    deserializer.deserialize_map(KindVisitor(PhantomData))
}

struct KindVisitor<T>(PhantomData<fn() -> T>);

impl<'de, T: KindEnum> de::Visitor<'de> for KindVisitor<T> {
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with a {:?} field", T::TAG)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
        let mut before = Vec::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if key.as_str() != T::TAG {
                before.push((key.into_owned(), map.next_value::<Value>()?));
                continue;
            }
            let tag = map.next_value::<Value>()?;
            if let Some(kind) = tag.as_str().filter(|kind| T::is_known(kind)) {
                return T::read_variant(kind, Buffered::new(before, map));
            }
            let mut object: Map<String, Value> = before.into_iter().collect();
            object.insert(T::TAG.to_owned(), tag);
            while let Some((key, value)) = map.next_entry::<String, Value>()? {
                object.insert(key, value);
            }
            return Ok(T::unknown(Value::Object(object)));
        }
        // No discriminator at all: an unknown kind, kept as it came.
        Ok(T::unknown(Value::Object(before.into_iter().collect())))
    }
}

/// The entries read before the discriminator, then the rest of the object.
struct Buffered<A> {
    before: std::vec::IntoIter<(String, Value)>,
    value: Option<Value>,
    rest: A,
}

impl<A> Buffered<A> {
    fn new(before: Vec<(String, Value)>, rest: A) -> Self {
        Buffered {
            before: before.into_iter(),
            value: None,
            rest,
        }
    }
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for Buffered<A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, A::Error> {
        match self.before.next() {
            Some((key, value)) => {
                self.value = Some(value);
                seed.deserialize(key.into_deserializer()).map(Some)
            }
            None => self.rest.next_key_seed(seed),
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        match self.value.take() {
            Some(value) => seed.deserialize(value).map_err(de::Error::custom),
            None => self.rest.next_value_seed(seed),
        }
    }
}
