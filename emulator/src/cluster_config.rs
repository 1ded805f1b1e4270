//! Checks the upgrade service makes on the ClusterConfig.json text inside an upgrade
//! request, and the facts the emulator takes from it.

use serde_json::Value;

/// The `apiVersion` values of ClusterConfig.json the emulated runtime understands. They are
/// also the values `GetClusterConfiguration` takes as `ConfigurationApiVersion`.
pub const SUPPORTED_API_VERSIONS: [&str; 7] = [
    "2016-09-26",
    "01-2017",
    "04-2017",
    "05-2017",
    "08-2017",
    "10-2017",
    "06-2018",
];

/// The facts of a ClusterConfig the emulator needs.
#[derive(Clone, Debug)]
pub(crate) struct ClusterConfig {
    /// The text as given, returned unchanged by GetClusterConfiguration once committed.
    pub(crate) text: String,
    pub(crate) name: Option<String>,
    pub(crate) version: String,
    /// Distinct upgrade domains of the nodes, sorted; never empty.
    pub(crate) upgrade_domains: Vec<String>,
    /// The nodes, in the document's order; those without a `nodeName` are left out.
    pub(crate) nodes: Vec<NodeConfig>,
}

/// One entry of `nodes`: what the gateway's node queries tell about it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NodeConfig {
    pub(crate) name: String,
    pub(crate) ip_address: String,
    pub(crate) node_type: String,
    pub(crate) fault_domain: String,
    pub(crate) upgrade_domain: String,
}

impl NodeConfig {
    fn read(node: &Value) -> Option<NodeConfig> {
        let text = |name: &str| node.get(name).and_then(Value::as_str).unwrap_or_default().to_owned();
        Some(NodeConfig {
            name: node.get("nodeName")?.as_str()?.to_owned(),
            ip_address: text("iPAddress"),
            node_type: text("nodeTypeRef"),
            fault_domain: text("faultDomain"),
            upgrade_domain: text("upgradeDomain"),
        })
    }
}

/// The message of the upgrade service for a document it cannot read.
pub(crate) const UNREADABLE: &str =
    "ArgumentException: The input cluster configuration is not in a valid json format or supported apiVersion.";

impl ClusterConfig {
    /// Reads a ClusterConfig.json document; `None` for text the upgrade service would refuse
    /// as unreadable (not a JSON object, no supported `apiVersion`, no version string).
    pub(crate) fn parse(text: &str) -> Option<ClusterConfig> {
        let value: Value = serde_json::from_str(text).ok()?;
        let object = value.as_object()?;
        let api_version = object.get("apiVersion")?.as_str()?;
        if !SUPPORTED_API_VERSIONS.contains(&api_version) {
            return None;
        }
        let version = object.get("clusterConfigurationVersion")?.as_str()?.to_owned();
        let name = object.get("name").and_then(Value::as_str).map(str::to_owned);
        let nodes: Vec<NodeConfig> = object
            .get("nodes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(NodeConfig::read)
            .collect();
        let mut upgrade_domains: Vec<String> = object
            .get("nodes")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|node| node.get("upgradeDomain")?.as_str().map(str::to_owned))
            .collect();
        upgrade_domains.sort();
        upgrade_domains.dedup();
        if upgrade_domains.is_empty() {
            // A cluster always has at least one upgrade domain to walk through.
            upgrade_domains.push("UD0".to_owned());
        }
        Some(ClusterConfig {
            text: text.to_owned(),
            name,
            version,
            upgrade_domains,
            nodes,
        })
    }
}

/// Whether `value` is a `ConfigurationApiVersion` GetClusterConfiguration takes.
pub(crate) fn is_supported_api_version(value: &str) -> bool {
    SUPPORTED_API_VERSIONS.contains(&value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_sample() {
        let config = ClusterConfig::parse(crate::SAMPLE_CLUSTER_CONFIG).expect("sample parses");
        assert_eq!(config.name.as_deref(), Some("fabric-rest-sample"));
        assert_eq!(config.version, "1.0.0");
        assert_eq!(config.upgrade_domains, ["UD0", "UD1", "UD2"]);
        let names: Vec<&str> = config.nodes.iter().map(|n| n.name.as_str()).collect();
        assert_eq!(names, ["vm0", "vm1", "vm2"]);
        assert_eq!(
            config.nodes[1],
            NodeConfig {
                name: "vm1".into(),
                ip_address: "localhost".into(),
                node_type: "NodeType0".into(),
                fault_domain: "fd:/dc1/r1".into(),
                upgrade_domain: "UD1".into(),
            }
        );
    }

    #[test]
    fn sorts_and_dedups_upgrade_domains() {
        let text = r#"{"apiVersion":"06-2018","clusterConfigurationVersion":"1",
            "nodes":[{"upgradeDomain":"b"},{"upgradeDomain":"a"},{"upgradeDomain":"b"},{}]}"#;
        let config = ClusterConfig::parse(text).expect("parses");
        assert_eq!(config.upgrade_domains, ["a", "b"]);
        assert_eq!(config.name, None);
        let bare = r#"{"apiVersion":"06-2018","clusterConfigurationVersion":"1"}"#;
        assert_eq!(
            ClusterConfig::parse(bare).map(|c| c.upgrade_domains),
            Some(vec!["UD0".into()])
        );
    }

    #[test]
    fn refuses_unreadable_documents() {
        for text in [
            "",
            "not json",
            "[]",
            r#"{"clusterConfigurationVersion":"1"}"#,
            r#"{"apiVersion":"11-2017","clusterConfigurationVersion":"1"}"#,
            r#"{"apiVersion":10,"clusterConfigurationVersion":"1"}"#,
            r#"{"apiVersion":"10-2017"}"#,
            r#"{"apiVersion":"10-2017","clusterConfigurationVersion":2}"#,
        ] {
            assert!(ClusterConfig::parse(text).is_none(), "{text}");
        }
    }
}
