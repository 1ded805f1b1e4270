//! The cluster operations of the REST reference: every operation under `/$/`, in topic
//! modules (configuration upgrade, health, info, infrastructure, partition loads, repair
//! tasks, upgrades).

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

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{
        ClusterConfigurationUpgrade, ClusterHealthOperations, ClusterInfo, ClusterPartitions, ClusterUpgrade,
        Infrastructure, RepairTasks,
    };
}
