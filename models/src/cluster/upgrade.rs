//! Upgrading the cluster's code and configuration: the descriptions that start, change and
//! resume an upgrade, and its progress.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{Percent, open_enum, wire_struct};

use super::{ApplicationHealthPolicies, ApplicationHealthPolicyMapItem};
use crate::common::{
    ClusterHealthPolicy, HealthEvaluationWrapper, IsoDuration, KeyValueList, MonitoringPolicyDescription,
    RollingUpgradeUpdateDescription, Timestamp, UpgradeDomainInfo, UpgradeDomainProgress, UpgradeMode, UpgradeUnitInfo,
};

open_enum! {
    /// The state of a cluster code or configuration upgrade.
    pub enum ClusterUpgradeState {
        Invalid = "Invalid",
        RollingBackInProgress = "RollingBackInProgress",
        RollingBackCompleted = "RollingBackCompleted",
        RollingForwardPending = "RollingForwardPending",
        RollingForwardInProgress = "RollingForwardInProgress",
        RollingForwardCompleted = "RollingForwardCompleted",
        Failed = "Failed",
    }
}

wire_struct! {
    /// Limits on how much node health may worsen during an upgrade.
    pub struct ClusterUpgradeHealthPolicyObject {
        /// Across the cluster.
        "MaxPercentDeltaUnhealthyNodes" max_percent_delta_unhealthy_nodes: Option<Percent>,
        /// Within one upgrade domain.
        "MaxPercentUpgradeDomainDeltaUnhealthyNodes" max_percent_upgrade_domain_delta_unhealthy_nodes: Option<Percent>,
    }
}

wire_struct! {
    /// An upgrade of the cluster's code, configuration or both (StartClusterUpgrade,
    /// ValidateClusterUpgrade).
    ///
    /// ```
    /// use fabric_rest_models::{StartClusterUpgradeDescription, UpgradeMode};
    ///
    /// let mut upgrade = StartClusterUpgradeDescription::new();
    /// upgrade.code_version = Some("9.1.1436.9590".into());
    /// upgrade.rolling_upgrade_mode = Some(UpgradeMode::Monitored);
    /// assert_eq!(
    ///     serde_json::to_string(&upgrade)?,
    ///     r#"{"CodeVersion":"9.1.1436.9590","RollingUpgradeMode":"Monitored"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct StartClusterUpgradeDescription {
        /// The code version to upgrade to.
        "CodeVersion" code_version: Option<String>,
        /// The configuration version to upgrade to.
        "ConfigVersion" config_version: Option<String>,
        /// `Rolling` (the only kind).
        "UpgradeKind" upgrade_kind: Option<String>,
        /// How the upgrade moves on.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// How long to wait for replica sets to be safe before an upgrade domain, in seconds.
        "UpgradeReplicaSetCheckTimeoutInSeconds" upgrade_replica_set_check_timeout_in_seconds: Option<u64>,
        /// Whether to restart processes even when only configuration changes.
        "ForceRestart" force_restart: Option<bool>,
        /// The order of upgrade domains: `Default`, `Numeric`, `Lexicographical`, ...
        "SortOrder" sort_order: Option<String>,
        /// How a monitored upgrade watches health.
        "MonitoringPolicy" monitoring_policy: Option<MonitoringPolicyDescription>,
        /// The cluster health policy during the upgrade.
        "ClusterHealthPolicy" cluster_health_policy: Option<ClusterHealthPolicy>,
        /// Limits on how much health may worsen.
        "ClusterUpgradeHealthPolicy" cluster_upgrade_health_policy: Option<ClusterUpgradeHealthPolicyObject>,
        /// Policies of particular applications.
        "ApplicationHealthPolicyMap" application_health_policy_map: Option<ApplicationHealthPolicies>,
        /// How long stateless instances wait before closing, in seconds.
        "InstanceCloseDelayDurationInSeconds" instance_close_delay_duration_in_seconds: Option<u64>,
    }
}

impl StartClusterUpgradeDescription {
    /// An upgrade with the gateway's defaults; set the versions to upgrade to.
    pub fn new() -> StartClusterUpgradeDescription {
        StartClusterUpgradeDescription::default()
    }
}

wire_struct! {
    /// Changes to a running cluster upgrade (UpdateClusterUpgrade).
    pub struct UpdateClusterUpgradeDescription {
        /// `Rolling`.
        "UpgradeKind" upgrade_kind: Option<String>,
        /// The new settings.
        "UpdateDescription" update_description: Option<RollingUpgradeUpdateDescription>,
        /// The new cluster health policy.
        "ClusterHealthPolicy" cluster_health_policy: Option<ClusterHealthPolicy>,
        /// New limits on how much health may worsen.
        "ClusterUpgradeHealthPolicy" cluster_upgrade_health_policy: Option<ClusterUpgradeHealthPolicyObject>,
        /// New policies of particular applications.
        "ApplicationHealthPolicyMap" application_health_policy_map: Option<ApplicationHealthPolicies>,
    }
}

impl UpdateClusterUpgradeDescription {
    /// No changes yet.
    pub fn new() -> UpdateClusterUpgradeDescription {
        UpdateClusterUpgradeDescription::default()
    }
}

wire_struct! {
    /// Which upgrade domain a manual upgrade should do next (ResumeClusterUpgrade).
    pub struct ResumeClusterUpgradeDescription {
        /// The upgrade domain's name.
        "UpgradeDomain" upgrade_domain: String,
    }
}

