//! The models of the service operations (`/Applications/{id}/$/GetServices…` and
//! `/Services…`): services as listed, their descriptions for creation and update (partition
//! schemes, placement, scaling), resolution, health and unplaced replicas.

mod description;
mod info;
mod parts;
mod placement;
mod scaling;
mod update;

pub use description::*;
pub use info::*;
pub use parts::*;
pub use placement::*;
pub use scaling::*;
pub use update::*;

/// Why a service description was refused before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DescriptionError {
    message: String,
}

impl DescriptionError {
    pub(crate) fn new(message: impl Into<String>) -> DescriptionError {
        DescriptionError {
            message: message.into(),
        }
    }
}

impl std::fmt::Display for DescriptionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DescriptionError {}

/// A duration as whole seconds on the wire, at most `u32::MAX`; longer ones are sent as
/// that, the gateway's largest.
fn whole_seconds(duration: std::time::Duration) -> u64 {
    duration.as_secs().min(u64::from(u32::MAX))
}
