//! Waiting for a long-running operation: one loop for every workflow.
//!
//! Service Fabric answers the start of a long operation (an upgrade, a provision, a fault,
//! a backup) at once and then works on it in the cluster; a client follows it by reading a
//! status until it ends. A [`Workflow`] says how to read the status and how to judge it;
//! [`wait`] does the rest the same way for all of them:
//!
//! - a total deadline ([`WaitOptions::deadline`]) that no poll outlives: a status request
//!   still running at the deadline is dropped, and each poll's server timeout is at most
//!   the time left;
//! - a poll interval with jitter, so many waiters do not poll in step;
//! - failures that say nothing about the workflow (a gateway restarting, 502, 503, 504, a
//!   connection blip, a client timeout) are reported as [`ProgressEvent::Retrying`] and
//!   ridden out; any other failure (a refused certificate or token, 400, 403, 404 unless
//!   the workflow reads it as its end) ends the wait at once;
//! - a status that may belong to an earlier run of the same workflow (the race every
//!   Service Fabric upgrade has right after its start) is never taken for this run's end:
//!   the workflow judges it [`Judgement::Earlier`], and [`Seen`] tells it when the run has
//!   been seen running or the [`stale_grace`](WaitOptions::stale_grace) has passed;
//! - progress after every poll, with a one-line summary for people;
//! - dropping the future stops the polling.

use std::fmt;
use std::future::Future;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::{Error, ErrorKind};
use crate::server_timeout::ServerTimeout;

/// A long-running operation, as [`wait`] follows it.
pub trait Workflow: Send {
    /// What one status request reads.
    type Status: Send + Sync;
    /// How the workflow ended.
    type Outcome;

    /// What is waited for, for messages: `the configuration upgrade to 2.0.0`.
    fn name(&self) -> String;

    /// Reads the status once, with `timeout` as the request's server timeout.
    fn poll(&mut self, timeout: Option<ServerTimeout>) -> impl Future<Output = Result<Self::Status, Error>> + Send;

    /// What `status` says: still running, ended (and how), or possibly an earlier run's.
    fn judge(&mut self, status: &Self::Status, seen: &Seen) -> Judgement<Self::Outcome>;

    /// The status on one line for people, and how far along it is when that is known.
    fn summary(&self, status: &Self::Status) -> Summary;

    /// A failed status request that is itself the workflow's answer (a 404 once a delete
    /// has run), if this one is. By default none is.
    fn judge_error(&mut self, error: &Error, seen: &Seen) -> Option<Self::Outcome> {
        let _ = (error, seen);
        None
    }
}

/// What a status says about the run being waited for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Judgement<O> {
    /// Still running.
    Running,
    /// Ended, this way.
    Ended(O),
    /// A final state that may belong to an earlier run: not this run's end yet.
    Earlier,
}

impl<O> Judgement<O> {
    /// The same judgement with the outcome turned into another.
    pub fn map<U>(self, f: impl FnOnce(O) -> U) -> Judgement<U> {
        match self {
            Judgement::Running => Judgement::Running,
            Judgement::Ended(outcome) => Judgement::Ended(f(outcome)),
            Judgement::Earlier => Judgement::Earlier,
        }
    }
}

/// What the wait has seen so far, for a workflow to judge a status by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Seen {
    /// A status was judged [`Running`](Judgement::Running): a final state now is this run's.
    pub running: bool,
    /// The [`stale_grace`](WaitOptions::stale_grace) has passed: a gateway shows a started
    /// run within seconds, so a final state now is this run's result.
    pub past_grace: bool,
    /// Time since the wait began.
    pub elapsed: Duration,
    /// Status requests made so far, this one included.
    pub polls: u32,
}

impl Seen {
    /// What a wait has seen: whether the run was seen running and whether the grace has
    /// passed (for judging statuses in a workflow's own tests).
    pub fn new(running: bool, past_grace: bool) -> Seen {
        Seen {
            running,
            past_grace,
            elapsed: Duration::ZERO,
            polls: 1,
        }
    }
}

/// A status on one line, for progress displays.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Summary {
    /// The status as a person reads it: `RollingForwardInProgress at version 1.0.0 (33%)`.
    pub text: String,
    /// How far along, 0 to 100, when the status says.
    pub percent: Option<u8>,
}

impl Summary {
    /// A summary of `text`, without a percentage.
    pub fn new(text: impl Into<String>) -> Summary {
        Summary {
            text: text.into(),
            percent: None,
        }
    }

    /// With how far along the workflow is (capped at 100).
    pub fn with_percent(mut self, percent: u32) -> Summary {
        self.percent = Some(percent.min(100) as u8);
        self
    }
}

