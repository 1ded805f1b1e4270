//! Upgrading the cluster's code and configuration: descriptions to start and update an
//! upgrade, and its progress.

use serde::{Deserialize, Serialize};

use super::health::{ApplicationHealthPolicyMapItem, ClusterHealthPolicy, HealthEvaluationWrapper};
use super::macros::{kind_enum, open_enum, wire_struct};
use super::time::{IsoDuration, Timestamp};
use super::{ApplicationHealthPolicies, Percent};

open_enum! {
    /// How an upgrade moves through upgrade domains.
    pub enum UpgradeMode {
        Invalid = "Invalid",
        UnmonitoredAuto = "UnmonitoredAuto",
        UnmonitoredManual = "UnmonitoredManual",
        Monitored = "Monitored",
        UnmonitoredDeferred = "UnmonitoredDeferred",
    }
}

open_enum! {
    /// What a monitored upgrade does when health checks fail.
    pub enum FailureAction {
        Invalid = "Invalid",
        Rollback = "Rollback",
        Manual = "Manual",
    }
}

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

/// How a monitored upgrade watches health. Durations are ISO-8601 (`PT0H2M0S`) or
/// milliseconds as text, as the gateway accepts both.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct MonitoringPolicyDescription {
    /// What to do when health checks fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_action: Option<FailureAction>,
    /// How long to wait after an upgrade domain before checking health.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_wait_duration_in_milliseconds: Option<IsoDuration>,
    /// How long health must stay good before moving on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_stable_duration_in_milliseconds: Option<IsoDuration>,
    /// How long to retry health checks before failing.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_retry_timeout_in_milliseconds: Option<IsoDuration>,
    /// The whole upgrade's time limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_timeout_in_milliseconds: Option<IsoDuration>,
    /// One upgrade domain's time limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_domain_timeout_in_milliseconds: Option<IsoDuration>,
}

/// Limits on how much node health may worsen during an upgrade.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ClusterUpgradeHealthPolicyObject {
    /// Across the cluster.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_delta_unhealthy_nodes: Option<Percent>,
    /// Within one upgrade domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_upgrade_domain_delta_unhealthy_nodes: Option<Percent>,
}

/// An upgrade of the cluster's code, configuration or both (StartClusterUpgrade,
/// ValidateClusterUpgrade).
///
/// ```
/// use fabric_rest::models::{StartClusterUpgradeDescription, UpgradeMode};
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct StartClusterUpgradeDescription {
    /// The code version to upgrade to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code_version: Option<String>,
    /// The configuration version to upgrade to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub config_version: Option<String>,
    /// `Rolling` (the only kind).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_kind: Option<String>,
    /// How the upgrade moves on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolling_upgrade_mode: Option<UpgradeMode>,
    /// How long to wait for replica sets to be safe before an upgrade domain, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_replica_set_check_timeout_in_seconds: Option<u64>,
    /// Whether to restart processes even when only configuration changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_restart: Option<bool>,
    /// The order of upgrade domains: `Default`, `Numeric`, `Lexicographical`, ...
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sort_order: Option<String>,
    /// How a monitored upgrade watches health.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub monitoring_policy: Option<MonitoringPolicyDescription>,
    /// The cluster health policy during the upgrade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_health_policy: Option<ClusterHealthPolicy>,
    /// Limits on how much health may worsen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_upgrade_health_policy: Option<ClusterUpgradeHealthPolicyObject>,
    /// Policies of particular applications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_health_policy_map: Option<ApplicationHealthPolicies>,
    /// How long stateless instances wait before closing, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_close_delay_duration_in_seconds: Option<u64>,
}

impl StartClusterUpgradeDescription {
    /// An upgrade with the gateway's defaults; set the versions to upgrade to.
    pub fn new() -> StartClusterUpgradeDescription {
        StartClusterUpgradeDescription::default()
    }
}

