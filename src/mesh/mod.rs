//! The Service Fabric Mesh operations of the REST reference: `/Resources/…`.
//!
//! Mesh is a retired preview service. These operations are kept for compatibility only:
//! every item here is deprecated, and the `mesh` feature that builds them is off by
//! default. `/Resources/Gateways` ([`MeshGateways`]) has been removed from the Service Fabric
//! runtime; current clusters refuse it.
//!
//! The operations take no server timeout, and the request and response bodies use
//! camelCase field names with each resource's description in its `properties` object.
#![allow(deprecated)]

mod applications;
mod gateways;
mod networks;
mod put;
mod secrets;
mod volumes;

pub use applications::MeshApplications;
pub use gateways::MeshGateways;
pub use networks::MeshNetworks;
pub use secrets::MeshSecrets;
pub use volumes::MeshVolumes;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
#[allow(deprecated)]
pub mod prelude {
    pub use super::{MeshApplications, MeshGateways, MeshNetworks, MeshSecrets, MeshVolumes};
}
