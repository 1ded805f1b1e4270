//! Property batches: operations on the properties of one name committed all together or not
//! at all (SubmitPropertyBatch), and what the batch answers.

use std::collections::BTreeMap;

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::{PropertyInfo, PropertyValue};

open_enum! {
    /// The kind of one operation of a property batch: the `Kind` of a
    /// [`PropertyBatchOperation`].
    pub enum PropertyBatchOperationKind {
        Invalid = "Invalid",
        Put = "Put",
        Get = "Get",
        CheckExists = "CheckExists",
        CheckSequence = "CheckSequence",
        Delete = "Delete",
        CheckValue = "CheckValue",
    }
}

open_enum! {
    /// How a property batch ended: the `Kind` of a [`PropertyBatchInfo`].
    pub enum PropertyBatchInfoKind {
        Invalid = "Invalid",
        Successful = "Successful",
        Failed = "Failed",
    }
}

wire_struct! {
    /// The operations of one property batch (SubmitPropertyBatch), run in order; either all
    /// are committed or none is.
    ///
    /// ```
    /// use fabric_rest_models::{PropertyBatchDescriptionList, PropertyBatchOperation, PropertyValue};
    ///
    /// let batch = PropertyBatchDescriptionList::new([
    ///     PropertyBatchOperation::check_sequence("AppData", 12),
    ///     PropertyBatchOperation::put("AppData", PropertyValue::binary([1, 2, 3])),
    /// ]);
    /// assert_eq!(
    ///     serde_json::to_string(&batch)?,
    ///     concat!(
    ///         r#"{"Operations":[{"Kind":"CheckSequence","PropertyName":"AppData","SequenceNumber":"12"},"#,
    ///         r#"{"Kind":"Put","PropertyName":"AppData","Value":{"Kind":"Binary","Data":[1,2,3]}}]}"#,
    ///     )
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct PropertyBatchDescriptionList {
        /// The operations, in the order they run.
        "Operations" operations: Option<Vec<PropertyBatchOperation>>,
    }
}

impl PropertyBatchDescriptionList {
    /// A batch of `operations`, run in the order given.
    pub fn new(operations: impl IntoIterator<Item = PropertyBatchOperation>) -> PropertyBatchDescriptionList {
        PropertyBatchDescriptionList {
            operations: Some(operations.into_iter().collect()),
            unknown_fields: Default::default(),
        }
    }

    /// Adds `operation` after the others.
    pub fn with(mut self, operation: PropertyBatchOperation) -> PropertyBatchDescriptionList {
        self.operations.get_or_insert_with(Vec::new).push(operation);
        self
    }
}

kind_enum! {
    /// One operation of a property batch, by `Kind`. The checks make the batch fail, and
    /// commit nothing, when the property is not as expected.
    pub enum PropertyBatchOperation by "Kind" {
        CheckExists(CheckExistsPropertyBatchOperation) = "CheckExists",
        CheckSequence(CheckSequencePropertyBatchOperation) = "CheckSequence",
        CheckValue(CheckValuePropertyBatchOperation) = "CheckValue",
        Delete(DeletePropertyBatchOperation) = "Delete",
        Get(GetPropertyBatchOperation) = "Get",
        Put(PutPropertyBatchOperation) = "Put",
    }
}

impl PropertyBatchOperation {
    /// Fails the batch unless the property exists (`exists` true) or does not (false).
    pub fn check_exists(property_name: impl Into<String>, exists: bool) -> PropertyBatchOperation {
        PropertyBatchOperation::CheckExists(CheckExistsPropertyBatchOperation {
            property_name: property_name.into(),
            exists,
            unknown_fields: Default::default(),
        })
    }

    /// Fails the batch unless the property's sequence number is `sequence_number`, the one
    /// its metadata showed when it was read: the batch then changes only what was read.
    pub fn check_sequence(property_name: impl Into<String>, sequence_number: i64) -> PropertyBatchOperation {
        PropertyBatchOperation::CheckSequence(CheckSequencePropertyBatchOperation {
            property_name: property_name.into(),
            sequence_number: Int64::new(sequence_number),
            unknown_fields: Default::default(),
        })
    }

    /// Fails the batch unless the property holds `value`.
    pub fn check_value(property_name: impl Into<String>, value: PropertyValue) -> PropertyBatchOperation {
        PropertyBatchOperation::CheckValue(CheckValuePropertyBatchOperation {
            property_name: property_name.into(),
            value,
            unknown_fields: Default::default(),
        })
    }

