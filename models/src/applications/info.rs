//! Applications as the cluster lists them, their load, and their managed identities.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{open_enum, wire_struct};

use crate::common::{ApplicationParameter, ArmMetadata, HealthState, KeyValueList};

open_enum! {
    /// Where an application is in its life.
    pub enum ApplicationStatus {
        Invalid = "Invalid",
        /// Created and running.
        Ready = "Ready",
        /// Upgrading.
        Upgrading = "Upgrading",
        /// Being created.
        Creating = "Creating",
        /// Being deleted.
        Deleting = "Deleting",
        /// Creation or deletion stopped after persistent failures; another create or
        /// delete resumes it.
        Failed = "Failed",
    }
}

open_enum! {
    /// How an application was defined.
    pub enum ApplicationDefinitionKind {
        Invalid = "Invalid",
        /// By an application description (CreateApplication).
        ServiceFabricApplicationDescription = "ServiceFabricApplicationDescription",
        /// By compose files.
        Compose = "Compose",
    }
}

flag_filter! {
    /// Which applications GetApplicationInfoList returns, by how they were defined: a set of
    /// flags sent as one integer.
    pub struct ApplicationDefinitionKindFilter {
        /// `0`: the gateway's default, every kind.
        DEFAULT = 0,
        /// `1`: applications created from an application description.
        SERVICE_FABRIC_APPLICATION_DESCRIPTION = 1,
        /// `2`: compose deployments.
        COMPOSE = 2,
        /// `65535`: every kind.
        ALL = 65535,
    }
}

wire_struct! {
    /// An application (GetApplicationInfo, GetApplicationInfoList).
    pub struct ApplicationInfo {
        /// Its REST id (`samples~CalculatorApp`); see
        /// [`ApplicationId`](crate::ApplicationId).
        "Id" id: Option<String>,
        /// Its name (`fabric:/samples/CalculatorApp`).
        "Name" name: Option<String>,
        /// Its application type.
        "TypeName" type_name: Option<String>,
        /// The type's version it runs.
        "TypeVersion" type_version: Option<String>,
        /// Where it is in its life.
        "Status" status: Option<ApplicationStatus>,
        /// The parameters it overrides, in order; read from the spec's array or a JSON
        /// object.
        "Parameters" parameters: Option<Vec<ApplicationParameter>> as KeyValueList,
        /// Its health.
        "HealthState" health_state: Option<HealthState>,
        /// How it was defined.
        "ApplicationDefinitionKind" application_definition_kind: Option<ApplicationDefinitionKind>,
        /// Its managed identities.
        "ManagedApplicationIdentity" managed_application_identity: Option<ManagedApplicationIdentityDescription>,
        /// What the cluster records about it.
        "ApplicationMetadata" application_metadata: Option<ApplicationMetadata>,
    }
}

impl ApplicationInfo {
    /// The value of the parameter `key`, if the application overrides it.
    pub fn parameter(&self, key: &str) -> Option<&str> {
        let parameters = self.parameters.as_deref()?;
        parameters
            .iter()
            .find(|parameter| parameter.key == key)
            .map(|parameter| parameter.value.as_str())
    }
}

wire_struct! {
    /// What the cluster records about an application.
    pub struct ApplicationMetadata {
        /// Its Azure Resource Manager metadata.
        "ArmMetadata" arm_metadata: Option<ArmMetadata>,
    }
}

wire_struct! {
    /// The managed identities of an application.
    pub struct ManagedApplicationIdentityDescription {
        /// The token service's endpoint.
        "TokenServiceEndpoint" token_service_endpoint: Option<String>,
        /// The identities.
        "ManagedIdentities" managed_identities: Option<Vec<ManagedApplicationIdentity>>,
    }
}

wire_struct! {
    /// One managed identity of an application.
    pub struct ManagedApplicationIdentity {
        /// The identity's name, as the application manifest refers to it.
        "Name" name: String,
        /// Its principal id.
        "PrincipalId" principal_id: Option<String>,
    }
}

impl ManagedApplicationIdentity {
    /// The identity `name`.
    pub fn new(name: impl Into<String>) -> Self {
        ManagedApplicationIdentity {
            name: name.into(),
            principal_id: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// An application's load and the capacity reserved for it (GetApplicationLoadInfo).
    pub struct ApplicationLoadInfo {
        /// The application's REST id.
        "Id" id: Option<String>,
        /// The nodes where capacity is reserved for it; 0 without application capacity.
        "MinimumNodes" minimum_nodes: Option<Int64>,
        /// The most nodes it may span; 0 without application capacity.
        "MaximumNodes" maximum_nodes: Option<Int64>,
        /// The nodes it runs on now.
        "NodeCount" node_count: Option<Int64>,
        /// The load per metric.
        "ApplicationLoadMetricInformation"
            application_load_metric_information: Option<Vec<ApplicationLoadMetricInformation>>,
    }
}

wire_struct! {
    /// An application's load of one metric.
    pub struct ApplicationLoadMetricInformation {
        /// The metric's name.
        "Name" name: Option<String>,
        /// The capacity reserved in the cluster for it.
        "ReservationCapacity" reservation_capacity: Option<Int64>,
        /// The application's whole capacity of it.
        "ApplicationCapacity" application_capacity: Option<Int64>,
        /// Its load now.
        "ApplicationLoad" application_load: Option<Int64>,
    }
}
