//! Chaos, followed until it is `Stopped`: a run started here ends by itself after its
//! `TimeToRunInSeconds`, or when someone stops it.
//!
//! Right after a start GetChaos may still read `Stopped` from the previous run; that is
//! this run's end only once it has been seen `Running`, or after the
//! [`stale_grace`](crate::wait::WaitOptions::stale_grace) (a very short run may start and
//! stop between two polls).
//!
//! ```no_run
//! use std::time::Duration;
//! use fabric_rest::Client;
//! use fabric_rest::models::ChaosParameters;
//! use fabric_rest::wait::{WaitOptions, chaos};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let parameters = ChaosParameters::new().with_time_to_run(Duration::from_secs(600));
//! let outcome = chaos::start_chaos_and_wait(&client, &parameters, WaitOptions::default(), |progress| {
//!     println!("{}", progress.summary.text); // "Running", then "Stopped"
//! })
//! .await?;
//! println!("{outcome:?}");
//! # Ok(()) }
//! ```

use crate::chaos::ChaosOperations;
use crate::models::{Chaos, ChaosParameters};
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait};
use crate::{Error, ServerTimeout};

/// How a wait for Chaos ended, with the last status read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ChaosOutcome {
    /// `Stopped`.
    Stopped(Box<Chaos>),
    /// `Invalid`, no status or one this library does not know, read once Chaos had been
    /// seen running (or the grace had passed).
    Unrecognised(Box<Chaos>),
}

impl ChaosOutcome {
    /// The last status read.
    pub fn status(&self) -> &Chaos {
        match self {
            ChaosOutcome::Stopped(chaos) | ChaosOutcome::Unrecognised(chaos) => chaos,
        }
    }
}

/// Chaos, followed until it is `Stopped`.
pub struct ChaosRun<'c, C: ?Sized> {
    client: &'c C,
    /// After a stop, `Stopped` is the end whenever it is read.
    stopping: bool,
}

impl<'c, C: ChaosOperations + ?Sized> ChaosRun<'c, C> {
    /// A run just started: `Stopped` ends it once it was seen `Running` (or after the
    /// grace).
    pub fn started(client: &'c C) -> Self {
        ChaosRun {
            client,
            stopping: false,
        }
    }

    /// A run asked to stop (or none at all): any `Stopped` read ends the wait.
    pub fn stopping(client: &'c C) -> Self {
        ChaosRun { client, stopping: true }
    }
}

impl<C: ChaosOperations + ?Sized> Workflow for ChaosRun<'_, C> {
    type Status = Chaos;
    type Outcome = ChaosOutcome;

    fn name(&self) -> String {
        "Chaos".to_owned()
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Chaos, Error> {
        self.client.get_chaos(timeout).await
    }

    fn judge(&mut self, status: &Chaos, seen: &Seen) -> Judgement<ChaosOutcome> {
        let believed = self.stopping || seen.running || seen.past_grace;
        let outcome = match status.status.as_ref().map(|s| s.as_str()) {
            Some("Running") => return Judgement::Running,
            Some("Stopped") if believed => ChaosOutcome::Stopped,
            _ if believed => ChaosOutcome::Unrecognised,
            // The previous run's end, or a status not to be trusted yet.
            _ => return Judgement::Earlier,
        };
        Judgement::Ended(outcome(Box::new(status.clone())))
    }

    fn summary(&self, status: &Chaos) -> Summary {
        Summary::new(status.status.as_ref().map_or("no status", |s| s.as_str()))
    }
}

fn request_failed<S>(error: Error) -> WaitError<S> {
    WaitError::Request {
        what: "Chaos".to_owned(),
        error,
    }
}

/// Starts Chaos with `parameters` and waits until it is `Stopped` (after its
/// `TimeToRunInSeconds`, or when someone stops it). A start while Chaos runs fails with
/// `FABRIC_E_CHAOS_ALREADY_RUNNING`, at once.
pub async fn start_chaos_and_wait<C: ChaosOperations + ?Sized>(
    client: &C,
    parameters: &ChaosParameters,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Chaos>),
) -> Result<ChaosOutcome, WaitError<Chaos>> {
    client
        .start_chaos(parameters, options.status_timeout)
        .await
        .map_err(request_failed)?;
    wait(ChaosRun::started(client), &options, on_progress).await
}

/// Stops Chaos and waits until it reads `Stopped` (faults under way finish first).
pub async fn stop_chaos_and_wait<C: ChaosOperations + ?Sized>(
    client: &C,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Chaos>),
) -> Result<ChaosOutcome, WaitError<Chaos>> {
    client
        .stop_chaos(options.status_timeout)
        .await
        .map_err(request_failed)?;
    wait(ChaosRun::stopping(client), &options, on_progress).await
}
