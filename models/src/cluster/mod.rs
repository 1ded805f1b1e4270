//! The models of the cluster operations, every operation under `/$/`: the cluster's health,
//! manifest, versions and load; code, configuration and standalone configuration upgrades;
//! the Upgrade Orchestration Service's state; provisioning; repair tasks; the
//! infrastructure service; partition loads.

mod cluster_config;
mod config_upgrade;
mod health;
mod health_policies;
mod info;
mod infrastructure;
mod load;
mod orchestration;
mod partition_load;
mod provision;
mod repair;
mod upgrade;

pub use cluster_config::*;
pub use config_upgrade::*;
pub use health::*;
pub use health_policies::*;
pub use info::*;
pub use infrastructure::*;
pub use load::*;
pub use orchestration::*;
pub use partition_load::*;
pub use provision::*;
pub use repair::*;
pub use upgrade::*;
