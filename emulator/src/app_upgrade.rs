//! One rolling upgrade of an application: through the upgrade domains a step each, rolled
//! back when its health check fails, waiting for MoveToNextUpgradeDomain in manual mode.

use std::time::{Duration, Instant, SystemTime};

/// How the next application upgrade ends.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
#[non_exhaustive]
pub enum ApplicationUpgradeOutcome {
    /// It goes through every upgrade domain and completes at the target version.
    #[default]
    Succeed,
    /// Health checks fail in the second upgrade domain (the first when there is one):
    /// with the `Rollback` failure action the upgrade rolls back to the version it came
    /// from (`RollingBackCompleted`); with `Manual` it stops as `Failed`.
    FailHealthCheck,
}

/// Where a rolling upgrade stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Phase {
    /// Upgrading domain `index` since `since`.
    Forward {
        index: usize,
        since: Instant,
    },
    /// Waiting for MoveToNextUpgradeDomain before domain `index` (manual mode).
    Pending {
        index: usize,
    },
    /// Rolling back domain `index` since `since`.
    Back {
        index: usize,
        since: Instant,
    },
    Completed,
    RolledBack,
    Failed,
}

/// One application upgrade.
#[derive(Clone, Debug)]
pub(crate) struct Upgrade {
    pub(crate) target_version: String,
    pub(crate) target_parameters: Vec<(String, String)>,
    pub(crate) mode: String,
    pub(crate) failure_action: String,
    pub(crate) outcome: ApplicationUpgradeOutcome,
    pub(crate) domains: Vec<String>,
    pub(crate) done: usize,
    pub(crate) phase: Phase,
    pub(crate) started: SystemTime,
    pub(crate) failed: Option<SystemTime>,
}

impl Upgrade {
    fn fail_at(&self) -> usize {
        1.min(self.domains.len().saturating_sub(1))
    }

    pub(crate) fn state(&self) -> &'static str {
        match self.phase {
            Phase::Forward { .. } => "RollingForwardInProgress",
            Phase::Pending { .. } => "RollingForwardPending",
            Phase::Back { .. } => "RollingBackInProgress",
            Phase::Completed => "RollingForwardCompleted",
            Phase::RolledBack => "RollingBackCompleted",
            Phase::Failed => "Failed",
        }
    }

    pub(crate) fn is_final(&self) -> bool {
        matches!(self.phase, Phase::Completed | Phase::RolledBack | Phase::Failed)
    }

    /// Moves the upgrade on to `now`, a step per domain.
    pub(crate) fn advance(&mut self, now: Instant, step: Duration) {
        loop {
            match self.phase {
                Phase::Forward { index, since } if now.saturating_duration_since(since) >= step => {
                    let next = since + step;
                    if self.outcome == ApplicationUpgradeOutcome::FailHealthCheck && index == self.fail_at() {
                        self.failed = Some(SystemTime::now());
                        self.phase = if self.failure_action == "Manual" {
                            Phase::Failed
                        } else {
                            Phase::Back { index, since: next }
                        };
                        continue;
                    }
                    self.done = index + 1;
                    self.phase = if self.done == self.domains.len() {
                        Phase::Completed
                    } else if self.mode == "UnmonitoredManual" {
                        Phase::Pending { index: self.done }
                    } else {
                        Phase::Forward {
                            index: self.done,
                            since: next,
                        }
                    };
                }
                Phase::Back { index, since } if now.saturating_duration_since(since) >= step => {
                    self.phase = match index {
                        0 => Phase::RolledBack,
                        _ => Phase::Back {
                            index: index - 1,
                            since: since + step,
                        },
                    };
                    self.done = self.done.min(index);
                }
                _ => return,
            }
        }
    }

    /// The domain being worked on, if any.
    pub(crate) fn current(&self) -> Option<usize> {
        match self.phase {
            Phase::Forward { index, .. } | Phase::Back { index, .. } => Some(index),
            _ => None,
        }
    }

    /// The next domain to upgrade, as the progress names it.
    pub(crate) fn next(&self) -> Option<&str> {
        match self.phase {
            Phase::Pending { index } => self.domains.get(index).map(String::as_str),
            Phase::Forward { index, .. } => self.domains.get(index + 1).map(String::as_str),
            _ => None,
        }
    }
}

/// What a StartApplicationUpgrade asks for.
#[derive(Debug)]
pub(crate) struct UpgradeRequest {
    pub(crate) target_version: String,
    pub(crate) parameters: Vec<(String, String)>,
    pub(crate) mode: String,
    pub(crate) failure_action: String,
}
