//! Where a fault operation stands, and what it did once it is over.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use super::OperationState;

wire_struct! {
    /// The progress of a data loss (GetDataLossProgress). While it runs only
    /// [`state`](Self::state) is set.
    pub struct PartitionDataLossProgress {
        /// Where it stands.
        "State" state: Option<OperationState>,
        /// What it did, once over.
        "InvokeDataLossResult" invoke_data_loss_result: Option<InvokeDataLossResult>,
    }
}

wire_struct! {
    /// What a data loss did.
    pub struct InvokeDataLossResult {
        /// 0 on success, else the error's code (an HRESULT).
        "ErrorCode" error_code: Option<i64>,
        /// The partition it was done to.
        "SelectedPartition" selected_partition: Option<SelectedPartition>,
    }
}

wire_struct! {
    /// The progress of a quorum loss (GetQuorumLossProgress). While it runs only
    /// [`state`](Self::state) is set.
    pub struct PartitionQuorumLossProgress {
        /// Where it stands.
        "State" state: Option<OperationState>,
        /// What it did, once over.
        "InvokeQuorumLossResult" invoke_quorum_loss_result: Option<InvokeQuorumLossResult>,
    }
}

wire_struct! {
    /// What a quorum loss did.
    pub struct InvokeQuorumLossResult {
        /// 0 on success, else the error's code (an HRESULT).
        "ErrorCode" error_code: Option<i64>,
        /// The partition it was done to.
        "SelectedPartition" selected_partition: Option<SelectedPartition>,
    }
}

wire_struct! {
    /// The progress of a partition restart (GetPartitionRestartProgress). While it runs
    /// only [`state`](Self::state) is set.
    pub struct PartitionRestartProgress {
        /// Where it stands.
        "State" state: Option<OperationState>,
        /// What it did, once over.
        "RestartPartitionResult" restart_partition_result: Option<RestartPartitionResult>,
    }
}

wire_struct! {
    /// What a partition restart did.
    pub struct RestartPartitionResult {
        /// 0 on success, else the error's code (an HRESULT).
        "ErrorCode" error_code: Option<i64>,
        /// The partition it was done to.
        "SelectedPartition" selected_partition: Option<SelectedPartition>,
    }
}

wire_struct! {
    /// The partition a fault was done to.
    pub struct SelectedPartition {
        /// Its service (`fabric:/myapp/myservice`).
        "ServiceName" service_name: Option<String>,
        /// Its id (a GUID).
        "PartitionId" partition_id: Option<String>,
    }
}

wire_struct! {
    /// The progress of a node transition (GetNodeTransitionProgress). While it runs only
    /// [`state`](Self::state) is set.
    pub struct NodeTransitionProgress {
        /// Where it stands.
        "State" state: Option<OperationState>,
        /// What it did, once over.
        "NodeTransitionResult" node_transition_result: Option<NodeTransitionResult>,
    }
}

wire_struct! {
    /// What a node transition did.
    pub struct NodeTransitionResult {
        /// 0 on success, else the error's code (an HRESULT).
        "ErrorCode" error_code: Option<i64>,
        /// The node it was done to.
        "NodeResult" node_result: Option<NodeResult>,
    }
}

wire_struct! {
    /// The node a transition was done to.
    pub struct NodeResult {
        /// Its name.
        "NodeName" node_name: Option<String>,
        /// The instance the transition saw; the gateway writes it as a string.
        "NodeInstanceId" node_instance_id: Option<Int64>,
    }
}
