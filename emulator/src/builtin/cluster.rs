//! What a client reads on connecting: the cluster's version, its nodes and its health,
//! consistent with the ClusterConfig in force.

use axum::http::StatusCode;
use axum::response::Response;
use serde::Serialize;

use crate::node_state::{NodeView, SAFETY_CHECK_PARTITION};
use crate::nodes::{HealthState, Node, utc};
use crate::query::Query;
use crate::reply;
use crate::server::Gateway;

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ClusterVersion {
    version: String,
}

pub(super) fn version(gateway: &Gateway) -> Response {
    reply::json(
        StatusCode::OK,
        &ClusterVersion {
            version: gateway.code_version(),
        },
    )
}

#[derive(Serialize)]
struct Id {
    #[serde(rename = "Id")]
    id: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct DeactivationInfo {
    node_deactivation_intent: String,
    node_deactivation_status: &'static str,
    node_deactivation_task: Vec<serde_json::Value>,
    pending_safety_checks: Vec<serde_json::Value>,
}

impl DeactivationInfo {
    /// The deactivation `view` shows: the client's task and its pending safety check.
    fn of(view: &NodeView, node: &Node) -> DeactivationInfo {
        let task = (view.deactivation != "None").then(|| {
            serde_json::json!({
                "NodeDeactivationTaskId": {"Id": format!("Client-{}", node.id), "NodeDeactivationTaskType": "Client"},
                "NodeDeactivationIntent": view.intent,
            })
        });
        let check = view.pending_check.then(|| {
            serde_json::json!({"SafetyCheck": {"Kind": "EnsurePartitionQuorum", "PartitionId": SAFETY_CHECK_PARTITION}})
        });
        DeactivationInfo {
            node_deactivation_intent: view.intent.clone(),
            node_deactivation_status: view.deactivation,
            node_deactivation_task: task.into_iter().collect(),
            pending_safety_checks: check.into_iter().collect(),
        }
    }
}

/// A `NodeInfo`, fields in the order the gateway writes them; 64-bit numbers as strings.
#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
pub(super) struct NodeInfo {
    name: String,
    #[serde(rename = "IpAddressOrFQDN")]
    ip_address_or_fqdn: String,
    #[serde(rename = "Type")]
    node_type: String,
    code_version: String,
    config_version: String,
    node_status: &'static str,
    node_up_time_in_seconds: String,
    health_state: HealthState,
    is_seed_node: bool,
    upgrade_domain: String,
    fault_domain: String,
    id: Id,
    instance_id: String,
    node_deactivation_info: DeactivationInfo,
    is_stopped: bool,
    node_down_time_in_seconds: String,
    node_up_at: String,
    node_down_at: String,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct NodeList {
    continuation_token: String,
    items: Vec<NodeInfo>,
}

/// Whether a `NodeStatusFilter` keeps a node of `status`: `default` and `all` keep every
/// node, other values the nodes of that status.
fn keeps_status(filter: Option<&str>, status: &str) -> bool {
    filter.is_none_or(|f| ["default", "all", status].iter().any(|k| f.eq_ignore_ascii_case(k)))
}

pub(super) fn node_list(gateway: &Gateway, query: &Query) -> Response {
    let now = std::time::Instant::now();
    let nodes: Vec<(Node, NodeView)> = gateway
        .nodes()
        .into_iter()
        .map(|node| {
            let view = gateway.node_states().view(&node.name, now);
            (node, view)
        })
        .filter(|(_, view)| keeps_status(query.get("NodeStatusFilter"), view.status))
        .collect();
    // A page starts after the node the continuation token names; the token of the last
    // page is empty.
    let start = match query.get("ContinuationToken") {
        Some(token) => nodes
            .iter()
            .position(|(n, _)| n.name == token)
            .map_or(nodes.len(), |i| i + 1),
        None => 0,
    };
    let max = query
        .get("MaxResults")
        .and_then(|m| m.parse::<usize>().ok())
        .filter(|m| *m > 0)
        .unwrap_or(usize::MAX);
    let page: Vec<&(Node, NodeView)> = nodes[start..].iter().take(max).collect();
    let more = start + page.len() < nodes.len();
    let continuation_token = match (more, page.last()) {
        (true, Some((last, _))) => last.name.clone(),
        _ => String::new(),
    };
    let (config_version, code_version, up_since) =
        (gateway.config_version(), gateway.code_version(), gateway.up_since());
    let items = page
        .into_iter()
        .map(|(node, view)| node_info(node, view, &config_version, &code_version, up_since))
        .collect();
    reply::json(
        StatusCode::OK,
        &NodeList {
            continuation_token,
            items,
        },
    )
}

/// `node` as `view` shows it.
pub(super) fn node_info(
    node: &Node,
    view: &NodeView,
    config_version: &str,
    code_version: &str,
    (up_at, up_for): (u64, u64),
) -> NodeInfo {
    NodeInfo {
        name: node.name.clone(),
        ip_address_or_fqdn: node.ip_address.clone(),
        node_type: node.node_type.clone(),
        code_version: code_version.to_owned(),
        config_version: config_version.to_owned(),
        node_status: view.status,
        node_up_time_in_seconds: up_for.to_string(),
        health_state: node.health_state,
        is_seed_node: node.is_seed_node,
        upgrade_domain: node.upgrade_domain.clone(),
        fault_domain: node.fault_domain.clone(),
        id: Id { id: node.id.clone() },
        instance_id: view.instance.to_string(),
        node_deactivation_info: DeactivationInfo::of(view, node),
        is_stopped: false,
        node_down_time_in_seconds: "0".to_owned(),
        node_up_at: utc(up_at),
        node_down_at: "0001-01-01T00:00:00.000Z".to_owned(),
    }
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct EntityHealthState {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<Id>,
    aggregated_health_state: HealthState,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct HealthStateCount {
    ok_count: usize,
    error_count: usize,
    warning_count: usize,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct EntityKindCount {
    entity_kind: &'static str,
    health_state_count: HealthStateCount,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct HealthStatistics {
    health_state_count_list: Vec<EntityKindCount>,
}

#[derive(Serialize)]
#[serde(rename_all = "PascalCase")]
struct ClusterHealth {
    health_events: [(); 0],
    aggregated_health_state: HealthState,
    unhealthy_evaluations: Vec<serde_json::Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    health_statistics: Option<HealthStatistics>,
    node_health_states: Vec<EntityHealthState>,
    application_health_states: Vec<EntityHealthState>,
}

/// Whether a `HealthStateFilter` value keeps `state`: 0 (the default) and 65535 keep all,
/// other values are the flags `Ok` 2, `Warning` 4, `Error` 8. An unreadable filter keeps
/// all.
fn keeps(filter: Option<&str>, state: HealthState) -> bool {
    match filter.map(str::parse::<u64>) {
        None | Some(Err(_)) | Some(Ok(0)) => true,
        Some(Ok(flags)) => flags & state.filter_bit() != 0,
    }
}

pub(super) fn health(gateway: &Gateway, query: &Query) -> Response {
    let nodes = gateway.nodes();
    let worst = nodes.iter().map(|n| n.health_state).max().unwrap_or_default();
    let count = |state| nodes.iter().filter(|n| n.health_state == state).count();
    let statistics = HealthStatistics {
        health_state_count_list: vec![
            EntityKindCount {
                entity_kind: "Node",
                health_state_count: HealthStateCount {
                    ok_count: count(HealthState::Ok),
                    error_count: count(HealthState::Error),
                    warning_count: count(HealthState::Warning),
                },
            },
            EntityKindCount {
                entity_kind: "Application",
                health_state_count: HealthStateCount {
                    ok_count: 1,
                    error_count: 0,
                    warning_count: 0,
                },
            },
        ],
    };
    let exclude_statistics = query
        .get("ExcludeHealthStatistics")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let node_filter = query.get("NodesHealthStateFilter");
    let health = ClusterHealth {
        health_events: [],
        aggregated_health_state: worst,
        unhealthy_evaluations: unhealthy_evaluations(&nodes, worst),
        health_statistics: (!exclude_statistics).then_some(statistics),
        node_health_states: nodes
            .iter()
            .filter(|n| keeps(node_filter, n.health_state))
            .map(|n| EntityHealthState {
                name: n.name.clone(),
                id: Some(Id { id: n.id.clone() }),
                aggregated_health_state: n.health_state,
            })
            .collect(),
        application_health_states: keeps(query.get("ApplicationsHealthStateFilter"), HealthState::Ok)
            .then(|| EntityHealthState {
                name: "fabric:/System".to_owned(),
                id: None,
                aggregated_health_state: HealthState::Ok,
            })
            .into_iter()
            .collect(),
    };
    reply::json(StatusCode::OK, &health)
}

/// Why the cluster is not `Ok`: its unhealthy nodes, under the default policy that allows
/// none.
fn unhealthy_evaluations(nodes: &[Node], worst: HealthState) -> Vec<serde_json::Value> {
    if worst == HealthState::Ok {
        return Vec::new();
    }
    let unhealthy: Vec<serde_json::Value> = nodes
        .iter()
        .filter(|n| n.health_state != HealthState::Ok)
        .map(|n| {
            serde_json::json!({"HealthEvaluation": {
                "Kind": "Node",
                "AggregatedHealthState": n.health_state,
                "Description": format!("Node '{}' is in {}.", n.name, n.health_state),
                "NodeName": n.name,
                "UnhealthyEvaluations": [],
            }})
        })
        .collect();
    let description = format!(
        "{}% ({}/{}) nodes are unhealthy. The evaluation tolerates 0% unhealthy nodes.",
        unhealthy.len() * 100 / nodes.len().max(1),
        unhealthy.len(),
        nodes.len()
    );
    vec![serde_json::json!({"HealthEvaluation": {
        "Kind": "Nodes",
        "AggregatedHealthState": worst,
        "Description": description,
        "MaxPercentUnhealthyNodes": 0,
        "TotalCount": nodes.len(),
        "UnhealthyEvaluations": unhealthy,
    }})]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters() {
        assert!(keeps(None, HealthState::Warning));
        assert!(keeps(Some("0"), HealthState::Error));
        assert!(keeps(Some("65535"), HealthState::Ok));
        assert!(keeps(Some("4"), HealthState::Warning));
        assert!(!keeps(Some("4"), HealthState::Ok));
        assert!(!keeps(Some("1"), HealthState::Ok));
        assert!(keeps(Some("x"), HealthState::Ok));
        assert!(keeps_status(Some("UP"), "Up"));
        assert!(keeps_status(Some("all"), "Down"));
        assert!(!keeps_status(Some("down"), "Up"));
    }
}
