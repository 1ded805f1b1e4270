//! The Nodes group of the REST reference: the operations under `/Nodes`.

mod deployed;
mod node;

pub use deployed::DeployedOnNode;
pub use node::Nodes;

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::{DeployedOnNode, Nodes};
}
