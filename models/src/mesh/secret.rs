//! Mesh secrets and their versioned values. Values are [`SecretString`]s, never shown by
//! `Debug`.
#![allow(deprecated)]

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::ResourceStatus;
use crate::SecretString;

open_enum! {
    /// How a secret's value is kept.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum SecretKind {
        InlinedValue = "inlinedValue",
        KeyVaultVersionedReference = "keyVaultVersionedReference",
    }
}

wire_struct! {
    /// A secret resource (MeshSecret_CreateOrUpdate, MeshSecret_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct SecretResourceDescription {
        /// What the secret is.
        "properties" properties: SecretResourceProperties,
        /// The secret's name.
        "name" name: String,
    }
}

impl SecretResourceDescription {
    /// A secret `name` whose values are given inline, of MIME type `content_type` when
    /// given.
    pub fn inlined(name: impl Into<String>, content_type: Option<String>) -> SecretResourceDescription {
        SecretResourceDescription {
            properties: SecretResourceProperties::InlinedValue(InlinedValueSecretResourceProperties {
                content_type,
                ..InlinedValueSecretResourceProperties::default()
            }),
            name: name.into(),
            unknown_fields: Default::default(),
        }
    }
}

kind_enum! {
    /// What a secret is, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum SecretResourceProperties by "kind" {
        InlinedValue(InlinedValueSecretResourceProperties) = "inlinedValue",
    }
}

wire_struct! {
    /// A secret whose values are given inline and kept encrypted by the cluster.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct InlinedValueSecretResourceProperties {
        /// A description for people.
        "description" description: Option<String>,
        /// Where the resource stands (read only).
        "status" status: Option<ResourceStatus>,
        /// Why, for people (read only).
        "statusDetails" status_details: Option<String>,
        /// The values' MIME type.
        "contentType" content_type: Option<String>,
    }
}

wire_struct! {
    /// One version of a secret's value (MeshSecretValue_AddValue, MeshSecretValue_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct SecretValueResourceDescription {
        /// The version's name.
        "name" name: String,
        /// Its value; the gateway leaves it out when listing.
        "properties" properties: Option<SecretValueProperties>,
    }
}

impl SecretValueResourceDescription {
    /// The version `name` holding `value`.
    pub fn new(name: impl Into<String>, value: impl Into<SecretString>) -> SecretValueResourceDescription {
        SecretValueResourceDescription {
            name: name.into(),
            properties: Some(SecretValueProperties {
                value: Some(value.into()),
                unknown_fields: Default::default(),
            }),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// The value of one version of a secret.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct SecretValueProperties {
        /// The value.
        "value" value: Option<SecretString>,
    }
}

wire_struct! {
    /// A secret's value in clear (MeshSecretValue_Show).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct SecretValue {
        /// The value.
        "value" value: Option<SecretString>,
    }
}
