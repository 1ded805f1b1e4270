//! Cluster-level operations, grouped as in the Service Fabric REST reference.

mod configuration_upgrade;

pub use configuration_upgrade::ClusterConfigurationUpgrade;
