//! [`UnknownFields`]: the fields of a JSON object that its Rust type does not model.

use std::ops::{Deref, DerefMut};

use serde::de::MapAccess;
use serde::ser::SerializeMap;
use serde_json::{Map, Value};

/// The fields of an object that its type does not model, kept as JSON so that the object
/// written back holds every field that arrived.
///
/// Clusters run newer versions than any spec, and a read-modify-write call (read a policy,
/// change one field, send it back) must not drop what the library does not know. Every
/// [`wire_struct!`](crate::wire_struct) has a public `unknown_fields` of this type, written
/// after the known fields.
///
/// It derefs to a [`serde_json::Map`] to read, add or remove fields. Their order is the
/// map's: sorted by name, or as they came with serde_json's `preserve_order` feature.
///
/// ```
/// use fabric_rest_runtime::wire::UnknownFields;
///
/// let mut unknown = UnknownFields::new();
/// unknown.insert("IsNodeByNode".into(), true.into());
/// assert_eq!(unknown.get("IsNodeByNode"), Some(&serde_json::Value::Bool(true)));
/// assert_eq!(unknown.len(), 1);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UnknownFields(Map<String, Value>);

impl UnknownFields {
    /// No fields.
    pub fn new() -> UnknownFields {
        UnknownFields(Map::new())
    }

    /// The fields as a map.
    pub fn into_map(self) -> Map<String, Value> {
        self.0
    }

    /// Reads the value of the key just read.
    #[doc(hidden)]
    pub fn read_entry<'de, A: MapAccess<'de>>(&mut self, key: String, map: &mut A) -> Result<(), A::Error> {
        let value = map.next_value::<Value>()?;
        self.0.insert(key, value);
        Ok(())
    }

    /// Writes every field into `map`.
    #[doc(hidden)]
    pub fn write_entries<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        self.0
            .iter()
            .try_for_each(|(key, value)| map.serialize_entry(key, value))
    }
}

impl From<Map<String, Value>> for UnknownFields {
    fn from(map: Map<String, Value>) -> UnknownFields {
        UnknownFields(map)
    }
}

impl Deref for UnknownFields {
    type Target = Map<String, Value>;

    fn deref(&self) -> &Map<String, Value> {
        &self.0
    }
}

impl DerefMut for UnknownFields {
    fn deref_mut(&mut self) -> &mut Map<String, Value> {
        &mut self.0
    }
}
