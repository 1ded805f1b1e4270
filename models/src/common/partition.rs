//! Which partition of a service something is about: its id and how the service's key space
//! is split (GetPartitionInfo, ResolveService, backup lists, ...).

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{kind_enum, wire_struct};

kind_enum! {
    /// A partition's id and key range, by `ServicePartitionKind`.
    pub enum PartitionInformation by "ServicePartitionKind" {
        Singleton(SingletonPartitionInformation) = "Singleton",
        Int64Range(Int64RangePartitionInformation) = "Int64Range",
        Named(NamedPartitionInformation) = "Named",
    }
}

wire_struct! {
    /// The one partition of a service that is not partitioned.
    pub struct SingletonPartitionInformation {
        /// The partition's id (a GUID).
        "Id" id: Option<String>,
    }
}

wire_struct! {
    /// A partition owning a range of 64-bit keys.
    pub struct Int64RangePartitionInformation {
        /// The partition's id (a GUID).
        "Id" id: Option<String>,
        /// The lowest key it owns, as the gateway writes it (a decimal string).
        "LowKey" low_key: Option<String>,
        /// The highest key it owns.
        "HighKey" high_key: Option<String>,
    }
}

wire_struct! {
    /// A partition owning one named key.
    pub struct NamedPartitionInformation {
        /// The partition's id (a GUID).
        "Id" id: Option<String>,
        /// Its name.
        "Name" name: Option<String>,
    }
}

wire_struct! {
    /// A partition's configuration number: which primary and which data loss the
    /// partition's operations belong to (a partition's `PrimaryEpoch`, a backup's epoch).
    pub struct Epoch {
        /// Grows with every change of the replica set's configuration (a new primary, ...).
        "ConfigurationVersion" configuration_version: Option<Int64>,
        /// Grows with every data loss.
        "DataLossVersion" data_loss_version: Option<Int64>,
    }
}
