//! A standalone cluster's configuration upgrade: what to upgrade to
//! ([`ClusterConfigurationUpgradeDescription`]) and how far it has come
//! ([`ClusterConfigurationUpgradeStatusInfo`], [`UpgradeState`]).

use std::time::Duration;

use fabric_rest_runtime::wire::Iso8601;
use fabric_rest_runtime::{Percent, open_enum, wire_struct};

use super::{ApplicationHealthPolicies, ClusterConfig};

wire_struct! {
    /// What to upgrade a standalone cluster's configuration to, and how carefully
    /// (StartClusterConfigurationUpgrade).
    ///
    /// Only the configuration is required. Every other field is left out of the JSON while it
    /// is `None`, and the server then applies its own default, which is not the same as zero:
    /// an omitted `health_check_retry_timeout` means 600 s, an omitted `upgrade_timeout` means
    /// no limit. Durations are written as `PT{h}H{m}M{s}S`.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fabric_rest_models::{ClusterConfig, ClusterConfigurationUpgradeDescription, Percent};
    ///
    /// let config = ClusterConfig::from_json(r#"{"clusterConfigurationVersion":"2.0.0"}"#)?;
    /// let description = ClusterConfigurationUpgradeDescription::new(config)
    ///     .with_upgrade_domain_timeout(Duration::from_secs(600))
    ///     .with_max_percent_unhealthy_nodes(Percent::of::<10>());
    /// assert_eq!(
    ///     serde_json::to_string(&description)?,
    ///     r#"{"ClusterConfig":"{\"clusterConfigurationVersion\":\"2.0.0\"}","UpgradeDomainTimeoutInSeconds":"PT0H10M0S","MaxPercentUnhealthyNodes":10}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub struct ClusterConfigurationUpgradeDescription {
        /// The new ClusterConfig.json document.
        "ClusterConfig" cluster_config: ClusterConfig,
        /// How long to wait between health checks while the cluster is unhealthy.
        "HealthCheckRetryTimeout" health_check_retry_timeout: Option<Duration> as Iso8601,
        /// How long to wait after an upgrade domain completes before checking health.
        "HealthCheckWaitDurationInSeconds" health_check_wait_duration: Option<Duration> as Iso8601,
        /// How long the cluster must stay healthy before the next upgrade domain starts.
        "HealthCheckStableDurationInSeconds" health_check_stable_duration: Option<Duration> as Iso8601,
        /// The time budget of each upgrade domain.
        "UpgradeDomainTimeoutInSeconds" upgrade_domain_timeout: Option<Duration> as Iso8601,
        /// The time budget of the whole upgrade.
        "UpgradeTimeoutInSeconds" upgrade_timeout: Option<Duration> as Iso8601,
        /// The largest share of applications that may be unhealthy.
        "MaxPercentUnhealthyApplications" max_percent_unhealthy_applications: Option<Percent>,
        /// The largest share of nodes that may be unhealthy.
        "MaxPercentUnhealthyNodes" max_percent_unhealthy_nodes: Option<Percent>,
        /// The largest rise in unhealthy nodes over the whole cluster during the upgrade.
        "MaxPercentDeltaUnhealthyNodes" max_percent_delta_unhealthy_nodes: Option<Percent>,
        /// The largest rise in unhealthy nodes within one upgrade domain.
        "MaxPercentUpgradeDomainDeltaUnhealthyNodes" max_percent_upgrade_domain_delta_unhealthy_nodes: Option<Percent>,
        /// Health policies for specific applications.
        "ApplicationHealthPolicies" application_health_policies: Option<ApplicationHealthPolicies>,
    }
}

