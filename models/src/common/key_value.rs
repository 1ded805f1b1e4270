//! [`KeyValueList`], the codec of the gateway's maps, which the spec writes as arrays of
//! `{"Key": .., "Value": ..}` and some gateways send as JSON objects.
//!
//! Reading takes both forms; writing always gives the array form, the one the spec defines
//! and every gateway version reads.
//!
//! Keys of a `BTreeMap` are unique: an array that repeats a key is rejected rather than
//! silently keeping one of the entries, since either choice would apply a policy the sender
//! may not have meant. A list of entries (`Vec` of [`KeyValueEntry`]) keeps every entry in
//! the order it came, each with the fields of its own it may carry.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use fabric_rest_runtime::wire::Codec;
use serde::de::{DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// A map by name written as the gateway writes its maps, an array of
/// `{"Key": name, "Value": value}`; a field declared
/// `"Map" map: BTreeMap<String, V> as KeyValueList` (entries in key order) or
/// `"Map" map: Vec<Entry> as KeyValueList` (entries in the order they came, `Entry` a
/// [`KeyValueEntry`]) in a `wire_struct!`.
///
/// Reading accepts the array and also a JSON object (`{"name": value}`), the form some
/// gateways send; writing always gives the array. Reading into a map rejects an array that
/// repeats a key.
///
/// ```
/// use std::collections::BTreeMap;
/// use fabric_rest_models::KeyValueList;
///
/// fabric_rest_runtime::wire_struct! {
///     /// Limits by name.
///     pub struct Limits {
///         /// The limits.
///         "Limits" limits: Option<BTreeMap<String, u32>> as KeyValueList,
///     }
/// }
///
/// let limits: Limits = serde_json::from_str(r#"{"Limits":[{"Key":"b","Value":2},{"Key":"a","Value":1}]}"#)?;
/// assert_eq!(limits.limits.as_ref().unwrap()["a"], 1);
/// assert_eq!(
///     serde_json::to_string(&limits)?,
///     r#"{"Limits":[{"Key":"a","Value":1},{"Key":"b","Value":2}]}"#
/// );
///
/// // The object form reads the same, and is written back as the array.
/// let limits: Limits = serde_json::from_str(r#"{"Limits":{"b":2,"a":1}}"#)?;
/// assert_eq!(
///     serde_json::to_string(&limits)?,
///     r#"{"Limits":[{"Key":"a","Value":1},{"Key":"b","Value":2}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyValueList;

/// One `{"Key": .., "Value": ..}` entry of a list that [`KeyValueList`] reads and writes as
/// a `Vec`, keeping order and each entry's own unknown fields.
///
/// Its `Serialize` and `Deserialize` are those of the array's element;
/// [`from_pair`](Self::from_pair) makes one from an entry of the object form.
pub trait KeyValueEntry: Serialize + DeserializeOwned {
    /// The type of the entry's `Value`.
    type Value: DeserializeOwned;

    /// The entry for `key` and `value`, read from the object form.
    fn from_pair(key: String, value: Self::Value) -> Self;
}

impl<V: Serialize + DeserializeOwned> Codec<BTreeMap<String, V>> for KeyValueList {
    fn write<S: Serializer>(map: &BTreeMap<String, V>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(map.len()))?;
        for (key, value) in map {
            seq.serialize_element(&EntryRef { key, value })?;
        }
        seq.end()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error> {
        deserializer.deserialize_any(MapEntries(PhantomData))
    }
}

impl<E: KeyValueEntry> Codec<Vec<E>> for KeyValueList {
    fn write<S: Serializer>(entries: &Vec<E>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(entries.len()))?;
        for entry in entries {
            seq.serialize_element(entry)?;
        }
        seq.end()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<E>, D::Error> {
        deserializer.deserialize_any(ListEntries(PhantomData))
    }
}

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

const EXPECTING: &str = "an array of {\"Key\": ..., \"Value\": ...} objects, or an object";

fn insert_unique<V, E: serde::de::Error>(map: &mut BTreeMap<String, V>, key: String, value: V) -> Result<(), E> {
    if map.contains_key(&key) {
        return Err(E::custom(format_args!("duplicate key {key:?} in Key/Value map")));
    }
    map.insert(key, value);
    Ok(())
}

struct MapEntries<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for MapEntries<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some(Entry { key, value }) = seq.next_element::<Entry<V>>()? {
            insert_unique(&mut map, key, value)?;
        }
        Ok(map)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<Self::Value, A::Error> {
        let mut map = BTreeMap::new();
        while let Some((key, value)) = object.next_entry::<String, V>()? {
            insert_unique(&mut map, key, value)?;
        }
        Ok(map)
    }
}

struct ListEntries<E>(PhantomData<E>);

impl<'de, E: KeyValueEntry> Visitor<'de> for ListEntries<E> {
    type Value = Vec<E>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(EXPECTING)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<E>, A::Error> {
        let mut entries = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(4096));
        while let Some(entry) = seq.next_element::<E>()? {
            entries.push(entry);
        }
        Ok(entries)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut object: A) -> Result<Vec<E>, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = object.next_entry::<String, E::Value>()? {
            entries.push(E::from_pair(key, value));
        }
        Ok(entries)
    }
}
