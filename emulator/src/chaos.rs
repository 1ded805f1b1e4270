//! Chaos in the emulated cluster: a run is `Running` for three steps and then `Stopped`
//! by itself (see [`crate::phases`]); one whose `TimeToRunInSeconds` is an hour or more
//! runs until StopChaos. Right after a start GetChaos still reads as before (for a step at
//! least): `Stopped`, with the previous run's parameters.

use std::time::{Duration, Instant};

use serde_json::{Value, json};

use crate::phases::Phases;

/// Runs this long or longer (in seconds) last until StopChaos.
const UNTIL_STOPPED: u64 = 3600;

/// How many steps a shorter run stays `Running`.
const RUNNING_STEPS: usize = 3;

/// Chaos's state.
#[derive(Debug)]
pub(crate) struct ChaosState {
    step: Duration,
    settled: Value,
    running: Option<Phases<Value>>,
}

fn status(parameters: &Value, status: &str) -> Value {
    json!({"ChaosParameters": parameters, "Status": status, "ScheduleStatus": "Stopped"})
}

impl ChaosState {
    pub(crate) fn new(step: Duration) -> ChaosState {
        ChaosState {
            step,
            settled: status(&json!({}), "Stopped"),
            running: None,
        }
    }

    fn settle(&mut self, now: Instant) {
        if let Some(run) = &mut self.running
            && run.is_over(now, self.step)
        {
            self.settled = run.last().clone();
            self.running = None;
        }
    }

    /// Starts a run with `parameters`; `false` while one runs.
    pub(crate) fn start(&mut self, parameters: Value, now: Instant) -> bool {
        self.settle(now);
        if self.running.is_some() {
            return false;
        }
        // The service writes 64-bit numbers as strings and reads either.
        let time_to_run = match &parameters["TimeToRunInSeconds"] {
            Value::String(s) => s.parse::<u64>().ok(),
            other => other.as_u64(),
        };
        let endless = time_to_run.is_some_and(|t| t >= UNTIL_STOPPED);
        let mut phases = vec![status(&parameters, "Running"); RUNNING_STEPS];
        phases.push(status(&parameters, "Stopped"));
        let mut run = Phases::new(self.settled.clone(), phases, now);
        if endless {
            run.hold(1);
        }
        self.running = Some(run);
        true
    }

    /// StopChaos: a run under way stops after its current step.
    pub(crate) fn stop(&mut self, now: Instant) {
        self.settle(now);
        if let Some(run) = &mut self.running {
            let current = run.current(now, self.step).clone();
            let parameters = current["ChaosParameters"].clone();
            self.running = Some(Phases::new(current, vec![status(&parameters, "Stopped")], now));
        }
    }

    /// What GetChaos reads at `now`.
    pub(crate) fn report(&mut self, now: Instant) -> Value {
        self.settle(now);
        match &mut self.running {
            Some(run) => run.report(now, self.step),
            None => self.settled.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_run_stops_by_itself_or_when_told() {
        let step = Duration::from_secs(1);
        let mut chaos = ChaosState::new(step);
        let t0 = Instant::now();
        assert!(chaos.start(json!({"TimeToRunInSeconds": "60"}), t0));
        assert!(!chaos.start(json!({}), t0));
        let states: Vec<Value> = (0..30)
            .map(|i| chaos.report(t0 + step / 2 * i)["Status"].clone())
            .collect();
        assert_eq!(states[0], "Stopped");
        assert_eq!(states[2], "Running");
        assert_eq!(states[29], "Stopped");
        let t1 = t0 + step * 100;
        assert!(chaos.start(json!({"TimeToRunInSeconds": "4294967295"}), t1));
        assert_eq!(chaos.report(t1)["Status"], "Stopped");
        assert_eq!(chaos.report(t1 + step * 2)["Status"], "Running");
        assert_eq!(chaos.report(t1 + step * 50)["Status"], "Running");
        chaos.stop(t1 + step * 50);
        chaos.report(t1 + step * 50);
        assert_eq!(chaos.report(t1 + step * 52)["Status"], "Stopped");
    }
}
