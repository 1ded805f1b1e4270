//! The nodes of the emulated cluster, as its node and health queries describe them.

use std::fmt;

use crate::Emulator;
use crate::cluster_config::NodeConfig;

/// A health state as the cluster's health store reports it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum HealthState {
    /// `Ok`.
    #[default]
    Ok,
    /// `Warning`.
    Warning,
    /// `Error`.
    Error,
}

impl HealthState {
    /// The state as the gateway writes it (`"Ok"`, `"Warning"`, `"Error"`).
    pub fn as_str(self) -> &'static str {
        match self {
            HealthState::Ok => "Ok",
            HealthState::Warning => "Warning",
            HealthState::Error => "Error",
        }
    }

    /// The bit of the gateway's `HealthStateFilter` flags that selects this state.
    pub(crate) fn filter_bit(self) -> u64 {
        match self {
            HealthState::Ok => 2,
            HealthState::Warning => 4,
            HealthState::Error => 8,
        }
    }
}

/// Written as the gateway writes it: `"Ok"`, `"Warning"`, `"Error"`.
impl serde::Serialize for HealthState {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for HealthState {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A node of the emulated cluster: one entry of the ClusterConfig's `nodes`, as
/// GetNodeInfoList and GetClusterHealth describe it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Node {
    /// `Name`: the ClusterConfig's `nodeName`.
    pub name: String,
    /// `IpAddressOrFQDN`: its `iPAddress`.
    pub ip_address: String,
    /// `Type`: its `nodeTypeRef`.
    pub node_type: String,
    /// `FaultDomain`: its `faultDomain`.
    pub fault_domain: String,
    /// `UpgradeDomain`: its `upgradeDomain`.
    pub upgrade_domain: String,
    /// `HealthState`: `Ok` unless [`Emulator::set_node_health`](crate::Emulator::set_node_health)
    /// said otherwise.
    pub health_state: HealthState,
    /// `Id.Id`: 32 hexadecimal digits, the same for a name in every run.
    pub id: String,
    /// `IsSeedNode`: the first three nodes are the seed nodes.
    pub is_seed_node: bool,
}

impl Node {
    pub(crate) fn new(index: usize, config: &NodeConfig, health_state: HealthState) -> Node {
        Node {
            name: config.name.clone(),
            ip_address: config.ip_address.clone(),
            node_type: config.node_type.clone(),
            fault_domain: config.fault_domain.clone(),
            upgrade_domain: config.upgrade_domain.clone(),
            health_state,
            id: node_id(&config.name),
            is_seed_node: index < 3,
        }
    }
}

/// The nodes, as a test sees and steers them.
impl Emulator {
    /// The nodes of the committed ClusterConfig, as GetNodeInfoList describes them.
    pub fn nodes(&self) -> Vec<Node> {
        self.gateway.nodes()
    }

    /// Sets the health state the cluster's health store reports for node `name` (in
    /// GetNodeInfoList and GetClusterHealth, whose aggregated state is the worst of its
    /// nodes'). Returns `false`, changing nothing, when the cluster has no such node.
    pub fn set_node_health(&self, name: &str, state: HealthState) -> bool {
        if !self.nodes().iter().any(|n| n.name == name) {
            return false;
        }
        self.gateway.node_health().insert(name.to_owned(), state);
        true
    }
}

/// A stable id from a name: two FNV-1a hashes, so that ids look like the gateway's 128-bit
/// node ids and stay the same from run to run.
fn node_id(name: &str) -> String {
    let hash = |seed: u64| {
        name.bytes()
            .fold(seed, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
    };
    format!(
        "{:016x}{:016x}",
        hash(0xcbf2_9ce4_8422_2325),
        hash(0x8422_2325_cbf2_9ce4)
    )
}

/// `2024-05-01T12:00:00.000Z` for a moment given in seconds since 1970.
pub(crate) fn utc(seconds: u64) -> String {
    let days = seconds / 86_400;
    let rest = seconds % 86_400;
    // Howard Hinnant's civil-from-days, for days after 1970-01-01.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z % 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.000Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_stable_and_distinct() {
        assert_eq!(node_id("vm0"), node_id("vm0"));
        assert_ne!(node_id("vm0"), node_id("vm1"));
        assert_eq!(node_id("vm0").len(), 32);
        assert!(node_id("").bytes().all(|b| b.is_ascii_hexdigit()));
    }

    #[test]
    fn dates() {
        assert_eq!(utc(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(utc(951_782_400), "2000-02-29T00:00:00.000Z");
        assert_eq!(utc(1_735_689_599), "2024-12-31T23:59:59.000Z");
    }
}
