//! Upgrading an application: the description that starts an upgrade, the changes to a
//! running one, resuming a manual one, and its progress.

use std::time::Duration;

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{open_enum, wire_struct};

use super::ManagedApplicationIdentityDescription;
use crate::common::{
    ApplicationHealthPolicy, ApplicationName, ApplicationParameter, CurrentUpgradeDomainProgressInfo,
    CurrentUpgradeUnitsProgressInfo, FailureReason, FailureUpgradeDomainProgressInfo, HealthEvaluationWrapper,
    IsoDuration, KeyValueList, MonitoringPolicyDescription, RollingUpgradeUpdateDescription, Timestamp,
    UpgradeDomainInfo, UpgradeKind, UpgradeMode, UpgradeSortOrder, UpgradeUnitInfo,
};

/// A duration as whole seconds on the wire, at most `u32::MAX` (the gateway's "infinite");
/// longer ones are sent as that.
fn whole_seconds(duration: Duration) -> Int64 {
    Int64::number(duration.as_secs().min(u64::from(u32::MAX)) as i64)
}

wire_struct! {
    /// An upgrade to start (StartApplicationUpgrade).
    ///
    /// The parameters sent replace the application's: a parameter left out goes back to the
    /// manifest's default. To keep the current values, start from
    /// [`ApplicationInfo::parameters`](crate::ApplicationInfo::parameters) (see
    /// [`with_parameters`](Self::with_parameters)).
    ///
    /// ```
    /// use std::time::Duration;
    /// use fabric_rest_models::{ApplicationName, ApplicationUpgradeDescription, FailureAction, MonitoringPolicyDescription};
    ///
    /// let name: ApplicationName = "fabric:/App".parse()?;
    /// let upgrade = ApplicationUpgradeDescription::new(&name, "2.0.0")
    ///     .monitored(MonitoringPolicyDescription::new(FailureAction::Rollback)
    ///         .with_health_check_retry_timeout(Duration::from_secs(600)))
    ///     .with_parameter("InstanceCount", "5");
    /// assert_eq!(
    ///     serde_json::to_string(&upgrade)?,
    ///     concat!(
    ///         r#"{"Name":"fabric:/App","TargetApplicationTypeVersion":"2.0.0","#,
    ///         r#""Parameters":[{"Key":"InstanceCount","Value":"5"}],"UpgradeKind":"Rolling","#,
    ///         r#""RollingUpgradeMode":"Monitored","MonitoringPolicy":{"FailureAction":"Rollback","#,
    ///         r#""HealthCheckRetryTimeoutInMilliseconds":"PT0H10M0S"}}"#,
    ///     )
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ApplicationUpgradeDescription {
        /// The application's name (`fabric:/App`).
        "Name" name: String,
        /// The application type version to upgrade to.
        "TargetApplicationTypeVersion" target_application_type_version: String,
        /// The parameters after the upgrade, in order; they replace the application's.
        "Parameters" parameters: Option<Vec<ApplicationParameter>> as KeyValueList,
        /// `Rolling`.
        "UpgradeKind" upgrade_kind: UpgradeKind,
        /// How the upgrade moves through upgrade domains.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// How long an upgrade domain waits for replica sets to be safe, in seconds
        /// (4294967295: no limit).
        "UpgradeReplicaSetCheckTimeoutInSeconds" upgrade_replica_set_check_timeout_in_seconds: Option<Int64>,
        /// Whether to restart processes even when only configuration or data change.
        "ForceRestart" force_restart: Option<bool>,
        /// The order of upgrade domains.
        "SortOrder" sort_order: Option<UpgradeSortOrder>,
        /// How a monitored upgrade watches health.
        "MonitoringPolicy" monitoring_policy: Option<MonitoringPolicyDescription>,
        /// The health policy during the upgrade.
        "ApplicationHealthPolicy" application_health_policy: Option<ApplicationHealthPolicy>,
        /// How long stateless instances wait before closing, in seconds (4294967295: as
        /// each service describes).
        "InstanceCloseDelayDurationInSeconds" instance_close_delay_duration_in_seconds: Option<Int64>,
        /// The application's managed identities after the upgrade.
        "ManagedApplicationIdentity" managed_application_identity: Option<ManagedApplicationIdentityDescription>,
    }
}