/// How to wait.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct WaitOptions {
    /// Time between two status requests (default 5 s), give or take a tenth at random.
    pub poll_interval: Duration,
    /// How long to wait in all before giving up (default 1 hour).
    pub deadline: Duration,
    /// How long a final state that may be an earlier run's is disbelieved while this run
    /// has not been seen running (default 30 s).
    pub stale_grace: Duration,
    /// The server timeout of each status request (default: the client's); never more than
    /// the time left.
    pub status_timeout: Option<ServerTimeout>,
}

impl Default for WaitOptions {
    fn default() -> Self {
        WaitOptions {
            poll_interval: Duration::from_secs(5),
            deadline: Duration::from_secs(3600),
            stale_grace: Duration::from_secs(30),
            status_timeout: None,
        }
    }
}

impl WaitOptions {
    /// Sets the time between two status requests.
    pub fn poll_interval(mut self, interval: Duration) -> Self {
        self.poll_interval = interval;
        self
    }

    /// Sets how long to wait in all. `Duration::MAX` waits until the workflow ends.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Sets how long a final state that may be an earlier run's is disbelieved.
    pub fn stale_grace(mut self, grace: Duration) -> Self {
        self.stale_grace = grace;
        self
    }

    /// Sets the server timeout of each status request.
    pub fn status_timeout(mut self, timeout: ServerTimeout) -> Self {
        self.status_timeout = Some(timeout);
        self
    }
}

/// What a wait reports after every status request.
#[derive(Debug)]
#[non_exhaustive]
pub enum ProgressEvent<'a, S> {
    /// A status was read.
    Status(&'a S),
    /// A status request failed in a way worth retrying; the wait goes on.
    Retrying(&'a Error),
}

/// One report of a wait in progress.
#[derive(Debug)]
#[non_exhaustive]
pub struct Progress<'a, S> {
    /// What happened.
    pub event: ProgressEvent<'a, S>,
    /// The event on one line for people (the status summary, or the failure).
    pub summary: &'a Summary,
    /// Time since the wait began.
    pub elapsed: Duration,
    /// Status requests made so far, this one included.
    pub polls: u32,
    /// Whether this run has been seen running (so a final state now is its own).
    pub seen_running: bool,
}

/// Why a wait ended without an outcome.
#[derive(Debug)]
#[non_exhaustive]
pub enum WaitError<S> {
    /// The deadline passed first.
    DeadlineExceeded {
        /// What was waited for.
        what: String,
        /// How long the wait lasted.
        elapsed: Duration,
        /// The last status read, if any.
        last_status: Option<S>,
        /// Its summary.
        last_summary: Option<Summary>,
        /// The last failed status request, if the last request failed.
        last_error: Option<Error>,
    },
    /// A status request failed in a way that retrying will not mend.
    Request {
        /// What was waited for.
        what: String,
        /// The failure.
        error: Error,
    },
}

impl<S> WaitError<S> {
    /// The failed request that ended the wait, or the last failed one before the deadline.
    pub fn error(&self) -> Option<&Error> {
        match self {
            WaitError::DeadlineExceeded { last_error, .. } => last_error.as_ref(),
            WaitError::Request { error, .. } => Some(error),
        }
    }
}

impl<S> fmt::Display for WaitError<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::DeadlineExceeded {
                what,
                elapsed,
                last_summary,
                last_error,
                ..
            } => {
                write!(f, "{what} did not finish within {:.1} s", elapsed.as_secs_f64())?;
                if let Some(summary) = last_summary {
                    write!(f, "; last status: {}", summary.text)?;
                }
                if let Some(error) = last_error {
                    write!(f, "; last error: {}", error.display_chain())?;
                }
                Ok(())
            }
            WaitError::Request { what, error } => {
                write!(f, "cannot follow {what}: {}", error.display_chain())
            }
        }
    }
}

impl<S: fmt::Debug> std::error::Error for WaitError<S> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.error().map(|e| e as &(dyn std::error::Error + 'static))
    }
}

/// Whether a failed status request says nothing about the workflow, so a later one may
/// succeed: the gateway or the service behind it is moving (502, 503, 504), the
/// connection blinked, or the client timed out. A refused certificate, token or request
/// stays refused.
pub fn worth_retrying(error: &Error) -> bool {
    match error.kind() {
        ErrorKind::Connect => !error.is_tls_rejection(),
        ErrorKind::Timeout | ErrorKind::Transport => true,
        ErrorKind::Status => error.status().is_some_and(|s| matches!(s.as_u16(), 502..=504)),
        _ => false,
    }
}

/// `base + duration`, or a moment decades ahead when that cannot be represented.
fn later(base: Instant, duration: Duration) -> Instant {
    const FAR: Duration = Duration::from_secs(30 * 365 * 24 * 3600);
    base.checked_add(duration)
        .or_else(|| base.checked_add(FAR))
        .unwrap_or(base)
}

/// `interval`, give or take a tenth at random.
fn jittered(interval: Duration) -> Duration {
    let fraction = (uuid::Uuid::new_v4().as_u128() >> 75) as f64 / (1u64 << 53) as f64;
    let tenth = interval / 10;
    interval
        .saturating_sub(tenth)
        .saturating_add(tenth.mul_f64(2.0 * fraction))
}

