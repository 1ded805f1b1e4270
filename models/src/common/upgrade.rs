//! What cluster and application upgrades share: the modes, the health monitoring, the
//! changes to a running rolling upgrade, and the progress by upgrade domain and node.

use fabric_rest_runtime::{open_enum, wire_struct};

use super::{IsoDuration, SafetyCheckWrapper};

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

wire_struct! {
    /// How a monitored upgrade watches health. Durations are ISO-8601 (`PT0H2M0S`) or
    /// milliseconds as text, as the gateway accepts both.
    pub struct MonitoringPolicyDescription {
        /// What to do when health checks fail.
        "FailureAction" failure_action: Option<FailureAction>,
        /// How long to wait after an upgrade domain before checking health.
        "HealthCheckWaitDurationInMilliseconds" health_check_wait_duration_in_milliseconds: Option<IsoDuration>,
        /// How long health must stay good before moving on.
        "HealthCheckStableDurationInMilliseconds" health_check_stable_duration_in_milliseconds: Option<IsoDuration>,
        /// How long to retry health checks before failing.
        "HealthCheckRetryTimeoutInMilliseconds" health_check_retry_timeout_in_milliseconds: Option<IsoDuration>,
        /// The whole upgrade's time limit.
        "UpgradeTimeoutInMilliseconds" upgrade_timeout_in_milliseconds: Option<IsoDuration>,
        /// One upgrade domain's time limit.
        "UpgradeDomainTimeoutInMilliseconds" upgrade_domain_timeout_in_milliseconds: Option<IsoDuration>,
    }
}

wire_struct! {
    /// Changes to the settings of a running rolling upgrade.
    pub struct RollingUpgradeUpdateDescription {
        /// The mode to continue in.
        "RollingUpgradeMode" rolling_upgrade_mode: UpgradeMode,
        /// Whether to restart processes even when only configuration changes.
        "ForceRestart" force_restart: Option<bool>,
        /// How long to wait for replica sets to be safe, in milliseconds.
        "ReplicaSetCheckTimeoutInMilliseconds" replica_set_check_timeout_in_milliseconds: Option<u64>,
        /// What to do when health checks fail.
        "FailureAction" failure_action: Option<FailureAction>,
        /// See [`MonitoringPolicyDescription`].
        "HealthCheckWaitDurationInMilliseconds" health_check_wait_duration_in_milliseconds: Option<IsoDuration>,
        /// See [`MonitoringPolicyDescription`].
        "HealthCheckStableDurationInMilliseconds" health_check_stable_duration_in_milliseconds: Option<IsoDuration>,
        /// See [`MonitoringPolicyDescription`].
        "HealthCheckRetryTimeoutInMilliseconds" health_check_retry_timeout_in_milliseconds: Option<IsoDuration>,
        /// See [`MonitoringPolicyDescription`].
        "UpgradeTimeoutInMilliseconds" upgrade_timeout_in_milliseconds: Option<IsoDuration>,
        /// See [`MonitoringPolicyDescription`].
        "UpgradeDomainTimeoutInMilliseconds" upgrade_domain_timeout_in_milliseconds: Option<IsoDuration>,
        /// How long stateless instances wait before closing, in seconds.
        "InstanceCloseDelayDurationInSeconds" instance_close_delay_duration_in_seconds: Option<u64>,
    }
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
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// An upgrade domain (or upgrade unit) and where the upgrade stands in it.
    pub struct UpgradeDomainInfo {
        /// Its name.
        "Name" name: Option<String>,
        /// `Pending`, `InProgress` or `Completed`.
        "State" state: Option<String>,
    }
}

wire_struct! {
    /// Where the upgrade stands on one node.
    pub struct NodeUpgradeProgressInfo {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// `PreUpgradeSafetyCheck`, `Upgrading` or `PostUpgradeSafetyCheck`.
        "UpgradePhase" upgrade_phase: Option<String>,
        /// What the upgrade waits for on this node.
        "PendingSafetyChecks" pending_safety_checks: Option<Vec<SafetyCheckWrapper>>,
        /// How long the node has been upgrading.
        "UpgradeDuration" upgrade_duration: Option<IsoDuration>,
    }
}

/// The spec's name for the upgrade domain an upgrade works on now.
pub type CurrentUpgradeDomainProgressInfo = UpgradeDomainProgress;

/// The spec's name for the upgrade domain an upgrade failed in.
pub type FailureUpgradeDomainProgressInfo = UpgradeDomainProgress;

wire_struct! {
    /// The progress within one upgrade domain.
    pub struct UpgradeDomainProgress {
        /// The domain's name.
        "DomainName" domain_name: Option<String>,
        /// Each node of the domain.
        "NodeUpgradeProgressList" node_upgrade_progress_list: Option<Vec<NodeUpgradeProgressInfo>>,
    }
}
