//! [`ClusterConfigurationUpgradeDescription`], the body of StartClusterConfigurationUpgrade.

use std::time::Duration;

use fabric_rest_runtime::{Percent, iso8601};
use serde::{Deserialize, Serialize};

use super::{ApplicationHealthPolicies, ClusterConfig};

/// What to upgrade a standalone cluster's configuration to, and how carefully.
///
/// Only the configuration is required. Every other field is left out of the JSON while it is
/// `None`, and the server then applies its own default, which is not the same as zero: an
/// omitted `health_check_retry_timeout` means 600 s, an omitted `upgrade_timeout` means no
/// limit. Durations are written as `PT{h}H{m}M{s}S`.
///
/// ```
/// use std::time::Duration;
/// use fabric_rest::models::{ClusterConfig, ClusterConfigurationUpgradeDescription};
/// use fabric_rest::models::Percent;
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
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ClusterConfigurationUpgradeDescription {
    /// The new ClusterConfig.json document.
    pub cluster_config: ClusterConfig,
    /// How long to wait between health checks while the cluster is unhealthy.
    #[serde(
        with = "iso8601::serde_option_duration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_retry_timeout: Option<Duration>,
    /// How long to wait after an upgrade domain completes before checking health.
    #[serde(
        rename = "HealthCheckWaitDurationInSeconds",
        with = "iso8601::serde_option_duration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_wait_duration: Option<Duration>,
    /// How long the cluster must stay healthy before the next upgrade domain starts.
    #[serde(
        rename = "HealthCheckStableDurationInSeconds",
        with = "iso8601::serde_option_duration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub health_check_stable_duration: Option<Duration>,
    /// The time budget of each upgrade domain.
    #[serde(
        rename = "UpgradeDomainTimeoutInSeconds",
        with = "iso8601::serde_option_duration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upgrade_domain_timeout: Option<Duration>,
    /// The time budget of the whole upgrade.
    #[serde(
        rename = "UpgradeTimeoutInSeconds",
        with = "iso8601::serde_option_duration",
        default,
        skip_serializing_if = "Option::is_none"
    )]
    pub upgrade_timeout: Option<Duration>,
    /// The largest share of applications that may be unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_applications: Option<Percent>,
    /// The largest share of nodes that may be unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_nodes: Option<Percent>,
    /// The largest rise in unhealthy nodes over the whole cluster during the upgrade.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_delta_unhealthy_nodes: Option<Percent>,
    /// The largest rise in unhealthy nodes within one upgrade domain.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_upgrade_domain_delta_unhealthy_nodes: Option<Percent>,
    /// Health policies for specific applications.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub application_health_policies: Option<ApplicationHealthPolicies>,
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
