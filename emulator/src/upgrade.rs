//! The cluster the emulator pretends to be: its committed ClusterConfig and the
//! configuration-upgrade state machine.
//!
//! An upgrade is a list of phases, each one status as GetClusterConfigurationUpgradeStatus
//! would report it. The state is computed lazily from the clock whenever someone looks, so
//! there is no background task to keep in step, and the result depends only on when the
//! requests arrived.
//!
//! Every phase lasts at least one step. So that a poller sees every phase even when the
//! machine is busy, a phase also waits until a status request has reported it, but never
//! longer than [`UNOBSERVED_STEPS`] steps: a cluster nobody polls still finishes.

use std::time::{Duration, Instant};

use serde::Serialize;

use crate::cluster_config::{ClusterConfig, UNREADABLE};

/// How many steps a phase lasts when no status request reports it.
pub const UNOBSERVED_STEPS: u32 = 10;

/// The type name the upgrade service puts in its refusal to interrupt a rollback.
const PENDING_UPGRADE_TYPE: &str = "StandAloneSimpleClusterUpgradeState";

/// How the next configuration upgrade ends.
#[non_exhaustive]
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum UpgradeOutcome {
    /// Every upgrade domain upgrades; the new ClusterConfig is committed and the state ends
    /// in `RollingForwardCompleted` with the new `ConfigVersion`.
    #[default]
    Succeed,
    /// The upgrade stops in `Failed`; the old ClusterConfig stays and `Details` says why.
    Fail,
    /// The upgrade rolls back through `RollingBackPending` and `RollingBackInProgress` to
    /// `RollingBackCompleted`; the old ClusterConfig stays and `Details` says why.
    RollBack,
}

/// What GetClusterConfigurationUpgradeStatus answers (`ClusterConfigurationUpgradeStatusInfo`).
///
/// Serializes to the wire form, fields in the order of the REST specification:
/// `{"UpgradeState":…,"ProgressStatus":…,"ConfigVersion":…,"Details":…}`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
pub struct UpgradeStatus {
    /// `UpgradeState`, e.g. `"RollingForwardInProgress"`.
    pub upgrade_state: String,
    /// `ProgressStatus`: the share of upgrade domains done, 0 to 100.
    pub progress_status: u32,
    /// `ConfigVersion`: the committed `clusterConfigurationVersion`; it changes only when a
    /// successful upgrade completes.
    pub config_version: String,
    /// `Details`: the upgrade domain being worked on, or `"<code> : <message>"` after a
    /// failure or rollback; empty otherwise.
    pub details: String,
}

impl UpgradeStatus {
    fn new(state: &str, progress: u32, version: &str, details: String) -> UpgradeStatus {
        UpgradeStatus {
            upgrade_state: state.to_owned(),
            progress_status: progress,
            config_version: version.to_owned(),
            details,
        }
    }

    fn is_rolling_back(&self) -> bool {
        matches!(
            self.upgrade_state.as_str(),
            "RollingBackPending" | "RollingBackInProgress"
        )
    }
}

/// An upgrade under way.
struct Upgrade {
    target: ClusterConfig,
    phases: Vec<UpgradeStatus>,
    commit_at_end: bool,
    index: usize,
    entered: Instant,
    reported: Option<Instant>,
}

/// The emulated cluster's configuration state.
pub(crate) struct Cluster {
    committed: ClusterConfig,
    step: Duration,
    default_outcome: UpgradeOutcome,
    next_outcome: Option<UpgradeOutcome>,
    /// What status reports when no upgrade runs: the end of the last upgrade.
    settled: UpgradeStatus,
    running: Option<Upgrade>,
    unavailable_after_start: u32,
    unavailable_left: u32,
    /// The opaque blob of SetUpgradeOrchestrationServiceState.
    pub(crate) service_state: String,
}

