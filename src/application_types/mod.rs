//! The application type operations of the REST reference: `/ApplicationTypes` and
//! `/ApplicationTypes/{applicationTypeName}/$/…` (listing, provisioning and unprovisioning
//! application types, their manifests, and the service types they declare).
//!
//! Application type and service type names are plain names, not `fabric:/` URIs; the
//! service type name is sent with
//! [`ValueEncoding::KeepEscapes`](crate::ValueEncoding::KeepEscapes), as the spec marks it
//! `x-ms-skip-url-encoding`.

mod service_types;
mod types;

pub use service_types::ServiceTypes;
pub use types::ApplicationTypes;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{ApplicationTypes, ServiceTypes};
}
