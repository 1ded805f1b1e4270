//! The models of the property management operations: `/Names/…` (Service Fabric names, their
//! sub-names and properties, property batches).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
