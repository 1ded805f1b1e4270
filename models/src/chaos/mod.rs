//! The models of the Chaos operations: `/Tools/Chaos…` (starting and stopping Chaos, its report,
//! events and schedule).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
