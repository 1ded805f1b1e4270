//! The fault-operation waiter end to end: starts with a client-chosen id, re-sent when the
//! answer is lost, progress followed to every final state, cancellation, through the real
//! client over loopback HTTP to the emulator's Fault Analysis Service.

use std::time::{Duration, Instant};

use fabric_rest::faults::FaultOperations;
use fabric_rest::models::{
    DataLossMode, FaultDuration, NodeTransitionType, OperationId, QuorumLossMode, RestartPartitionMode,
};
use fabric_rest::nodes::Nodes;
use fabric_rest::wait::faults::{
    Fault, FaultOutcome, FaultWorkflow, cancel_fault_and_wait, start_fault, start_fault_and_wait,
};
use fabric_rest::wait::{ProgressEvent, WaitError, WaitOptions, wait};
use fabric_rest::{Client, RetryPolicy, ServerTimeout};
use fabric_rest_emulator::{Answer, Emulator, FAULTED_ERROR_CODE, Fault as Injected, FaultOperationOutcome};
use serde_json::json;

const PARTITION: &str = "1daae3f5-7fd6-42e9-b1ba-8c05f873994d";
const PREFIX: &str = "/Faults/Services/app~svc/$/GetPartitions/1daae3f5-7fd6-42e9-b1ba-8c05f873994d/$";

async fn emulator(step_ms: u64) -> Emulator {
    Emulator::builder()
        .step(Duration::from_millis(step_ms))
        .start()
        .await
        .unwrap()
}

/// A client that leaves every retry to the waiter.
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

fn data_loss() -> Fault {
    Fault::data_loss("app~svc", PARTITION, DataLossMode::PartialDataLoss)
}

fn lines(emulator: &Emulator) -> Vec<String> {
    emulator
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect()
}

/// Every summary, each once in a row.
async fn follow(client: &Client, fault: &Fault, options: WaitOptions) -> (FaultOutcome, Vec<String>) {
    let mut seen: Vec<String> = Vec::new();
    let outcome = start_fault_and_wait(client, fault, options, |progress| {
        if seen.last() != Some(&progress.summary.text) {
            seen.push(progress.summary.text.clone());
        }
    })
    .await
    .unwrap();
    (outcome, seen)
}

/// The one operation the emulator has.
fn only_id(emulator: &Emulator) -> String {
    let ids = emulator.fault_operation_ids();
    assert_eq!(ids.len(), 1, "{ids:?}");
    ids[0].clone()
}

#[tokio::test]
async fn a_data_loss_runs_to_completed_with_its_result() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let (outcome, seen) = follow(&client, &data_loss(), fast()).await;
    assert_eq!(seen, ["Running", "Completed (error code 0)"]);
    let FaultOutcome::Completed(fabric_rest::wait::faults::FaultProgress::DataLoss(progress)) = &outcome else {
        panic!("expected a completed data loss: {outcome:?}");
    };
    let result = progress.invoke_data_loss_result.as_ref().unwrap();
    assert_eq!(result.error_code, Some(0));
    let partition = result.selected_partition.as_ref().unwrap();
    assert_eq!(partition.service_name.as_deref(), Some("fabric:/app/svc"));
    assert_eq!(partition.partition_id.as_deref(), Some(PARTITION));
    let id = only_id(&emulator);
    let sent = lines(&emulator);
    assert_eq!(
        sent[0],
        format!("POST {PREFIX}/StartDataLoss?api-version=6.0&OperationId={id}&DataLossMode=PartialDataLoss")
    );
    let poll = format!("GET {PREFIX}/GetDataLossProgress?api-version=6.0&OperationId={id}");
    assert!(sent.len() >= 3 && sent[1..].iter().all(|l| *l == poll), "{sent:?}");
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn every_kind_of_fault_is_followed_through_its_own_progress() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let node = client.get_node_info("vm1", None).await.unwrap().unwrap();
    let instance = node.instance_id.unwrap().to_string();
    let faults = [
        (
            Fault::quorum_loss(
                "app~svc",
                PARTITION,
                QuorumLossMode::QuorumReplicas,
                FaultDuration::seconds::<30>(),
            ),
            format!("GET {PREFIX}/GetQuorumLossProgress"),
        ),
        (
            Fault::partition_restart("app~svc", PARTITION, RestartPartitionMode::AllReplicasOrInstances),
            format!("GET {PREFIX}/GetRestartProgress"),
        ),
        (
            Fault::node_transition(
                "vm1",
                NodeTransitionType::Stop,
                &instance,
                FaultDuration::seconds::<60>(),
            ),
            "GET /Faults/Nodes/vm1/$/GetTransitionProgress".to_owned(),
        ),
    ];
    for (fault, poll) in faults {
        emulator.take_requests();
        let (outcome, seen) = follow(&client, &fault, fast()).await;
        assert_eq!(seen, ["Running", "Completed (error code 0)"], "{fault:?}");
        assert!(outcome.is_completed());
        assert_eq!(outcome.progress().error_code(), Some(0));
        let sent = lines(&emulator);
        assert!(
            sent[1].starts_with(&format!("{poll}?api-version=6.0&OperationId=")),
            "{sent:?}"
        );
    }
    let sent = lines(&emulator);
    assert!(
        sent[0].starts_with("POST /Faults/Nodes/vm1/$/StartTransition/?api-version=6.0&OperationId="),
        "{sent:?}"
    );
    assert!(sent[0].ends_with(&format!(
        "&NodeTransitionType=Stop&NodeInstanceId={instance}&StopDurationInSeconds=60"
    )));
    assert_eq!(emulator.unmatched(), []);
}

