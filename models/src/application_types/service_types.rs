//! The service types an application type declares in its service manifests, and the
//! manifests themselves.

use fabric_rest_runtime::{kind_enum, wire_struct};

use crate::common::{KeyValueEntry, KeyValueList, ServiceLoadMetricDescription, ServicePlacementPolicyDescription};

wire_struct! {
    /// A service type of a provisioned application type (GetServiceTypeInfoList).
    pub struct ServiceTypeInfo {
        /// The type as its service manifest describes it.
        "ServiceTypeDescription" service_type_description: Option<ServiceTypeDescription>,
        /// The service manifest that declares it.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// That manifest's version.
        "ServiceManifestVersion" service_manifest_version: Option<String>,
        /// Whether it is a service group.
        "IsServiceGroup" is_service_group: Option<bool>,
    }
}

kind_enum! {
    /// A service type as its service manifest describes it, by `Kind`.
    pub enum ServiceTypeDescription by "Kind" {
        /// A stateful service type.
        Stateful(StatefulServiceTypeDescription) = "Stateful",
        /// A stateless service type.
        Stateless(StatelessServiceTypeDescription) = "Stateless",
    }
}

/// Declares a service type description: the fields both kinds have, then the kind's own.
macro_rules! service_type_description {
    ($(#[$meta:meta])* $name:ident { $($(#[$fm:meta])* $wire:literal $field:ident: Option<$ty:ty>,)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Whether the type is stateful.
                "IsStateful" is_stateful: Option<bool>,
                /// The type's name.
                "ServiceTypeName" service_type_name: Option<String>,
                /// The placement constraint its services get.
                "PlacementConstraints" placement_constraints: Option<String>,
                /// The metrics its services balance on.
                "LoadMetrics" load_metrics: Option<Vec<ServiceLoadMetricDescription>>,
                /// The placement policies its services get.
                "ServicePlacementPolicies" service_placement_policies: Option<Vec<ServicePlacementPolicyDescription>>,
                /// The manifest's extensions, by name; read from the spec's array or a JSON
                /// object.
                "Extensions" extensions: Option<Vec<ServiceTypeExtensionDescription>> as KeyValueList,
                $($(#[$fm])* $wire $field: Option<$ty>,)*
            }
        }
    };
}

service_type_description! {
    /// A stateful service type.
    StatefulServiceTypeDescription {
        /// Whether its replicas keep their state on disk.
        "HasPersistedState" has_persisted_state: Option<bool>,
    }
}

service_type_description! {
    /// A stateless service type.
    StatelessServiceTypeDescription {
        /// Whether Service Fabric hosts it itself rather than a user's code package (guest
        /// executables and containers).
        "UseImplicitHost" use_implicit_host: Option<bool>,
    }
}

wire_struct! {
    /// One extension of a service type in its manifest.
    pub struct ServiceTypeExtensionDescription {
        /// The extension's name.
        "Key" key: Option<String>,
        /// Its value.
        "Value" value: Option<String>,
    }
}

impl KeyValueEntry for ServiceTypeExtensionDescription {
    type Value = String;

    fn from_pair(key: String, value: String) -> Self {
        ServiceTypeExtensionDescription {
            key: Some(key),
            value: Some(value),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// A service manifest (GetServiceManifest).
    pub struct ServiceTypeManifest {
        /// The manifest's XML.
        "Manifest" manifest: Option<String>,
    }
}
