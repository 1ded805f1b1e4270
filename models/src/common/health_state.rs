//! Health states, the filters that select by them, and the counts of entities in each.

use fabric_rest_runtime::{open_enum, wire_struct};

use super::NodeId;

open_enum! {
    /// The health of an entity, or of one report about it.
    pub enum HealthState {
        Invalid = "Invalid",
        Ok = "Ok",
        Warning = "Warning",
        Error = "Error",
        StateUnknown = "Unknown",
    }
}

flag_filter! {
    /// Which children or events a health query returns, by their health state: a set of flags
    /// sent as one integer (`HealthStateFilter::WARNING | HealthStateFilter::ERROR` is 12).
    ///
    /// The gateway reads `0` (the default) as "all", except that health queries still return
    /// every entity when asked for nothing at all; `NONE` (1) returns none.
    pub struct HealthStateFilter {
        /// `0`: the gateway's default.
        DEFAULT = 0,
        /// `1`: nothing.
        NONE = 1,
        /// `2`: entities or events in `Ok`.
        OK = 2,
        /// `4`: in `Warning`.
        WARNING = 4,
        /// `8`: in `Error`.
        ERROR = 8,
        /// `65535`: everything.
        ALL = 65535,
    }
}

wire_struct! {
    /// How many entities of one kind are in each state.
    pub struct HealthStateCount {
        /// In `Ok`.
        "OkCount" ok_count: Option<u64>,
        /// In `Warning`.
        "WarningCount" warning_count: Option<u64>,
        /// In `Error`.
        "ErrorCount" error_count: Option<u64>,
    }
}

wire_struct! {
    /// The counts of one entity kind.
    pub struct EntityKindHealthStateCount {
        /// The entity kind (`Node`, `Application`, `Replica`, ...).
        "EntityKind" entity_kind: Option<String>,
        /// The counts.
        "HealthStateCount" health_state_count: Option<HealthStateCount>,
    }
}

wire_struct! {
    /// Counts of children by health state, when the query asks for them.
    pub struct HealthStatistics {
        /// One entry per entity kind.
        "HealthStateCountList" health_state_count_list: Option<Vec<EntityKindHealthStateCount>>,
    }
}

wire_struct! {
    /// The health of one child entity, by name.
    pub struct EntityHealthState {
        /// The child's name (node name, application name, ...); written as `Name`.
        "Name" | "NodeName" | "ApplicationName" | "ServiceManifestName" name: Option<String>,
        /// Its aggregated state.
        "AggregatedHealthState" aggregated_health_state: Option<HealthState>,
        /// Nodes only: the node's id.
        "Id" id: Option<NodeId>,
    }
}
