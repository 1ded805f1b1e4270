//! Why an entity is unhealthy: health evaluations, polymorphic by `Kind`.

use fabric_rest_runtime::{open_enum, wire_struct};

use super::{HealthEvent, HealthState};

open_enum! {
    /// What a health evaluation judged: the `Kind` of a `HealthEvaluation`.
    pub enum HealthEvaluationKind {
        Invalid = "Invalid",
        Event = "Event",
        Replicas = "Replicas",
        Partitions = "Partitions",
        DeployedServicePackages = "DeployedServicePackages",
        DeployedApplications = "DeployedApplications",
        Services = "Services",
        Nodes = "Nodes",
        Applications = "Applications",
        SystemApplication = "SystemApplication",
        UpgradeDomainDeployedApplications = "UpgradeDomainDeployedApplications",
        UpgradeDomainNodes = "UpgradeDomainNodes",
        Replica = "Replica",
        Partition = "Partition",
        DeployedServicePackage = "DeployedServicePackage",
        DeployedApplication = "DeployedApplication",
        Service = "Service",
        Node = "Node",
        Application = "Application",
        DeltaNodesCheck = "DeltaNodesCheck",
        UpgradeDomainDeltaNodesCheck = "UpgradeDomainDeltaNodesCheck",
        ApplicationTypeApplications = "ApplicationTypeApplications",
        NodeTypeNodes = "NodeTypeNodes",
    }
}

wire_struct! {
    /// Why an entity is unhealthy: one evaluation, polymorphic by [`kind`](Self::kind).
    ///
    /// The fields every kind shares are typed; the ones of a particular kind (`NodeName`,
    /// `MaxPercentUnhealthyNodes`, `TotalCount`, ...) are kept by name in
    /// [`unknown_fields`](Self::unknown_fields).
    pub struct HealthEvaluation {
        /// What was evaluated.
        "Kind" kind: HealthEvaluationKind,
        /// The state the evaluation arrived at.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The evaluation in words.
        "Description" description: Option<String>,
        /// The evaluations of children that led to this one.
        "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
        /// For `Event` evaluations: the report at fault.
        "UnhealthyEvent" unhealthy_event: Option<HealthEvent>,
    }
}

wire_struct! {
    /// The gateway's wrapping of one [`HealthEvaluation`] in a list.
    pub struct HealthEvaluationWrapper {
        /// The evaluation.
        "HealthEvaluation" health_evaluation: HealthEvaluation,
    }
}
