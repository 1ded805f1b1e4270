//! Application and service-type health policies applied while an upgrade runs.

use std::collections::BTreeMap;

use fabric_rest_runtime::Percent;
use serde::{Deserialize, Serialize};

/// Health policies for specific applications, keyed by application name (`fabric:/App`).
///
/// On the wire the map is `{"ApplicationHealthPolicyMap": [{"Key": .., "Value": ..}]}`;
/// entries are written in key order and a repeated key is rejected on input.
///
/// ```
/// use fabric_rest::models::{ApplicationHealthPolicies, ApplicationHealthPolicy};
/// use fabric_rest::models::Percent;
///
/// let policies = ApplicationHealthPolicies::new().with_policy(
///     "fabric:/App",
///     ApplicationHealthPolicy::new().with_max_percent_unhealthy_deployed_applications(Percent::of::<10>()),
/// );
/// assert_eq!(
///     serde_json::to_string(&policies)?,
///     r#"{"ApplicationHealthPolicyMap":[{"Key":"fabric:/App","Value":{"MaxPercentUnhealthyDeployedApplications":10}}]}"#
/// );
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ApplicationHealthPolicies {
    /// The policy of each application, by application name.
    #[serde(with = "super::key_value", default)]
    pub application_health_policy_map: BTreeMap<String, ApplicationHealthPolicy>,
}

impl ApplicationHealthPolicies {
    /// An empty map: every application uses the cluster's default policy.
    pub fn new() -> ApplicationHealthPolicies {
        ApplicationHealthPolicies::default()
    }

    /// Sets the policy of the application `name`, replacing any earlier one.
    pub fn with_policy(mut self, name: impl Into<String>, policy: ApplicationHealthPolicy) -> Self {
        self.application_health_policy_map.insert(name.into(), policy);
        self
    }
}

impl FromIterator<(String, ApplicationHealthPolicy)> for ApplicationHealthPolicies {
    fn from_iter<I: IntoIterator<Item = (String, ApplicationHealthPolicy)>>(iter: I) -> Self {
        ApplicationHealthPolicies {
            application_health_policy_map: iter.into_iter().collect(),
        }
    }
}

/// How the health of one application and its children is judged.
///
/// Every field is optional; the server's default applies to the ones left `None` (no
/// warnings as errors, 0 %, an empty map).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ApplicationHealthPolicy {
    /// Whether warnings count as errors.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consider_warning_as_error: Option<bool>,
    /// The largest share of deployed applications that may be unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_deployed_applications: Option<Percent>,
    /// The policy for service types not named in the map below.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default_service_type_health_policy: Option<ServiceTypeHealthPolicy>,
    /// Policies for specific service types, by service type name. Left out when empty.
    #[serde(with = "super::key_value", default, skip_serializing_if = "BTreeMap::is_empty")]
    pub service_type_health_policy_map: BTreeMap<String, ServiceTypeHealthPolicy>,
}

impl ApplicationHealthPolicy {
    /// A policy with every field unset.
    pub fn new() -> ApplicationHealthPolicy {
        ApplicationHealthPolicy::default()
    }

    /// Sets whether warnings count as errors.
    pub fn with_consider_warning_as_error(mut self, value: bool) -> Self {
        self.consider_warning_as_error = Some(value);
        self
    }

    /// Sets the largest share of deployed applications that may be unhealthy.
    pub fn with_max_percent_unhealthy_deployed_applications(mut self, value: Percent) -> Self {
        self.max_percent_unhealthy_deployed_applications = Some(value);
        self
    }

    /// Sets the policy for service types not named in the map.
    pub fn with_default_service_type_health_policy(mut self, value: ServiceTypeHealthPolicy) -> Self {
        self.default_service_type_health_policy = Some(value);
        self
    }

    /// Sets the policy of the service type `name`, replacing any earlier one.
    pub fn with_service_type_policy(mut self, name: impl Into<String>, policy: ServiceTypeHealthPolicy) -> Self {
        self.service_type_health_policy_map.insert(name.into(), policy);
        self
    }
}

/// How the health of the services of one service type is judged.
///
/// Fields left `None` take the server's default of 0 %.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ServiceTypeHealthPolicy {
    /// The largest share of a service's partitions that may be unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_partitions_per_service: Option<Percent>,
    /// The largest share of a partition's replicas that may be unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_replicas_per_partition: Option<Percent>,
    /// The largest share of the type's services that may be unhealthy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_percent_unhealthy_services: Option<Percent>,
}

impl ServiceTypeHealthPolicy {
    /// A policy with all three thresholds set, in wire order: partitions per service,
    /// replicas per partition, services.
    pub fn new(
        max_percent_unhealthy_partitions_per_service: Percent,
        max_percent_unhealthy_replicas_per_partition: Percent,
        max_percent_unhealthy_services: Percent,
    ) -> ServiceTypeHealthPolicy {
        ServiceTypeHealthPolicy {
            max_percent_unhealthy_partitions_per_service: Some(max_percent_unhealthy_partitions_per_service),
            max_percent_unhealthy_replicas_per_partition: Some(max_percent_unhealthy_replicas_per_partition),
            max_percent_unhealthy_services: Some(max_percent_unhealthy_services),
        }
    }
}
