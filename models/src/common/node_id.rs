//! [`NodeId`], a node's internal id, which cluster and node answers both carry.

use fabric_rest_runtime::wire_struct;

wire_struct! {
    /// A node's internal id.
    pub struct NodeId {
        /// The id, a 128-bit number in hex.
        "Id" id: Option<String>,
    }
}
