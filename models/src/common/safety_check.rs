//! Safety checks: what an upgrade or a node deactivation waits for before it goes on.

use fabric_rest_runtime::{kind_enum, wire_struct};

kind_enum! {
    /// Why an upgrade waits on a node: a safety check, by `Kind`.
    pub enum SafetyCheck by "Kind" {
        EnsureSeedNodeQuorum(SeedNodeSafetyCheck) = "EnsureSeedNodeQuorum",
        EnsureAvailability(PartitionSafetyCheck) = "EnsureAvailability",
        EnsurePartitionQuorum(PartitionSafetyCheck) = "EnsurePartitionQuorum",
        WaitForInbuildReplica(PartitionSafetyCheck) = "WaitForInbuildReplica",
        WaitForPrimaryPlacement(PartitionSafetyCheck) = "WaitForPrimaryPlacement",
        WaitForPrimarySwap(PartitionSafetyCheck) = "WaitForPrimarySwap",
        WaitForReconfiguration(PartitionSafetyCheck) = "WaitForReconfiguration",
    }
}

wire_struct! {
    /// A safety check about the quorum of seed nodes; it has no fields of its own.
    pub struct SeedNodeSafetyCheck {}
}

wire_struct! {
    /// A safety check about one partition.
    pub struct PartitionSafetyCheck {
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
    }
}

wire_struct! {
    /// The gateway's wrapping of one [`SafetyCheck`] in a list.
    pub struct SafetyCheckWrapper {
        /// The check.
        "SafetyCheck" safety_check: SafetyCheck,
    }
}
