//! The Chaos waiter end to end, through the real client over loopback HTTP to the
//! emulator's Chaos: a run followed to `Stopped` past the previous run's `Stopped`, a stop,
//! and a start refused while Chaos runs.

use std::time::Duration;

use fabric_rest::chaos::ChaosOperations;
use fabric_rest::models::ChaosParameters;
use fabric_rest::wait::chaos::{ChaosOutcome, start_chaos_and_wait, stop_chaos_and_wait};
use fabric_rest::wait::{WaitError, WaitOptions};
use fabric_rest::{Client, RetryPolicy};
use fabric_rest_emulator::Emulator;

async fn emulator() -> (Emulator, Client) {
    let emulator = Emulator::builder()
        .step(Duration::from_millis(20))
        .start()
        .await
        .unwrap();
    let client = Client::builder(&emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    (emulator, client)
}

fn fast() -> WaitOptions {
    WaitOptions::default()
        .poll_interval(Duration::from_millis(5))
        .deadline(Duration::from_secs(30))
}

fn push_new(seen: &mut Vec<String>, text: &str) {
    if seen.last().map(String::as_str) != Some(text) {
        seen.push(text.to_owned());
    }
}

#[tokio::test]
async fn a_run_is_followed_past_the_previous_stopped_to_its_own() {
    let (emulator, client) = emulator().await;
    let parameters = ChaosParameters::new().with_time_to_run(Duration::from_secs(60));
    let mut seen = Vec::new();
    let outcome = start_chaos_and_wait(&client, &parameters, fast(), |p| push_new(&mut seen, &p.summary.text))
        .await
        .unwrap();
    // The first read is the state before the start: not this run's end.
    assert_eq!(seen, ["Stopped", "Running", "Stopped"]);
    let ChaosOutcome::Stopped(chaos) = &outcome else {
        panic!("expected a stop: {outcome:?}");
    };
    let ran = chaos.chaos_parameters.as_ref().unwrap();
    assert_eq!(
        ran.time_to_run_in_seconds.as_ref().map(|t| t.to_string()).as_deref(),
        Some("60")
    );
    let requests = emulator.requests();
    assert_eq!(requests[0].target, "/Tools/Chaos/$/Start?api-version=6.0");
    assert_eq!(requests[0].body, br#"{"TimeToRunInSeconds":"60"}"#);
    assert!(requests[1..].iter().all(|r| r.target == "/Tools/Chaos?api-version=6.2"));
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn a_stop_is_followed_until_stopped_and_a_second_start_is_refused() {
    let (emulator, client) = emulator().await;
    let endless = ChaosParameters::new().with_time_to_run(Duration::from_secs(7200));
    client.start_chaos(&endless, None).await.unwrap();
    let error = start_chaos_and_wait(&client, &endless, fast(), |_| {})
        .await
        .unwrap_err();
    let WaitError::Request { error, .. } = &error else {
        panic!("expected a request error: {error}");
    };
    assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_CHAOS_ALREADY_RUNNING");
    // Read until the run shows up as running (the first read is the state before it).
    let mut reads = Vec::new();
    while reads.last().map(String::as_str) != Some("Running") && reads.len() < 100 {
        let status = client.get_chaos(None).await.unwrap().status.unwrap();
        reads.push(status.as_str().to_owned());
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    assert_eq!(reads.first().map(String::as_str), Some("Stopped"));
    assert_eq!(reads.last().map(String::as_str), Some("Running"));
    let mut seen = Vec::new();
    let outcome = stop_chaos_and_wait(&client, fast(), |p| push_new(&mut seen, &p.summary.text))
        .await
        .unwrap();
    assert_eq!(seen, ["Running", "Stopped"]);
    assert!(matches!(outcome, ChaosOutcome::Stopped(_)));
    assert!(
        emulator
            .requests()
            .iter()
            .any(|r| r.target == "/Tools/Chaos/$/Stop?api-version=6.0")
    );
}
