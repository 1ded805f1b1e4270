//! What a fault operation is done to, how it starts and how its progress reads.

use crate::faults::{NodeTransitions, PartitionFaults};
use crate::models::{
    DataLossMode, FaultDuration, NodeTransitionProgress, NodeTransitionType, OperationId, OperationState,
    PartitionDataLossProgress, PartitionQuorumLossProgress, PartitionRestartProgress, QuorumLossMode,
    RestartPartitionMode,
};
use crate::{Error, ServerTimeout, Transport};

/// A fault to induce, and where. `service_id` is the service's name without `fabric:/`
/// (`myapp~myservice`), as the fault operations take it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Fault {
    /// Data loss of a partition (StartDataLoss).
    DataLoss {
        /// The partition's service.
        service_id: String,
        /// The partition's id.
        partition_id: String,
        /// How much data is lost.
        mode: DataLossMode,
    },
    /// Quorum loss of a partition for a while (StartQuorumLoss).
    QuorumLoss {
        /// The partition's service.
        service_id: String,
        /// The partition's id.
        partition_id: String,
        /// Which replicas go down.
        mode: QuorumLossMode,
        /// How long the partition stays without quorum.
        duration: FaultDuration,
    },
    /// A restart of a partition's replicas (StartPartitionRestart).
    PartitionRestart {
        /// The partition's service.
        service_id: String,
        /// The partition's id.
        partition_id: String,
        /// Which replicas restart.
        mode: RestartPartitionMode,
    },
    /// A node stopped or started (StartNodeTransition).
    NodeTransition {
        /// The node.
        node_name: String,
        /// Stop or start.
        transition: NodeTransitionType,
        /// The node's instance id now ([`NodeInfo::instance_id`](crate::models::NodeInfo), as text).
        node_instance_id: String,
        /// How long a stopped node stays down before it starts by itself.
        stop_duration: FaultDuration,
    },
}

impl Fault {
    /// Data loss of `partition_id` of `service_id`.
    pub fn data_loss(service_id: impl Into<String>, partition_id: impl Into<String>, mode: DataLossMode) -> Fault {
        Fault::DataLoss {
            service_id: service_id.into(),
            partition_id: partition_id.into(),
            mode,
        }
    }

    /// Quorum loss of `partition_id` of `service_id` for `duration`.
    pub fn quorum_loss(
        service_id: impl Into<String>,
        partition_id: impl Into<String>,
        mode: QuorumLossMode,
        duration: FaultDuration,
    ) -> Fault {
        Fault::QuorumLoss {
            service_id: service_id.into(),
            partition_id: partition_id.into(),
            mode,
            duration,
        }
    }

    /// A restart of `partition_id` of `service_id`.
    pub fn partition_restart(
        service_id: impl Into<String>,
        partition_id: impl Into<String>,
        mode: RestartPartitionMode,
    ) -> Fault {
        Fault::PartitionRestart {
            service_id: service_id.into(),
            partition_id: partition_id.into(),
            mode,
        }
    }

    /// A transition of `node_name`, now running as `node_instance_id`.
    pub fn node_transition(
        node_name: impl Into<String>,
        transition: NodeTransitionType,
        node_instance_id: impl Into<String>,
        stop_duration: FaultDuration,
    ) -> Fault {
        Fault::NodeTransition {
            node_name: node_name.into(),
            transition,
            node_instance_id: node_instance_id.into(),
            stop_duration,
        }
    }

    /// `the data loss of partition P of service S`, for messages.
    pub(super) fn what(&self, id: OperationId) -> String {
        let what = match self {
            Fault::DataLoss {
                service_id,
                partition_id,
                ..
            } => {
                format!("the data loss of partition {partition_id} of service {service_id}")
            }
            Fault::QuorumLoss {
                service_id,
                partition_id,
                ..
            } => {
                format!("the quorum loss of partition {partition_id} of service {service_id}")
            }
            Fault::PartitionRestart {
                service_id,
                partition_id,
                ..
            } => {
                format!("the restart of partition {partition_id} of service {service_id}")
            }
            Fault::NodeTransition {
                node_name, transition, ..
            } => {
                format!("the {} transition of node {node_name}", transition.as_str())
            }
        };
        format!("{what} (operation {id})")
    }

