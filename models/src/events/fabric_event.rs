//! Events of every kind, as GetCorrelatedEventList returns them, their kinds, and the
//! events of containers.

use fabric_rest_runtime::open_enum;

// Every kind of every category.
use super::*;
use crate::common::Timestamp;

event_enum! {
    /// An event of any kind, by `Kind` (GetCorrelatedEventList). Each category's enum
    /// ([`ClusterEvent`], [`NodeEvent`], [`ApplicationEvent`], [`ServiceEvent`],
    /// [`PartitionEvent`], [`ReplicaEvent`]) converts into it with `From`.
    pub enum FabricEvent {
        ChaosStarted(ChaosStartedEvent) = "ChaosStarted",
        ChaosStopped(ChaosStoppedEvent) = "ChaosStopped",
        ClusterHealthReportExpired(ClusterHealthReportExpiredEvent) = "ClusterHealthReportExpired",
        ClusterNewHealthReport(ClusterNewHealthReportEvent) = "ClusterNewHealthReport",
        ClusterUpgradeCompleted(ClusterUpgradeCompletedEvent) = "ClusterUpgradeCompleted",
        ClusterUpgradeDomainCompleted(ClusterUpgradeDomainCompletedEvent) = "ClusterUpgradeDomainCompleted",
        ClusterUpgradeRollbackCompleted(ClusterUpgradeRollbackCompletedEvent) = "ClusterUpgradeRollbackCompleted",
        ClusterUpgradeRollbackStarted(ClusterUpgradeRollbackStartedEvent) = "ClusterUpgradeRollbackStarted",
        ClusterUpgradeStarted(ClusterUpgradeStartedEvent) = "ClusterUpgradeStarted",
        ChaosNodeRestartScheduled(ChaosNodeRestartScheduledEvent) = "ChaosNodeRestartScheduled",
        NodeAborted(NodeAbortedEvent) = "NodeAborted",
        NodeAddedToCluster(NodeAddedToClusterEvent) = "NodeAddedToCluster",
        NodeClosed(NodeClosedEvent) = "NodeClosed",
        NodeDeactivateCompleted(NodeDeactivateCompletedEvent) = "NodeDeactivateCompleted",
        NodeDeactivateStarted(NodeDeactivateStartedEvent) = "NodeDeactivateStarted",
        NodeDown(NodeDownEvent) = "NodeDown",
        NodeHealthReportExpired(NodeHealthReportExpiredEvent) = "NodeHealthReportExpired",
        NodeNewHealthReport(NodeNewHealthReportEvent) = "NodeNewHealthReport",
        NodeOpenFailed(NodeOpenFailedEvent) = "NodeOpenFailed",
        NodeOpenSucceeded(NodeOpenSucceededEvent) = "NodeOpenSucceeded",
        NodeRemovedFromCluster(NodeRemovedFromClusterEvent) = "NodeRemovedFromCluster",
        NodeUp(NodeUpEvent) = "NodeUp",
        ApplicationContainerInstanceExited(ApplicationContainerInstanceExitedEvent) = "ApplicationContainerInstanceExited",
        ApplicationCreated(ApplicationCreatedEvent) = "ApplicationCreated",
        ApplicationDeleted(ApplicationDeletedEvent) = "ApplicationDeleted",
        ApplicationHealthReportExpired(ApplicationHealthReportExpiredEvent) = "ApplicationHealthReportExpired",
        ApplicationNewHealthReport(ApplicationNewHealthReportEvent) = "ApplicationNewHealthReport",
        ApplicationProcessExited(ApplicationProcessExitedEvent) = "ApplicationProcessExited",
        ApplicationUpgradeCompleted(ApplicationUpgradeCompletedEvent) = "ApplicationUpgradeCompleted",
        ApplicationUpgradeDomainCompleted(ApplicationUpgradeDomainCompletedEvent) = "ApplicationUpgradeDomainCompleted",
        ApplicationUpgradeRollbackCompleted(ApplicationUpgradeRollbackCompletedEvent) = "ApplicationUpgradeRollbackCompleted",
        ApplicationUpgradeRollbackStarted(ApplicationUpgradeRollbackStartedEvent) = "ApplicationUpgradeRollbackStarted",
        ApplicationUpgradeStarted(ApplicationUpgradeStartedEvent) = "ApplicationUpgradeStarted",
        ChaosCodePackageRestartScheduled(ChaosCodePackageRestartScheduledEvent) = "ChaosCodePackageRestartScheduled",
        DeployedApplicationHealthReportExpired(DeployedApplicationHealthReportExpiredEvent) = "DeployedApplicationHealthReportExpired",
        DeployedApplicationNewHealthReport(DeployedApplicationNewHealthReportEvent) = "DeployedApplicationNewHealthReport",
        DeployedServicePackageHealthReportExpired(DeployedServicePackageHealthReportExpiredEvent) = "DeployedServicePackageHealthReportExpired",
        DeployedServicePackageNewHealthReport(DeployedServicePackageNewHealthReportEvent) = "DeployedServicePackageNewHealthReport",
        ServiceCreated(ServiceCreatedEvent) = "ServiceCreated",
        ServiceDeleted(ServiceDeletedEvent) = "ServiceDeleted",
        ServiceHealthReportExpired(ServiceHealthReportExpiredEvent) = "ServiceHealthReportExpired",
        ServiceNewHealthReport(ServiceNewHealthReportEvent) = "ServiceNewHealthReport",
        ChaosPartitionPrimaryMoveScheduled(ChaosPartitionPrimaryMoveScheduledEvent) = "ChaosPartitionPrimaryMoveScheduled",
        ChaosPartitionSecondaryMoveScheduled(ChaosPartitionSecondaryMoveScheduledEvent) = "ChaosPartitionSecondaryMoveScheduled",
        PartitionHealthReportExpired(PartitionHealthReportExpiredEvent) = "PartitionHealthReportExpired",
        PartitionNewHealthReport(PartitionNewHealthReportEvent) = "PartitionNewHealthReport",
        PartitionReconfigured(PartitionReconfiguredEvent) = "PartitionReconfigured",
        PartitionPrimaryMoveAnalysis(PartitionPrimaryMoveAnalysisEvent) = "PartitionPrimaryMoveAnalysis",
        ChaosReplicaRemovalScheduled(ChaosReplicaRemovalScheduledEvent) = "ChaosReplicaRemovalScheduled",
        ChaosReplicaRestartScheduled(ChaosReplicaRestartScheduledEvent) = "ChaosReplicaRestartScheduled",
        StatefulReplicaHealthReportExpired(StatefulReplicaHealthReportExpiredEvent) = "StatefulReplicaHealthReportExpired",
        StatefulReplicaNewHealthReport(StatefulReplicaNewHealthReportEvent) = "StatefulReplicaNewHealthReport",
        StatelessReplicaHealthReportExpired(StatelessReplicaHealthReportExpiredEvent) = "StatelessReplicaHealthReportExpired",
        StatelessReplicaNewHealthReport(StatelessReplicaNewHealthReportEvent) = "StatelessReplicaNewHealthReport",
    }
}

