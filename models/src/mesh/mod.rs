//! The models of the Service Fabric Mesh operations: `/Resources/…`.
//!
//! Mesh is a retired preview service; every item here is deprecated and kept for
//! compatibility only, behind the non-default `mesh` feature. `/Resources/Gateways` has
//! been removed from the Service Fabric runtime, so [`GatewayResourceDescription`] only
//! describes what older clusters answered.
//!
//! Secret values, account keys and registry passwords are
//! [`SecretString`](crate::SecretString)s, which `Debug` never shows. Field names are
//! camelCase on the wire, and a resource's description sits in its `properties` object.
#![allow(deprecated)]

mod application;
mod code_package;
mod common;
mod gateway;
mod network;
mod probe;
mod secret;
mod service;
mod volume;

pub use application::*;
pub use code_package::*;
pub use common::*;
pub use gateway::*;
pub use network::*;
pub use probe::*;
pub use secret::*;
pub use service::*;
pub use volume::*;
