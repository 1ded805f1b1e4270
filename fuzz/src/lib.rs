//! Fuzz targets of fabric-rest; see `targets.rs` and the README.

pub mod targets;
