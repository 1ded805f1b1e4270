//! The fault operations of the cluster, whatever their kind: listing and cancelling them.

use crate::models::{OperationId, OperationStateFilter, OperationStatus, OperationTypeFilter};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Every fault operation of the cluster: the list of them, and cancelling one.
///
/// Implemented for every [`Transport`].
pub trait FaultOperations: Transport {
    /// The fault operations of the kinds and in the states the filters select
    /// (`GET /Faults/`); [`OperationTypeFilter::ALL`] and [`OperationStateFilter::ALL`]
    /// select every one.
    #[fabric_endpoint(GET, "/Faults/", api_version = "6.0")]
    async fn get_fault_operation_list(
        &self,
        #[query("TypeFilter", default = 65535)] type_filter: OperationTypeFilter,
        #[query("StateFilter", default = 65535)] state_filter: OperationStateFilter,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<OperationStatus>>;

    /// Cancels the fault operation started with `operation_id` (`POST /Faults/$/Cancel`).
    ///
    /// Without `force`, the operation stops and the system cleans up its own state (it
    /// does not restore lost data). `force` aborts it and may leave internal state behind;
    /// the gateway takes it only after a cancellation without `force`, or for an operation
    /// already rolling back.
    #[fabric_endpoint(POST, "/Faults/$/Cancel", api_version = "6.0")]
    async fn cancel_operation(
        &self,
        #[query("OperationId")] operation_id: OperationId,
        #[query("Force", default = false)] force: bool,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> FaultOperations for T {}