    /// Deletes the property.
    pub fn delete(property_name: impl Into<String>) -> PropertyBatchOperation {
        PropertyBatchOperation::Delete(DeletePropertyBatchOperation {
            property_name: property_name.into(),
            unknown_fields: Default::default(),
        })
    }

    /// Reads the property, with its value when `include_value`; the answer lists it under
    /// the operation's index.
    pub fn get(property_name: impl Into<String>, include_value: bool) -> PropertyBatchOperation {
        PropertyBatchOperation::Get(GetPropertyBatchOperation {
            property_name: property_name.into(),
            include_value: Some(include_value),
            unknown_fields: Default::default(),
        })
    }

    /// Creates or replaces the property with `value`.
    pub fn put(property_name: impl Into<String>, value: PropertyValue) -> PropertyBatchOperation {
        PropertyBatchOperation::Put(PutPropertyBatchOperation {
            property_name: property_name.into(),
            value,
            custom_type_id: None,
            unknown_fields: Default::default(),
        })
    }

    /// As [`put`](Self::put), recording a type of the caller's own with the value.
    pub fn put_with_custom_type(
        property_name: impl Into<String>,
        value: PropertyValue,
        custom_type_id: impl Into<String>,
    ) -> PropertyBatchOperation {
        PropertyBatchOperation::Put(PutPropertyBatchOperation {
            property_name: property_name.into(),
            value,
            custom_type_id: Some(custom_type_id.into()),
            unknown_fields: Default::default(),
        })
    }
}

wire_struct! {
    /// Checks whether a property exists.
    pub struct CheckExistsPropertyBatchOperation {
        /// The property's name.
        "PropertyName" property_name: String,
        /// Whether it must exist (true) or must not (false).
        "Exists" exists: bool,
    }
}

wire_struct! {
    /// Checks a property's sequence number.
    pub struct CheckSequencePropertyBatchOperation {
        /// The property's name.
        "PropertyName" property_name: String,
        /// The sequence number it must have, written as a string.
        "SequenceNumber" sequence_number: Int64,
    }
}

wire_struct! {
    /// Checks a property's value.
    pub struct CheckValuePropertyBatchOperation {
        /// The property's name.
        "PropertyName" property_name: String,
        /// The value it must hold.
        "Value" value: PropertyValue,
    }
}

wire_struct! {
    /// Deletes a property.
    pub struct DeletePropertyBatchOperation {
        /// The property's name.
        "PropertyName" property_name: String,
    }
}

wire_struct! {
    /// Reads a property.
    pub struct GetPropertyBatchOperation {
        /// The property's name.
        "PropertyName" property_name: String,
        /// Whether to read its value as well as its metadata; the gateway's default is
        /// true.
        "IncludeValue" include_value: Option<bool>,
    }
}

wire_struct! {
    /// Creates or replaces a property.
    pub struct PutPropertyBatchOperation {
        /// The property's name.
        "PropertyName" property_name: String,
        /// Its new value.
        "Value" value: PropertyValue,
        /// A type of the caller's own, recorded with the value.
        "CustomTypeId" custom_type_id: Option<String>,
    }
}

kind_enum! {
    /// What a property batch answers, by `Kind`: `Successful` with 200 OK, `Failed` with
    /// 409 Conflict (nothing was committed).
    pub enum PropertyBatchInfo by "Kind" {
        Successful(SuccessfulPropertyBatchInfo) = "Successful",
        Failed(FailedPropertyBatchInfo) = "Failed",
    }
}

wire_struct! {
    /// A batch that was committed.
    pub struct SuccessfulPropertyBatchInfo {
        /// The properties its `Get` operations read, by the operation's index in the batch
        /// (`"3"`).
        "Properties" properties: Option<BTreeMap<String, PropertyInfo>>,
    }
}

wire_struct! {
    /// A batch that failed; nothing of it was committed.
    pub struct FailedPropertyBatchInfo {
        /// Why, often a code (`FABRIC_E_PROPERTY_CHECK_FAILED`).
        "ErrorMessage" error_message: Option<String>,
        /// The index in the batch of the operation that failed.
        "OperationIndex" operation_index: Option<i64>,
    }
}
