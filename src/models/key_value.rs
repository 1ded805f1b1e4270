//! Serde adapter for the gateway's maps, which travel as arrays of `{"Key": .., "Value": ..}`.
//!
//! Keys are unique: an array that repeats a key is rejected rather than silently keeping one
//! of the entries, since either choice would apply a policy the sender may not have meant.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct EntryRef<'a, V> {
    key: &'a str,
    value: &'a V,
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct Entry<V> {
    key: String,
    value: V,
}

/// Writes the map as a Key/Value array, in key order.
pub(crate) fn serialize<V, S>(map: &BTreeMap<String, V>, serializer: S) -> Result<S::Ok, S::Error>
where
    V: Serialize,
    S: Serializer,
{
    let mut seq = serializer.serialize_seq(Some(map.len()))?;
    for (key, value) in map {
        seq.serialize_element(&EntryRef { key, value })?;
    }
    seq.end()
}

/// Reads a Key/Value array (or `null`, as an empty map), rejecting repeated keys.
pub(crate) fn deserialize<'de, V, D>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error>
where
    V: Deserialize<'de>,
    D: Deserializer<'de>,
{
    deserializer.deserialize_option(OptionalEntries(PhantomData))
}

struct OptionalEntries<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for OptionalEntries<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of {\"Key\": ..., \"Value\": ...} objects")
    }

    fn visit_none<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(BTreeMap::new())
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
        Ok(BTreeMap::new())
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_seq(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(Entry { key, value }) = seq.next_element::<Entry<V>>()? {
            if map.contains_key(&key) {
                return Err(serde::de::Error::custom(format_args!(
                    "duplicate key {key:?} in Key/Value map"
                )));
            }
            map.insert(key, value);
        }
        Ok(map)
    }
}
