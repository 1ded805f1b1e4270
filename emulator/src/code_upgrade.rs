//! The cluster's code upgrade: provisioned versions, and each upgrade as a list of
//! GetClusterUpgradeProgress answers (see [`crate::phases`]).
//!
//! Right after a start the progress still reads as the last upgrade ended (for a step at
//! least). From then on it names the target versions: `RollingForwardPending`, then one
//! `RollingForwardInProgress` per upgrade domain, then the end the [`UpgradeOutcome`] says.
//! In `UnmonitoredManual` mode each domain waits, `RollingForwardPending` with its name as
//! `NextUpgradeDomain`, until MoveToNextUpgradeDomain names it.

use std::collections::BTreeSet;
use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::Emulator;
use crate::phases::Phases;
use crate::upgrade::UpgradeOutcome;

/// Why a code-upgrade call is refused: the error code and message.
pub(crate) type Refusal = (&'static str, String);

/// The versions a cluster runs.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Versions {
    code: String,
    config: String,
}

/// The code-upgrade state of the emulated cluster.
#[derive(Debug)]
pub(crate) struct CodeUpgrades {
    step: Duration,
    current: Versions,
    code_versions: BTreeSet<String>,
    config_versions: BTreeSet<String>,
    next_outcome: UpgradeOutcome,
    /// What the progress reads when no upgrade runs.
    settled: Value,
    running: Option<(Phases<Value>, Versions)>,
}

impl CodeUpgrades {
    /// A cluster running `code` and `config`, both provisioned, in upgrade domains `domains`.
    pub(crate) fn new(step: Duration, code: &str, config: &str, domains: &[String]) -> CodeUpgrades {
        let current = Versions {
            code: code.to_owned(),
            config: config.to_owned(),
        };
        let settled =
            Progress::new(&current, "RollingForwardCompleted", "UnmonitoredAuto", domains).done(domains.len());
        CodeUpgrades {
            step,
            code_versions: BTreeSet::from([current.code.clone()]),
            config_versions: BTreeSet::from([current.config.clone()]),
            current,
            next_outcome: UpgradeOutcome::default(),
            settled,
            running: None,
        }
    }

    /// Ends the run that has reached its last phase at `now`.
    fn settle(&mut self, now: Instant) {
        let step = self.step;
        if let Some((run, target)) = &mut self.running
            && run.is_over(now, step)
        {
            let last = run.last().clone();
            if last["UpgradeState"] == "RollingForwardCompleted" {
                self.current = target.clone();
            }
            self.settled = last;
            self.running = None;
        }
    }

    /// Provisions a code package and a cluster manifest, given by their file names: the
    /// version is the name between its first dot and its extension
    /// (`MicrosoftAzureServiceFabric.9.1.1.0.cab` is code version `9.1.1.0`,
    /// `ClusterManifest.2.xml` configuration version `2`).
    pub(crate) fn provision(&mut self, code_file: Option<&str>, manifest_file: Option<&str>) -> Result<(), Refusal> {
        let code = code_file.and_then(version_in);
        let config = manifest_file.and_then(version_in);
        if code.is_none() && config.is_none() {
            return Err(("E_INVALIDARG", "Nothing to provision.".to_owned()));
        }
        let known = code.as_ref().is_some_and(|c| self.code_versions.contains(c))
            || config.as_ref().is_some_and(|c| self.config_versions.contains(c));
        if known {
            return Err((
                "FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS",
                "The version is already provisioned.".to_owned(),
            ));
        }
        self.code_versions.extend(code);
        self.config_versions.extend(config);
        Ok(())
    }

    /// Starts an upgrade to `code` and `config` (each `None`: the current one) in `mode`.
    pub(crate) fn start(
        &mut self,
        now: Instant,
        code: Option<&str>,
        config: Option<&str>,
        mode: &str,
        domains: &[String],
    ) -> Result<(), Refusal> {
        self.settle(now);
        if self.running.is_some() {
            return Err((
                "FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS",
                "An upgrade is in progress.".to_owned(),
            ));
        }
        let target = Versions {
            code: code.unwrap_or(&self.current.code).to_owned(),
            config: config.unwrap_or(&self.current.config).to_owned(),
        };
        if !self.code_versions.contains(&target.code) || !self.config_versions.contains(&target.config) {
            return Err((
                "FABRIC_E_FABRIC_VERSION_NOT_FOUND",
                "The version is not provisioned.".to_owned(),
            ));
        }
        if target == self.current {
            return Err((
                "FABRIC_E_FABRIC_ALREADY_IN_TARGET_VERSION",
                "The cluster already runs these versions.".to_owned(),
            ));
        }
        let outcome = std::mem::take(&mut self.next_outcome);
        let (phases, held) = phases(&self.current, &target, mode, domains, &outcome);
        let mut run = Phases::new(self.settled.clone(), phases, now);
        for index in held {
            run.hold(index);
        }
        self.running = Some((run, target));
        Ok(())
    }

