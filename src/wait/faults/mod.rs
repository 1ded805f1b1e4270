//! Fault operations of the Fault Analysis Service (a partition's data loss, quorum loss or
//! restart, a node's transition), started with an id of the client's choosing and
//! followed through their progress until they are over.
//!
//! The start is sent again, with the same [`OperationId`], when its answer did not come
//! (a 503, a dropped connection): the service knows the id, so a second start never
//! starts a second fault, and its `FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS`
//! means the first one went through.
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::models::DataLossMode;
//! use fabric_rest::wait::WaitOptions;
//! use fabric_rest::wait::faults::{Fault, start_fault_and_wait};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let fault = Fault::data_loss("myapp~myservice", "1daae3f5-7fd6-42e9-b1ba-8c05f873994d", DataLossMode::PartialDataLoss);
//! let outcome = start_fault_and_wait(&client, &fault, WaitOptions::default(), |progress| {
//!     println!("{}", progress.summary.text); // "Running", then "Completed (error code 0)"
//! })
//! .await?;
//! assert!(outcome.is_completed(), "{outcome:?}");
//! # Ok(()) }
//! ```

mod fault;

use std::time::Duration;

use tokio::time::Instant;

pub use fault::{Fault, FaultProgress};

use crate::faults::FaultOperations;
use crate::models::{OperationId, OperationState};
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait, worth_retrying};
use crate::{Error, ServerTimeout, Transport};

/// The error code of a start whose operation id the service already knows.
pub const OPERATION_ID_ALREADY_EXISTS: &str = "FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS";

/// How a fault operation ended, with its last progress.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum FaultOutcome {
    /// `Completed`: the fault was induced.
    Completed(FaultProgress),
    /// `Faulted`: it failed (its result's error code says why).
    Faulted(FaultProgress),
    /// `Cancelled`, after a cancellation without force.
    Cancelled(FaultProgress),
    /// `ForceCancelled`: aborted; the system may keep some of its own state.
    ForceCancelled(FaultProgress),
    /// `Invalid`, no state, or a state this library does not know, read once the
    /// operation had been seen running (or the grace had passed).
    Unrecognised(FaultProgress),
}

impl FaultOutcome {
    /// The last progress read.
    pub fn progress(&self) -> &FaultProgress {
        match self {
            FaultOutcome::Completed(p)
            | FaultOutcome::Faulted(p)
            | FaultOutcome::Cancelled(p)
            | FaultOutcome::ForceCancelled(p)
            | FaultOutcome::Unrecognised(p) => p,
        }
    }

    /// Whether the fault was induced.
    pub fn is_completed(&self) -> bool {
        matches!(self, FaultOutcome::Completed(_))
    }
}

/// A started fault operation, followed through its progress until it is over.
pub struct FaultWorkflow<'c, C> {
    client: &'c C,
    fault: &'c Fault,
    id: OperationId,
}

impl<'c, C: Transport> FaultWorkflow<'c, C> {
    /// The operation `id` started for `fault`, read through `client`.
    pub fn new(client: &'c C, fault: &'c Fault, id: OperationId) -> Self {
        FaultWorkflow { client, fault, id }
    }
}

impl<C: Transport> Workflow for FaultWorkflow<'_, C> {
    type Status = FaultProgress;
    type Outcome = FaultOutcome;

    fn name(&self) -> String {
        self.fault.what(self.id)
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<FaultProgress, Error> {
        self.fault.progress(self.client, self.id, timeout).await
    }

    fn judge(&mut self, status: &FaultProgress, seen: &Seen) -> Judgement<FaultOutcome> {
        let outcome = match status.state().map(OperationState::as_str) {
            Some("Running" | "RollingBack") => return Judgement::Running,
            Some("Completed") => FaultOutcome::Completed,
            Some("Faulted") => FaultOutcome::Faulted,
            Some("Cancelled") => FaultOutcome::Cancelled,
            Some("ForceCancelled") => FaultOutcome::ForceCancelled,
            // The id is this run's alone, so no final state is an earlier run's; an unknown
            // one is believed once the operation has shown up as running, or after the grace.
            _ if seen.running || seen.past_grace => FaultOutcome::Unrecognised,
            _ => return Judgement::Earlier,
        };
        Judgement::Ended(outcome(status.clone()))
    }

    fn summary(&self, status: &FaultProgress) -> Summary {
        let state = status.state().map_or("no state", OperationState::as_str);
        match status.error_code() {
            Some(code) => Summary::new(format!("{state} (error code {code})")),
            None => Summary::new(state),
        }
    }
}

/// Whether `error` says the service already knows the operation id.
fn already_exists(error: &Error) -> bool {
    error
        .code()
        .is_some_and(|code| code.as_str() == OPERATION_ID_ALREADY_EXISTS)
}

/// Sends `send` until it goes through, the service says the id exists, a failure is not
/// worth retrying, or the deadline of `options` would pass; returns the options of the
/// wait that follows, with the time left.
async fn until_accepted<F, Fut, S>(
    what: String,
    options: &WaitOptions,
    mut send: F,
) -> Result<WaitOptions, WaitError<S>>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Result<(), Error>>,
{
    let began = Instant::now();
    loop {
        let error = match send().await {
            Ok(()) => break,
            Err(error) if already_exists(&error) => break,
            Err(error) => error,
        };
        let next = began.elapsed().saturating_add(options.poll_interval);
        if !worth_retrying(&error) || next >= options.deadline {
            return Err(WaitError::Request { what, error });
        }
        tokio::time::sleep(options.poll_interval).await;
    }
    let left = options.deadline.saturating_sub(began.elapsed());
    Ok(options.clone().deadline(left.max(Duration::from_millis(1))))
}

/// Starts `fault` as operation `id`, sending the start again with the same id while its
/// answer does not come (within the deadline of `options`). `FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS`
/// counts as started: a start with this id went through before.
pub async fn start_fault<C: Transport>(
    client: &C,
    fault: &Fault,
    id: OperationId,
    options: &WaitOptions,
) -> Result<(), WaitError<FaultProgress>> {
    let timeout = options.status_timeout;
    until_accepted(fault.what(id), options, || fault.start(client, id, timeout)).await?;
    Ok(())
}

/// Starts `fault` with a fresh [`OperationId`] (see [`start_fault`]) and follows it until
/// it is over. The id is in the wait's name, so an error says which operation to follow or
/// cancel.
pub async fn start_fault_and_wait<C: Transport>(
    client: &C,
    fault: &Fault,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, FaultProgress>),
) -> Result<FaultOutcome, WaitError<FaultProgress>> {
    let id = OperationId::new();
    let timeout = options.status_timeout;
    let left = until_accepted(fault.what(id), &options, || fault.start(client, id, timeout)).await?;
    wait(FaultWorkflow::new(client, fault, id), &left, on_progress).await
}

/// Cancels operation `id` of `fault` (with `force`, aborts it) and follows it until it is
/// over: `Cancelled` or `ForceCancelled`, or the end it reached first. A cancellation whose
/// answer did not come is sent again.
pub async fn cancel_fault_and_wait<C: Transport>(
    client: &C,
    fault: &Fault,
    id: OperationId,
    force: bool,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, FaultProgress>),
) -> Result<FaultOutcome, WaitError<FaultProgress>> {
    let timeout = options.status_timeout;
    let left = until_accepted(fault.what(id), &options, || client.cancel_operation(id, force, timeout)).await?;
    wait(FaultWorkflow::new(client, fault, id), &left, on_progress).await
}
