//! A workflow of the emulated cluster as a list of phases: what its status request answers
//! from one step to the next.
//!
//! The rules are those of the configuration upgrade ([`crate::upgrade`]), for every other
//! workflow (node deactivations, fault operations, code upgrades, repair tasks): the state is
//! computed from the clock whenever someone looks, so no background task has to keep in
//! step. Each phase lasts at least one step, and also until a status request has reported
//! it, but never longer than [`UNOBSERVED_STEPS`] steps. A phase can be *held*: it lasts
//! until [`Phases::release`] (an upgrade domain waiting for `MoveToNextUpgradeDomain`).

use std::time::{Duration, Instant};

use crate::upgrade::UNOBSERVED_STEPS;

/// The phases of one run, the current one first among those left.
#[derive(Clone, Debug)]
pub(crate) struct Phases<T> {
    phases: Vec<T>,
    held: Vec<bool>,
    index: usize,
    entered: Instant,
    reported: Option<Instant>,
}

impl<T: Clone> Phases<T> {
    /// A run that entered the first of `phases` at `now`; `phases` is never empty.
    pub(crate) fn new(first: T, rest: Vec<T>, now: Instant) -> Phases<T> {
        let mut phases = vec![first];
        phases.extend(rest);
        let held = vec![false; phases.len()];
        Phases {
            phases,
            held,
            index: 0,
            entered: now,
            reported: None,
        }
    }

    /// Holds the phase at `index` until [`release`](Self::release).
    pub(crate) fn hold(&mut self, index: usize) {
        if let Some(held) = self.held.get_mut(index) {
            *held = true;
        }
    }

    /// Whether the run stands in a held phase at `now`.
    pub(crate) fn is_held(&mut self, now: Instant, step: Duration) -> bool {
        self.advance(now, step);
        self.held[self.index]
    }

    /// Lets the held phase the run stands in end (after its step, as any phase); `false`
    /// when it stands in no held phase.
    pub(crate) fn release(&mut self, now: Instant, step: Duration) -> bool {
        if !self.is_held(now, step) {
            return false;
        }
        self.held[self.index] = false;
        true
    }

    /// The phase at `now`, without counting as a report.
    pub(crate) fn current(&mut self, now: Instant, step: Duration) -> &T {
        self.advance(now, step);
        &self.phases[self.index]
    }

    /// The phase at `now`, as a status request sees it: it may end once its step is over.
    pub(crate) fn report(&mut self, now: Instant, step: Duration) -> T {
        self.advance(now, step);
        self.reported.get_or_insert(now);
        self.phases[self.index].clone()
    }

    /// Whether the run has reached its last phase at `now`.
    pub(crate) fn is_over(&mut self, now: Instant, step: Duration) -> bool {
        self.advance(now, step);
        self.index + 1 == self.phases.len()
    }

    /// The last phase: how the run ends.
    pub(crate) fn last(&self) -> &T {
        &self.phases[self.phases.len() - 1]
    }

    /// Moves to the phase reached at `now`.
    fn advance(&mut self, now: Instant, step: Duration) {
        while self.index + 1 < self.phases.len() && !self.held[self.index] {
            // A step too long to add to the clock means the phase never ends.
            let Some(shortest) = self.entered.checked_add(step) else {
                return;
            };
            let end = match self.reported {
                Some(reported) => Some(shortest.max(reported)),
                None => step
                    .checked_mul(UNOBSERVED_STEPS)
                    .and_then(|d| self.entered.checked_add(d)),
            };
            let Some(end) = end.filter(|end| now >= *end) else {
                return;
            };
            self.index += 1;
            self.entered = end;
            self.reported = None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Duration = Duration::from_secs(1);

    #[test]
    fn each_phase_is_reported_before_it_ends() {
        let t0 = Instant::now();
        let mut run = Phases::new("stale", vec!["running", "done"], t0);
        // Nobody looked: the first phase lasts up to ten steps.
        assert_eq!(*run.current(t0 + STEP * 5, STEP), "stale");
        assert_eq!(run.report(t0 + STEP * 5, STEP), "stale");
        assert_eq!(run.report(t0 + STEP * 5 + STEP / 2, STEP), "running");
        assert!(!run.is_over(t0 + STEP * 5 + STEP * 3 / 4, STEP));
        assert_eq!(run.report(t0 + STEP * 7, STEP), "done");
        assert!(run.is_over(t0 + STEP * 100, STEP));
        assert_eq!(*run.last(), "done");
    }

    #[test]
    fn a_held_phase_waits_for_its_release() {
        let t0 = Instant::now();
        let mut run = Phases::new(0, vec![1, 2], t0);
        run.hold(1);
        assert_eq!(run.report(t0, STEP), 0);
        assert_eq!(run.report(t0 + STEP * 2, STEP), 1);
        assert!(run.is_held(t0 + STEP * 50, STEP));
        assert_eq!(*run.current(t0 + STEP * 50, STEP), 1);
        assert!(run.release(t0 + STEP * 50, STEP));
        assert!(!run.release(t0 + STEP * 50, STEP));
        assert_eq!(run.report(t0 + STEP * 51, STEP), 2);
    }

    #[test]
    fn an_endless_step_never_ends_a_phase() {
        let t0 = Instant::now();
        let mut run = Phases::new(0, vec![1], t0);
        assert_eq!(run.report(t0 + STEP * 1000, Duration::MAX), 0);
    }
}