impl ApplicationUpgradeDescription {
    /// A rolling upgrade of `name` to `target_version`, in the gateway's default mode
    /// (`UnmonitoredAuto`), without parameters.
    pub fn new(name: &ApplicationName, target_version: impl Into<String>) -> Self {
        ApplicationUpgradeDescription {
            name: name.to_string(),
            target_application_type_version: target_version.into(),
            parameters: None,
            upgrade_kind: UpgradeKind::Rolling,
            rolling_upgrade_mode: None,
            upgrade_replica_set_check_timeout_in_seconds: None,
            force_restart: None,
            sort_order: None,
            monitoring_policy: None,
            application_health_policy: None,
            instance_close_delay_duration_in_seconds: None,
            managed_application_identity: None,
            unknown_fields: Default::default(),
        }
    }

    /// A `Monitored` upgrade watching health with `policy`.
    pub fn monitored(mut self, policy: MonitoringPolicyDescription) -> Self {
        self.rolling_upgrade_mode = Some(UpgradeMode::Monitored);
        self.monitoring_policy = Some(policy);
        self
    }

    /// An unmonitored upgrade in `mode` (`UnmonitoredAuto`, `UnmonitoredManual`,
    /// `UnmonitoredDeferred`).
    pub fn with_mode(mut self, mode: UpgradeMode) -> Self {
        self.rolling_upgrade_mode = Some(mode);
        self
    }

    /// Sets the parameter `key` to `value`, replacing an earlier value.
    pub fn with_parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        ApplicationParameter::set_in(self.parameters.get_or_insert_with(Vec::new), key, value);
        self
    }

    /// Sends `parameters` (the application's current ones, say), then changes made with
    /// [`with_parameter`](Self::with_parameter).
    pub fn with_parameters(mut self, parameters: impl IntoIterator<Item = ApplicationParameter>) -> Self {
        let list = self.parameters.get_or_insert_with(Vec::new);
        for parameter in parameters {
            ApplicationParameter::set_in(list, parameter.key, parameter.value);
        }
        self
    }

    /// How long an upgrade domain waits for replica sets to be safe; whole seconds, at
    /// most 4294967295.
    pub fn with_replica_set_check_timeout(mut self, timeout: Duration) -> Self {
        self.upgrade_replica_set_check_timeout_in_seconds = Some(whole_seconds(timeout));
        self
    }

    /// Whether to restart processes even when only configuration or data change.
    pub fn with_force_restart(mut self, value: bool) -> Self {
        self.force_restart = Some(value);
        self
    }

    /// The order of upgrade domains.
    pub fn with_sort_order(mut self, order: UpgradeSortOrder) -> Self {
        self.sort_order = Some(order);
        self
    }

    /// The health policy during the upgrade.
    pub fn with_health_policy(mut self, policy: ApplicationHealthPolicy) -> Self {
        self.application_health_policy = Some(policy);
        self
    }

    /// How long stateless instances wait before closing; whole seconds, at most
    /// 4294967295.
    pub fn with_instance_close_delay(mut self, delay: Duration) -> Self {
        self.instance_close_delay_duration_in_seconds = Some(whole_seconds(delay));
        self
    }
}

wire_struct! {
    /// Changes to a running application upgrade (UpdateApplicationUpgrade).
    pub struct ApplicationUpgradeUpdateDescription {
        /// The application's name.
        "Name" name: String,
        /// `Rolling`.
        "UpgradeKind" upgrade_kind: UpgradeKind,
        /// A new health policy.
        "ApplicationHealthPolicy" application_health_policy: Option<ApplicationHealthPolicy>,
        /// New settings of the rolling upgrade.
        "UpdateDescription" update_description: Option<RollingUpgradeUpdateDescription>,
    }
}

impl ApplicationUpgradeUpdateDescription {
    /// Changes the upgrade of `name` to `update`.
    pub fn new(name: &ApplicationName, update: RollingUpgradeUpdateDescription) -> Self {
        ApplicationUpgradeUpdateDescription {
            name: name.to_string(),
            upgrade_kind: UpgradeKind::Rolling,
            application_health_policy: None,
            update_description: Some(update),
            unknown_fields: Default::default(),
        }
    }

