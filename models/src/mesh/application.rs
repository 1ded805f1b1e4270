//! Mesh applications, their identities and their upgrades.
#![allow(deprecated)]

use std::collections::BTreeMap;

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{open_enum, wire_struct};

use super::{DiagnosticsDescription, ResourceStatus, ServiceResourceDescription};
use crate::common::{HealthState, IsoDuration, Timestamp, UpgradeMode};

wire_struct! {
    /// An application resource (MeshApplication_CreateOrUpdate, MeshApplication_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ApplicationResourceDescription {
        /// The application's name.
        "name" name: String,
        /// What the application is.
        "properties" properties: Option<ApplicationResourceProperties>,
        /// Its managed identities.
        "identity" identity: Option<IdentityDescription>,
    }
}

impl ApplicationResourceDescription {
    /// An application `name` of `services`.
    pub fn new(name: impl Into<String>, services: Vec<ServiceResourceDescription>) -> ApplicationResourceDescription {
        ApplicationResourceDescription {
            name: name.into(),
            properties: Some(ApplicationResourceProperties {
                services: Some(services),
                ..ApplicationResourceProperties::default()
            }),
            identity: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// What a Mesh application is.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ApplicationResourceProperties {
        /// A description for people.
        "description" description: Option<String>,
        /// Its services.
        "services" services: Option<Vec<ServiceResourceDescription>>,
        /// Its diagnostics.
        "diagnostics" diagnostics: Option<DiagnosticsDescription>,
        /// Debugging parameters, for tools.
        "debugParams" debug_params: Option<String>,
        /// The names of its services (read only).
        "serviceNames" service_names: Option<Vec<String>>,
        /// Where the resource stands (read only).
        "status" status: Option<ResourceStatus>,
        /// Why, for people (read only).
        "statusDetails" status_details: Option<String>,
        /// Its health (read only).
        "healthState" health_state: Option<HealthState>,
        /// Why it is unhealthy, for people (read only).
        "unhealthyEvaluation" unhealthy_evaluation: Option<String>,
    }
}

wire_struct! {
    /// The managed identities of a Mesh application.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct IdentityDescription {
        /// Where the application gets tokens.
        "tokenServiceEndpoint" token_service_endpoint: Option<String>,
        /// Which identities: `SystemAssigned`, `UserAssigned`, both (comma separated) or `None`.
        "type" identity_type: String,
        /// The tenant of the system-assigned identity.
        "tenantId" tenant_id: Option<String>,
        /// The principal of the system-assigned identity.
        "principalId" principal_id: Option<String>,
        /// The user-assigned identities, by resource id (a JSON object).
        "userAssignedIdentities" user_assigned_identities: Option<BTreeMap<String, IdentityItemDescription>>,
    }
}

wire_struct! {
    /// One user-assigned identity.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct IdentityItemDescription {
        /// Its principal.
        "principalId" principal_id: Option<String>,
        /// Its client id.
        "clientId" client_id: Option<String>,
    }
}

open_enum! {
    /// Where the upgrade of a Mesh application stands.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum ApplicationResourceUpgradeState {
        Invalid = "Invalid",
        ProvisioningTarget = "ProvisioningTarget",
        RollingForward = "RollingForward",
        UnprovisioningCurrent = "UnprovisioningCurrent",
        CompletedRollforward = "CompletedRollforward",
        RollingBack = "RollingBack",
        UnprovisioningTarget = "UnprovisioningTarget",
        CompletedRollback = "CompletedRollback",
        Failed = "Failed",
    }
}

wire_struct! {
    /// Where the latest upgrade of a Mesh application stands
    /// (MeshApplication_GetUpgradeProgress).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ApplicationResourceUpgradeProgressInfo {
        /// The application's name.
        "Name" name: Option<String>,
        /// The version upgraded to.
        "TargetApplicationTypeVersion" target_application_type_version: Option<String>,
        /// When the upgrade started.
        "StartTimestampUtc" start_timestamp_utc: Option<Timestamp>,
        /// Where it stands.
        "UpgradeState" upgrade_state: Option<ApplicationResourceUpgradeState>,
        /// How far along it is, in percent, as the gateway writes it.
        "PercentCompleted" percent_completed: Option<String>,
        /// Each service's progress.
        "ServiceUpgradeProgress" service_upgrade_progress: Option<Vec<ServiceUpgradeProgress>>,
        /// How it moves through upgrade domains.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// How long it has taken.
        "UpgradeDuration" upgrade_duration: Option<IsoDuration>,
        /// Details, for people.
        "ApplicationUpgradeStatusDetails" application_upgrade_status_details: Option<String>,
        /// How long it waits for replica sets to be safe, in seconds.
        "UpgradeReplicaSetCheckTimeoutInSeconds" upgrade_replica_set_check_timeout_in_seconds: Option<Int64>,
        /// When it failed.
        "FailureTimestampUtc" failure_timestamp_utc: Option<Timestamp>,
    }
}

wire_struct! {
    /// The upgrade progress of one service of a Mesh application.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ServiceUpgradeProgress {
        /// The service's name.
        "ServiceName" service_name: Option<String>,
        /// How many replicas are upgraded (a string on the wire, or a number).
        "CompletedReplicaCount" completed_replica_count: Option<Int64>,
        /// How many are still to upgrade.
        "PendingReplicaCount" pending_replica_count: Option<Int64>,
    }
}
