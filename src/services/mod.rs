//! The service operations of the REST reference: `/Applications/{applicationId}/$/GetServices…`
//! (listing and creating services) and `/Services/{serviceId}/$/…` (a service's description,
//! health, update, deletion, resolution), except the partition listings (`partitions`) and
//! the backup operations (`backup_restore`).
//!
//! Services are identified in paths by their REST id (`App~Svc` for `fabric:/App/Svc`), sent
//! with [`ValueEncoding::KeepEscapes`](crate::ValueEncoding::KeepEscapes) as the spec marks
//! it `x-ms-skip-url-encoding`. Every method takes ids as `&str`; a
//! [`ServiceId`](crate::models::ServiceId) from a checked
//! [`ServiceName`](crate::models::ServiceName) passes as `&id`.

mod health;
mod service;

pub use health::ServiceHealthOperations;
pub use service::Services;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{ServiceHealthOperations, Services};
}
