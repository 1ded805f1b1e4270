//! The wire types of [fabric-rest]: the JSON bodies the Service Fabric REST API sends and
//! takes, in modules that mirror the REST reference's operation groups.
//!
//! A model lives in the group whose operations send or return it ([`cluster`] for the
//! operations under `/$/`, [`nodes`] for `/Nodes`, [`image_store`] for `/ImageStore`, ...);
//! one that several groups use lives in [`common`]. Every group but `common` is behind a
//! cargo feature of the same name. Model names are unique across groups, so every type is
//! also re-exported at the crate root: `fabric_rest_models::NodeInfo` and
//! `fabric_rest_models::nodes::NodeInfo` are the same type.
//!
//! What every model has in common:
//!
//! - **Nothing read is lost.** Fields the type does not model are kept in its public
//!   `unknown_fields` and written back after the known ones; enum values it does not know
//!   are kept in `Unknown`; objects of a kind it does not know are kept whole. A value read
//!   from a response and sent back holds every field that arrived.
//! - **Numbers stay numbers and strings stay strings.** 64-bit ids and counters the gateway
//!   sends either way are [`Int64`]s, decimal loads [`Decimal`]s; both are written back in
//!   the form they came in. Moments are [`Timestamp`]s and durations in responses
//!   [`IsoDuration`]s, which keep the gateway's text.
//! - **Optional fields are `Option`s**, left out of the JSON while `None` so the server's
//!   defaults apply; `null` reads as absent. Required fields are plain values, and a body
//!   missing one fails to decode with the field's wire name.
//! - Models are `#[non_exhaustive]`; the ones with every field optional have `Default`, the
//!   ones users build have constructors.
//!
//! Models are declared with [`wire_struct!`](fabric_rest_runtime::wire_struct),
//! [`kind_enum!`](fabric_rest_runtime::kind_enum) and
//! [`open_enum!`](fabric_rest_runtime::open_enum), which users can call for their own models.
//!
//! [fabric-rest]: https://docs.rs/fabric-rest
#![deny(missing_docs)]

#[macro_use]
mod flags;

pub mod common;
#[cfg(any(feature = "backup_restore", feature = "compose", feature = "mesh"))]
mod secret;

#[cfg(feature = "application_types")]
pub mod application_types;
#[cfg(feature = "applications")]
pub mod applications;
#[cfg(feature = "backup_restore")]
pub mod backup_restore;
#[cfg(feature = "chaos")]
pub mod chaos;
#[cfg(feature = "cluster")]
pub mod cluster;
#[cfg(feature = "compose")]
pub mod compose;
#[cfg(feature = "events")]
pub mod events;
#[cfg(feature = "faults")]
pub mod faults;
#[cfg(feature = "image_store")]
pub mod image_store;
#[cfg(feature = "mesh")]
pub mod mesh;
#[cfg(feature = "names")]
pub mod names;
#[cfg(feature = "nodes")]
pub mod nodes;
#[cfg(feature = "partitions")]
pub mod partitions;
#[cfg(feature = "replicas")]
pub mod replicas;
#[cfg(feature = "services")]
pub mod services;

pub use common::*;

#[cfg(feature = "application_types")]
pub use application_types::*;
#[cfg(feature = "applications")]
pub use applications::*;
#[cfg(feature = "backup_restore")]
pub use backup_restore::*;
#[cfg(feature = "chaos")]
pub use chaos::*;
#[cfg(feature = "cluster")]
pub use cluster::*;
#[cfg(feature = "compose")]
pub use compose::*;
#[cfg(feature = "events")]
pub use events::*;
#[cfg(feature = "faults")]
pub use faults::*;
#[cfg(feature = "image_store")]
pub use image_store::*;
#[cfg(feature = "mesh")]
pub use mesh::*;
#[cfg(feature = "names")]
pub use names::*;
#[cfg(feature = "nodes")]
pub use nodes::*;
#[cfg(feature = "partitions")]
pub use partitions::*;
#[cfg(feature = "replicas")]
pub use replicas::*;
#[cfg(feature = "services")]
pub use services::*;

#[cfg(any(feature = "backup_restore", feature = "compose", feature = "mesh"))]
pub use secret::SecretString;

pub use fabric_rest_runtime::wire::{Decimal, Int64, UnknownFields};
pub use fabric_rest_runtime::{Paged, Percent, PercentError};