open_enum! {
    /// The kind of an event: the `Kind` of a [`FabricEvent`], and the values
    /// [`EventKindFilter`](super::EventKindFilter) sends. The first eight name categories
    /// rather than kinds.
    pub enum FabricEventKind {
        ClusterEvent = "ClusterEvent",
        ContainerInstanceEvent = "ContainerInstanceEvent",
        NodeEvent = "NodeEvent",
        ApplicationEvent = "ApplicationEvent",
        ServiceEvent = "ServiceEvent",
        PartitionEvent = "PartitionEvent",
        ReplicaEvent = "ReplicaEvent",
        PartitionAnalysisEvent = "PartitionAnalysisEvent",
        ApplicationCreated = "ApplicationCreated",
        ApplicationDeleted = "ApplicationDeleted",
        ApplicationNewHealthReport = "ApplicationNewHealthReport",
        ApplicationHealthReportExpired = "ApplicationHealthReportExpired",
        ApplicationUpgradeCompleted = "ApplicationUpgradeCompleted",
        ApplicationUpgradeDomainCompleted = "ApplicationUpgradeDomainCompleted",
        ApplicationUpgradeRollbackCompleted = "ApplicationUpgradeRollbackCompleted",
        ApplicationUpgradeRollbackStarted = "ApplicationUpgradeRollbackStarted",
        ApplicationUpgradeStarted = "ApplicationUpgradeStarted",
        DeployedApplicationNewHealthReport = "DeployedApplicationNewHealthReport",
        DeployedApplicationHealthReportExpired = "DeployedApplicationHealthReportExpired",
        ApplicationProcessExited = "ApplicationProcessExited",
        ApplicationContainerInstanceExited = "ApplicationContainerInstanceExited",
        NodeAborted = "NodeAborted",
        NodeAddedToCluster = "NodeAddedToCluster",
        NodeClosed = "NodeClosed",
        NodeDeactivateCompleted = "NodeDeactivateCompleted",
        NodeDeactivateStarted = "NodeDeactivateStarted",
        NodeDown = "NodeDown",
        NodeNewHealthReport = "NodeNewHealthReport",
        NodeHealthReportExpired = "NodeHealthReportExpired",
        NodeOpenSucceeded = "NodeOpenSucceeded",
        NodeOpenFailed = "NodeOpenFailed",
        NodeRemovedFromCluster = "NodeRemovedFromCluster",
        NodeUp = "NodeUp",
        PartitionNewHealthReport = "PartitionNewHealthReport",
        PartitionHealthReportExpired = "PartitionHealthReportExpired",
        PartitionReconfigured = "PartitionReconfigured",
        PartitionPrimaryMoveAnalysis = "PartitionPrimaryMoveAnalysis",
        ServiceCreated = "ServiceCreated",
        ServiceDeleted = "ServiceDeleted",
        ServiceNewHealthReport = "ServiceNewHealthReport",
        ServiceHealthReportExpired = "ServiceHealthReportExpired",
        DeployedServicePackageNewHealthReport = "DeployedServicePackageNewHealthReport",
        DeployedServicePackageHealthReportExpired = "DeployedServicePackageHealthReportExpired",
        StatefulReplicaNewHealthReport = "StatefulReplicaNewHealthReport",
        StatefulReplicaHealthReportExpired = "StatefulReplicaHealthReportExpired",
        StatelessReplicaNewHealthReport = "StatelessReplicaNewHealthReport",
        StatelessReplicaHealthReportExpired = "StatelessReplicaHealthReportExpired",
        ClusterNewHealthReport = "ClusterNewHealthReport",
        ClusterHealthReportExpired = "ClusterHealthReportExpired",
        ClusterUpgradeCompleted = "ClusterUpgradeCompleted",
        ClusterUpgradeDomainCompleted = "ClusterUpgradeDomainCompleted",
        ClusterUpgradeRollbackCompleted = "ClusterUpgradeRollbackCompleted",
        ClusterUpgradeRollbackStarted = "ClusterUpgradeRollbackStarted",
        ClusterUpgradeStarted = "ClusterUpgradeStarted",
        ChaosStopped = "ChaosStopped",
        ChaosStarted = "ChaosStarted",
        ChaosCodePackageRestartScheduled = "ChaosCodePackageRestartScheduled",
        ChaosReplicaRemovalScheduled = "ChaosReplicaRemovalScheduled",
        ChaosPartitionSecondaryMoveScheduled = "ChaosPartitionSecondaryMoveScheduled",
        ChaosPartitionPrimaryMoveScheduled = "ChaosPartitionPrimaryMoveScheduled",
        ChaosReplicaRestartScheduled = "ChaosReplicaRestartScheduled",
        ChaosNodeRestartScheduled = "ChaosNodeRestartScheduled",
    }
}

fabric_rest_runtime::wire_struct! {
    /// An event of a container (GetContainersEventList). No kind of its own is listed yet,
    /// so an event keeps its `Kind` and every field beyond the ones all events share.
    pub struct ContainerInstanceEvent {
        /// The event's kind.
        "Kind" kind: Option<FabricEventKind>,
        /// The event's id, by which its correlated events are asked for.
        "EventInstanceId" event_instance_id: Option<String>,
        /// The event's category (`Operational`, ...).
        "Category" category: Option<String>,
        /// When it happened.
        "TimeStamp" time_stamp: Option<Timestamp>,
        /// Whether it has correlated events.
        "HasCorrelatedEvents" has_correlated_events: Option<bool>,
    }
}
