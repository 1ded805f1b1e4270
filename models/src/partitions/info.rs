//! Partitions as the cluster lists them, and their load.

use fabric_rest_runtime::wire::{Decimal, Int64};
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use crate::common::{Epoch, HealthState, IsoDuration, PartitionInformation, Timestamp};

open_enum! {
    /// Where a partition stands.
    pub enum ServicePartitionStatus {
        Invalid = "Invalid",
        /// Enough replicas or instances are up.
        Ready = "Ready",
        /// None of the other states.
        NotReady = "NotReady",
        /// Fewer replicas are up than the minimum replica set size.
        InQuorumLoss = "InQuorumLoss",
        /// Its replica set is changing.
        Reconfiguring = "Reconfiguring",
        /// Being deleted.
        Deleting = "Deleting",
    }
}

kind_enum! {
    /// A partition of a service (GetPartitionInfo, GetPartitionInfoList), by `ServiceKind`.
    pub enum ServicePartitionInfo by "ServiceKind" {
        /// A partition of a stateful service.
        Stateful(StatefulServicePartitionInfo) = "Stateful",
        /// A partition of a stateless service.
        Stateless(StatelessServicePartitionInfo) = "Stateless",
    }
}

impl ServicePartitionInfo {
    /// The partition's id and key range, whatever the service's kind.
    pub fn partition_information(&self) -> Option<&PartitionInformation> {
        match self {
            ServicePartitionInfo::Stateful(partition) => partition.partition_information.as_ref(),
            ServicePartitionInfo::Stateless(partition) => partition.partition_information.as_ref(),
            ServicePartitionInfo::Unknown(_) => None,
        }
    }
}

wire_struct! {
    /// A partition of a stateful service.
    pub struct StatefulServicePartitionInfo {
        /// Its health.
        "HealthState" health_state: Option<HealthState>,
        /// Where it stands.
        "PartitionStatus" partition_status: Option<ServicePartitionStatus>,
        /// Its id and key range.
        "PartitionInformation" partition_information: Option<PartitionInformation>,
        /// The number of replicas wanted.
        "TargetReplicaSetSize" target_replica_set_size: Option<Int64>,
        /// The fewest replicas it runs with.
        "MinReplicaSetSize" min_replica_set_size: Option<Int64>,
        /// The number of auxiliary replicas.
        "AuxiliaryReplicaCount" auxiliary_replica_count: Option<Int64>,
        /// How long it was last in quorum loss (or has been, if it is), as the spec names
        /// it.
        "LastQuorumLossDuration" last_quorum_loss_duration: Option<IsoDuration>,
        /// Its configuration number, as the spec names it.
        "PrimaryEpoch" primary_epoch: Option<Epoch>,
        /// How long it was last in quorum loss, in seconds: what gateways send in place of
        /// `LastQuorumLossDuration`.
        "LastQuorumLossDurationInSeconds" last_quorum_loss_duration_in_seconds: Option<Int64>,
        /// Its configuration number: what gateways send in place of `PrimaryEpoch`.
        "CurrentConfigurationEpoch" current_configuration_epoch: Option<Epoch>,
    }
}

wire_struct! {
    /// A partition of a stateless service.
    pub struct StatelessServicePartitionInfo {
        /// Its health.
        "HealthState" health_state: Option<HealthState>,
        /// Where it stands.
        "PartitionStatus" partition_status: Option<ServicePartitionStatus>,
        /// Its id and key range.
        "PartitionInformation" partition_information: Option<PartitionInformation>,
        /// The number of instances.
        "InstanceCount" instance_count: Option<Int64>,
        /// The fewest instances kept up during upgrades and deactivations.
        "MinInstanceCount" min_instance_count: Option<Int64>,
        /// The smallest share of instances kept up.
        "MinInstancePercentage" min_instance_percentage: Option<Int64>,
    }
}

wire_struct! {
    /// The service a partition belongs to (GetServiceNameInfo).
    pub struct ServiceNameInfo {
        /// The service's REST id.
        "Id" id: Option<String>,
        /// Its name.
        "Name" name: Option<String>,
    }
}

wire_struct! {
    /// The loads a partition's replicas reported (GetPartitionLoadInformation); a metric
    /// nobody reported shows the service's default load, reported at year 1.
    pub struct PartitionLoadInformation {
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
        /// The primary's loads.
        "PrimaryLoadMetricReports" primary_load_metric_reports: Option<Vec<LoadMetricReport>>,
        /// The secondaries' latest loads.
        "SecondaryLoadMetricReports" secondary_load_metric_reports: Option<Vec<LoadMetricReport>>,
        /// The auxiliary replicas' latest loads.
        "AuxiliaryLoadMetricReports" auxiliary_load_metric_reports: Option<Vec<LoadMetricReport>>,
    }
}

wire_struct! {
    /// One reported load. The loads are [`Decimal`]s: the spec types them as strings, and
    /// each keeps the form it came in.
    pub struct LoadMetricReport {
        /// When it was reported.
        "LastReportedUtc" last_reported_utc: Option<Timestamp>,
        /// The metric's name.
        "Name" name: Option<String>,
        /// The load, as an integer; superseded by `CurrentValue`.
        "Value" value: Option<Decimal>,
        /// The load.
        "CurrentValue" current_value: Option<Decimal>,
    }
}
