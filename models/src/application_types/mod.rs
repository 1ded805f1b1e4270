//! The models of the application type operations (`/ApplicationTypes…`): application types
//! and their manifests, provisioning and unprovisioning, and the service types an
//! application type declares.

mod info;
mod provision;
mod service_types;

pub use info::*;
pub use provision::*;
pub use service_types::*;