/// The server timeout of a poll: the one asked for, but never more than the time left.
fn poll_timeout(asked: Option<ServerTimeout>, left: Duration) -> Option<ServerTimeout> {
    let asked = asked?;
    let left = ServerTimeout::try_from(left).unwrap_or(ServerTimeout::MIN);
    Some(asked.min(left))
}

/// Follows `workflow` until it ends, calling `on_progress` after every status request;
/// see the [module documentation](self) for what the loop guarantees.
pub async fn wait<W: Workflow>(
    mut workflow: W,
    options: &WaitOptions,
    mut on_progress: impl FnMut(&Progress<'_, W::Status>),
) -> Result<W::Outcome, WaitError<W::Status>> {
    let start = Instant::now();
    let deadline = later(start, options.deadline);
    let mut state = State::<W::Status>::default();
    loop {
        let now = Instant::now();
        if now >= deadline {
            return Err(state.deadline_exceeded(workflow.name(), now - start));
        }
        state.polls += 1;
        let timeout = poll_timeout(options.status_timeout, deadline - now);
        // A poll still running at the deadline is dropped; the next turn reports it.
        let Ok(result) = tokio::time::timeout_at(deadline, workflow.poll(timeout)).await else {
            continue;
        };
        let seen = state.seen(start.elapsed(), options.stale_grace);
        match result {
            Ok(status) => {
                let judgement = workflow.judge(&status, &seen);
                state.running |= matches!(judgement, Judgement::Running);
                let summary = workflow.summary(&status);
                state.report(ProgressEvent::Status(&status), &summary, start, &mut on_progress);
                if let Judgement::Ended(outcome) = judgement {
                    return Ok(outcome);
                }
                state.last = Some((status, summary));
                state.last_error = None;
            }
            Err(error) => {
                if let Some(outcome) = workflow.judge_error(&error, &seen) {
                    return Ok(outcome);
                }
                if !worth_retrying(&error) {
                    return Err(WaitError::Request {
                        what: workflow.name(),
                        error,
                    });
                }
                let summary = Summary::new(format!("retrying: {}", error.display_chain()));
                state.report(ProgressEvent::Retrying(&error), &summary, start, &mut on_progress);
                state.last_error = Some(error);
            }
        }
        tokio::time::sleep_until(later(Instant::now(), jittered(options.poll_interval)).min(deadline)).await;
    }
}

/// What the loop keeps between polls.
struct State<S> {
    polls: u32,
    running: bool,
    last: Option<(S, Summary)>,
    last_error: Option<Error>,
}

impl<S> Default for State<S> {
    fn default() -> Self {
        State {
            polls: 0,
            running: false,
            last: None,
            last_error: None,
        }
    }
}

impl<S> State<S> {
    fn seen(&self, elapsed: Duration, grace: Duration) -> Seen {
        Seen {
            running: self.running,
            past_grace: elapsed >= grace,
            elapsed,
            polls: self.polls,
        }
    }

    fn report(
        &self,
        event: ProgressEvent<'_, S>,
        summary: &Summary,
        start: Instant,
        on_progress: &mut impl FnMut(&Progress<'_, S>),
    ) {
        on_progress(&Progress {
            event,
            summary,
            elapsed: start.elapsed(),
            polls: self.polls,
            seen_running: self.running,
        });
    }

    fn deadline_exceeded(self, what: String, elapsed: Duration) -> WaitError<S> {
        let (last_status, last_summary) = match self.last {
            Some((status, summary)) => (Some(status), Some(summary)),
            None => (None, None),
        };
        WaitError::DeadlineExceeded {
            what,
            elapsed,
            last_status,
            last_summary,
            last_error: self.last_error,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jitter_stays_within_a_tenth() {
        for _ in 0..200 {
            let wait = jittered(Duration::from_millis(1000));
            assert!((900..=1100).contains(&wait.as_millis()), "{wait:?}");
        }
        assert_eq!(jittered(Duration::ZERO), Duration::ZERO);
        let _ = jittered(Duration::MAX);
    }

    #[test]
    fn a_poll_never_asks_for_more_than_the_time_left() {
        let asked = Some(ServerTimeout::seconds::<60>());
        assert_eq!(poll_timeout(asked, Duration::from_secs(600)), asked);
        assert_eq!(
            poll_timeout(asked, Duration::from_secs(5)),
            Some(ServerTimeout::seconds::<5>())
        );
        assert_eq!(poll_timeout(asked, Duration::ZERO), Some(ServerTimeout::MIN));
        assert_eq!(poll_timeout(None, Duration::from_secs(5)), None);
    }

    #[test]
    fn later_saturates() {
        let now = Instant::now();
        assert!(later(now, Duration::MAX) > now);
    }
}
