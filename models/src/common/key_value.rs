//! [`KeyValueList`], the codec of the gateway's maps, which travel as arrays of
//! `{"Key": .., "Value": ..}`.
//!
//! Keys are unique: an array that repeats a key is rejected rather than silently keeping one
//! of the entries, since either choice would apply a policy the sender may not have meant.

use std::collections::BTreeMap;
use std::fmt;
use std::marker::PhantomData;

use fabric_rest_runtime::wire::Codec;
use serde::de::{DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::ser::{SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

/// A map by name written as the gateway writes its maps, an array of
/// `{"Key": name, "Value": value}` in key order; a field declared
/// `"Map" map: BTreeMap<String, V> as KeyValueList` in a `wire_struct!`.
///
/// Reading rejects an array that repeats a key.
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
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyValueList;

impl<V: Serialize + DeserializeOwned> Codec<BTreeMap<String, V>> for KeyValueList {
    fn write<S: Serializer>(map: &BTreeMap<String, V>, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(map.len()))?;
        for (key, value) in map {
            seq.serialize_element(&EntryRef { key, value })?;
        }
        seq.end()
    }

    fn read<'de, D: Deserializer<'de>>(deserializer: D) -> Result<BTreeMap<String, V>, D::Error> {
        deserializer.deserialize_seq(Entries(PhantomData))
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

struct Entries<V>(PhantomData<V>);

impl<'de, V: Deserialize<'de>> Visitor<'de> for Entries<V> {
    type Value = BTreeMap<String, V>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of {\"Key\": ..., \"Value\": ...} objects")
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
