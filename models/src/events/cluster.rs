//! The events of the cluster itself: its upgrades, its health reports, and Chaos starting
//! and stopping.

use fabric_rest_runtime::wire::{Decimal, Int64};

use crate::common::{FailureAction, UpgradeMode};

event_enum! {
    /// An event of the cluster itself (GetClusterEventList), by `Kind`.
    pub enum ClusterEvent => FabricEvent {
        ChaosStarted(ChaosStartedEvent) = "ChaosStarted",
        ChaosStopped(ChaosStoppedEvent) = "ChaosStopped",
        ClusterHealthReportExpired(ClusterHealthReportExpiredEvent) = "ClusterHealthReportExpired",
        ClusterNewHealthReport(ClusterNewHealthReportEvent) = "ClusterNewHealthReport",
        ClusterUpgradeCompleted(ClusterUpgradeCompletedEvent) = "ClusterUpgradeCompleted",
        ClusterUpgradeDomainCompleted(ClusterUpgradeDomainCompletedEvent) = "ClusterUpgradeDomainCompleted",
        ClusterUpgradeRollbackCompleted(ClusterUpgradeRollbackCompletedEvent) = "ClusterUpgradeRollbackCompleted",
        ClusterUpgradeRollbackStarted(ClusterUpgradeRollbackStartedEvent) = "ClusterUpgradeRollbackStarted",
        ClusterUpgradeStarted(ClusterUpgradeStartedEvent) = "ClusterUpgradeStarted",
    }
}

event! {
    /// Chaos started.
    pub struct ChaosStartedEvent: cluster {
        /// How many faults may run at once.
        "MaxConcurrentFaults" max_concurrent_faults: Option<Int64>,
        /// How long it runs, in seconds.
        "TimeToRunInSeconds" time_to_run_in_seconds: Option<Decimal>,
        /// How long it waits for the cluster to become stable, in seconds.
        "MaxClusterStabilizationTimeoutInSeconds" max_cluster_stabilization_timeout_in_seconds: Option<Decimal>,
        /// The pause between iterations, in seconds.
        "WaitTimeBetweenIterationsInSeconds" wait_time_between_iterations_in_seconds: Option<Decimal>,
        /// The pause between faults, in seconds.
        "WaitTimeBetweenFaultsInSeconds" wait_time_between_faults_in_seconds: Option<Decimal>,
        /// Whether it moves replicas.
        "MoveReplicaFaultEnabled" move_replica_fault_enabled: Option<bool>,
        /// The node types it may fault, as text.
        "IncludedNodeTypeList" included_node_type_list: Option<String>,
        /// The applications it may fault, as text.
        "IncludedApplicationList" included_application_list: Option<String>,
        /// The health policy it judges stability by, as text.
        "ClusterHealthPolicy" cluster_health_policy: Option<String>,
        /// The run's context, as text.
        "ChaosContext" chaos_context: Option<String>,
    }
}

event! {
    /// Chaos stopped.
    pub struct ChaosStoppedEvent: cluster {
        /// Why.
        "Reason" reason: Option<String>,
    }
}

event! {
    /// A health report about the cluster expired.
    pub struct ClusterHealthReportExpiredEvent: cluster + health_report {}
}

event! {
    /// A health report about the cluster arrived.
    pub struct ClusterNewHealthReportEvent: cluster + health_report {}
}

event! {
    /// A cluster upgrade completed.
    pub struct ClusterUpgradeCompletedEvent: cluster {
        /// The version the cluster upgrades to.
        "TargetClusterVersion" target_cluster_version: Option<String>,
        /// How long the whole upgrade took, in milliseconds.
        "OverallUpgradeElapsedTimeInMs" overall_upgrade_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// A cluster upgrade completed upgrade domains.
    pub struct ClusterUpgradeDomainCompletedEvent: cluster {
        /// The version the cluster upgrades to.
        "TargetClusterVersion" target_cluster_version: Option<String>,
        /// Where the upgrade stands (`RollingForward`, ...).
        "UpgradeState" upgrade_state: Option<String>,
        /// The upgrade domains completed (`(0 1 2)`).
        "UpgradeDomains" upgrade_domains: Option<String>,
        /// How long the upgrade domains took, in milliseconds.
        "UpgradeDomainElapsedTimeInMs" upgrade_domain_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// A cluster upgrade's rollback completed.
    pub struct ClusterUpgradeRollbackCompletedEvent: cluster {
        /// The version the cluster upgrades to.
        "TargetClusterVersion" target_cluster_version: Option<String>,
        /// Why it failed (`HealthCheck`, `UpgradeDomainTimeout`, ...).
        "FailureReason" failure_reason: Option<String>,
        /// How long the whole upgrade took, in milliseconds.
        "OverallUpgradeElapsedTimeInMs" overall_upgrade_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// A cluster upgrade started rolling back.
    pub struct ClusterUpgradeRollbackStartedEvent: cluster {
        /// The version the cluster upgrades to.
        "TargetClusterVersion" target_cluster_version: Option<String>,
        /// Why it failed (`HealthCheck`, `UpgradeDomainTimeout`, ...).
        "FailureReason" failure_reason: Option<String>,
        /// How long the whole upgrade took, in milliseconds.
        "OverallUpgradeElapsedTimeInMs" overall_upgrade_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// A cluster upgrade started.
    pub struct ClusterUpgradeStartedEvent: cluster {
        /// The version the cluster runs before the upgrade.
        "CurrentClusterVersion" current_cluster_version: Option<String>,
        /// The version the cluster upgrades to.
        "TargetClusterVersion" target_cluster_version: Option<String>,
        /// The kind of upgrade (`Rolling`).
        "UpgradeType" upgrade_type: Option<String>,
        /// How the upgrade moves through upgrade domains.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// What the upgrade does when health checks fail.
        "FailureAction" failure_action: Option<FailureAction>,
    }
}
