//! The JSON bodies of the configuration-upgrade workflow of standalone clusters.
//!
//! Field names follow the gateway's PascalCase. Optional fields are `Option`s that are left
//! out of the JSON while `None`, so the server's defaults apply; unknown fields in a response
//! are ignored.

mod cluster_config;
mod health_policy;
mod key_value;
mod orchestration;
mod upgrade_description;
mod upgrade_status;

pub use cluster_config::{ClusterConfig, ClusterConfigError};
pub use fabric_rest_runtime::{Percent, PercentError};
pub use health_policy::{ApplicationHealthPolicies, ApplicationHealthPolicy, ServiceTypeHealthPolicy};
pub use orchestration::{
    ClusterConfiguration, UpgradeOrchestrationServiceState, UpgradeOrchestrationServiceStateSummary,
};
pub use upgrade_description::ClusterConfigurationUpgradeDescription;
pub use upgrade_status::{ClusterConfigurationUpgradeStatusInfo, UpgradeState};

#[cfg(test)]
mod tests;
