//! The node waiters end to end: deactivation, activation and restart through the real
//! client over loopback HTTP to the emulator's node state machine, asserting the states a
//! wait reports, how it ends and the exact requests it sends.

use std::time::{Duration, Instant};

use fabric_rest::models::DeactivationIntent;
use fabric_rest::nodes::Nodes;
use fabric_rest::wait::node::{
    ActivationOutcome, DeactivationOutcome, NodeActivation, NodeDeactivation, RestartOutcome, activate_node_and_wait,
    deactivate_node_and_wait, restart_node_and_wait,
};
use fabric_rest::wait::{ProgressEvent, WaitError, WaitOptions, wait};
use fabric_rest::{Client, RetryPolicy, ServerTimeout};
use fabric_rest_emulator::{Answer, Emulator, Fault};

const CHECK: &str = "EnsurePartitionQuorum of partition f5c3a7e2-1d6b-4c9a-8e2f-0b7d6a5c4e3f";

async fn emulator(step_ms: u64) -> Emulator {
    Emulator::builder()
        .step(Duration::from_millis(step_ms))
        .start()
        .await
        .unwrap()
}

/// A client that leaves every retry to the wait, so the wait's own handling shows.
fn client(emulator: &Emulator) -> Client {
    Client::builder(&emulator.base_url())
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap()
}

fn fast() -> WaitOptions {
    WaitOptions::default()
        .poll_interval(Duration::from_millis(5))
        .deadline(Duration::from_secs(30))
}

/// Pushes `text` unless it repeats the last one.
fn push_new(seen: &mut Vec<String>, text: &str) {
    if seen.last().map(String::as_str) != Some(text) {
        seen.push(text.to_owned());
    }
}

/// The request lines the emulator received, oldest first.
fn request_lines(emulator: &Emulator) -> Vec<String> {
    emulator
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect()
}

/// After the start, only status reads of `node`.
fn assert_polls_only(lines: &[String], node: &str) {
    let poll = format!("GET /Nodes/{node}?api-version=6.0");
    assert!(lines.len() >= 3, "{lines:?}");
    assert!(lines.iter().all(|l| *l == poll), "{lines:?}");
}

#[tokio::test]
async fn deactivation_waits_for_its_safety_check_and_ends_disabled() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let mut seen = Vec::new();
    let outcome = deactivate_node_and_wait(&client, "vm1", DeactivationIntent::Restart, fast(), |progress| {
        push_new(&mut seen, &progress.summary.text);
    })
    .await
    .unwrap();
    // Right after the start the node still reads Up with no deactivation: not the end.
    assert_eq!(
        seen,
        [
            "Up".to_owned(),
            format!("Disabling (SafetyCheckInProgress): waiting for {CHECK}"),
            "Disabled (Completed)".to_owned(),
        ]
    );
    let DeactivationOutcome::Deactivated(node) = outcome else {
        panic!("expected a deactivation: {outcome:?}");
    };
    assert_eq!(node.node_status.as_ref().map(|s| s.as_str()), Some("Disabled"));
    let info = node.node_deactivation_info.as_ref().unwrap();
    assert_eq!(info.node_deactivation_intent, Some(DeactivationIntent::Restart));
    assert_eq!(info.pending_safety_checks.as_deref().map(<[_]>::len), Some(0));
    let requests = emulator.requests();
    assert_eq!(requests[0].target, "/Nodes/vm1/$/Deactivate?api-version=6.0");
    assert_eq!(requests[0].body, br#"{"DeactivationIntent":"Restart"}"#);
    assert_polls_only(&request_lines(&emulator)[1..], "vm1");
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn activation_ends_when_the_node_is_up_with_no_deactivation() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    deactivate_node_and_wait(&client, "vm2", DeactivationIntent::Pause, fast(), |_| {})
        .await
        .unwrap();
    emulator.take_requests();
    let mut seen = Vec::new();
    let outcome = activate_node_and_wait(&client, "vm2", fast(), |progress| {
        push_new(&mut seen, &progress.summary.text);
    })
    .await
    .unwrap();
    // The first read still shows the deactivation that the activation undoes.
    assert_eq!(seen, ["Disabled (Completed)", "Enabling", "Up"]);
    let ActivationOutcome::Activated(node) = outcome else {
        panic!("expected an activation: {outcome:?}");
    };
    assert_eq!(node.node_status.as_ref().map(|s| s.as_str()), Some("Up"));
    let lines = request_lines(&emulator);
    assert_eq!(lines[0], "POST /Nodes/vm2/$/Activate?api-version=6.0");
    assert_polls_only(&lines[1..], "vm2");
}

#[tokio::test]
async fn restart_ends_when_a_new_instance_is_up() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let mut seen = Vec::new();
    let outcome = restart_node_and_wait(&client, "vm0", fast(), |progress| {
        push_new(&mut seen, &progress.summary.text);
    })
    .await
    .unwrap();
    let RestartOutcome::Restarted(node) = outcome else {
        panic!("expected a restart: {outcome:?}");
    };
    let after: u64 = node.instance_id.unwrap().to_string().parse().unwrap();
    let before = after - 1;
    assert_eq!(
        seen,
        [
            format!("Up, instance {before}"),
            format!("Down, instance {before}"),
            format!("Up, instance {after}"),
        ]
    );
    let requests = emulator.requests();
    assert_eq!(requests[0].target, "/Nodes/vm0?api-version=6.0");
    assert_eq!(requests[1].target, "/Nodes/vm0/$/Restart?api-version=6.0");
    assert_eq!(
        String::from_utf8(requests[1].body.clone()).unwrap(),
        format!(r#"{{"NodeInstanceId":"{before}"}}"#)
    );
    assert_polls_only(&request_lines(&emulator)[2..], "vm0");
}

