//! How every rolling upgrade of Service Fabric reads: the cluster's code and configuration
//! upgrades, configuration upgrades of standalone clusters, application upgrades. They
//! share their states, and the race right after a start: the status may still show the
//! previous upgrade's final state.

use crate::wait::{Judgement, Seen};

/// How a rolling upgrade ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RollingEnd {
    /// At the target version.
    Completed,
    /// Rolled back: the previous version is in force.
    RolledBack,
    /// Failed.
    Failed,
    /// Completed at another version after this upgrade ran: a later upgrade replaced it.
    Superseded,
    /// `Invalid`: the cluster reports no valid upgrade state.
    Invalid,
    /// A final state this library does not know.
    Unrecognised,
}

/// The states in which an upgrade is still moving.
const RUNNING: [&str; 4] = [
    "RollingForwardPending",
    "RollingForwardInProgress",
    "RollingBackPending",
    "RollingBackInProgress",
];

/// What `state` says about the upgrade to a target version; `at_target` says whether the
/// status names that version. A final state is believed only at the target, or once the
/// upgrade has been seen running, or after the grace: before that it may be an earlier
/// upgrade's. `Invalid` and states this library does not know end the wait too (with their
/// own outcome), under the same rule, so no wait runs on to its deadline for them.
pub(crate) fn judge(state: &str, at_target: bool, seen: &Seen) -> Judgement<RollingEnd> {
    if RUNNING.contains(&state) {
        return Judgement::Running;
    }
    let believed = seen.running || seen.past_grace;
    let end = match state {
        "RollingForwardCompleted" if at_target => return Judgement::Ended(RollingEnd::Completed),
        "RollingForwardCompleted" if seen.running => RollingEnd::Superseded,
        // The previous upgrade's end, read before this one shows up: never this one's.
        "RollingForwardCompleted" => return Judgement::Earlier,
        "RollingBackCompleted" => RollingEnd::RolledBack,
        "Failed" => RollingEnd::Failed,
        "Invalid" => RollingEnd::Invalid,
        _ => RollingEnd::Unrecognised,
    };
    if believed {
        Judgement::Ended(end)
    } else {
        Judgement::Earlier
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(running: bool, past_grace: bool) -> Seen {
        Seen::new(running, past_grace)
    }

    #[test]
    fn running_states_never_end() {
        for state in RUNNING {
            assert_eq!(judge(state, true, &seen(true, true)), Judgement::Running, "{state}");
        }
    }

    #[test]
    fn a_previous_final_state_is_not_this_upgrades_end() {
        assert_eq!(
            judge("RollingForwardCompleted", false, &seen(false, true)),
            Judgement::Earlier
        );
        assert_eq!(judge("Failed", false, &seen(false, false)), Judgement::Earlier);
        assert_eq!(
            judge("RollingBackCompleted", false, &seen(false, false)),
            Judgement::Earlier
        );
        assert_eq!(judge("Invalid", false, &seen(false, false)), Judgement::Earlier);
        assert_eq!(
            judge("RollingForwardCompleted", true, &seen(false, false)),
            Judgement::Ended(RollingEnd::Completed)
        );
    }

    #[test]
    fn final_states_end_once_believed() {
        for (state, end) in [
            ("Failed", RollingEnd::Failed),
            ("RollingBackCompleted", RollingEnd::RolledBack),
            ("Invalid", RollingEnd::Invalid),
            ("SomethingNew", RollingEnd::Unrecognised),
            ("RollingForwardCompleted", RollingEnd::Superseded),
        ] {
            assert_eq!(
                judge(state, false, &seen(true, false)),
                Judgement::Ended(end),
                "{state}"
            );
        }
        assert_eq!(
            judge("Failed", false, &seen(false, true)),
            Judgement::Ended(RollingEnd::Failed)
        );
    }
}
