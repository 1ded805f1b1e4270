//! Starting and stopping nodes as a fault.

use crate::models::{FaultDuration, NodeTransitionProgress, NodeTransitionType, OperationId};
use crate::{Accepted, Result, ServerTimeout, Transport, fabric_endpoint};

/// Stopping and starting cluster nodes (the Service Fabric process on a machine, not the
/// machine) through the Fault Analysis Service.
///
/// Implemented for every [`Transport`]. As with
/// [`PartitionFaults`](super::PartitionFaults), the start takes an [`OperationId`] of the
/// caller's choosing and its progress is asked for with the same id.
pub trait NodeTransitions: Transport {
    /// Starts stopping or starting the node (`POST /Faults/Nodes/{nodeName}/$/StartTransition/`).
    ///
    /// `node_instance_id` is the node's current instance id
    /// ([`NodeInfo::instance_id`](crate::models::NodeInfo), as text). A stopped node
    /// starts again by itself after `stop_duration`; a `Start` transition ignores it.
    #[fabric_endpoint(POST, "/Faults/Nodes/{nodeName}/$/StartTransition/", api_version = "6.0")]
    async fn start_node_transition(
        &self,
        #[path] node_name: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query("NodeTransitionType")] node_transition_type: NodeTransitionType,
        #[query("NodeInstanceId")] node_instance_id: &str,
        #[query("StopDurationInSeconds", min = 0)] stop_duration: FaultDuration,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Accepted>;

    /// Where the transition started with `operation_id` stands
    /// (`GET /Faults/Nodes/{nodeName}/$/GetTransitionProgress`).
    #[fabric_endpoint(GET, "/Faults/Nodes/{nodeName}/$/GetTransitionProgress", api_version = "6.0")]
    async fn get_node_transition_progress(
        &self,
        #[path] node_name: &str,
        #[query("OperationId")] operation_id: OperationId,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<NodeTransitionProgress>;
}

impl<T: Transport> NodeTransitions for T {}