/// Changes to the settings of a running rolling upgrade.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct RollingUpgradeUpdateDescription {
    /// The mode to continue in.
    pub rolling_upgrade_mode: UpgradeMode,
    /// Whether to restart processes even when only configuration changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub force_restart: Option<bool>,
    /// How long to wait for replica sets to be safe, in milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replica_set_check_timeout_in_milliseconds: Option<u64>,
    /// What to do when health checks fail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub failure_action: Option<FailureAction>,
    /// See [`MonitoringPolicyDescription`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_wait_duration_in_milliseconds: Option<IsoDuration>,
    /// See [`MonitoringPolicyDescription`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_stable_duration_in_milliseconds: Option<IsoDuration>,
    /// See [`MonitoringPolicyDescription`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub health_check_retry_timeout_in_milliseconds: Option<IsoDuration>,
    /// See [`MonitoringPolicyDescription`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_timeout_in_milliseconds: Option<IsoDuration>,
    /// See [`MonitoringPolicyDescription`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_domain_timeout_in_milliseconds: Option<IsoDuration>,
    /// How long stateless instances wait before closing, in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub instance_close_delay_duration_in_seconds: Option<u64>,
}

impl RollingUpgradeUpdateDescription {
    /// Continue in `mode`, other settings unchanged.
    pub fn new(mode: UpgradeMode) -> RollingUpgradeUpdateDescription {
        RollingUpgradeUpdateDescription {
            rolling_upgrade_mode: mode,
            force_restart: None,
            replica_set_check_timeout_in_milliseconds: None,
            failure_action: None,
            health_check_wait_duration_in_milliseconds: None,
            health_check_stable_duration_in_milliseconds: None,
            health_check_retry_timeout_in_milliseconds: None,
            upgrade_timeout_in_milliseconds: None,
            upgrade_domain_timeout_in_milliseconds: None,
            instance_close_delay_duration_in_seconds: None,
        }
    }
}

/// Changes to a running cluster upgrade (UpdateClusterUpgrade).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct UpdateClusterUpgradeDescription {
    /// `Rolling`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub upgrade_kind: Option<String>,
    /// The new settings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub update_description: Option<RollingUpgradeUpdateDescription>,
    /// The new cluster health policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_health_policy: Option<ClusterHealthPolicy>,
    /// New limits on how much health may worsen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_upgrade_health_policy: Option<ClusterUpgradeHealthPolicyObject>,
    /// New policies of particular applications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_health_policy_map: Option<ApplicationHealthPolicies>,
}

impl UpdateClusterUpgradeDescription {
    /// No changes yet.
    pub fn new() -> UpdateClusterUpgradeDescription {
        UpdateClusterUpgradeDescription::default()
    }
}

/// Which upgrade domain a manual upgrade should do next (ResumeClusterUpgrade).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ResumeClusterUpgradeDescription {
    /// The upgrade domain's name.
    pub upgrade_domain: String,
}

impl ResumeClusterUpgradeDescription {
    /// Continue with `upgrade_domain`.
    pub fn new(upgrade_domain: impl Into<String>) -> ResumeClusterUpgradeDescription {
        ResumeClusterUpgradeDescription {
            upgrade_domain: upgrade_domain.into(),
        }
    }
}

wire_struct! {
    /// An upgrade domain (or upgrade unit) and where the upgrade stands in it.
    pub struct UpgradeDomainInfo {
        /// Its name.
        name: String,
        /// `Pending`, `InProgress` or `Completed`.
        state: String,
    }
}

kind_enum! {
    /// Why an upgrade waits on a node: a safety check, by `Kind`.
    pub enum SafetyCheck by "Kind" {
        EnsureSeedNodeQuorum(SeedNodeSafetyCheck) = "EnsureSeedNodeQuorum",
        EnsureAvailability(PartitionSafetyCheck) = "EnsureAvailability",
        EnsurePartitionQuorum(PartitionSafetyCheck) = "EnsurePartitionQuorum",
        WaitForInbuildReplica(PartitionSafetyCheck) = "WaitForInbuildReplica",
        WaitForPrimaryPlacement(PartitionSafetyCheck) = "WaitForPrimaryPlacement",
        WaitForPrimarySwap(PartitionSafetyCheck) = "WaitForPrimarySwap",
        WaitForReconfiguration(PartitionSafetyCheck) = "WaitForReconfiguration",
    }
}

wire_struct! {
    /// A safety check about the quorum of seed nodes; it has no fields of its own.
    pub struct SeedNodeSafetyCheck {}
}

wire_struct! {
    /// A safety check about one partition.
    pub struct PartitionSafetyCheck {
        /// The partition's id.
        partition_id: String,
    }
}

