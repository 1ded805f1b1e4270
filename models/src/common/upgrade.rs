//! What cluster and application upgrades share: the modes, the health monitoring, the
//! changes to a running rolling upgrade, and the progress by upgrade domain and node.

use std::time::Duration;

use fabric_rest_runtime::{open_enum, wire_struct};

use super::{IsoDuration, SafetyCheckWrapper};

open_enum! {
    /// The kind of an upgrade; `Rolling` is the only one.
    pub enum UpgradeKind {
        Invalid = "Invalid",
        Rolling = "Rolling",
    }
}

open_enum! {
    /// The order in which an upgrade goes through the upgrade domains.
    pub enum UpgradeSortOrder {
        Invalid = "Invalid",
        /// The order of the cluster manifest.
        Default = "Default",
        /// By number.
        Numeric = "Numeric",
        /// By name.
        Lexicographical = "Lexicographical",
        /// By number, highest first.
        ReverseNumeric = "ReverseNumeric",
        /// By name, last first.
        ReverseLexicographical = "ReverseLexicographical",
    }
}

open_enum! {
    /// Why an upgrade failed and its failure action ran.
    pub enum FailureReason {
        /// It did not fail (`None` on the wire).
        NoFailure = "None",
        /// A user stopped it.
        Interrupted = "Interrupted",
        /// Health checks failed.
        HealthCheck = "HealthCheck",
        /// An upgrade domain took too long.
        UpgradeDomainTimeout = "UpgradeDomainTimeout",
        /// The whole upgrade took too long.
        OverallUpgradeTimeout = "OverallUpgradeTimeout",
    }
}

open_enum! {
    /// Where an upgrade stands in one upgrade domain.
    pub enum UpgradeDomainState {
        Invalid = "Invalid",
        Pending = "Pending",
        InProgress = "InProgress",
        Completed = "Completed",
    }
}

open_enum! {
    /// Where an upgrade stands in one upgrade unit (node-by-node upgrades).
    pub enum UpgradeUnitState {
        Invalid = "Invalid",
        Pending = "Pending",
        InProgress = "InProgress",
        Completed = "Completed",
        Failed = "Failed",
    }
}

open_enum! {
    /// Where an upgrade stands on one node.
    pub enum NodeUpgradePhase {
        Invalid = "Invalid",
        /// Waiting for safety checks before upgrading.
        PreUpgradeSafetyCheck = "PreUpgradeSafetyCheck",
        /// Upgrading.
        Upgrading = "Upgrading",
        /// Upgraded; safety checks run before going on.
        PostUpgradeSafetyCheck = "PostUpgradeSafetyCheck",
    }
}

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
    /// milliseconds as text, as the gateway accepts both; read ones keep the gateway's
    /// text, and the builder methods take a [`Duration`] and write `PT{h}H{m}M{s}S`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fabric_rest_models::{FailureAction, MonitoringPolicyDescription};
    ///
    /// let policy = MonitoringPolicyDescription::new(FailureAction::Rollback)
    ///     .with_health_check_wait_duration(Duration::from_secs(30))
    ///     .with_upgrade_domain_timeout(Duration::from_secs(3600));
    /// assert_eq!(
    ///     serde_json::to_string(&policy)?,
    ///     r#"{"FailureAction":"Rollback","HealthCheckWaitDurationInMilliseconds":"PT0H0M30S","UpgradeDomainTimeoutInMilliseconds":"PT1H0M0S"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
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

impl MonitoringPolicyDescription {
    /// A policy that runs `failure_action` when health checks fail; every duration left to
    /// the gateway's default until set.
    pub fn new(failure_action: FailureAction) -> MonitoringPolicyDescription {
        MonitoringPolicyDescription {
            failure_action: Some(failure_action),
            ..MonitoringPolicyDescription::default()
        }
    }

    /// How long to wait after an upgrade domain before checking health.
    pub fn with_health_check_wait_duration(mut self, duration: Duration) -> Self {
        self.health_check_wait_duration_in_milliseconds = Some(duration.into());
        self
    }

    /// How long health must stay good before the upgrade moves on.
    pub fn with_health_check_stable_duration(mut self, duration: Duration) -> Self {
        self.health_check_stable_duration_in_milliseconds = Some(duration.into());
        self
    }

    /// How long to retry health checks before the failure action runs.
    pub fn with_health_check_retry_timeout(mut self, duration: Duration) -> Self {
        self.health_check_retry_timeout_in_milliseconds = Some(duration.into());
        self
    }

    /// The whole upgrade's time limit.
    pub fn with_upgrade_timeout(mut self, duration: Duration) -> Self {
        self.upgrade_timeout_in_milliseconds = Some(duration.into());
        self
    }

    /// One upgrade domain's time limit.
    pub fn with_upgrade_domain_timeout(mut self, duration: Duration) -> Self {
        self.upgrade_domain_timeout_in_milliseconds = Some(duration.into());
        self
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
        /// Where the upgrade stands in it.
        "State" state: Option<UpgradeDomainState>,
    }
}

wire_struct! {
    /// An upgrade unit of a node-by-node upgrade and where the upgrade stands in it.
    pub struct UpgradeUnitInfo {
        /// Its name.
        "Name" name: Option<String>,
        /// Where the upgrade stands in it.
        "State" state: Option<UpgradeUnitState>,
    }
}

wire_struct! {
    /// Where the upgrade stands on one node.
    pub struct NodeUpgradeProgressInfo {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// Where the upgrade stands on the node.
        "UpgradePhase" upgrade_phase: Option<NodeUpgradePhase>,
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

/// The spec's name for the upgrade units an upgrade works on now.
pub type CurrentUpgradeUnitsProgressInfo = UpgradeDomainProgress;

wire_struct! {
    /// The progress within one upgrade domain.
    pub struct UpgradeDomainProgress {
        /// The domain's name.
        "DomainName" domain_name: Option<String>,
        /// Each node of the domain.
        "NodeUpgradeProgressList" node_upgrade_progress_list: Option<Vec<NodeUpgradeProgressInfo>>,
    }
}
