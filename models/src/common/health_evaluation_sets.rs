//! Health evaluations of a set of entities: the cluster's nodes or applications, the
//! services of a type, the replicas of a partition, the nodes of an upgrade domain, ...
//!
//! Each says how many entities the health store holds (`TotalCount`, a 64-bit count that
//! arrives as a string or a number and is written back as it came), the tolerance the policy
//! allowed, and the evaluation of each entity that counted against it.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{Percent, wire_struct};

use super::{HealthEvaluationWrapper, HealthState};

/// Declares the evaluation of a set of entities: the fields every evaluation has, the
/// set's own, the count and the evaluations of the unhealthy members.
macro_rules! set_evaluation {
    ($(#[$meta:meta])* $name:ident { $($(#[$fm:meta])* $wire:literal $field:ident: Option<$ty:ty>,)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// The state the evaluation arrived at.
                "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
                /// The evaluation in words.
                "Description" description: Option<String>,
                $($(#[$fm])* $wire $field: Option<$ty>,)*
                /// How many such entities the health store holds.
                "TotalCount" total_count: Option<Int64>,
                /// The evaluations of the unhealthy ones that counted against the tolerance.
                "UnhealthyEvaluations" unhealthy_evaluations: Option<Vec<HealthEvaluationWrapper>>,
            }
        }
    };
}

set_evaluation! {
    /// The evaluation of the cluster's applications.
    ApplicationsHealthEvaluation {
        /// The share of unhealthy applications the cluster policy tolerates.
        "MaxPercentUnhealthyApplications" max_percent_unhealthy_applications: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the applications of one application type.
    ApplicationTypeApplicationsHealthEvaluation {
        /// The application type.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The share of its applications that may be unhealthy, from the cluster policy's
        /// application type map.
        "MaxPercentUnhealthyApplications" max_percent_unhealthy_applications: Option<Percent>,
    }
}

set_evaluation! {
    /// How much node health worsened since a cluster upgrade began.
    DeltaNodesCheckHealthEvaluation {
        /// Nodes in error when the upgrade began.
        "BaselineErrorCount" baseline_error_count: Option<Int64>,
        /// Nodes when the upgrade began.
        "BaselineTotalCount" baseline_total_count: Option<Int64>,
        /// The worsening the upgrade health policy tolerates.
        "MaxPercentDeltaUnhealthyNodes" max_percent_delta_unhealthy_nodes: Option<Percent>,
    }
}

set_evaluation! {
    /// How much node health worsened in one upgrade domain since a cluster upgrade began.
    UpgradeDomainDeltaNodesCheckHealthEvaluation {
        /// The upgrade domain.
        "UpgradeDomainName" upgrade_domain_name: Option<String>,
        /// Its nodes in error when the upgrade began.
        "BaselineErrorCount" baseline_error_count: Option<Int64>,
        /// Its nodes when the upgrade began.
        "BaselineTotalCount" baseline_total_count: Option<Int64>,
        /// The worsening the upgrade health policy tolerates within a domain.
        "MaxPercentDeltaUnhealthyNodes" max_percent_delta_unhealthy_nodes: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of an application's deployments on nodes.
    DeployedApplicationsHealthEvaluation {
        /// The share of deployments the application policy tolerates unhealthy.
        "MaxPercentUnhealthyDeployedApplications" max_percent_unhealthy_deployed_applications: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the deployments in one upgrade domain.
    UpgradeDomainDeployedApplicationsHealthEvaluation {
        /// The upgrade domain.
        "UpgradeDomainName" upgrade_domain_name: Option<String>,
        /// The share of deployments tolerated unhealthy.
        "MaxPercentUnhealthyDeployedApplications" max_percent_unhealthy_deployed_applications: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the service packages of an application on one node.
    DeployedServicePackagesHealthEvaluation {}
}

set_evaluation! {
    /// The evaluation of the cluster's nodes.
    NodesHealthEvaluation {
        /// The share of unhealthy nodes the cluster policy tolerates.
        "MaxPercentUnhealthyNodes" max_percent_unhealthy_nodes: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the nodes of one upgrade domain.
    UpgradeDomainNodesHealthEvaluation {
        /// The upgrade domain.
        "UpgradeDomainName" upgrade_domain_name: Option<String>,
        /// The share of unhealthy nodes tolerated.
        "MaxPercentUnhealthyNodes" max_percent_unhealthy_nodes: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the nodes of one node type.
    NodeTypeNodesHealthEvaluation {
        /// The node type, as the cluster manifest names it.
        "NodeTypeName" node_type_name: Option<String>,
        /// The share of its nodes that may be unhealthy, from the cluster policy's node type
        /// map.
        "MaxPercentUnhealthyNodes" max_percent_unhealthy_nodes: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the partitions of a service.
    PartitionsHealthEvaluation {
        /// The share of partitions the service type policy tolerates unhealthy.
        "MaxPercentUnhealthyPartitionsPerService" max_percent_unhealthy_partitions_per_service: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the replicas of a partition.
    ReplicasHealthEvaluation {
        /// The share of replicas the policy tolerates unhealthy.
        "MaxPercentUnhealthyReplicasPerPartition" max_percent_unhealthy_replicas_per_partition: Option<Percent>,
    }
}

set_evaluation! {
    /// The evaluation of the services of one service type of an application.
    ServicesHealthEvaluation {
        /// The service type.
        "ServiceTypeName" service_type_name: Option<String>,
        /// The share of its services the policy tolerates unhealthy.
        "MaxPercentUnhealthyServices" max_percent_unhealthy_services: Option<Percent>,
    }
}
