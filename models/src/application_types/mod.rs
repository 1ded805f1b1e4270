//! The models of the application type operations: `/ApplicationTypes` and
//! `/ApplicationTypes/{applicationTypeName}/$/…` (provisioning, manifests, the service types
//! an application type declares).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