    /// Also changes the health policy.
    pub fn with_health_policy(mut self, policy: ApplicationHealthPolicy) -> Self {
        self.application_health_policy = Some(policy);
        self
    }
}

wire_struct! {
    /// Which upgrade domain a manual upgrade does next (ResumeApplicationUpgrade).
    pub struct ResumeApplicationUpgradeDescription {
        /// The upgrade domain's name.
        "UpgradeDomainName" upgrade_domain_name: String,
    }
}

impl ResumeApplicationUpgradeDescription {
    /// Go on with `upgrade_domain`.
    pub fn new(upgrade_domain: impl Into<String>) -> Self {
        ResumeApplicationUpgradeDescription {
            upgrade_domain_name: upgrade_domain.into(),
            unknown_fields: Default::default(),
        }
    }
}

open_enum! {
    /// Where an application upgrade stands.
    pub enum ApplicationUpgradeState {
        Invalid = "Invalid",
        RollingBackInProgress = "RollingBackInProgress",
        RollingBackCompleted = "RollingBackCompleted",
        /// An upgrade domain is done; a manual upgrade waits for ResumeApplicationUpgrade.
        RollingForwardPending = "RollingForwardPending",
        RollingForwardInProgress = "RollingForwardInProgress",
        RollingForwardCompleted = "RollingForwardCompleted",
        Failed = "Failed",
        /// Sent by gateways though no spec lists it.
        RollingBackPending = "RollingBackPending",
    }
}

wire_struct! {
    /// Where an application upgrade stands (GetApplicationUpgrade).
    pub struct ApplicationUpgradeProgressInfo {
        /// The application's name.
        "Name" name: Option<String>,
        /// Its application type.
        "TypeName" type_name: Option<String>,
        /// The version upgraded to.
        "TargetApplicationTypeVersion" target_application_type_version: Option<String>,
        /// Every upgrade domain and its state.
        "UpgradeDomains" upgrade_domains: Option<Vec<UpgradeDomainInfo>>,
        /// Every upgrade unit and its state (node-by-node upgrades).
        "UpgradeUnits" upgrade_units: Option<Vec<UpgradeUnitInfo>>,
        /// Where the upgrade stands.
        "UpgradeState" upgrade_state: Option<ApplicationUpgradeState>,
        /// The upgrade domain a manual upgrade does next.
        "NextUpgradeDomain" next_upgrade_domain: Option<String>,
        /// The mode.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// The upgrade as started.
        "UpgradeDescription" upgrade_description: Option<ApplicationUpgradeDescription>,
        /// How long the upgrade has run.
        "UpgradeDurationInMilliseconds" upgrade_duration_in_milliseconds: Option<IsoDuration>,
        /// How long the current upgrade domain has run.
        "UpgradeDomainDurationInMilliseconds" upgrade_domain_duration_in_milliseconds: Option<IsoDuration>,
        /// Why the upgrade does not go on.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// The current upgrade domain.
        "CurrentUpgradeDomainProgress" current_upgrade_domain_progress: Option<CurrentUpgradeDomainProgressInfo>,
        /// The current upgrade units.
        "CurrentUpgradeUnitsProgress" current_upgrade_units_progress: Option<CurrentUpgradeUnitsProgressInfo>,
        /// When the upgrade started.
        "StartTimestampUtc" start_timestamp_utc: Option<Timestamp>,
        /// When it failed (year 1: it did not).
        "FailureTimestampUtc" failure_timestamp_utc: Option<Timestamp>,
        /// Why it failed.
        "FailureReason" failure_reason: Option<FailureReason>,
        /// The upgrade domain at the failure.
        "UpgradeDomainProgressAtFailure" upgrade_domain_progress_at_failure: Option<FailureUpgradeDomainProgressInfo>,
        /// More about the upgrade's state.
        "UpgradeStatusDetails" upgrade_status_details: Option<String>,
        /// Whether the upgrade goes node by node.
        "IsNodeByNode" is_node_by_node: Option<bool>,
    }
}
