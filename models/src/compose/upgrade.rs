//! Upgrading a Compose deployment to a new Compose file, and following the upgrade.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{open_enum, wire_struct};

use super::RegistryCredential;
use crate::common::{
    ApplicationHealthPolicy, CurrentUpgradeDomainProgressInfo, FailureReason, FailureUpgradeDomainProgressInfo,
    HealthEvaluationWrapper, IsoDuration, MonitoringPolicyDescription, Timestamp, UpgradeKind, UpgradeMode,
};

open_enum! {
    /// Where a Compose deployment's upgrade stands.
    pub enum ComposeDeploymentUpgradeState {
        Invalid = "Invalid",
        ProvisioningTarget = "ProvisioningTarget",
        RollingForwardInProgress = "RollingForwardInProgress",
        RollingForwardPending = "RollingForwardPending",
        UnprovisioningCurrent = "UnprovisioningCurrent",
        RollingForwardCompleted = "RollingForwardCompleted",
        RollingBackInProgress = "RollingBackInProgress",
        UnprovisioningTarget = "UnprovisioningTarget",
        RollingBackCompleted = "RollingBackCompleted",
        Failed = "Failed",
    }
}

wire_struct! {
    /// An upgrade of a Compose deployment (StartComposeDeploymentUpgrade).
    pub struct ComposeDeploymentUpgradeDescription {
        /// The deployment's name.
        "DeploymentName" deployment_name: String,
        /// The new Docker Compose file, as text.
        "ComposeFileContent" compose_file_content: String,
        /// The account its images are pulled with.
        "RegistryCredential" registry_credential: Option<RegistryCredential>,
        /// How the upgrade is carried out.
        "UpgradeKind" upgrade_kind: UpgradeKind,
        /// How it moves through upgrade domains (the gateway's default: `UnmonitoredAuto`).
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// How long to wait for replica sets to be safe before an upgrade domain, in seconds.
        "UpgradeReplicaSetCheckTimeoutInSeconds" upgrade_replica_set_check_timeout_in_seconds: Option<u32>,
        /// Whether to restart processes even when only configuration changes.
        "ForceRestart" force_restart: Option<bool>,
        /// How a monitored upgrade watches health.
        "MonitoringPolicy" monitoring_policy: Option<MonitoringPolicyDescription>,
        /// The health policy judging the application during the upgrade.
        "ApplicationHealthPolicy" application_health_policy: Option<ApplicationHealthPolicy>,
    }
}

impl ComposeDeploymentUpgradeDescription {
    /// A rolling upgrade of `deployment_name` to `compose_file_content`, every other setting
    /// the gateway's default.
    pub fn new(
        deployment_name: impl Into<String>,
        compose_file_content: impl Into<String>,
    ) -> ComposeDeploymentUpgradeDescription {
        ComposeDeploymentUpgradeDescription {
            deployment_name: deployment_name.into(),
            compose_file_content: compose_file_content.into(),
            registry_credential: None,
            upgrade_kind: UpgradeKind::Rolling,
            rolling_upgrade_mode: None,
            upgrade_replica_set_check_timeout_in_seconds: None,
            force_restart: None,
            monitoring_policy: None,
            application_health_policy: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the account the images are pulled with.
    pub fn with_registry_credential(mut self, credential: RegistryCredential) -> Self {
        self.registry_credential = Some(credential);
        self
    }

    /// Sets how the upgrade moves through upgrade domains.
    pub fn with_rolling_upgrade_mode(mut self, mode: UpgradeMode) -> Self {
        self.rolling_upgrade_mode = Some(mode);
        self
    }

    /// Monitors the upgrade with `policy`, judging health with `health` (or the
    /// application's own policy when `None`).
    pub fn monitored(mut self, policy: MonitoringPolicyDescription, health: Option<ApplicationHealthPolicy>) -> Self {
        self.rolling_upgrade_mode = Some(UpgradeMode::Monitored);
        self.monitoring_policy = Some(policy);
        self.application_health_policy = health;
        self
    }

    /// Sets whether processes restart even when only configuration changes.
    pub fn with_force_restart(mut self, force: bool) -> Self {
        self.force_restart = Some(force);
        self
    }

    /// Sets how long to wait for replica sets to be safe, in seconds.
    pub fn with_replica_set_check_timeout_in_seconds(mut self, seconds: u32) -> Self {
        self.upgrade_replica_set_check_timeout_in_seconds = Some(seconds);
        self
    }
}

wire_struct! {
    /// Where the latest upgrade of a Compose deployment stands
    /// (GetComposeDeploymentUpgradeProgress).
    pub struct ComposeDeploymentUpgradeProgressInfo {
        /// The deployment's name.
        "DeploymentName" deployment_name: Option<String>,
        /// The application it created.
        "ApplicationName" application_name: Option<String>,
        /// Where the upgrade stands.
        "UpgradeState" upgrade_state: Option<ComposeDeploymentUpgradeState>,
        /// Details of the state, for people.
        "UpgradeStatusDetails" upgrade_status_details: Option<String>,
        /// How the upgrade is carried out.
        "UpgradeKind" upgrade_kind: Option<UpgradeKind>,
        /// How it moves through upgrade domains.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// Whether processes restart even when only configuration changes.
        "ForceRestart" force_restart: Option<bool>,
        /// How long it waits for replica sets to be safe, in seconds.
        "UpgradeReplicaSetCheckTimeoutInSeconds" upgrade_replica_set_check_timeout_in_seconds: Option<Int64>,
        /// How it watches health.
        "MonitoringPolicy" monitoring_policy: Option<MonitoringPolicyDescription>,
        /// The health policy judging the application.
        "ApplicationHealthPolicy" application_health_policy: Option<ApplicationHealthPolicy>,
        /// The application type version upgraded to.
        "TargetApplicationTypeVersion" target_application_type_version: Option<String>,
        /// How long the upgrade has taken.
        "UpgradeDuration" upgrade_duration: Option<IsoDuration>,
        /// How long the current upgrade domain has taken.
        "CurrentUpgradeDomainDuration" current_upgrade_domain_duration: Option<IsoDuration>,
        /// Why the application is unhealthy, when it is.
        "ApplicationUnhealthyEvaluations" application_unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// The upgrade domain it works on now.
        "CurrentUpgradeDomainProgress" current_upgrade_domain_progress: Option<CurrentUpgradeDomainProgressInfo>,
        /// When it started.
        "StartTimestampUtc" start_timestamp_utc: Option<Timestamp>,
        /// When it failed.
        "FailureTimestampUtc" failure_timestamp_utc: Option<Timestamp>,
        /// Why it failed.
        "FailureReason" failure_reason: Option<FailureReason>,
        /// The upgrade domain it failed in.
        "UpgradeDomainProgressAtFailure" upgrade_domain_progress_at_failure: Option<FailureUpgradeDomainProgressInfo>,
        /// Details of the application upgrade, for people.
        "ApplicationUpgradeStatusDetails" application_upgrade_status_details: Option<String>,
    }
}
