//! Cluster-level operations, grouped as in the Service Fabric REST reference.

mod configuration_upgrade;
mod health;
mod info;
mod infrastructure;
mod partitions;
mod repair;
mod upgrade;

pub use configuration_upgrade::ClusterConfigurationUpgrade;
pub use health::ClusterHealthOperations;
pub use info::ClusterInfo;
pub use infrastructure::Infrastructure;
pub use partitions::ClusterPartitions;
pub use repair::RepairTasks;
pub use upgrade::ClusterUpgrade;
