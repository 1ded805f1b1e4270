//! Progress of a configuration upgrade: [`ClusterConfigurationUpgradeStatusInfo`] and
//! [`UpgradeState`].

use std::fmt;
use std::hash::{Hash, Hasher};

use serde::{Deserialize, Deserializer, Serialize};

/// The answer of GetClusterConfigurationUpgradeStatus.
///
/// Every field tolerates being absent or `null` and then holds its default, because the
/// server leaves out what it has nothing to say about (an idle cluster sends no `Details`).
///
/// `config_version` keeps the *old* version until an upgrade completes, so a poller must wait
/// for a terminal state **and** the version it asked for: right after a start the status can
/// still read `RollingForwardCompleted` for the previous version.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct ClusterConfigurationUpgradeStatusInfo {
    /// Where the upgrade stands.
    #[serde(default, deserialize_with = "null_as_default")]
    pub upgrade_state: UpgradeState,
    /// How far the upgrade has come, as reported by the server.
    #[serde(default, deserialize_with = "null_as_default")]
    pub progress_status: u32,
    /// The `clusterConfigurationVersion` the cluster currently runs.
    #[serde(default, deserialize_with = "null_as_default")]
    pub config_version: String,
    /// Free text; after a failure or rollback, `"{code} : {message}"` of the cause.
    #[serde(default, deserialize_with = "null_as_default")]
    pub details: String,
}

impl ClusterConfigurationUpgradeStatusInfo {
    /// A status in `upgrade_state` at `config_version`, with no progress and no details.
    pub fn new(
        upgrade_state: UpgradeState,
        config_version: impl Into<String>,
    ) -> ClusterConfigurationUpgradeStatusInfo {
        ClusterConfigurationUpgradeStatusInfo {
            upgrade_state,
            progress_status: 0,
            config_version: config_version.into(),
            details: String::new(),
        }
    }
}

fn null_as_default<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de> + Default,
{
    Option::<T>::deserialize(deserializer).map(Option::unwrap_or_default)
}

/// Generates [`UpgradeState`] and its string table from one list.
macro_rules! upgrade_states {
    ($($(#[$attr:meta])* $name:ident,)*) => {
        /// The state of a cluster configuration upgrade.
        ///
        /// Open: a state this crate does not know is kept in [`Unknown`](UpgradeState::Unknown)
        /// with the server's spelling, and compares equal to a known variant of the same
        /// spelling.
        #[derive(Clone, Debug, Default)]
        #[non_exhaustive]
        pub enum UpgradeState {
            $($(#[$attr])* $name,)*
            /// A state this crate does not know, kept as the server wrote it.
            Unknown(String),
        }

        impl UpgradeState {
            /// The state as the server writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(UpgradeState::$name => stringify!($name),)*
                    UpgradeState::Unknown(text) => text,
                }
            }

            fn lookup(text: &str) -> Option<UpgradeState> {
                match text {
                    $(stringify!($name) => Some(UpgradeState::$name),)*
                    _ => None,
                }
            }
        }
    };
}

upgrade_states! {
    /// No valid state; the server's zero value, also used here when the field is absent.
    #[default]
    Invalid,
    /// Rolling back to the previous configuration.
    RollingBackInProgress,
    /// The rollback finished; the previous configuration is in force.
    RollingBackCompleted,
    /// An upgrade domain finished; the upgrade waits (health checks) before going on.
    RollingForwardPending,
    /// Rolling forward to the new configuration.
    RollingForwardInProgress,
    /// The upgrade finished, or the cluster is idle, at `ConfigVersion`.
    RollingForwardCompleted,
    /// The upgrade failed; `Details` says why.
    Failed,
    /// A rollback is about to start; sent by servers although the spec omits it.
    RollingBackPending,
}

impl UpgradeState {
    /// Whether the upgrade has stopped moving: completed forward, rolled back, or failed.
    pub fn is_terminal(&self) -> bool {
        matches!(
            self.canonical(),
            UpgradeState::RollingForwardCompleted | UpgradeState::RollingBackCompleted | UpgradeState::Failed
        )
    }

    /// Whether the upgrade is returning, or has returned, to the previous configuration.
    pub fn is_rolling_back(&self) -> bool {
        matches!(
            self.canonical(),
            UpgradeState::RollingBackPending | UpgradeState::RollingBackInProgress | UpgradeState::RollingBackCompleted
        )
    }

    /// The known variant an `Unknown` spells, if any, so predicates agree with `==`.
    fn canonical(&self) -> UpgradeState {
        UpgradeState::lookup(self.as_str()).unwrap_or(UpgradeState::Invalid)
    }
}

impl From<&str> for UpgradeState {
    fn from(text: &str) -> UpgradeState {
        UpgradeState::lookup(text).unwrap_or_else(|| UpgradeState::Unknown(text.to_owned()))
    }
}

impl From<String> for UpgradeState {
    fn from(text: String) -> UpgradeState {
        UpgradeState::lookup(&text).unwrap_or(UpgradeState::Unknown(text))
    }
}

impl fmt::Display for UpgradeState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for UpgradeState {
    fn eq(&self, other: &UpgradeState) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for UpgradeState {}

impl Hash for UpgradeState {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl Serialize for UpgradeState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for UpgradeState {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(UpgradeState::from)
    }
}
