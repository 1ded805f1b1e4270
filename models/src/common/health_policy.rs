//! Health policies: how the health of the cluster, an application and a service type is
//! judged, used by health queries and by upgrades.

use std::collections::BTreeMap;

use fabric_rest_runtime::{Percent, wire_struct};

use super::{KeyValueEntry, KeyValueList};

wire_struct! {
    /// The health policy of the cluster, used by health queries and upgrades.
    pub struct ClusterHealthPolicy {
        /// Whether warnings count as errors.
        "ConsiderWarningAsError" consider_warning_as_error: Option<bool>,
        /// The share of unhealthy nodes tolerated before the cluster is in error.
        "MaxPercentUnhealthyNodes" max_percent_unhealthy_nodes: Option<Percent>,
        /// The share of unhealthy applications tolerated.
        "MaxPercentUnhealthyApplications" max_percent_unhealthy_applications: Option<Percent>,
        /// Tolerances per application type, by type name; read from the spec's array or a
        /// JSON object, written as the array.
        "ApplicationTypeHealthPolicyMap" application_type_health_policy_map:
            Option<Vec<KeyPercent>> as KeyValueList,
        /// Tolerances per node type, by node type name; read as the map above.
        "NodeTypeHealthPolicyMap" node_type_health_policy_map: Option<Vec<KeyPercent>> as KeyValueList,
    }
}

impl ClusterHealthPolicy {
    /// The gateway's defaults.
    pub fn new() -> ClusterHealthPolicy {
        ClusterHealthPolicy::default()
    }
}

wire_struct! {
    /// A `{Key, Value}` pair of a percentage map.
    pub struct KeyPercent {
        /// The application type or node type name.
        "Key" key: String,
        /// The tolerated share of unhealthy entities.
        "Value" value: Percent,
    }
}

impl KeyValueEntry for KeyPercent {
    type Value = Percent;

    fn from_pair(key: String, value: Percent) -> KeyPercent {
        KeyPercent::new(key, value)
    }
}

impl KeyPercent {
    /// `value` for `key`.
    pub fn new(key: impl Into<String>, value: Percent) -> KeyPercent {
        KeyPercent {
            key: key.into(),
            value,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// How the health of one application and its children is judged.
    ///
    /// Every field is optional; the server's default applies to the ones left `None` (no
    /// warnings as errors, 0 %, an empty map).
    pub struct ApplicationHealthPolicy {
        /// Whether warnings count as errors.
        "ConsiderWarningAsError" consider_warning_as_error: Option<bool>,
        /// The largest share of deployed applications that may be unhealthy.
        "MaxPercentUnhealthyDeployedApplications" max_percent_unhealthy_deployed_applications: Option<Percent>,
        /// The policy for service types not named in the map below.
        "DefaultServiceTypeHealthPolicy" default_service_type_health_policy: Option<ServiceTypeHealthPolicy>,
        /// Policies for specific service types, by service type name; read from the spec's
        /// array or a JSON object, written as the array in name order.
        "ServiceTypeHealthPolicyMap" service_type_health_policy_map:
            Option<BTreeMap<String, ServiceTypeHealthPolicy>> as KeyValueList,
    }
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
        self.service_type_health_policy_map
            .get_or_insert_with(BTreeMap::new)
            .insert(name.into(), policy);
        self
    }
}

wire_struct! {
    /// How the health of the services of one service type is judged.
    ///
    /// Fields left `None` take the server's default of 0 %.
    pub struct ServiceTypeHealthPolicy {
        /// The largest share of a service's partitions that may be unhealthy.
        "MaxPercentUnhealthyPartitionsPerService" max_percent_unhealthy_partitions_per_service: Option<Percent>,
        /// The largest share of a partition's replicas that may be unhealthy.
        "MaxPercentUnhealthyReplicasPerPartition" max_percent_unhealthy_replicas_per_partition: Option<Percent>,
        /// The largest share of the type's services that may be unhealthy.
        "MaxPercentUnhealthyServices" max_percent_unhealthy_services: Option<Percent>,
    }
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
            unknown_fields: Default::default(),
        }
    }
}
