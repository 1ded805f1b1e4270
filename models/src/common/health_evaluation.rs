//! Why an entity is unhealthy: health evaluations, polymorphic by `Kind`.
//!
//! An evaluation of one entity (an application, a node, a replica, ...) lives here; the
//! evaluations of a set of entities (all applications, the nodes of an upgrade domain, ...)
//! live in `health_evaluation_sets`.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::{
    ApplicationTypeApplicationsHealthEvaluation, ApplicationsHealthEvaluation, DeltaNodesCheckHealthEvaluation,
    DeployedApplicationsHealthEvaluation, DeployedServicePackagesHealthEvaluation, HealthEvent, HealthState,
    NodeTypeNodesHealthEvaluation, NodesHealthEvaluation, PartitionsHealthEvaluation, ReplicasHealthEvaluation,
    ServicesHealthEvaluation, UpgradeDomainDeltaNodesCheckHealthEvaluation,
    UpgradeDomainDeployedApplicationsHealthEvaluation, UpgradeDomainNodesHealthEvaluation,
};

open_enum! {
    /// What a health evaluation judged: the `Kind` of a [`HealthEvaluation`].
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

kind_enum! {
    /// Why an entity is unhealthy: one evaluation of the health store, by `Kind`.
    ///
    /// Evaluations nest: an application's evaluation holds the evaluations of its
    /// services, each of those the evaluations of its partitions, down to the health event
    /// at fault ([`Event`](Self::Event)). A kind this library does not know is kept whole
    /// in [`Unknown`](Self::Unknown).
    pub enum HealthEvaluation by "Kind" {
        /// One health event.
        Event(EventHealthEvaluation) = "Event",
        /// The replicas of a partition.
        Replicas(ReplicasHealthEvaluation) = "Replicas",
        /// The partitions of a service.
        Partitions(PartitionsHealthEvaluation) = "Partitions",
        /// The service packages of a deployed application.
        DeployedServicePackages(DeployedServicePackagesHealthEvaluation) = "DeployedServicePackages",
        /// The deployed applications of an application.
        DeployedApplications(DeployedApplicationsHealthEvaluation) = "DeployedApplications",
        /// The services of one service type of an application.
        Services(ServicesHealthEvaluation) = "Services",
        /// The nodes of the cluster.
        Nodes(NodesHealthEvaluation) = "Nodes",
        /// The applications of the cluster.
        Applications(ApplicationsHealthEvaluation) = "Applications",
        /// The `fabric:/System` application.
        SystemApplication(SystemApplicationHealthEvaluation) = "SystemApplication",
        /// The deployed applications of one upgrade domain.
        UpgradeDomainDeployedApplications(UpgradeDomainDeployedApplicationsHealthEvaluation) =
            "UpgradeDomainDeployedApplications",
        /// The nodes of one upgrade domain.
        UpgradeDomainNodes(UpgradeDomainNodesHealthEvaluation) = "UpgradeDomainNodes",
        /// One replica or instance.
        Replica(ReplicaHealthEvaluation) = "Replica",
        /// One partition.
        Partition(PartitionHealthEvaluation) = "Partition",
        /// One deployed service package.
        DeployedServicePackage(DeployedServicePackageHealthEvaluation) = "DeployedServicePackage",
        /// One deployed application.
        DeployedApplication(DeployedApplicationHealthEvaluation) = "DeployedApplication",
        /// One service.
        Service(ServiceHealthEvaluation) = "Service",
        /// One node.
        Node(NodeHealthEvaluation) = "Node",
        /// One application.
        Application(ApplicationHealthEvaluation) = "Application",
        /// How much node health worsened since a cluster upgrade began.
        DeltaNodesCheck(DeltaNodesCheckHealthEvaluation) = "DeltaNodesCheck",
        /// How much node health worsened in one upgrade domain since a cluster upgrade began.
        UpgradeDomainDeltaNodesCheck(UpgradeDomainDeltaNodesCheckHealthEvaluation) = "UpgradeDomainDeltaNodesCheck",
        /// The applications of one application type.
        ApplicationTypeApplications(ApplicationTypeApplicationsHealthEvaluation) = "ApplicationTypeApplications",
        /// The nodes of one node type.
        NodeTypeNodes(NodeTypeNodesHealthEvaluation) = "NodeTypeNodes",
    }
}

impl HealthEvaluation {
    /// The kind as an open enum.
    pub fn evaluation_kind(&self) -> HealthEvaluationKind {
        HealthEvaluationKind::from(self.kind())
    }
}

wire_struct! {
    /// The gateway's wrapping of one [`HealthEvaluation`] in a list.
    pub struct HealthEvaluationWrapper {
        /// The evaluation.
        "HealthEvaluation" health_evaluation: HealthEvaluation,
    }
}

wire_struct! {
    /// A health event that made its entity unhealthy.
    pub struct EventHealthEvaluation {
        /// The state the evaluation arrived at.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// The evaluation in words.
        "Description" description: Option<String>,
        /// Whether warnings counted as errors.
        "ConsiderWarningAsError" consider_warning_as_error: Option<bool>,
        /// The event at fault.
        "UnhealthyEvent" unhealthy_event: Option<HealthEvent>,
    }
}

/// Declares the evaluation of one entity: the two fields every evaluation has, the ones
/// naming the entity, and the child evaluations that led to its state.
macro_rules! entity_evaluation {
    ($(#[$meta:meta])* $name:ident { $($(#[$fm:meta])* $wire:literal $field:ident: Option<$ty:ty>,)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// The state the evaluation arrived at.
                "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
                /// The evaluation in words.
                "Description" description: Option<String>,
                $($(#[$fm])* $wire $field: Option<$ty>,)*
                /// The evaluations of children (or events) that led to this state.
                "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
            }
        }
    };
}

entity_evaluation! {
    /// The evaluation of one application.
    ApplicationHealthEvaluation {
        /// The application's name (`fabric:/App`).
        "ApplicationName" application_name: Option<String>,
    }
}

entity_evaluation! {
    /// The evaluation of an application on one node.
    DeployedApplicationHealthEvaluation {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
    }
}

entity_evaluation! {
    /// The evaluation of a service package on one node.
    DeployedServicePackageHealthEvaluation {
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
    }
}

entity_evaluation! {
    /// The evaluation of one node.
    NodeHealthEvaluation {
        /// The node's name.
        "NodeName" node_name: Option<String>,
    }
}

entity_evaluation! {
    /// The evaluation of one partition.
    PartitionHealthEvaluation {
        /// The partition's id (a GUID).
        "PartitionId" partition_id: Option<String>,
    }
}

entity_evaluation! {
    /// The evaluation of one replica or instance.
    ReplicaHealthEvaluation {
        /// The id of its partition.
        "PartitionId" partition_id: Option<String>,
        /// The replica's or instance's id.
        "ReplicaOrInstanceId" replica_or_instance_id: Option<Int64>,
    }
}

entity_evaluation! {
    /// The evaluation of one service.
    ServiceHealthEvaluation {
        /// The service's name (`fabric:/App/Svc`).
        "ServiceName" service_name: Option<String>,
    }
}

entity_evaluation! {
    /// The evaluation of the `fabric:/System` application.
    SystemApplicationHealthEvaluation {}
}
