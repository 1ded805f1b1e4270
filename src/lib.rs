//! placeholder

pub mod models;
