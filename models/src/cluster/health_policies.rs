//! The application health policies cluster operations take: by application name, as a
//! configuration or cluster upgrade sends them and as a health query evaluates with them.

use std::collections::BTreeMap;

use fabric_rest_runtime::wire_struct;

use crate::common::{ApplicationHealthPolicy, ClusterHealthPolicy, KeyValueEntry, KeyValueList};

wire_struct! {
    /// Health policies for specific applications, keyed by application name (`fabric:/App`).
    ///
    /// On the wire the map is `{"ApplicationHealthPolicyMap": [{"Key": .., "Value": ..}]}`;
    /// entries are written in key order and a repeated key is rejected on input. A map that
    /// arrives as a JSON object (`{"fabric:/App": {..}}`) reads the same.
    ///
    /// ```
    /// use fabric_rest_models::{ApplicationHealthPolicies, ApplicationHealthPolicy, Percent};
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
    pub struct ApplicationHealthPolicies {
        /// The policy of each application, by application name; absent or `null` reads as
        /// empty, and an empty map is written as `[]`.
        "ApplicationHealthPolicyMap" application_health_policy_map:
            BTreeMap<String, ApplicationHealthPolicy> as KeyValueList = default,
    }
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
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// A `{Key, Value}` pair of an application health policy map, as a list writes it.
    pub struct ApplicationHealthPolicyMapItem {
        /// The application name (`fabric:/App`).
        "Key" key: String,
        /// Its policy.
        "Value" value: ApplicationHealthPolicy,
    }
}

impl KeyValueEntry for ApplicationHealthPolicyMapItem {
    type Value = ApplicationHealthPolicy;

    fn from_pair(key: String, value: ApplicationHealthPolicy) -> ApplicationHealthPolicyMapItem {
        ApplicationHealthPolicyMapItem {
            key,
            value,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// The policies a cluster health query evaluates with (GetClusterHealthUsingPolicy).
    pub struct ClusterHealthPolicies {
        /// Policies of particular applications.
        "ApplicationHealthPolicyMap" application_health_policy_map:
            Option<Vec<ApplicationHealthPolicyMapItem>> as KeyValueList,
        /// The cluster's policy.
        "ClusterHealthPolicy" cluster_health_policy: Option<ClusterHealthPolicy>,
    }
}

impl ClusterHealthPolicies {
    /// No policies: the cluster's own apply.
    pub fn new() -> ClusterHealthPolicies {
        ClusterHealthPolicies::default()
    }
}
