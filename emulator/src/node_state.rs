//! What the nodes of the emulated cluster are doing: deactivations, activations and
//! restarts, as GetNodeInfo reports them from one step to the next (see [`crate::phases`]).
//!
//! Right after each start the node still reads as it did before (for one step at least):
//! `Up` with no deactivation right after a Deactivate, `Disabled` right after an Activate,
//! the old instance right after a Restart. A poller must not take that for the end.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

use crate::phases::Phases;

/// The partition a deactivation's pending safety check names.
pub(crate) const SAFETY_CHECK_PARTITION: &str = "f5c3a7e2-1d6b-4c9a-8e2f-0b7d6a5c4e3f";

/// The instance id of nodes that came up at `started`: the moment as a Windows file time
/// (100 ns ticks since 1601), as the gateway's instance ids are.
pub(crate) fn first_instance(started: SystemTime) -> u64 {
    let seconds = started
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    seconds * 10_000_000 + 116_444_736_000_000_000
}

/// How one node reads at one moment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NodeView {
    /// `NodeStatus`: `Up`, `Down`, `Disabling`, `Disabled` or `Enabling`.
    pub(crate) status: &'static str,
    /// `NodeDeactivationIntent` (`Invalid` when no deactivation holds the node).
    pub(crate) intent: String,
    /// `NodeDeactivationStatus`: `None`, `SafetyCheckInProgress` or `Completed`.
    pub(crate) deactivation: &'static str,
    /// Whether an `EnsurePartitionQuorum` safety check is pending.
    pub(crate) pending_check: bool,
    /// `InstanceId`.
    pub(crate) instance: u64,
}

impl NodeView {
    fn up(instance: u64) -> NodeView {
        NodeView {
            status: "Up",
            intent: "Invalid".to_owned(),
            deactivation: "None",
            pending_check: false,
            instance,
        }
    }

    fn with_status(&self, status: &'static str) -> NodeView {
        NodeView { status, ..self.clone() }
    }
}

/// One node: how it settled, and the run under way.
#[derive(Debug)]
struct NodeMachine {
    settled: NodeView,
    running: Option<Phases<NodeView>>,
}

/// The state of every node that was ever deactivated, activated or restarted; the others
/// are `Up` as their first instance.
#[derive(Debug)]
pub(crate) struct NodeStates {
    step: Duration,
    first_instance: u64,
    nodes: BTreeMap<String, NodeMachine>,
}

impl NodeStates {
    /// Nodes whose phases last `step`, all up as `first_instance`.
    pub(crate) fn new(step: Duration, first_instance: u64) -> NodeStates {
        NodeStates {
            step,
            first_instance,
            nodes: BTreeMap::new(),
        }
    }

    fn machine(&mut self, name: &str, now: Instant) -> &mut NodeMachine {
        let first = self.first_instance;
        let step = self.step;
        let machine = self.nodes.entry(name.to_owned()).or_insert_with(|| NodeMachine {
            settled: NodeView::up(first),
            running: None,
        });
        if let Some(run) = &mut machine.running
            && run.is_over(now, step)
        {
            machine.settled = run.last().clone();
            machine.running = None;
        }
        machine
    }

    /// How `name` reads at `now`, without counting as a report.
    pub(crate) fn view(&mut self, name: &str, now: Instant) -> NodeView {
        let step = self.step;
        let machine = self.machine(name, now);
        match &mut machine.running {
            Some(run) => run.current(now, step).clone(),
            None => machine.settled.clone(),
        }
    }

    /// How `name` reads at `now` to a GetNodeInfo request.
    pub(crate) fn report(&mut self, name: &str, now: Instant) -> NodeView {
        let step = self.step;
        let machine = self.machine(name, now);
        match &mut machine.running {
            Some(run) => run.report(now, step),
            None => machine.settled.clone(),
        }
    }

    /// Starts a run of `name` from how it reads now to the phases `next` makes of that.
    fn start(&mut self, name: &str, now: Instant, next: impl FnOnce(&NodeView) -> Vec<NodeView>) {
        let before = self.view(name, now);
        let phases = next(&before);
        let machine = self.machine(name, now);
        machine.running = Some(Phases::new(before, phases, now));
    }

    /// Deactivates `name` with `intent`: `Disabling` while a safety check is pending,
    /// then `Disabled` and `Completed`.
    pub(crate) fn deactivate(&mut self, name: &str, intent: &str, now: Instant) {
        self.start(name, now, |before| {
            let disabling = NodeView {
                status: "Disabling",
                intent: intent.to_owned(),
                deactivation: "SafetyCheckInProgress",
                pending_check: true,
                instance: before.instance,
            };
            let disabled = NodeView {
                status: "Disabled",
                deactivation: "Completed",
                pending_check: false,
                ..disabling.clone()
            };
            vec![disabling, disabled]
        });
    }

    /// Activates `name`: `Enabling`, then `Up` with no deactivation.
    pub(crate) fn activate(&mut self, name: &str, now: Instant) {
        self.start(name, now, |before| {
            let up = NodeView::up(before.instance);
            vec![up.with_status("Enabling"), up]
        });
    }

    /// Restarts `name`: `Down`, then as before with the next instance id.
    pub(crate) fn restart(&mut self, name: &str, now: Instant) {
        self.start(name, now, |before| {
            let restarted = NodeView {
                instance: before.instance.saturating_add(1),
                ..before.clone()
            };
            vec![before.with_status("Down"), restarted]
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Duration = Duration::from_secs(1);

    /// Reports once per half step from `t0` until the run settles.
    fn walk(states: &mut NodeStates, name: &str, t0: Instant) -> Vec<NodeView> {
        let mut seen: Vec<NodeView> = Vec::new();
        for i in 0..100 {
            let view = states.report(name, t0 + STEP / 2 * i);
            if seen.last() != Some(&view) {
                seen.push(view);
            }
        }
        seen
    }

    #[test]
    fn deactivation_then_activation() {
        let mut states = NodeStates::new(STEP, 7);
        let t0 = Instant::now();
        states.deactivate("vm1", "Restart", t0);
        let seen = walk(&mut states, "vm1", t0);
        let statuses: Vec<(&str, &str)> = seen.iter().map(|v| (v.status, v.deactivation)).collect();
        assert_eq!(
            statuses,
            [
                ("Up", "None"),
                ("Disabling", "SafetyCheckInProgress"),
                ("Disabled", "Completed")
            ]
        );
        assert!(seen[1].pending_check && !seen[2].pending_check);
        assert_eq!(seen[2].intent, "Restart");
        let t1 = t0 + STEP * 100;
        states.activate("vm1", t1);
        let seen = walk(&mut states, "vm1", t1);
        let statuses: Vec<&str> = seen.iter().map(|v| v.status).collect();
        assert_eq!(statuses, ["Disabled", "Enabling", "Up"]);
        assert_eq!(seen[2], NodeView::up(7));
    }

    #[test]
    fn a_restart_comes_back_as_a_new_instance() {
        let mut states = NodeStates::new(STEP, 7);
        let t0 = Instant::now();
        states.restart("vm0", t0);
        let seen = walk(&mut states, "vm0", t0);
        let read: Vec<(&str, u64)> = seen.iter().map(|v| (v.status, v.instance)).collect();
        assert_eq!(read, [("Up", 7), ("Down", 7), ("Up", 8)]);
        assert_eq!(states.view("vm2", t0).instance, 7);
    }
}
