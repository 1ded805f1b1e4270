//! What applications and application types share: application parameters, and the Azure
//! Resource Manager metadata the cluster keeps for applications, application types and
//! services.

use fabric_rest_runtime::wire_struct;

use super::KeyValueEntry;

wire_struct! {
    /// One application parameter: a name from the application manifest and its value.
    ///
    /// Lists of parameters are fields declared `as KeyValueList`: read from the spec's
    /// array or from a JSON object of name and value, written as the array, in order.
    pub struct ApplicationParameter {
        /// The parameter's name.
        "Key" key: String,
        /// Its value.
        "Value" value: String,
    }
}

impl ApplicationParameter {
    /// `key` set to `value`.
    pub fn new(key: impl Into<String>, value: impl Into<String>) -> ApplicationParameter {
        ApplicationParameter {
            key: key.into(),
            value: value.into(),
            unknown_fields: Default::default(),
        }
    }
}

impl ApplicationParameter {
    /// Sets `key` to `value` in `list`: replaces the value of the entry of that name, or
    /// appends an entry.
    pub fn set_in(list: &mut Vec<ApplicationParameter>, key: impl Into<String>, value: impl Into<String>) {
        let (key, value) = (key.into(), value.into());
        match list.iter_mut().find(|entry| entry.key == key) {
            Some(entry) => entry.value = value,
            None => list.push(ApplicationParameter::new(key, value)),
        }
    }
}

impl KeyValueEntry for ApplicationParameter {
    type Value = String;

    fn from_pair(key: String, value: String) -> ApplicationParameter {
        ApplicationParameter::new(key, value)
    }
}

wire_struct! {
    /// The Azure Resource Manager metadata of an application, application type or service
    /// (the body of the `UpdateArmMetadata` operations).
    pub struct ArmMetadata {
        /// The ARM resource id.
        "ArmResourceId" arm_resource_id: Option<String>,
    }
}

impl ArmMetadata {
    /// Metadata naming the ARM resource `arm_resource_id`.
    pub fn new(arm_resource_id: impl Into<String>) -> ArmMetadata {
        ArmMetadata {
            arm_resource_id: Some(arm_resource_id.into()),
            unknown_fields: Default::default(),
        }
    }
}
