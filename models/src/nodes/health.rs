//! The health of a node and of what is deployed on it (GetNodeHealth,
//! GetDeployedApplicationHealth, GetDeployedServicePackageHealth).

use fabric_rest_runtime::wire_struct;

use crate::common::{HealthEvaluationWrapper, HealthEvent, HealthState, HealthStatistics};

wire_struct! {
    /// The health of a node (GetNodeHealth).
    pub struct NodeHealth {
        /// The node's name.
        "Name" name: Option<String>,
        /// The node's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about the node.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why the node is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
    }
}

wire_struct! {
    /// The health of an application on one node (GetDeployedApplicationHealth).
    pub struct DeployedApplicationHealth {
        /// The application's name (`fabric:/App`).
        "Name" name: Option<String>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The deployed application's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about it.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why it is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
        /// The states of its service packages, as filtered.
        "DeployedServicePackageHealthStates"
            deployed_service_package_health_states: Option<Vec<DeployedServicePackageHealthState>>,
    }
}

wire_struct! {
    /// The state of one deployed service package.
    pub struct DeployedServicePackageHealthState {
        /// Its state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The activation id of the package.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
    }
}

wire_struct! {
    /// The health of a service package on one node (GetDeployedServicePackageHealth).
    pub struct DeployedServicePackageHealth {
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The package's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about it.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why it is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
    }
}
