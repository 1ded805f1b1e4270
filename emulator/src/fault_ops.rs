//! The Fault Analysis Service of the emulated cluster: fault operations keyed by the
//! `OperationId` their caller chose, each a list of states (see [`crate::phases`]).
//!
//! An operation reads `Running` for a step at least, then ends as the
//! [`FaultOperationOutcome`] said: `Completed`, or `RollingBack` and `Faulted`. A
//! cancellation rolls it back to `Cancelled`; a forced one (taken only after a plain one, or
//! while it rolls back) ends it in `ForceCancelled`. A start with an id already used is
//! refused with `FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS`, whatever became of the
//! first.

use std::collections::BTreeMap;
use std::time::{Duration, Instant};

use crate::Emulator;
use crate::phases::Phases;

/// How the next fault operation that starts ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum FaultOperationOutcome {
    /// `Running`, then `Completed` with error code 0.
    #[default]
    Complete,
    /// `Running`, `RollingBack`, then `Faulted` with the error code [`FAULTED_ERROR_CODE`].
    Fault,
    /// `Running` until cancelled.
    KeepRunning,
}

/// The error code of a `Faulted` operation's result: the HRESULT `E_FAIL` (0x80004005).
pub const FAULTED_ERROR_CODE: i64 = -2147467259;

/// The kind of a fault operation, as its start and progress operations name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum FaultKind {
    DataLoss,
    QuorumLoss,
    PartitionRestart,
    NodeTransition,
}

/// Why a start, progress read or cancellation is refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// The id is taken.
    AlreadyExists,
    /// No operation of this kind has the id.
    NotFound,
    /// A forced cancellation before a plain one.
    ForceFirst,
    /// Carried out, but its answer is lost (503).
    AnswerLost,
}

/// One fault operation.
#[derive(Debug)]
struct FaultRun {
    kind: FaultKind,
    /// The service (partition faults) or the node (a node transition).
    target: String,
    /// The partition, or the node's instance id.
    detail: String,
    states: Phases<&'static str>,
    cancelled: bool,
}

/// What a progress request reads: the state, and once it has one, the result.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FaultRead {
    pub(crate) kind: FaultKind,
    pub(crate) state: &'static str,
    /// The result's error code, once the operation completed or faulted.
    pub(crate) error_code: Option<i64>,
    pub(crate) target: String,
    pub(crate) detail: String,
}

/// Every fault operation started so far.
#[derive(Debug)]
pub(crate) struct FaultOps {
    step: Duration,
    next_outcome: FaultOperationOutcome,
    lost_answers: u32,
    runs: BTreeMap<String, FaultRun>,
}

impl FaultOps {
    pub(crate) fn new(step: Duration) -> FaultOps {
        FaultOps {
            step,
            next_outcome: FaultOperationOutcome::default(),
            lost_answers: 0,
            runs: BTreeMap::new(),
        }
    }

    /// Starts operation `id` (a GUID, any case); `target` and `detail` say what it is done
    /// to.
    pub(crate) fn start(&mut self, kind: FaultKind, id: &str, target: &str, detail: &str) -> Result<(), Refusal> {
        let id = id.to_ascii_lowercase();
        if self.runs.contains_key(&id) {
            return Err(Refusal::AlreadyExists);
        }
        let outcome = std::mem::take(&mut self.next_outcome);
        let mut states = match outcome {
            FaultOperationOutcome::Complete => Phases::new("Running", vec!["Completed"], Instant::now()),
            FaultOperationOutcome::Fault => Phases::new("Running", vec!["RollingBack", "Faulted"], Instant::now()),
            FaultOperationOutcome::KeepRunning => Phases::new("Running", vec!["Completed"], Instant::now()),
        };
        if outcome == FaultOperationOutcome::KeepRunning {
            states.hold(0);
        }
        let run = FaultRun {
            kind,
            target: target.to_owned(),
            detail: detail.to_owned(),
            states,
            cancelled: false,
        };
        self.runs.insert(id, run);
        if self.lost_answers > 0 {
            self.lost_answers -= 1;
            return Err(Refusal::AnswerLost);
        }
        Ok(())
    }

    /// Operation `id` of `kind` as a progress request reads it.
    pub(crate) fn progress(&mut self, kind: FaultKind, id: &str) -> Result<FaultRead, Refusal> {
        let step = self.step;
        let run = self
            .runs
            .get_mut(&id.to_ascii_lowercase())
            .filter(|run| run.kind == kind)
            .ok_or(Refusal::NotFound)?;
        let state = run.states.report(Instant::now(), step);
        let error_code = match state {
            "Completed" => Some(0),
            "Faulted" => Some(FAULTED_ERROR_CODE),
            _ => None,
        };
        Ok(FaultRead {
            kind,
            state,
            error_code,
            target: run.target.clone(),
            detail: run.detail.clone(),
        })
    }

