//! The application operations of the REST reference: `/Applications`, `/Applications/$/Create`
//! and `/Applications/{applicationId}/$/…` (an application's description, health, load,
//! update and upgrade), except the service operations under `/$/GetServices` (`services`)
//! and the backup operations (`backup_restore`).
//!
//! Applications are identified in paths by their REST id (`App~Sub` for
//! `fabric:/App/Sub`), sent with
//! [`ValueEncoding::KeepEscapes`](crate::ValueEncoding::KeepEscapes) as the spec marks it
//! `x-ms-skip-url-encoding`. Every method takes the id as `&str`; an
//! [`ApplicationId`](crate::models::ApplicationId), made from a checked
//! [`ApplicationName`](crate::models::ApplicationName), passes as `&id`:
//!
//! ```no_run
//! use fabric_rest::models::ApplicationName;
//! use fabric_rest::prelude::*;
//!
//! # async fn run() -> Result<()> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let name: ApplicationName = "fabric:/samples/CalculatorApp".parse().unwrap();
//! let info = client.get_application_info(&name.id(), None, None).await?;
//! let same = client.get_application_info("samples~CalculatorApp", None, None).await?;
//! # let _ = (info, same);
//! # Ok(()) }
//! ```

mod application;
mod health;
mod upgrade;

pub use application::Applications;
pub use health::ApplicationHealthOperations;
pub use upgrade::ApplicationUpgrades;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{ApplicationHealthOperations, ApplicationUpgrades, Applications};
}
