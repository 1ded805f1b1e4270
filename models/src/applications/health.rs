//! The health of an application (GetApplicationHealth).

use fabric_rest_runtime::wire_struct;

use crate::common::{HealthEvaluationWrapper, HealthEvent, HealthState, HealthStatistics};

wire_struct! {
    /// The health of an application and of its services and deployments.
    pub struct ApplicationHealth {
        /// The application's state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Reports about the application itself.
        "HealthEvents" health_events: Option<Vec<HealthEvent>>,
        /// Why it is not `Ok`.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// Counts of children by state, when asked for.
        "HealthStatistics" health_statistics: Option<HealthStatistics>,
        /// The application's name.
        "Name" name: Option<String>,
        /// Its services' states, as filtered.
        "ServiceHealthStates" service_health_states: Option<Vec<ServiceHealthState>>,
        /// Its deployments' states, as filtered.
        "DeployedApplicationHealthStates" deployed_application_health_states: Option<Vec<DeployedApplicationHealthState>>,
    }
}

wire_struct! {
    /// The state of one service of an application.
    pub struct ServiceHealthState {
        /// The state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The service's name.
        "ServiceName" service_name: Option<String>,
    }
}

wire_struct! {
    /// The state of an application on one node.
    pub struct DeployedApplicationHealthState {
        /// The state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
    }
}
