//! Names and property values: what CreateName and PutProperty send, and the values
//! properties hold, polymorphic by `Kind`.

use fabric_rest_runtime::wire::{Decimal, Int64};
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

open_enum! {
    /// The type of a property's value: the `Kind` of a [`PropertyValue`], and the `TypeId`
    /// of a property's metadata.
    pub enum PropertyValueKind {
        Invalid = "Invalid",
        Binary = "Binary",
        Int64 = "Int64",
        Double = "Double",
        String = "String",
        Guid = "Guid",
    }
}

wire_struct! {
    /// A Service Fabric name to create (CreateName).
    ///
    /// ```
    /// use fabric_rest_models::NameDescription;
    ///
    /// let name = NameDescription::new("fabric:/samples/apps");
    /// assert_eq!(serde_json::to_string(&name)?, r#"{"Name":"fabric:/samples/apps"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct NameDescription {
        /// The name, a URI with the `fabric:` scheme (`fabric:/samples/apps`).
        "Name" name: String,
    }
}

impl NameDescription {
    /// The name `name`, such as `fabric:/samples/apps`.
    pub fn new(name: impl Into<String>) -> NameDescription {
        NameDescription {
            name: name.into(),
            unknown_fields: Default::default(),
        }
    }
}

kind_enum! {
    /// The value of a property, by `Kind`.
    ///
    /// ```
    /// use fabric_rest_models::PropertyValue;
    ///
    /// let value = PropertyValue::int64(4534);
    /// assert_eq!(serde_json::to_string(&value)?, r#"{"Kind":"Int64","Data":"4534"}"#);
    /// let value = PropertyValue::double(67.89).unwrap();
    /// assert_eq!(serde_json::to_string(&value)?, r#"{"Kind":"Double","Data":67.89}"#);
    /// assert!(PropertyValue::double(f64::NAN).is_none());
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum PropertyValue by "Kind" {
        Binary(BinaryPropertyValue) = "Binary",
        Int64(Int64PropertyValue) = "Int64",
        Double(DoublePropertyValue) = "Double",
        String(StringPropertyValue) = "String",
        Guid(GuidPropertyValue) = "Guid",
    }
}

impl PropertyValue {
    /// Bytes.
    pub fn binary(data: impl Into<Vec<u8>>) -> PropertyValue {
        PropertyValue::Binary(BinaryPropertyValue {
            data: data.into(),
            unknown_fields: Default::default(),
        })
    }

    /// A 64-bit integer, written as the gateway writes it, a string (`"4534"`).
    pub fn int64(data: i64) -> PropertyValue {
        PropertyValue::Int64(Int64PropertyValue {
            data: Int64::new(data),
            unknown_fields: Default::default(),
        })
    }

    /// A double, written as a JSON number; `None` for infinities and NaN, which JSON cannot
    /// carry.
    pub fn double(data: f64) -> Option<PropertyValue> {
        let number = serde_json::Number::from_f64(data)?;
        let data: Decimal = serde_json::from_value(serde_json::Value::Number(number)).ok()?;
        Some(PropertyValue::Double(DoublePropertyValue {
            data,
            unknown_fields: Default::default(),
        }))
    }

    /// Text.
    pub fn string(data: impl Into<String>) -> PropertyValue {
        PropertyValue::String(StringPropertyValue {
            data: data.into(),
            unknown_fields: Default::default(),
        })
    }

    /// A GUID, as text (`"e3b5a4a0-53a8-4c8d-9c16-6ad4d0e1a9a2"`).
    pub fn guid(data: impl Into<String>) -> PropertyValue {
        PropertyValue::Guid(GuidPropertyValue {
            data: data.into(),
            unknown_fields: Default::default(),
        })
    }
}

wire_struct! {
    /// A property value of bytes.
    pub struct BinaryPropertyValue {
        /// The bytes, written as an array of numbers.
        "Data" data: Vec<u8>,
    }
}

wire_struct! {
    /// A property value of a 64-bit integer.
    pub struct Int64PropertyValue {
        /// The integer; the gateway writes it as a string.
        "Data" data: Int64,
    }
}

wire_struct! {
    /// A property value of a double.
    pub struct DoublePropertyValue {
        /// The number, in the form it came in.
        "Data" data: Decimal,
    }
}

wire_struct! {
    /// A property value of text.
    pub struct StringPropertyValue {
        /// The text.
        "Data" data: String,
    }
}

wire_struct! {
    /// A property value of a GUID.
    pub struct GuidPropertyValue {
        /// The GUID, as text.
        "Data" data: String,
    }
}

wire_struct! {
    /// A property to create or replace under a name (PutProperty).
    ///
    /// ```
    /// use fabric_rest_models::{PropertyDescription, PropertyValue};
    ///
    /// let property = PropertyDescription::new("AppData", PropertyValue::string("1+2=3"))
    ///     .with_custom_type_id("EquationType");
    /// assert_eq!(
    ///     serde_json::to_string(&property)?,
    ///     r#"{"PropertyName":"AppData","CustomTypeId":"EquationType","Value":{"Kind":"String","Data":"1+2=3"}}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct PropertyDescription {
        /// The property's name.
        "PropertyName" property_name: String,
        /// A type of the caller's own, recorded with the value.
        "CustomTypeId" custom_type_id: Option<String>,
        /// The value.
        "Value" value: PropertyValue,
    }
}

impl PropertyDescription {
    /// The property `property_name` holding `value`.
    pub fn new(property_name: impl Into<String>, value: PropertyValue) -> PropertyDescription {
        PropertyDescription {
            property_name: property_name.into(),
            custom_type_id: None,
            value,
            unknown_fields: Default::default(),
        }
    }

    /// Records a type of the caller's own with the value.
    pub fn with_custom_type_id(mut self, custom_type_id: impl Into<String>) -> PropertyDescription {
        self.custom_type_id = Some(custom_type_id.into());
        self
    }
}
