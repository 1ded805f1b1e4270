//! The models of the Compose deployment operations: `/ComposeDeployments…` (creating,
//! listing, upgrading and removing Docker Compose deployments).
//!
//! Registry passwords are [`SecretString`](crate::SecretString)s, which `Debug` never shows.

mod deployment;
mod upgrade;

pub use deployment::*;
pub use upgrade::*;
