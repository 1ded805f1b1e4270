//! The models of the Service Fabric Mesh operations: `/Resources/…`. Mesh is a retired preview
//! service, kept for compatibility; the feature is off by default.
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
