//! `use fabric_rest::prelude::*;` brings every operation trait of the enabled groups into
//! scope, so a [`Client`] has all their methods, along with the few names every caller
//! needs.
//!
//! ```no_run
//! use fabric_rest::prelude::*;
//!
//! # async fn run() -> Result<()> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let nodes = client.get_node_info_list(None, None, None, None).await?;
//! let version = client.get_cluster_version(None).await?;
//! # let _ = (nodes, version);
//! # Ok(()) }
//! ```
//!
//! Each group lists its traits in its own `prelude` module; this one takes them all.

pub use crate::{Client, Error, Result, ServerTimeout, Transport};

#[cfg(feature = "application_types")]
pub use crate::application_types::prelude::*;
#[cfg(feature = "applications")]
pub use crate::applications::prelude::*;
#[cfg(feature = "backup_restore")]
pub use crate::backup_restore::prelude::*;
#[cfg(feature = "chaos")]
pub use crate::chaos::prelude::*;
#[cfg(feature = "cluster")]
pub use crate::cluster::prelude::*;
#[cfg(feature = "compose")]
pub use crate::compose::prelude::*;
#[cfg(feature = "events")]
pub use crate::events::prelude::*;
#[cfg(feature = "faults")]
pub use crate::faults::prelude::*;
#[cfg(feature = "image_store")]
pub use crate::image_store::prelude::*;
#[cfg(feature = "mesh")]
pub use crate::mesh::prelude::*;
#[cfg(feature = "names")]
pub use crate::names::prelude::*;
#[cfg(feature = "nodes")]
pub use crate::nodes::prelude::*;
#[cfg(feature = "partitions")]
pub use crate::partitions::prelude::*;
#[cfg(feature = "replicas")]
pub use crate::replicas::prelude::*;
#[cfg(feature = "services")]
pub use crate::services::prelude::*;