/// Generates `with_*` setters that fill one optional field each.
macro_rules! setters {
    ($($(#[doc = $doc:literal])* $name:ident => $field:ident: $ty:ty;)*) => {$(
        $(#[doc = $doc])*
        pub fn $name(mut self, value: $ty) -> Self {
            self.$field = Some(value);
            self
        }
    )*};
}

impl ClusterConfigurationUpgradeDescription {
    /// An upgrade to `cluster_config` with every other setting left to the server.
    pub fn new(cluster_config: ClusterConfig) -> ClusterConfigurationUpgradeDescription {
        ClusterConfigurationUpgradeDescription {
            cluster_config,
            health_check_retry_timeout: None,
            health_check_wait_duration: None,
            health_check_stable_duration: None,
            upgrade_domain_timeout: None,
            upgrade_timeout: None,
            max_percent_unhealthy_applications: None,
            max_percent_unhealthy_nodes: None,
            max_percent_delta_unhealthy_nodes: None,
            max_percent_upgrade_domain_delta_unhealthy_nodes: None,
            application_health_policies: None,
            unknown_fields: Default::default(),
        }
    }

    setters! {
        /// Sets [`health_check_retry_timeout`](Self::health_check_retry_timeout).
        with_health_check_retry_timeout => health_check_retry_timeout: Duration;
        /// Sets [`health_check_wait_duration`](Self::health_check_wait_duration).
        with_health_check_wait_duration => health_check_wait_duration: Duration;
        /// Sets [`health_check_stable_duration`](Self::health_check_stable_duration).
        with_health_check_stable_duration => health_check_stable_duration: Duration;
        /// Sets [`upgrade_domain_timeout`](Self::upgrade_domain_timeout).
        with_upgrade_domain_timeout => upgrade_domain_timeout: Duration;
        /// Sets [`upgrade_timeout`](Self::upgrade_timeout).
        with_upgrade_timeout => upgrade_timeout: Duration;
        /// Sets [`max_percent_unhealthy_applications`](Self::max_percent_unhealthy_applications).
        with_max_percent_unhealthy_applications => max_percent_unhealthy_applications: Percent;
        /// Sets [`max_percent_unhealthy_nodes`](Self::max_percent_unhealthy_nodes).
        with_max_percent_unhealthy_nodes => max_percent_unhealthy_nodes: Percent;
        /// Sets [`max_percent_delta_unhealthy_nodes`](Self::max_percent_delta_unhealthy_nodes).
        with_max_percent_delta_unhealthy_nodes => max_percent_delta_unhealthy_nodes: Percent;
        /// Sets [`max_percent_upgrade_domain_delta_unhealthy_nodes`](Self::max_percent_upgrade_domain_delta_unhealthy_nodes).
        with_max_percent_upgrade_domain_delta_unhealthy_nodes => max_percent_upgrade_domain_delta_unhealthy_nodes: Percent;
        /// Sets [`application_health_policies`](Self::application_health_policies).
        with_application_health_policies => application_health_policies: ApplicationHealthPolicies;
    }
}

wire_struct! {
    /// The answer of GetClusterConfigurationUpgradeStatus.
    ///
    /// Every field tolerates being absent or `null` and then holds its default, because the
    /// server leaves out what it has nothing to say about (an idle cluster sends no
    /// `Details`).
    ///
    /// `config_version` keeps the *old* version until an upgrade completes, so a poller must
    /// wait for a terminal state **and** the version it asked for: right after a start the
    /// status can still read `RollingForwardCompleted` for the previous version.
    pub struct ClusterConfigurationUpgradeStatusInfo {
        /// Where the upgrade stands.
        "UpgradeState" upgrade_state: UpgradeState = default,
        /// How far the upgrade has come, as reported by the server.
        "ProgressStatus" progress_status: u32 = default,
        /// The `clusterConfigurationVersion` the cluster currently runs.
        "ConfigVersion" config_version: String = default,
        /// Free text; after a failure or rollback, `"{code} : {message}"` of the cause.
        "Details" details: String = default,
    }
}

impl ClusterConfigurationUpgradeStatusInfo {
    /// A status in `upgrade_state` at `config_version`, with no progress and no details.
    pub fn new(
        upgrade_state: UpgradeState,
        config_version: impl Into<String>,
    ) -> ClusterConfigurationUpgradeStatusInfo {
        ClusterConfigurationUpgradeStatusInfo {
            upgrade_state,
            config_version: config_version.into(),
            ..ClusterConfigurationUpgradeStatusInfo::default()
        }
    }
}

open_enum! {
    /// The state of a cluster configuration upgrade.
    #[derive(Default)]
    pub enum UpgradeState {
        /// No valid state; the server's zero value, also used here when the field is absent.
        #[default]
        Invalid = "Invalid",
        /// Rolling back to the previous configuration.
        RollingBackInProgress = "RollingBackInProgress",
        /// The rollback finished; the previous configuration is in force.
        RollingBackCompleted = "RollingBackCompleted",
        /// An upgrade domain finished; the upgrade waits (health checks) before going on.
        RollingForwardPending = "RollingForwardPending",
        /// Rolling forward to the new configuration.
        RollingForwardInProgress = "RollingForwardInProgress",
        /// The upgrade finished, or the cluster is idle, at `ConfigVersion`.
        RollingForwardCompleted = "RollingForwardCompleted",
        /// The upgrade failed; `Details` says why.
        Failed = "Failed",
        /// A rollback is about to start; sent by servers although the spec omits it.
        RollingBackPending = "RollingBackPending",
    }
}

impl UpgradeState {
    /// Whether the upgrade has stopped moving: completed forward, rolled back, or failed.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self,
            UpgradeState::RollingForwardCompleted | UpgradeState::RollingBackCompleted | UpgradeState::Failed
        )
    }

    /// Whether the upgrade is returning, or has returned, to the previous configuration.
    pub fn is_rolling_back(&self) -> bool {
        matches!(
            self,
            UpgradeState::RollingBackPending | UpgradeState::RollingBackInProgress | UpgradeState::RollingBackCompleted
        )
    }
}
