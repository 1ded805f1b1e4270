//! Node workflows: deactivation (with the safety checks it waits for), activation, and
//! restart (done when the node is up again as a new instance).
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::models::DeactivationIntent;
//! use fabric_rest::wait::{WaitOptions, node};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let outcome = node::deactivate_node_and_wait(&client, "vm2", DeactivationIntent::Restart, WaitOptions::default(), |progress| {
//!     println!("{}", progress.summary.text); // "Disabling (SafetyCheckInProgress): waiting for EnsurePartitionQuorum of ..."
//! })
//! .await?;
//! println!("{outcome:?}");
//! # Ok(()) }
//! ```

use crate::models::{DeactivationIntent, DeactivationIntentDescription, NodeInfo, NodeStatus, RestartNodeDescription};
use crate::nodes::Nodes;
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait};
use crate::{Error, ServerTimeout};

/// What a node read says: its description, or `None` when the cluster has no such node.
pub type NodeStatusRead = Option<NodeInfo>;

/// How a node deactivation ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DeactivationOutcome {
    /// The node is `Disabled` and its deactivation `Completed`.
    Deactivated(Box<NodeInfo>),
    /// The node was seen disabling and is up again: someone activated it.
    Reactivated(Box<NodeInfo>),
    /// The cluster no longer knows the node (a `RemoveNode` deactivation can end so).
    Gone,
}

/// How a node activation ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ActivationOutcome {
    /// The node is `Up` and no deactivation holds it.
    Activated(Box<NodeInfo>),
    /// The cluster no longer knows the node.
    Gone,
}

/// How a node restart ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum RestartOutcome {
    /// The node is `Up` with another instance id than before the restart.
    Restarted(Box<NodeInfo>),
    /// The cluster no longer knows the node.
    Gone,
}

fn status_of(node: &NodeInfo) -> NodeStatus {
    node.node_status.clone().unwrap_or_else(|| NodeStatus::from("Invalid"))
}

fn deactivation_status(node: &NodeInfo) -> Option<&str> {
    node.node_deactivation_info
        .as_ref()
        .and_then(|info| info.node_deactivation_status.as_deref())
        .filter(|status| *status != "None")
}

/// `Disabling (SafetyCheckInProgress): waiting for EnsurePartitionQuorum of 1a2b..., ...`.
fn node_summary(read: &NodeStatusRead) -> Summary {
    let Some(node) = read else {
        return Summary::new("the node is not in the cluster");
    };
    let mut text = status_of(node).to_string();
    if let Some(status) = deactivation_status(node) {
        text.push_str(&format!(" ({status})"));
    }
    let checks: Vec<String> = node
        .node_deactivation_info
        .iter()
        .flat_map(|info| info.pending_safety_checks.iter().flatten())
        .map(|check| {
            let kind = check.safety_check.kind();
            match &check.safety_check {
                crate::models::SafetyCheck::EnsureSeedNodeQuorum(_) | crate::models::SafetyCheck::Unknown(_) => {
                    kind.to_owned()
                }
                other => match partition_of(other) {
                    Some(partition) => format!("{kind} of partition {partition}"),
                    None => kind.to_owned(),
                },
            }
        })
        .collect();
    if !checks.is_empty() {
        text.push_str(&format!(": waiting for {}", checks.join(", ")));
    }
    Summary::new(text)
}

fn partition_of(check: &crate::models::SafetyCheck) -> Option<&str> {
    use crate::models::SafetyCheck::*;
    match check {
        EnsureAvailability(p)
        | EnsurePartitionQuorum(p)
        | WaitForInbuildReplica(p)
        | WaitForPrimaryPlacement(p)
        | WaitForPrimarySwap(p)
        | WaitForReconfiguration(p) => p.partition_id.as_deref(),
        _ => None,
    }
}

/// A node, read the same way by every node workflow.
struct NodeRead<'c, C: ?Sized> {
    client: &'c C,
    node: &'c str,
}

impl<C: Nodes + ?Sized> NodeRead<'_, C> {
    async fn read(&self, timeout: Option<ServerTimeout>) -> Result<NodeStatusRead, Error> {
        self.client.get_node_info(self.node, timeout).await
    }
}

/// A node's deactivation, followed until the node is `Disabled`.
pub struct NodeDeactivation<'c, C: ?Sized> {
    read: NodeRead<'c, C>,
}

impl<'c, C: Nodes + ?Sized> NodeDeactivation<'c, C> {
    /// The deactivation of `node`, through `client`.
    pub fn new(client: &'c C, node: &'c str) -> Self {
        NodeDeactivation {
            read: NodeRead { client, node },
        }
    }
}

impl<C: Nodes + ?Sized> Workflow for NodeDeactivation<'_, C> {
    type Status = NodeStatusRead;
    type Outcome = DeactivationOutcome;

    fn name(&self) -> String {
        format!("the deactivation of node {}", self.read.node)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<NodeStatusRead, Error> {
        self.read.read(timeout).await
    }

    fn judge(&mut self, status: &NodeStatusRead, seen: &Seen) -> Judgement<DeactivationOutcome> {
        let Some(node) = status else {
            return Judgement::Ended(DeactivationOutcome::Gone);
        };
        let completed = deactivation_status(node) == Some("Completed");
        match status_of(node).as_str() {
            "Disabled" if completed => Judgement::Ended(DeactivationOutcome::Deactivated(Box::new(node.clone()))),
            "Disabling" | "Disabled" => Judgement::Running,
            // Up with no deactivation: the request has not shown yet, or it was undone.
            "Up" if seen.running => Judgement::Ended(DeactivationOutcome::Reactivated(Box::new(node.clone()))),
            _ => Judgement::Earlier,
        }
    }

    fn summary(&self, status: &NodeStatusRead) -> Summary {
        node_summary(status)
    }
}

