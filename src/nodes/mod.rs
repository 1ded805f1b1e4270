//! The Nodes group of the REST reference: the operations under `/Nodes`.

mod deployed;
mod node;

pub use deployed::DeployedOnNode;
pub use node::Nodes;
