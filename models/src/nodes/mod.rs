//! The models of the node operations, every operation under `/Nodes`: the nodes themselves,
//! their load and health, and what is deployed on them (applications, service packages,
//! code packages, service types, replicas, containers).

mod container;
mod deployed;
mod health;
mod load;
mod node;
mod replica;

pub use container::*;
pub use deployed::*;
pub use health::*;
pub use load::*;
pub use node::*;
pub use replica::*;
