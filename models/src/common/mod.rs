//! Types that several operation groups send or return: health states, filters, reports,
//! evaluations, statistics and policies; what cluster and application upgrades share;
//! safety checks; node ids; partition information and epochs; application and service
//! names and ids; application parameters and ARM metadata; service kinds, load metrics and
//! placement policies; container logs; moments and durations as the gateway writes them;
//! and the codec of the gateway's Key/Value maps.
//!
//! A type moves here when a second group starts to use it.

mod container;
mod health_evaluation;
mod health_evaluation_sets;
mod health_policy;
mod health_report;
mod health_state;
mod key_value;
mod names;
mod node_id;
mod parameters;
mod partition;
mod safety_check;
mod service;
mod time;
mod upgrade;

pub use container::*;
pub use health_evaluation::*;
pub use health_evaluation_sets::*;
pub use health_policy::*;
pub use health_report::*;
pub use health_state::*;
pub use key_value::*;
pub use names::*;
pub use node_id::*;
pub use parameters::*;
pub use partition::*;
pub use safety_check::*;
pub use service::*;
pub use time::*;
pub use upgrade::*;