impl Cluster {
    pub(crate) fn new(
        committed: ClusterConfig,
        step: Duration,
        default_outcome: UpgradeOutcome,
        unavailable_after_start: u32,
    ) -> Cluster {
        let settled = UpgradeStatus::new("RollingForwardCompleted", 0, &committed.version, String::new());
        Cluster {
            committed,
            step,
            default_outcome,
            next_outcome: None,
            settled,
            running: None,
            unavailable_after_start,
            unavailable_left: 0,
            service_state: String::new(),
        }
    }

    /// The committed ClusterConfig as of `now`.
    pub(crate) fn committed(&mut self, now: Instant) -> &ClusterConfig {
        self.advance(now);
        &self.committed
    }

    /// The version an upgrade under way is heading for, if any.
    pub(crate) fn target_version(&mut self, now: Instant) -> Option<String> {
        self.advance(now);
        self.running.as_ref().map(|u| u.target.version.clone())
    }

    pub(crate) fn set_next_outcome(&mut self, outcome: UpgradeOutcome) {
        self.next_outcome = Some(outcome);
    }

    /// The status as of `now`, without counting as a report.
    pub(crate) fn status(&mut self, now: Instant) -> UpgradeStatus {
        self.advance(now);
        match &self.running {
            Some(upgrade) => upgrade.phases[upgrade.index].clone(),
            None => self.settled.clone(),
        }
    }

    /// The status as a GetClusterConfigurationUpgradeStatus request sees it at `now`, or
    /// `None` while the service is still unavailable after a start.
    pub(crate) fn report(&mut self, now: Instant) -> Option<UpgradeStatus> {
        if self.unavailable_left > 0 {
            self.unavailable_left -= 1;
            return None;
        }
        let status = self.status(now);
        if let Some(upgrade) = &mut self.running {
            upgrade.reported.get_or_insert(now);
        }
        Some(status)
    }

    /// Starts an upgrade to the ClusterConfig `text`, or returns the upgrade service's
    /// refusal message (the checks run in the service's order).
    pub(crate) fn start(&mut self, now: Instant, text: &str) -> Result<(), String> {
        let target = ClusterConfig::parse(text).ok_or(UNREADABLE)?;
        let current = self.status(now);
        if current.is_rolling_back() {
            return Err(format!(
                "FabricException: Cluster configuration upgrade of type {PENDING_UPGRADE_TYPE} is already in progress and cannot be interrupted."
            ));
        }
        if target.version == self.committed.version {
            return Err(
                "ValidationException: A configuration upgrade with identical configuration version is not allowed."
                    .to_owned(),
            );
        }
        if target.name != self.committed.name {
            return Err(
                "ValidationException: Cluster name can't be changed in cluster configuration upgrade.".to_owned(),
            );
        }
        let outcome = self.next_outcome.take().unwrap_or_else(|| self.default_outcome.clone());
        let phases = phases(current, &self.committed.version, &target, &outcome);
        self.running = Some(Upgrade {
            target,
            phases,
            commit_at_end: outcome == UpgradeOutcome::Succeed,
            index: 0,
            entered: now,
            reported: None,
        });
        self.unavailable_left = self.unavailable_after_start;
        Ok(())
    }

    /// Moves the upgrade under way to the phase it has reached at `now`.
    fn advance(&mut self, now: Instant) {
        let Some(upgrade) = &mut self.running else {
            return;
        };
        let last = upgrade.phases.len() - 1;
        while upgrade.index < last {
            // A step too long to add to the clock means the phase never ends.
            let Some(shortest) = upgrade.entered.checked_add(self.step) else {
                return;
            };
            let end = match upgrade.reported {
                Some(reported) => Some(shortest.max(reported)),
                None => self
                    .step
                    .checked_mul(UNOBSERVED_STEPS)
                    .and_then(|d| upgrade.entered.checked_add(d)),
            };
            let Some(end) = end.filter(|end| now >= *end) else {
                return;
            };
            upgrade.index += 1;
            upgrade.entered = end;
            upgrade.reported = None;
        }
        if let Some(done) = self.running.take() {
            if done.commit_at_end {
                self.committed = done.target;
            }
            self.settled = done.phases[last].clone();
        }
    }
}