impl ResumeClusterUpgradeDescription {
    /// Continue with `upgrade_domain`.
    pub fn new(upgrade_domain: impl Into<String>) -> ResumeClusterUpgradeDescription {
        ResumeClusterUpgradeDescription {
            upgrade_domain: upgrade_domain.into(),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// What ValidateClusterUpgrade found.
    pub struct ValidateClusterUpgradeResult {
        /// Whether service hosts will restart: `None`, `ServiceHostRestart` or `Unknown`.
        "ServiceHostUpgradeImpact" service_host_upgrade_impact: Option<String>,
        /// Details of the validation.
        "ValidationDetails" validation_details: Option<String>,
    }
}

wire_struct! {
    /// The description of the running upgrade, as the cluster reports it.
    pub struct ClusterUpgradeDescriptionObject {
        /// The target configuration version.
        "ConfigVersion" config_version: Option<String>,
        /// The target code version.
        "CodeVersion" code_version: Option<String>,
        /// `Rolling`.
        "UpgradeKind" upgrade_kind: Option<String>,
        /// The mode.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// Replica set check timeout, in seconds.
        "UpgradeReplicaSetCheckTimeoutInSeconds" upgrade_replica_set_check_timeout_in_seconds: Option<u64>,
        /// Whether processes restart.
        "ForceRestart" force_restart: Option<bool>,
        /// Upgrade domain order.
        "SortOrder" sort_order: Option<String>,
        /// Whether health is judged by its change since the upgrade began rather than
        /// absolutely, after each upgrade domain.
        "EnableDeltaHealthEvaluation" enable_delta_health_evaluation: Option<bool>,
        /// Health monitoring.
        "MonitoringPolicy" monitoring_policy: Option<MonitoringPolicyDescription>,
        /// The cluster health policy.
        "ClusterHealthPolicy" cluster_health_policy: Option<ClusterHealthPolicy>,
        /// Health-change limits.
        "ClusterUpgradeHealthPolicy" cluster_upgrade_health_policy: Option<ClusterUpgradeHealthPolicyObject>,
        /// Policies of particular applications.
        "ApplicationHealthPolicyMap" application_health_policy_map: Option<ApplicationHealthPolicyMapObject>,
        /// How long stateless instances wait before closing, in seconds; a number or a
        /// string, kept as it came.
        "InstanceCloseDelayDurationInSeconds" instance_close_delay_duration_in_seconds: Option<Int64>,
    }
}

wire_struct! {
    /// A list of application health policies, as a progress report writes it.
    pub struct ApplicationHealthPolicyMapObject {
        /// The policies.
        "ApplicationHealthPolicyMap" application_health_policy_map:
            Option<Vec<ApplicationHealthPolicyMapItem>> as KeyValueList,
    }
}

wire_struct! {
    /// The progress of a cluster upgrade (GetClusterUpgradeProgress).
    pub struct ClusterUpgradeProgressObject {
        /// The code version being upgraded to (or the current one).
        "CodeVersion" code_version: Option<String>,
        /// The configuration version.
        "ConfigVersion" config_version: Option<String>,
        /// Every upgrade domain and its state.
        "UpgradeDomains" upgrade_domains: Option<Vec<UpgradeDomainInfo>>,
        /// Every upgrade unit (node-by-node upgrades) and its state.
        "UpgradeUnits" upgrade_units: Option<Vec<UpgradeUnitInfo>>,
        /// Where the upgrade stands.
        "UpgradeState" upgrade_state: Option<ClusterUpgradeState>,
        /// The next upgrade domain of a manual upgrade.
        "NextUpgradeDomain" next_upgrade_domain: Option<String>,
        /// The mode.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// The upgrade as described.
        "UpgradeDescription" upgrade_description: Option<ClusterUpgradeDescriptionObject>,
        /// How long the upgrade has run, in milliseconds.
        "UpgradeDurationInMilliseconds" upgrade_duration_in_milliseconds: Option<IsoDuration>,
        /// How long the current domain has run, in milliseconds.
        "UpgradeDomainDurationInMilliseconds" upgrade_domain_duration_in_milliseconds: Option<IsoDuration>,
        /// Why the current upgrade domain is not done yet.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// The current upgrade domain.
        "CurrentUpgradeDomainProgress" current_upgrade_domain_progress: Option<UpgradeDomainProgress>,
        /// The current upgrade units.
        "CurrentUpgradeUnitsProgress" current_upgrade_units_progress: Option<UpgradeDomainProgress>,
        /// When the upgrade started.
        "StartTimestampUtc" start_timestamp_utc: Option<Timestamp>,
        /// When it failed.
        "FailureTimestampUtc" failure_timestamp_utc: Option<Timestamp>,
        /// Why it failed: `Interrupted`, `HealthCheck`, `UpgradeDomainTimeout`, ...
        "FailureReason" failure_reason: Option<String>,
        /// The upgrade domain at the failure.
        "UpgradeDomainProgressAtFailure" upgrade_domain_progress_at_failure: Option<UpgradeDomainProgress>,
        /// Whether the upgrade goes node by node.
        "IsNodeByNode" is_node_by_node: Option<bool>,
        /// More about the upgrade's state.
        "UpgradeStatusDetails" upgrade_status_details: Option<String>,
    }
}
