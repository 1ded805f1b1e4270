//! What the gateway says about names and properties: a property with its metadata, and
//! the pages of sub-names and properties under a name.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{Paged, wire_struct};

use super::{PropertyValue, PropertyValueKind};
use crate::common::Timestamp;

wire_struct! {
    /// A property under a name, with its metadata and, when asked for, its value
    /// (GetPropertyInfo, GetPropertyInfoList).
    pub struct PropertyInfo {
        /// The property's name.
        "Name" name: String,
        /// Its value; lists leave it out unless asked to include values.
        "Value" value: Option<PropertyValue>,
        /// What the naming service records about it.
        "Metadata" metadata: PropertyMetadata,
    }
}

wire_struct! {
    /// What the naming service records about a property.
    pub struct PropertyMetadata {
        /// The type of its value.
        "TypeId" type_id: Option<PropertyValueKind>,
        /// The caller's own type, if one was given.
        "CustomTypeId" custom_type_id: Option<String>,
        /// The name it is under (`fabric:/samples/apps`).
        "Parent" parent: Option<String>,
        /// The size of its value.
        "SizeInBytes" size_in_bytes: Option<i64>,
        /// When it last changed.
        "LastModifiedUtcTimestamp" last_modified_utc_timestamp: Option<Timestamp>,
        /// Its version: every write increases it; a batch can check it
        /// ([`PropertyBatchOperation::check_sequence`](super::PropertyBatchOperation::check_sequence)).
        "SequenceNumber" sequence_number: Option<Int64>,
    }
}

wire_struct! {
    /// One page of the names under a name (GetSubNameInfoList).
    pub struct PagedSubNameInfoList {
        /// Where the next page starts; absent or empty on the last page.
        "ContinuationToken" continuation_token: Option<String>,
        /// Whether the names did not change while the pages were read.
        "IsConsistent" is_consistent: Option<bool>,
        /// The names (`fabric:/samples/apps`).
        "SubNames" sub_names: Option<Vec<String>>,
    }
}

impl From<PagedSubNameInfoList> for Paged<String> {
    fn from(page: PagedSubNameInfoList) -> Paged<String> {
        Paged::new(page.sub_names.unwrap_or_default(), page.continuation_token)
    }
}

wire_struct! {
    /// One page of the properties under a name (GetPropertyInfoList).
    pub struct PagedPropertyInfoList {
        /// Where the next page starts; absent or empty on the last page.
        "ContinuationToken" continuation_token: Option<String>,
        /// Whether the properties did not change while the pages were read.
        "IsConsistent" is_consistent: Option<bool>,
        /// The properties.
        "Properties" properties: Option<Vec<PropertyInfo>>,
    }
}

impl From<PagedPropertyInfoList> for Paged<PropertyInfo> {
    fn from(page: PagedPropertyInfoList) -> Paged<PropertyInfo> {
        Paged::new(page.properties.unwrap_or_default(), page.continuation_token)
    }
}