/// A node's activation, followed until the node is `Up`.
pub struct NodeActivation<'c, C: ?Sized> {
    read: NodeRead<'c, C>,
}

impl<'c, C: Nodes + ?Sized> NodeActivation<'c, C> {
    /// The activation of `node`, through `client`.
    pub fn new(client: &'c C, node: &'c str) -> Self {
        NodeActivation {
            read: NodeRead { client, node },
        }
    }
}

impl<C: Nodes + ?Sized> Workflow for NodeActivation<'_, C> {
    type Status = NodeStatusRead;
    type Outcome = ActivationOutcome;

    fn name(&self) -> String {
        format!("the activation of node {}", self.read.node)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<NodeStatusRead, Error> {
        self.read.read(timeout).await
    }

    fn judge(&mut self, status: &NodeStatusRead, _seen: &Seen) -> Judgement<ActivationOutcome> {
        let Some(node) = status else {
            return Judgement::Ended(ActivationOutcome::Gone);
        };
        match status_of(node).as_str() {
            "Up" if deactivation_status(node).is_none() => {
                Judgement::Ended(ActivationOutcome::Activated(Box::new(node.clone())))
            }
            "Enabling" | "Down" => Judgement::Running,
            // Still disabled right after the request: not this activation's doing yet.
            _ => Judgement::Earlier,
        }
    }

    fn summary(&self, status: &NodeStatusRead) -> Summary {
        node_summary(status)
    }
}

/// A node's restart, followed until the node is `Up` as a new instance.
pub struct NodeRestart<'c, C: ?Sized> {
    read: NodeRead<'c, C>,
    instance_before: Option<String>,
}

impl<'c, C: Nodes + ?Sized> NodeRestart<'c, C> {
    /// The restart of `node`, whose instance id before the restart was `instance_before`
    /// (`None` when it was not known: then any instance that is up ends the wait once the
    /// node has been seen down).
    pub fn new(client: &'c C, node: &'c str, instance_before: Option<String>) -> Self {
        NodeRestart {
            read: NodeRead { client, node },
            instance_before,
        }
    }
}

impl<C: Nodes + ?Sized> Workflow for NodeRestart<'_, C> {
    type Status = NodeStatusRead;
    type Outcome = RestartOutcome;

    fn name(&self) -> String {
        format!("the restart of node {}", self.read.node)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<NodeStatusRead, Error> {
        self.read.read(timeout).await
    }

    fn judge(&mut self, status: &NodeStatusRead, seen: &Seen) -> Judgement<RestartOutcome> {
        let Some(node) = status else {
            return Judgement::Ended(RestartOutcome::Gone);
        };
        let instance = node.instance_id.as_ref().map(|id| id.to_string());
        let new_instance = match (&self.instance_before, &instance) {
            (Some(before), Some(now)) => before != now,
            _ => seen.running,
        };
        match status_of(node).as_str() {
            "Up" if new_instance => Judgement::Ended(RestartOutcome::Restarted(Box::new(node.clone()))),
            // The old instance, still up: the restart has not reached it yet.
            "Up" => Judgement::Earlier,
            _ => Judgement::Running,
        }
    }

    fn summary(&self, status: &NodeStatusRead) -> Summary {
        let mut summary = node_summary(status);
        if let Some(id) = status.as_ref().and_then(|node| node.instance_id.as_ref()) {
            summary.text.push_str(&format!(", instance {id}"));
        }
        summary
    }
}

/// Deactivates `node` with `intent` and waits until it is `Disabled` (reporting the safety
/// checks it waits for).
pub async fn deactivate_node_and_wait<C: Nodes + ?Sized>(
    client: &C,
    node: &str,
    intent: DeactivationIntent,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, NodeStatusRead>),
) -> Result<DeactivationOutcome, WaitError<NodeStatusRead>> {
    let description = DeactivationIntentDescription::new(intent);
    client
        .disable_node(node, &description, options.status_timeout)
        .await
        .map_err(|error| start_failed("the deactivation of node", node, error))?;
    wait(NodeDeactivation::new(client, node), &options, on_progress).await
}

/// Activates `node` and waits until it is `Up`.
pub async fn activate_node_and_wait<C: Nodes + ?Sized>(
    client: &C,
    node: &str,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, NodeStatusRead>),
) -> Result<ActivationOutcome, WaitError<NodeStatusRead>> {
    client
        .enable_node(node, options.status_timeout)
        .await
        .map_err(|error| start_failed("the activation of node", node, error))?;
    wait(NodeActivation::new(client, node), &options, on_progress).await
}

/// Restarts the instance of `node` that runs now and waits until the node is `Up` as a new
/// instance.
pub async fn restart_node_and_wait<C: Nodes + ?Sized>(
    client: &C,
    node: &str,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, NodeStatusRead>),
) -> Result<RestartOutcome, WaitError<NodeStatusRead>> {
    let what = "the restart of node";
    let before = client
        .get_node_info(node, options.status_timeout)
        .await
        .map_err(|error| start_failed(what, node, error))?;
    let Some(before) = before else {
        return Ok(RestartOutcome::Gone);
    };
    let instance = before.instance_id.as_ref().map(|id| id.to_string());
    let description = RestartNodeDescription::new(instance.clone().unwrap_or_else(|| "0".to_owned()));
    client
        .restart_node(node, &description, options.status_timeout)
        .await
        .map_err(|error| start_failed(what, node, error))?;
    wait(NodeRestart::new(client, node, instance), &options, on_progress).await
}

/// The error of a start request, as the wait's.
fn start_failed<S>(what: &str, node: &str, error: Error) -> WaitError<S> {
    WaitError::Request {
        what: format!("{what} {node}"),
        error,
    }
}