    /// Cancels operation `id`; an operation already over stays as it ended.
    pub(crate) fn cancel(&mut self, id: &str, force: bool) -> Result<(), Refusal> {
        let step = self.step;
        let run = self.runs.get_mut(&id.to_ascii_lowercase()).ok_or(Refusal::NotFound)?;
        let now = Instant::now();
        let state = *run.states.current(now, step);
        if matches!(state, "Completed" | "Faulted" | "Cancelled" | "ForceCancelled") {
            return Ok(());
        }
        if force {
            if !run.cancelled && state != "RollingBack" {
                return Err(Refusal::ForceFirst);
            }
            run.states = Phases::new(state, vec!["ForceCancelled"], now);
        } else {
            run.states = Phases::new(state, vec!["RollingBack", "Cancelled"], now);
            run.cancelled = true;
        }
        Ok(())
    }
}

/// Steering the Fault Analysis Service from a test.
impl Emulator {
    /// Sets how the next fault operation that starts (StartDataLoss, StartQuorumLoss,
    /// StartPartitionRestart, StartNodeTransition) ends; later ones complete.
    pub fn set_next_fault_outcome(&self, outcome: FaultOperationOutcome) {
        self.gateway.fault_ops().next_outcome = outcome;
    }

    /// The next `n` fault starts are carried out but answered 503 `FABRIC_E_SERVICE_TOO_BUSY`,
    /// as when the answer was lost on its way: a client that starts again with the same
    /// operation id gets `FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS`.
    pub fn lose_fault_start_answers(&self, n: u32) {
        self.gateway.fault_ops().lost_answers = n;
    }

    /// The ids (lowercase GUIDs) of every fault operation started so far, in order of id.
    pub fn fault_operation_ids(&self) -> Vec<String> {
        self.gateway.fault_ops().runs.keys().cloned().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const ID: &str = "7216486C-1EE9-4B00-99B2-92B26FCB07F5";

    fn states(ops: &mut FaultOps, kind: FaultKind) -> Vec<&'static str> {
        let mut seen: Vec<&'static str> = Vec::new();
        for _ in 0..200 {
            let state = ops.progress(kind, ID).expect("known").state;
            if seen.last() != Some(&state) {
                seen.push(state);
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        seen
    }

    #[test]
    fn outcomes_and_ids() {
        let mut ops = FaultOps::new(Duration::from_millis(5));
        ops.next_outcome = FaultOperationOutcome::Fault;
        ops.start(FaultKind::DataLoss, ID, "app~svc", "p1").expect("started");
        assert_eq!(
            states(&mut ops, FaultKind::DataLoss),
            ["Running", "RollingBack", "Faulted"]
        );
        let read = ops.progress(FaultKind::DataLoss, &ID.to_lowercase()).expect("known");
        assert_eq!(read.error_code, Some(FAULTED_ERROR_CODE));
        assert_eq!(ops.progress(FaultKind::QuorumLoss, ID), Err(Refusal::NotFound));
        assert_eq!(
            ops.start(FaultKind::DataLoss, ID, "app~svc", "p1"),
            Err(Refusal::AlreadyExists)
        );
    }

    #[test]
    fn cancellation_plain_then_forced() {
        let mut ops = FaultOps::new(Duration::from_secs(30));
        ops.next_outcome = FaultOperationOutcome::KeepRunning;
        ops.start(FaultKind::NodeTransition, ID, "vm1", "7").expect("started");
        assert_eq!(ops.cancel(ID, true), Err(Refusal::ForceFirst));
        assert_eq!(ops.cancel(ID, false), Ok(()));
        assert_eq!(ops.cancel(ID, true), Ok(()));
        assert_eq!(
            ops.cancel("00000000-0000-0000-0000-000000000000", false),
            Err(Refusal::NotFound)
        );
        ops.lost_answers = 1;
        let other = "00000000-0000-4000-8000-000000000001";
        assert_eq!(
            ops.start(FaultKind::DataLoss, other, "s", "p"),
            Err(Refusal::AnswerLost)
        );
        assert_eq!(
            ops.start(FaultKind::DataLoss, other, "s", "p"),
            Err(Refusal::AlreadyExists)
        );
    }
}