#[tokio::test]
async fn a_faulted_operation_rolls_back_and_says_why() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_fault_outcome(FaultOperationOutcome::Fault);
    let (outcome, seen) = follow(&client, &data_loss(), fast()).await;
    assert_eq!(
        seen,
        [
            "Running",
            "RollingBack",
            &format!("Faulted (error code {FAULTED_ERROR_CODE})")
        ]
    );
    assert!(matches!(outcome, FaultOutcome::Faulted(_)), "{outcome:?}");
    assert_eq!(outcome.progress().error_code(), Some(FAULTED_ERROR_CODE));
}

/// The start went through but its answer was lost: the waiter sends it again with the same
/// id, takes the service's "already exists" for a start, and follows the one operation.
#[tokio::test]
async fn a_lost_start_answer_is_sent_again_with_the_same_id() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.lose_fault_start_answers(1);
    let (outcome, _) = follow(&client, &data_loss(), fast()).await;
    assert!(outcome.is_completed(), "{outcome:?}");
    let id = only_id(&emulator);
    let start = format!("POST {PREFIX}/StartDataLoss?api-version=6.0&OperationId={id}&DataLossMode=PartialDataLoss");
    let sent = lines(&emulator);
    assert_eq!(sent[..2], [start.clone(), start]);
    assert!(
        sent[2].starts_with(&format!("GET {PREFIX}/GetDataLossProgress")),
        "{sent:?}"
    );
}

/// The start never reached the service (the connection was reset): the same start again
/// is simply accepted.
#[tokio::test]
async fn a_start_lost_on_its_way_is_sent_again_with_the_same_id() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.inject(Injected::ResetConnection, 1);
    let (outcome, _) = follow(&client, &data_loss(), fast()).await;
    assert!(outcome.is_completed(), "{outcome:?}");
    let id = only_id(&emulator);
    let start = format!("POST {PREFIX}/StartDataLoss?api-version=6.0&OperationId={id}&DataLossMode=PartialDataLoss");
    assert_eq!(lines(&emulator)[..2], [start.clone(), start]);
}

#[tokio::test]
async fn a_cancelled_operation_rolls_back_to_cancelled() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_fault_outcome(FaultOperationOutcome::KeepRunning);
    let fault = data_loss();
    let id = OperationId::new();
    start_fault(&client, &fault, id, &fast()).await.unwrap();
    let mut seen: Vec<String> = Vec::new();
    let outcome = cancel_fault_and_wait(&client, &fault, id, false, fast(), |progress| {
        if seen.last() != Some(&progress.summary.text) {
            seen.push(progress.summary.text.clone());
        }
    })
    .await
    .unwrap();
    assert_eq!(seen, ["Running", "RollingBack", "Cancelled"]);
    assert!(matches!(outcome, FaultOutcome::Cancelled(_)), "{outcome:?}");
    assert_eq!(
        lines(&emulator)[1],
        format!("POST /Faults/$/Cancel?api-version=6.0&OperationId={id}&Force=false")
    );
}

#[tokio::test]
async fn a_forced_cancellation_needs_a_plain_one_first() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_fault_outcome(FaultOperationOutcome::KeepRunning);
    let fault = data_loss();
    let id = OperationId::new();
    start_fault(&client, &fault, id, &fast()).await.unwrap();
    let refused = cancel_fault_and_wait(&client, &fault, id, true, fast(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(refused.error().unwrap().status().unwrap().as_u16(), 400);
    client.cancel_operation(id, false, None).await.unwrap();
    let outcome = cancel_fault_and_wait(&client, &fault, id, true, fast(), |_| {})
        .await
        .unwrap();
    assert!(matches!(outcome, FaultOutcome::ForceCancelled(_)), "{outcome:?}");
    let sent = lines(&emulator);
    assert_eq!(
        sent[1],
        format!("POST /Faults/$/Cancel?api-version=6.0&OperationId={id}&Force=true")
    );
    assert_eq!(
        sent.len() - sent.iter().filter(|l| l.starts_with("GET ")).count(),
        4,
        "{sent:?}"
    );
}

#[tokio::test]
async fn transient_503s_while_following_are_ridden_out() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    let fault = data_loss();
    let id = OperationId::new();
    start_fault(&client, &fault, id, &fast()).await.unwrap();
    emulator.inject(Injected::unavailable(), 2);
    let mut retried = 0;
    let outcome = wait(FaultWorkflow::new(&client, &fault, id), &fast(), |progress| {
        if let ProgressEvent::Retrying(error) = progress.event {
            assert_eq!(error.status().unwrap().as_u16(), 503);
            retried += 1;
        }
    })
    .await
    .unwrap();
    assert_eq!(retried, 2);
    assert!(outcome.is_completed());
}