    /// The progress as a GetClusterUpgradeProgress request reads it at `now`.
    pub(crate) fn report(&mut self, now: Instant) -> Value {
        self.settle(now);
        let step = self.step;
        match &mut self.running {
            Some((run, _)) => run.report(now, step),
            None => self.settled.clone(),
        }
    }

    /// MoveToNextUpgradeDomain: lets a manual upgrade into `domain`, the one it waits for.
    pub(crate) fn move_to(&mut self, now: Instant, domain: &str) -> Result<(), Refusal> {
        self.settle(now);
        let step = self.step;
        let Some((run, _)) = &mut self.running else {
            return Err(("FABRIC_E_FABRIC_NOT_UPGRADING", "No upgrade is in progress.".to_owned()));
        };
        let waits_for = run.current(now, step)["NextUpgradeDomain"] == domain;
        if !run.is_held(now, step) || !waits_for {
            return Err(("E_INVALIDARG", format!("The upgrade does not wait for {domain}.")));
        }
        run.release(now, step);
        Ok(())
    }
}

/// Steering the cluster's code upgrade from a test.
impl Emulator {
    /// Sets how the next code upgrade (StartClusterUpgrade) that starts ends: at the target
    /// versions, `Failed` with `FailureReason` `HealthCheck` and unhealthy evaluations, or
    /// rolled back to the old versions; later ones succeed.
    pub fn set_next_code_upgrade_outcome(&self, outcome: UpgradeOutcome) {
        self.gateway.code_upgrades().next_outcome = outcome;
    }
}

/// `9.1.1.0` of `MicrosoftAzureServiceFabric.9.1.1.0.cab`.
fn version_in(file: &str) -> Option<String> {
    let name = file.rsplit(['/', '\\']).next()?;
    let (_, rest) = name.split_once('.')?;
    let (version, _) = rest.rsplit_once('.')?;
    (!version.is_empty()).then(|| version.to_owned())
}

/// One GetClusterUpgradeProgress answer being written.
struct Progress<'a> {
    body: Value,
    domains: &'a [String],
}

impl<'a> Progress<'a> {
    fn new(versions: &Versions, state: &str, mode: &str, domains: &'a [String]) -> Progress<'a> {
        let body = json!({
            "CodeVersion": versions.code,
            "ConfigVersion": versions.config,
            "UpgradeState": state,
            "NextUpgradeDomain": "",
            "RollingUpgradeMode": mode,
            "FailureReason": "None",
            "UnhealthyEvaluations": [],
        });
        Progress { body, domains }
    }

    /// The first `done` domains `Completed`, the one after `InProgress` when `busy`.
    fn domains(mut self, done: usize, busy: bool) -> Self {
        let states: Vec<Value> = (0..self.domains.len())
            .map(|i| {
                let state = if i < done {
                    "Completed"
                } else if i == done && busy {
                    "InProgress"
                } else {
                    "Pending"
                };
                json!({"Name": self.domains[i], "State": state})
            })
            .collect();
        self.body["UpgradeDomains"] = Value::Array(states);
        self
    }

    fn done(self, done: usize) -> Value {
        self.domains(done, false).body
    }

    fn set(mut self, key: &str, value: Value) -> Self {
        self.body[key] = value;
        self
    }
}

/// The phases after the stale one, and which of them wait for MoveToNextUpgradeDomain.
fn phases(
    old: &Versions,
    target: &Versions,
    mode: &str,
    domains: &[String],
    outcome: &UpgradeOutcome,
) -> (Vec<Value>, Vec<usize>) {
    let mut phases = Vec::new();
    let mut held = Vec::new();
    let at = |state: &str| Progress::new(target, state, mode, domains);
    for (done, domain) in domains.iter().enumerate() {
        if done == 0 || mode == "UnmonitoredManual" {
            if mode == "UnmonitoredManual" {
                // Index in the run: the stale phase comes first.
                held.push(phases.len() + 1);
            }
            phases.push(
                at("RollingForwardPending")
                    .set("NextUpgradeDomain", json!(domain))
                    .done(done),
            );
        }
        let current = json!({"DomainName": domain, "NodeUpgradeProgressList": []});
        let busy = at("RollingForwardInProgress").set("CurrentUpgradeDomainProgress", current);
        phases.push(busy.domains(done, true).body);
    }
    let count = domains.len();
    let failed_domain = domains.last().cloned().unwrap_or_default();
    match outcome {
        UpgradeOutcome::Fail => phases.push(failed(at("Failed"), &failed_domain).done(count.saturating_sub(1))),
        UpgradeOutcome::RollBack => {
            phases.push(failed(at("RollingBackInProgress"), &failed_domain).done(0));
            let back = Progress::new(old, "RollingBackCompleted", mode, domains);
            phases.push(failed(back, &failed_domain).done(count));
        }
        _ => phases.push(at("RollingForwardCompleted").done(count)),
    }
    (phases, held)
}

/// `progress` after health checks failed in `domain`.
fn failed<'a>(progress: Progress<'a>, domain: &str) -> Progress<'a> {
    progress
        .set("FailureReason", json!("HealthCheck"))
        .set("UnhealthyEvaluations", unhealthy(domain))
        .set(
            "UpgradeDomainProgressAtFailure",
            json!({"DomainName": domain, "NodeUpgradeProgressList": []}),
        )
}

