//! The models of the application operations (`/Applications…`): applications as listed,
//! their creation, update and load, their health, and their upgrades.

mod description;
mod health;
mod info;
mod upgrade;

pub use description::*;
pub use health::*;
pub use info::*;
pub use upgrade::*;
