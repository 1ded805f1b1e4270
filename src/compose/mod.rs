//! The Compose deployment operations of the REST reference: `/ComposeDeployments…`
//! (creating, listing, upgrading and removing Docker Compose deployments).
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::compose::ComposeDeployments;
//! use fabric_rest::models::CreateComposeDeploymentDescription;
//!
//! # async fn run(compose_file: String) -> fabric_rest::Result<()> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let description = CreateComposeDeploymentDescription::new("web", compose_file);
//! client.create_compose_deployment(&description, None).await?;
//! let status = client.get_compose_deployment_status("web", None).await?;
//! println!("{:?}", status.status);
//! # Ok(()) }
//! ```

mod deployments;

pub use deployments::ComposeDeployments;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::ComposeDeployments;
}