/// Why health checks failed: the last domain's node is in error.
fn unhealthy(domain: &str) -> Value {
    json!([{"HealthEvaluation": {
        "Kind": "Nodes",
        "AggregatedHealthState": "Error",
        "Description": format!("33% (1/3) nodes are unhealthy. The evaluation tolerates 0% unhealthy nodes; the node in {domain} is in Error."),
        "MaxPercentUnhealthyNodes": 0,
        "TotalCount": 3,
        "UnhealthyEvaluations": [],
    }}])
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Duration = Duration::from_secs(1);

    fn domains() -> Vec<String> {
        vec!["UD0".to_owned(), "UD1".to_owned()]
    }

    fn walk(upgrades: &mut CodeUpgrades, t0: Instant) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for i in 0..60 {
            let progress = upgrades.report(t0 + STEP / 2 * i);
            let state = format!(
                "{} {}",
                progress["UpgradeState"].as_str().unwrap_or(""),
                progress["CodeVersion"]
            );
            if seen.last() != Some(&state) {
                seen.push(state);
            }
        }
        seen
    }

    #[test]
    fn versions_come_from_file_names() {
        assert_eq!(
            version_in("MicrosoftAzureServiceFabric.9.1.1.0.cab").as_deref(),
            Some("9.1.1.0")
        );
        assert_eq!(version_in("dir/ClusterManifest.2.xml").as_deref(), Some("2"));
        assert_eq!(version_in("nodots"), None);
    }

    #[test]
    fn a_rollback_ends_at_the_old_versions() {
        let mut upgrades = CodeUpgrades::new(STEP, "9.1.0.0", "1", &domains());
        upgrades
            .provision(Some("Fabric.9.1.1.0.cab"), None)
            .expect("provisioned");
        assert!(upgrades.provision(Some("Fabric.9.1.1.0.cab"), None).is_err());
        upgrades.next_outcome = UpgradeOutcome::RollBack;
        let t0 = Instant::now();
        upgrades
            .start(t0, Some("9.1.1.0"), None, "UnmonitoredAuto", &domains())
            .expect("started");
        let seen = walk(&mut upgrades, t0);
        assert_eq!(
            seen,
            [
                "RollingForwardCompleted \"9.1.0.0\"",
                "RollingForwardPending \"9.1.1.0\"",
                "RollingForwardInProgress \"9.1.1.0\"",
                "RollingBackInProgress \"9.1.1.0\"",
                "RollingBackCompleted \"9.1.0.0\""
            ]
        );
    }

    #[test]
    fn a_manual_upgrade_waits_at_each_domain() {
        let mut upgrades = CodeUpgrades::new(STEP, "9.1.0.0", "1", &domains());
        upgrades
            .provision(None, Some("ClusterManifest.2.xml"))
            .expect("provisioned");
        let t0 = Instant::now();
        upgrades
            .start(t0, None, Some("2"), "UnmonitoredManual", &domains())
            .expect("started");
        let waiting = upgrades.report(t0 + STEP * 30);
        assert_eq!(waiting["UpgradeState"], "RollingForwardPending");
        assert_eq!(waiting["NextUpgradeDomain"], "UD0");
        assert!(upgrades.move_to(t0 + STEP * 30, "UD1").is_err());
        upgrades.move_to(t0 + STEP * 30, "UD0").expect("moved");
        assert_eq!(
            upgrades.report(t0 + STEP * 31)["UpgradeState"],
            "RollingForwardInProgress"
        );
        assert_eq!(upgrades.report(t0 + STEP * 32)["NextUpgradeDomain"], "UD1");
    }
}