    /// Sends the start once.
    pub(super) async fn start<C: Transport>(
        &self,
        client: &C,
        id: OperationId,
        timeout: Option<ServerTimeout>,
    ) -> Result<(), Error> {
        match self {
            Fault::DataLoss {
                service_id,
                partition_id,
                mode,
            } => {
                client
                    .start_data_loss(service_id, partition_id, id, mode.clone(), timeout)
                    .await?;
            }
            Fault::QuorumLoss {
                service_id,
                partition_id,
                mode,
                duration,
            } => {
                client
                    .start_quorum_loss(service_id, partition_id, id, mode.clone(), *duration, timeout)
                    .await?;
            }
            Fault::PartitionRestart {
                service_id,
                partition_id,
                mode,
            } => {
                client
                    .start_partition_restart(service_id, partition_id, id, mode.clone(), timeout)
                    .await?;
            }
            Fault::NodeTransition {
                node_name,
                transition,
                node_instance_id,
                stop_duration,
            } => {
                client
                    .start_node_transition(
                        node_name,
                        id,
                        transition.clone(),
                        node_instance_id,
                        *stop_duration,
                        timeout,
                    )
                    .await?;
            }
        }
        Ok(())
    }

    /// Reads the progress once.
    pub(super) async fn progress<C: Transport>(
        &self,
        client: &C,
        id: OperationId,
        timeout: Option<ServerTimeout>,
    ) -> Result<FaultProgress, Error> {
        Ok(match self {
            Fault::DataLoss {
                service_id,
                partition_id,
                ..
            } => FaultProgress::DataLoss(
                client
                    .get_data_loss_progress(service_id, partition_id, id, timeout)
                    .await?,
            ),
            Fault::QuorumLoss {
                service_id,
                partition_id,
                ..
            } => FaultProgress::QuorumLoss(
                client
                    .get_quorum_loss_progress(service_id, partition_id, id, timeout)
                    .await?,
            ),
            Fault::PartitionRestart {
                service_id,
                partition_id,
                ..
            } => FaultProgress::PartitionRestart(
                client
                    .get_partition_restart_progress(service_id, partition_id, id, timeout)
                    .await?,
            ),
            Fault::NodeTransition { node_name, .. } => {
                FaultProgress::NodeTransition(client.get_node_transition_progress(node_name, id, timeout).await?)
            }
        })
    }
}

/// What one progress request reads, by the kind of fault.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FaultProgress {
    /// GetDataLossProgress.
    DataLoss(PartitionDataLossProgress),
    /// GetQuorumLossProgress.
    QuorumLoss(PartitionQuorumLossProgress),
    /// GetPartitionRestartProgress.
    PartitionRestart(PartitionRestartProgress),
    /// GetNodeTransitionProgress.
    NodeTransition(NodeTransitionProgress),
}

impl FaultProgress {
    /// Where the operation stands, when the gateway said.
    pub fn state(&self) -> Option<&OperationState> {
        match self {
            FaultProgress::DataLoss(p) => p.state.as_ref(),
            FaultProgress::QuorumLoss(p) => p.state.as_ref(),
            FaultProgress::PartitionRestart(p) => p.state.as_ref(),
            FaultProgress::NodeTransition(p) => p.state.as_ref(),
        }
    }

    /// The result's error code once the operation is over: 0 on success, else an HRESULT.
    pub fn error_code(&self) -> Option<i64> {
        match self {
            FaultProgress::DataLoss(p) => p.invoke_data_loss_result.as_ref()?.error_code,
            FaultProgress::QuorumLoss(p) => p.invoke_quorum_loss_result.as_ref()?.error_code,
            FaultProgress::PartitionRestart(p) => p.restart_partition_result.as_ref()?.error_code,
            FaultProgress::NodeTransition(p) => p.node_transition_result.as_ref()?.error_code,
        }
    }
}