/// The statuses an upgrade goes through, the first being the stale one the cluster still
/// reports just after accepting the upgrade.
fn phases(
    stale: UpgradeStatus,
    old_version: &str,
    target: &ClusterConfig,
    outcome: &UpgradeOutcome,
) -> Vec<UpgradeStatus> {
    let domains = &target.upgrade_domains;
    let count = domains.len() as u32;
    let progress = |done: u32| done * 100 / count;
    let mut phases = vec![
        stale,
        UpgradeStatus::new("RollingForwardPending", 0, old_version, String::new()),
    ];
    for (done, domain) in (0..).zip(domains) {
        phases.push(UpgradeStatus::new(
            "RollingForwardInProgress",
            progress(done),
            old_version,
            format!("Upgrading upgrade domain {domain} ({} of {count}).", done + 1),
        ));
    }
    let failed_domain = domains.last().map_or("", String::as_str);
    let failure = format!(
        "FABRIC_E_CONFIG_UPGRADE_FAILED : Health checks failed in upgrade domain {failed_domain} during the upgrade to configuration version {}.",
        target.version
    );
    let reached = progress(count - 1);
    match outcome {
        UpgradeOutcome::Succeed => phases.push(UpgradeStatus::new(
            "RollingForwardCompleted",
            100,
            &target.version,
            String::new(),
        )),
        UpgradeOutcome::Fail => {
            phases.push(UpgradeStatus::new("Failed", reached, old_version, failure));
        }
        UpgradeOutcome::RollBack => {
            phases.push(UpgradeStatus::new(
                "RollingBackPending",
                reached,
                old_version,
                failure.clone(),
            ));
            for done in (0..count).rev() {
                phases.push(UpgradeStatus::new(
                    "RollingBackInProgress",
                    progress(done),
                    old_version,
                    failure.clone(),
                ));
            }
            phases.push(UpgradeStatus::new("RollingBackCompleted", 0, old_version, failure));
        }
    }
    phases
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Duration = Duration::from_secs(1);

    fn cluster(outcome: UpgradeOutcome) -> Cluster {
        let committed = ClusterConfig::parse(crate::SAMPLE_CLUSTER_CONFIG).expect("sample");
        Cluster::new(committed, STEP, outcome, 0)
    }

    fn target(version: &str) -> String {
        crate::SAMPLE_CLUSTER_CONFIG.replace("\"1.0.0\"", &format!("\"{version}\""))
    }

    /// Polls once per `every` from `start` until the upgrade settles.
    fn poll_states(c: &mut Cluster, start: Instant, every: Duration) -> Vec<UpgradeStatus> {
        let mut seen = Vec::new();
        for i in 1..200 {
            let status = c.report(start + every * i).expect("available");
            if seen.last() != Some(&status) {
                seen.push(status);
            }
            if c.running.is_none() {
                break;
            }
        }
        seen
    }

    fn states(seen: &[UpgradeStatus]) -> Vec<&str> {
        seen.iter().map(|s| s.upgrade_state.as_str()).collect()
    }

    #[test]
    fn success_walks_every_domain_and_commits_at_the_end() {
        let mut c = cluster(UpgradeOutcome::Succeed);
        let t0 = Instant::now();
        c.start(t0, &target("2.0.0")).expect("accepted");
        let seen = poll_states(&mut c, t0, STEP / 3);
        assert_eq!(
            states(&seen),
            [
                "RollingForwardCompleted",
                "RollingForwardPending",
                "RollingForwardInProgress",
                "RollingForwardInProgress",
                "RollingForwardInProgress",
                "RollingForwardCompleted"
            ]
        );
        let progress: Vec<u32> = seen.iter().map(|s| s.progress_status).collect();
        assert_eq!(progress, [0, 0, 0, 33, 66, 100]);
        assert!(seen[..5].iter().all(|s| s.config_version == "1.0.0"));
        assert_eq!(seen[5].config_version, "2.0.0");
        assert!(seen[3].details.contains("UD1"));
        assert_eq!(c.committed(t0).version, "2.0.0");
    }

    #[test]
    fn slow_pollers_still_see_every_phase() {
        let mut c = cluster(UpgradeOutcome::RollBack);
        let t0 = Instant::now();
        c.start(t0, &target("2.0.0")).expect("accepted");
        let seen = poll_states(&mut c, t0, STEP * 3);
        assert_eq!(seen.len(), 10, "{seen:?}");
        assert_eq!(seen[9].upgrade_state, "RollingBackCompleted");
        assert_eq!(seen[9].config_version, "1.0.0");
        assert!(seen[9].details.starts_with("FABRIC_E_CONFIG_UPGRADE_FAILED : "));
    }

    #[test]
    fn unobserved_upgrades_finish_on_their_own() {
        let mut c = cluster(UpgradeOutcome::Fail);
        let t0 = Instant::now();
        c.start(t0, &target("2.0.0")).expect("accepted");
        let later = t0 + STEP * UNOBSERVED_STEPS * 6;
        assert_eq!(c.status(later).upgrade_state, "Failed");
        assert_eq!(c.committed(later).version, "1.0.0");
    }

    #[test]
    fn refusals_follow_the_service_order() {
        let mut c = cluster(UpgradeOutcome::RollBack);
        let t0 = Instant::now();
        assert_eq!(c.start(t0, "nope"), Err(UNREADABLE.to_owned()));
        assert!(c.start(t0, &target("1.0.0")).unwrap_err().contains("identical"));
        let renamed = target("2.0.0").replace("fabric-rest-sample", "other");
        assert!(c.start(t0, &renamed).unwrap_err().contains("name can't be changed"));
        c.start(t0, &target("2.0.0")).expect("accepted");
        // Past the forward phases and into the rollback.
        let during = t0 + STEP * UNOBSERVED_STEPS * 5;
        assert_eq!(c.status(during).upgrade_state, "RollingBackPending");
        let refused = c.start(during, &target("3.0.0")).unwrap_err();
        assert!(refused.ends_with("is already in progress and cannot be interrupted."));
    }

    #[test]
    fn the_stale_phase_repeats_how_the_last_upgrade_ended() {
        let mut c = cluster(UpgradeOutcome::Fail);
        let t0 = Instant::now();
        c.start(t0, &target("2.0.0")).expect("accepted");
        let failed = poll_states(&mut c, t0, STEP).pop().expect("settled");
        assert_eq!(failed.upgrade_state, "Failed");
        let t1 = t0 + STEP * 100;
        c.set_next_outcome(UpgradeOutcome::Succeed);
        c.start(t1, &target("2.0.0")).expect("accepted");
        assert_eq!(c.report(t1), Some(failed.clone()));
        assert_eq!(c.report(t1 + STEP / 2), Some(failed));
        let next = c.report(t1 + STEP).expect("available");
        assert_eq!(next.upgrade_state, "RollingForwardPending");
        assert_eq!(next.details, "");
    }

    #[test]
    fn an_endless_step_never_ends_a_phase() {
        let committed = ClusterConfig::parse(crate::SAMPLE_CLUSTER_CONFIG).expect("sample");
        let mut c = Cluster::new(committed, Duration::MAX, UpgradeOutcome::Succeed, 0);
        let t0 = Instant::now();
        c.start(t0, &target("2.0.0")).expect("accepted");
        let stale = c.report(t0).expect("available");
        assert_eq!(c.report(t0 + STEP * 1000), Some(stale));
        assert_eq!(c.committed(t0 + STEP * 1000).version, "1.0.0");
    }

    #[test]
    fn unavailability_counts_requests() {
        let committed = ClusterConfig::parse(crate::SAMPLE_CLUSTER_CONFIG).expect("sample");
        let mut c = Cluster::new(committed, STEP, UpgradeOutcome::Succeed, 2);
        let t0 = Instant::now();
        assert!(c.report(t0).is_some());
        c.start(t0, &target("2.0.0")).expect("accepted");
        assert!(c.report(t0).is_none());
        assert!(c.report(t0).is_none());
        assert_eq!(
            c.report(t0).map(|s| s.upgrade_state),
            Some("RollingForwardCompleted".to_owned())
        );
    }
}