/// The gateway's wrapping of one [`SafetyCheck`] in a list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct SafetyCheckWrapper {
    /// The check.
    pub safety_check: SafetyCheck,
}

wire_struct! {
    /// Where the upgrade stands on one node.
    pub struct NodeUpgradeProgressInfo {
        /// The node's name.
        node_name: String,
        /// `PreUpgradeSafetyCheck`, `Upgrading` or `PostUpgradeSafetyCheck`.
        upgrade_phase: String,
        /// What the upgrade waits for on this node.
        pending_safety_checks: Vec<SafetyCheckWrapper>,
        /// How long the node has been upgrading.
        upgrade_duration: IsoDuration,
    }
}

wire_struct! {
    /// The progress within one upgrade domain.
    pub struct UpgradeDomainProgress {
        /// The domain's name.
        domain_name: String,
        /// Each node of the domain.
        node_upgrade_progress_list: Vec<NodeUpgradeProgressInfo>,
    }
}

wire_struct! {
    /// The description of the running upgrade, as the cluster reports it.
    pub struct ClusterUpgradeDescriptionObject {
        /// The target configuration version.
        config_version: String,
        /// The target code version.
        code_version: String,
        /// `Rolling`.
        upgrade_kind: String,
        /// The mode.
        rolling_upgrade_mode: UpgradeMode,
        /// Replica set check timeout, in seconds.
        upgrade_replica_set_check_timeout_in_seconds: u64,
        /// Whether processes restart.
        force_restart: bool,
        /// Upgrade domain order.
        sort_order: String,
        /// Whether health is judged by its change since the upgrade began rather than
        /// absolutely, after each upgrade domain.
        enable_delta_health_evaluation: bool,
        /// Health monitoring.
        monitoring_policy: MonitoringPolicyDescription,
        /// The cluster health policy.
        cluster_health_policy: ClusterHealthPolicy,
        /// Health-change limits.
        cluster_upgrade_health_policy: ClusterUpgradeHealthPolicyObject,
        /// Policies of particular applications.
        application_health_policy_map: ApplicationHealthPolicyMapObject,
    }
}

wire_struct! {
    /// A list of application health policies, as a progress report writes it.
    pub struct ApplicationHealthPolicyMapObject {
        /// The policies.
        application_health_policy_map: Vec<ApplicationHealthPolicyMapItem>,
    }
}

wire_struct! {
    /// The progress of a cluster upgrade (GetClusterUpgradeProgress).
    pub struct ClusterUpgradeProgressObject {
        /// The code version being upgraded to (or the current one).
        code_version: String,
        /// The configuration version.
        config_version: String,
        /// Every upgrade domain and its state.
        upgrade_domains: Vec<UpgradeDomainInfo>,
        /// Every upgrade unit (node-by-node upgrades) and its state.
        upgrade_units: Vec<UpgradeDomainInfo>,
        /// Where the upgrade stands.
        upgrade_state: ClusterUpgradeState,
        /// The next upgrade domain of a manual upgrade.
        next_upgrade_domain: String,
        /// The mode.
        rolling_upgrade_mode: UpgradeMode,
        /// The upgrade as described.
        upgrade_description: ClusterUpgradeDescriptionObject,
        /// How long the upgrade has run, in milliseconds.
        upgrade_duration_in_milliseconds: IsoDuration,
        /// How long the current domain has run, in milliseconds.
        upgrade_domain_duration_in_milliseconds: IsoDuration,
        /// Why the current upgrade domain is not done yet.
        unhealthy_evaluations: Vec<HealthEvaluationWrapper>,
        /// The current upgrade domain.
        current_upgrade_domain_progress: UpgradeDomainProgress,
        /// The current upgrade units.
        current_upgrade_units_progress: UpgradeDomainProgress,
        /// When the upgrade started.
        start_timestamp_utc: Timestamp,
        /// When it failed.
        failure_timestamp_utc: Timestamp,
        /// Why it failed: `Interrupted`, `HealthCheck`, `UpgradeDomainTimeout`, ...
        failure_reason: String,
        /// The upgrade domain at the failure.
        upgrade_domain_progress_at_failure: UpgradeDomainProgress,
        /// Whether the upgrade goes node by node.
        is_node_by_node: bool,
    }
}