#[tokio::test]
async fn transient_503s_are_ridden_out() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    client
        .disable_node(
            "vm1",
            &fabric_rest::models::DeactivationIntentDescription::new(DeactivationIntent::Pause),
            None,
        )
        .await
        .unwrap();
    emulator.inject(Fault::unavailable(), 2);
    let mut retried = Vec::new();
    let outcome = wait(NodeDeactivation::new(&client, "vm1"), &fast(), |progress| {
        if let ProgressEvent::Retrying(error) = progress.event {
            retried.push((progress.polls, error.status().map(|s| s.as_u16())));
        }
    })
    .await
    .unwrap();
    assert_eq!(retried, [(1, Some(503)), (2, Some(503))]);
    assert!(matches!(outcome, DeactivationOutcome::Deactivated(_)), "{outcome:?}");
}

#[tokio::test]
async fn an_unknown_node_ends_the_wait_at_the_start() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let error = deactivate_node_and_wait(&client, "vm9", DeactivationIntent::Pause, fast(), |_| {})
        .await
        .unwrap_err();
    let WaitError::Request { what, error } = &error else {
        panic!("expected a request error: {error}");
    };
    assert_eq!(what, "the deactivation of node vm9");
    assert_eq!(error.status().unwrap().as_u16(), 404);
    assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_NODE_NOT_FOUND");
    assert_eq!(
        request_lines(&emulator),
        ["POST /Nodes/vm9/$/Deactivate?api-version=6.0"]
    );
    // A read of a node the cluster does not have answers 204: the node is gone.
    let outcome = wait(NodeActivation::new(&client, "vm9"), &fast(), |_| {})
        .await
        .unwrap();
    assert_eq!(outcome, ActivationOutcome::Gone);
}

#[tokio::test]
async fn a_404_while_polling_ends_the_wait_at_once() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator
        .on("GetNodeInfo")
        .then(Answer::error("FABRIC_E_NODE_NOT_FOUND", "Node not found."));
    let error = deactivate_node_and_wait(&client, "vm1", DeactivationIntent::Pause, fast(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(error.error().unwrap().status().unwrap().as_u16(), 404);
    assert_eq!(
        request_lines(&emulator),
        [
            "POST /Nodes/vm1/$/Deactivate?api-version=6.0",
            "GET /Nodes/vm1?api-version=6.0"
        ]
    );
}

/// A poll that hangs past the deadline is dropped: the wait ends at its deadline, not when
/// the poll would have.
#[tokio::test]
async fn the_deadline_ends_the_wait_even_mid_poll() {
    let emulator = emulator(30_000).await;
    let client = client(&emulator);
    let options = fast()
        .poll_interval(Duration::from_millis(20))
        .deadline(Duration::from_millis(300))
        .status_timeout(ServerTimeout::seconds::<1>());
    let began = Instant::now();
    let error = deactivate_node_and_wait(&client, "vm1", DeactivationIntent::Pause, options, |progress| {
        if progress.polls == 2 {
            emulator.inject(Fault::Delay(Duration::from_secs(10)), 1);
        }
    })
    .await
    .unwrap_err();
    let took = began.elapsed();
    let WaitError::DeadlineExceeded {
        what,
        elapsed,
        last_status,
        ..
    } = &error
    else {
        panic!("expected the deadline: {error}");
    };
    assert_eq!(what, "the deactivation of node vm1");
    assert!(*elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(took < Duration::from_millis(300) + Duration::from_secs(1), "{took:?}");
    let last = last_status.as_ref().unwrap().as_ref().unwrap();
    assert_eq!(last.node_status.as_ref().map(|s| s.as_str()), Some("Up"));
    assert!(error.to_string().contains("; last status: Up"), "{error}");
    let lines = request_lines(&emulator);
    assert_eq!(lines[1], "GET /Nodes/vm1?api-version=6.0&timeout=1");
    assert_eq!(lines.len(), 4, "{lines:?}");
}

#[tokio::test]
async fn dropping_the_wait_stops_polling() {
    let emulator = emulator(30_000).await;
    let client = client(&emulator);
    let options = fast().poll_interval(Duration::from_millis(10));
    let waiting = restart_node_and_wait(&client, "vm0", options, |_| {});
    assert!(tokio::time::timeout(Duration::from_millis(300), waiting).await.is_err());
    // A poll written just before the drop may still land; let it, then count.
    tokio::time::sleep(Duration::from_millis(50)).await;
    let polls = emulator.requests().len() - 2;
    assert!(polls >= 2, "only {polls} polls before the drop");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(emulator.requests().len() - 2, polls, "polling went on after the drop");
}