#[tokio::test]
async fn permanent_errors_end_at_once() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    // No operation has this id: 404, not a reason to wait.
    let fault = data_loss();
    let error = wait(FaultWorkflow::new(&client, &fault, OperationId::new()), &fast(), |_| {})
        .await
        .unwrap_err();
    assert_eq!(
        error.error().unwrap().code().unwrap().as_str(),
        "FABRIC_E_KEY_NOT_FOUND"
    );
    assert_eq!(emulator.take_requests().len(), 1);
    // A refused start is not sent again.
    let stale = Fault::node_transition("vm1", NodeTransitionType::Stop, "1", FaultDuration::seconds::<60>());
    let error = start_fault_and_wait(&client, &stale, fast(), |_| {}).await.unwrap_err();
    let WaitError::Request { what, error } = &error else {
        panic!("expected a request error: {error}");
    };
    assert!(
        what.starts_with("the Stop transition of node vm1 (operation "),
        "{what}"
    );
    assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_INSTANCE_ID_MISMATCH");
    assert_eq!(emulator.requests().len(), 1);
    assert_eq!(emulator.fault_operation_ids(), Vec::<String>::new());
}

/// `Invalid` before the operation shows up running is not its end; a state this library
/// does not know, once it ran, is.
#[tokio::test]
async fn unknown_states_end_the_wait_only_once_it_ran() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator
        .on("GetDataLossProgress")
        .then(Answer::json(json!({"State": "Invalid"})))
        .then(Answer::json(json!({"State": "Running"})))
        .then(Answer::json(json!({"State": "Vanished"})));
    let (outcome, seen) = follow(&client, &data_loss(), fast()).await;
    assert_eq!(seen, ["Invalid", "Running", "Vanished"]);
    let FaultOutcome::Unrecognised(progress) = &outcome else {
        panic!("expected an unrecognised end: {outcome:?}");
    };
    assert_eq!(progress.state().unwrap().as_str(), "Vanished");
}

#[tokio::test]
async fn the_deadline_ends_the_wait_even_mid_poll() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_fault_outcome(FaultOperationOutcome::KeepRunning);
    let options = fast()
        .poll_interval(Duration::from_millis(20))
        .deadline(Duration::from_millis(300))
        .status_timeout(ServerTimeout::seconds::<1>());
    let began = Instant::now();
    let error = start_fault_and_wait(&client, &data_loss(), options, |progress| {
        if progress.polls == 2 {
            emulator.inject(Injected::Delay(Duration::from_secs(10)), 1);
        }
    })
    .await
    .unwrap_err();
    let took = began.elapsed();
    let WaitError::DeadlineExceeded { what, last_status, .. } = &error else {
        panic!("expected the deadline: {error}");
    };
    assert!(took < Duration::from_millis(300) + Duration::from_secs(1), "{took:?}");
    assert!(what.ends_with(&format!("(operation {})", only_id(&emulator))), "{what}");
    assert_eq!(last_status.as_ref().unwrap().state().unwrap().as_str(), "Running");
    assert_eq!(lines(&emulator).len(), 4);
}

#[tokio::test]
async fn dropping_the_wait_stops_polling() {
    let emulator = emulator(20).await;
    let client = client(&emulator);
    emulator.set_next_fault_outcome(FaultOperationOutcome::KeepRunning);
    let options = fast().poll_interval(Duration::from_millis(10));
    let fault = data_loss();
    let waiting = start_fault_and_wait(&client, &fault, options, |_| {});
    assert!(tokio::time::timeout(Duration::from_millis(300), waiting).await.is_err());
    tokio::time::sleep(Duration::from_millis(50)).await;
    let polls = emulator.requests().len() - 1;
    assert!(polls >= 2, "only {polls} polls before the drop");
    tokio::time::sleep(Duration::from_millis(200)).await;
    assert_eq!(emulator.requests().len() - 1, polls, "polling went on after the drop");
}
