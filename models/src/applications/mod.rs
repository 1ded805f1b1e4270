//! The models of the application operations: `/Applications`, `/Applications/$/Create` and
//! `/Applications/{applicationId}/$/…` (an application's description, health, load, update
//! and upgrade), except the service operations under `/$/GetServices` (`services`) and the
//! backup operations (`backup_restore`).
//!
//! None are declared yet: a model goes into a file of its topic here (`mod topic;` and
//! `pub use topic::*;` below) when the first operation of this group that sends or returns
//! it is declared; a model another group uses too goes into `common`.
