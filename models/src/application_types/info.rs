//! Application types as the cluster lists them, and the filters and manifests that go with
//! them.

use fabric_rest_runtime::{open_enum, wire_struct};

use crate::common::{ApplicationParameter, ArmMetadata, KeyValueList, Timestamp};

open_enum! {
    /// Where an application type is in its provisioning.
    pub enum ApplicationTypeStatus {
        Invalid = "Invalid",
        /// Being provisioned.
        Provisioning = "Provisioning",
        /// Provisioned: applications of it can be created.
        Available = "Available",
        /// Being unprovisioned.
        Unprovisioning = "Unprovisioning",
        /// Provisioning failed; `StatusDetails` says why.
        Failed = "Failed",
    }
}

open_enum! {
    /// How an application type was defined.
    pub enum ApplicationTypeDefinitionKind {
        Invalid = "Invalid",
        /// By an application package a user provisioned.
        ServiceFabricApplicationPackage = "ServiceFabricApplicationPackage",
        /// Implicitly, by a compose deployment.
        Compose = "Compose",
    }
}

flag_filter! {
    /// Which application types GetApplicationTypeInfoList returns, by how they were defined:
    /// a set of flags sent as one integer.
    pub struct ApplicationTypeDefinitionKindFilter {
        /// `0`: the gateway's default, every kind.
        DEFAULT = 0,
        /// `1`: types provisioned from an application package.
        SERVICE_FABRIC_APPLICATION_PACKAGE = 1,
        /// `2`: types of compose deployments.
        COMPOSE = 2,
        /// `65535`: every kind.
        ALL = 65535,
    }
}

wire_struct! {
    /// An application type in one version (GetApplicationTypeInfoList).
    pub struct ApplicationTypeInfo {
        /// The type's name, from its application manifest.
        "Name" name: Option<String>,
        /// The version.
        "Version" version: Option<String>,
        /// The parameters applications may override, with their default values; read from
        /// the spec's array or a JSON object.
        "DefaultParameterList" default_parameter_list: Option<Vec<ApplicationParameter>> as KeyValueList,
        /// Where it is in its provisioning.
        "Status" status: Option<ApplicationTypeStatus>,
        /// More about the status, such as why provisioning failed.
        "StatusDetails" status_details: Option<String>,
        /// How the type was defined.
        "ApplicationTypeDefinitionKind" application_type_definition_kind: Option<ApplicationTypeDefinitionKind>,
        /// What the cluster records about the type.
        "ApplicationTypeMetadata" application_type_metadata: Option<ApplicationTypeMetadata>,
        /// The parameters that are managed Key Vault references, with the identity that
        /// reads each.
        "ManagedKeyVaultReferenceParameterList"
            managed_key_vault_reference_parameter_list: Option<Vec<ManagedKeyVaultReferenceParameter>>,
    }
}

wire_struct! {
    /// What the cluster records about an application type.
    pub struct ApplicationTypeMetadata {
        /// When it was provisioned.
        "ApplicationTypeProvisionTimestamp" application_type_provision_timestamp: Option<Timestamp>,
        /// Its Azure Resource Manager metadata.
        "ArmMetadata" arm_metadata: Option<ArmMetadata>,
    }
}

wire_struct! {
    /// An application parameter that is a managed Key Vault reference, and the
    /// application's managed identity that reads the vault.
    pub struct ManagedKeyVaultReferenceParameter {
        /// The parameter's name.
        "ParameterName" parameter_name: Option<String>,
        /// The managed identity used to read the vault.
        "ApplicationIdentityReference" application_identity_reference: Option<String>,
    }
}

wire_struct! {
    /// An application type's manifest (GetApplicationManifest).
    pub struct ApplicationTypeManifest {
        /// The manifest's XML.
        "Manifest" manifest: Option<String>,
    }
}
