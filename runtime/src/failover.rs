//! The gateways a client knows, and the order it tries them in.
//!
//! The gateway that answered last is tried first. A gateway that failed (no connection,
//! 502, transient 503) goes to the back of the order for a cool-down that doubles with
//! every failure in a row, from [`FIRST_COOLDOWN`] up to [`MAX_COOLDOWN`], so a node that
//! is down costs one failed connection per cool-down rather than one per request.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// How long a gateway that failed once is tried last.
pub(crate) const FIRST_COOLDOWN: Duration = Duration::from_secs(5);
/// The longest cool-down of a gateway that keeps failing.
pub(crate) const MAX_COOLDOWN: Duration = Duration::from_secs(120);

#[derive(Debug)]
pub(crate) struct Gateways {
    bases: Vec<String>,
    health: Mutex<Vec<Health>>,
    preferred: AtomicUsize,
}

#[derive(Clone, Copy, Debug, Default)]
struct Health {
    failures_in_a_row: u32,
    cooling_until: Option<Instant>,
}

impl Gateways {
    /// `bases` is never empty: the builder always has the first URL.
    pub(crate) fn new(bases: Vec<String>) -> Gateways {
        let health = vec![Health::default(); bases.len()];
        Gateways {
            bases,
            health: Mutex::new(health),
            preferred: AtomicUsize::new(0),
        }
    }

    pub(crate) fn base(&self, index: usize) -> &str {
        self.bases.get(index).map_or("", String::as_str)
    }

    /// How many gateways there are.
    pub(crate) fn len(&self) -> usize {
        self.bases.len()
    }

    pub(crate) fn bases(&self) -> &[String] {
        &self.bases
    }

    fn health(&self) -> MutexGuard<'_, Vec<Health>> {
        // The data stays consistent whatever panicked while holding the lock.
        self.health.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The order to try the gateways in for a new request: the preferred one, then the
    /// others in the configured order; gateways cooling down after failures come last,
    /// the one that cools down longest at the very end.
    pub(crate) fn order(&self, now: Instant) -> Vec<usize> {
        let count = self.bases.len();
        let preferred = self.preferred.load(Ordering::Relaxed) % count.max(1);
        let health = self.health();
        let mut order: Vec<usize> = (0..count).map(|i| (preferred + i) % count).collect();
        // A stable sort keeps the rotation among gateways that are equally healthy.
        order.sort_by_key(|&i| health[i].cooling_until.filter(|until| *until > now));
        order
    }

    pub(crate) fn failed(&self, index: usize, now: Instant) {
        let mut health = self.health();
        if let Some(health) = health.get_mut(index) {
            health.failures_in_a_row = health.failures_in_a_row.saturating_add(1);
            let doublings = (health.failures_in_a_row - 1).min(10);
            let cooldown = FIRST_COOLDOWN.saturating_mul(1 << doublings).min(MAX_COOLDOWN);
            health.cooling_until = Some(now + cooldown);
        }
    }

    pub(crate) fn succeeded(&self, index: usize) {
        if let Some(health) = self.health().get_mut(index) {
            *health = Health::default();
        }
        self.preferred.store(index, Ordering::Relaxed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn three() -> Gateways {
        Gateways::new(vec!["a".into(), "b".into(), "c".into()])
    }

    #[test]
    fn the_gateway_that_answered_goes_first() {
        let gateways = three();
        let now = Instant::now();
        assert_eq!(gateways.order(now), [0, 1, 2]);
        gateways.succeeded(1);
        assert_eq!(gateways.order(now), [1, 2, 0]);
    }

    #[test]
    fn failing_gateways_go_last_for_a_growing_while() {
        let gateways = three();
        let now = Instant::now();
        gateways.failed(0, now);
        assert_eq!(gateways.order(now), [1, 2, 0]);
        gateways.failed(1, now);
        assert_eq!(gateways.order(now), [2, 0, 1]);
        assert_eq!(gateways.order(now + FIRST_COOLDOWN), [0, 1, 2]);
        gateways.failed(0, now);
        assert_eq!(gateways.order(now + FIRST_COOLDOWN), [1, 2, 0]);
        assert_eq!(gateways.order(now + FIRST_COOLDOWN * 2), [0, 1, 2]);
        gateways.succeeded(0);
        assert_eq!(gateways.order(now), [0, 2, 1]);
    }
}
