//! The spec's example of the Chaos operations (`/Tools/Chaos`), and the operations that
//! have none, through the declared methods against a loopback server: each request line
//! and body the server saw, and each answer written back unchanged.
#![cfg(feature = "chaos")]

use std::time::Duration;

use fabric_rest::chaos::ChaosOperations;
use fabric_rest::models::{
    ChaosEvent, ChaosParameters, ChaosSchedule, ChaosScheduleDescription, ChaosScheduleJob,
    ChaosScheduleJobActiveDaysOfWeek, ChaosScheduleStatus, ChaosStatus, ChaosTargetFilter, ClusterHealthPolicy,
    FileTime, Int64, Percent, TimeOfDay, TimeRange, Timestamp,
};
use futures_util::StreamExt;
use serde_json::json;

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, bounded, sent_text, serve_empty, serve_example, serve_json};
use support::{lines, serve};

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

#[tokio::test]
async fn get_chaos_events() {
    bounded(async {
        let file = example!("GetChaosEvents.json");
        assert_eq!(file.param_str("StartTimeUtc"), FileTime::EARLIEST.to_string());
        assert_eq!(file.param_str("EndTimeUtc"), FileTime::LATEST.to_string());
        let (client, seen) = serve_example(&file).await;
        let segment = client
            .get_chaos_events(None, Some(FileTime::EARLIEST), Some(FileTime::LATEST), None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Tools/Chaos/Events?api-version=6.2&StartTimeUtc=0&EndTimeUtc=3155378975999999999 HTTP/1.1"]
        );
        assert_round_trip(&segment, file.body());
        let history = segment.history.as_deref().unwrap();
        let ChaosEvent::Started(started) = &history[0].chaos_event else {
            panic!("{:?}", history[0].chaos_event)
        };
        let parameters = started.chaos_parameters.as_ref().unwrap();
        assert_eq!(parameters.time_to_run_in_seconds, Some(Int64::new(3600)));
        assert_eq!(parameters.max_concurrent_faults, Some(Int64::number(3)));
        let context = parameters.context.as_ref().unwrap().map.as_ref().unwrap();
        assert_eq!(context["k3"], "v5");
        let ChaosEvent::ExecutingFaults(faults) = &history[1].chaos_event else {
            panic!("{:?}", history[1].chaos_event)
        };
        assert_eq!(faults.faults.as_ref().map(Vec::len), Some(3));
        assert_eq!(
            faults.time_stamp_utc.as_ref().map(Timestamp::as_str),
            Some("2017-04-14T04:27:20.667Z")
        );
    })
    .await;
}

/// `chaos_events` sends the time range first and the continuation token alone after, as
/// the gateway refuses both together.
#[tokio::test]
async fn chaos_events_streams_the_segments() {
    fn answer(target: &str) -> (u16, String) {
        let body = if target.contains("ContinuationToken=") {
            json!({"History": [{"ChaosEvent": {"Kind": "Stopped", "TimeStampUtc": "2017-04-14T05:27:19.049Z", "Reason": "TimeToRun elapsed"}}]})
        } else {
            json!({"ContinuationToken": "seg 2", "History": [
                {"ChaosEvent": {"Kind": "Waiting", "Reason": "Cluster not stable"}},
                {"ChaosEvent": {"Kind": "Dozing", "Reason": "newer kind"}}
            ]})
        };
        (200, body.to_string())
    }
    bounded(async {
        let (client, seen) = serve(answer).await;
        let start = FileTime::from_ticks(131_366_172_000_000_000);
        let events: Vec<ChaosEvent> = client
            .chaos_events(start, FileTime::LATEST, Some(100), None)
            .map(Result::unwrap)
            .collect()
            .await;
        let kinds: Vec<&str> = events.iter().map(ChaosEvent::kind).collect();
        assert_eq!(kinds, ["Waiting", "Dozing", "Stopped"]);
        assert!(matches!(&events[1], ChaosEvent::Unknown(object) if object["Reason"] == "newer kind"));
        assert_eq!(
            lines(&seen),
            [
                "GET /Tools/Chaos/Events?api-version=6.2&StartTimeUtc=131366172000000000&EndTimeUtc=3155378975999999999&MaxResults=100 HTTP/1.1",
                "GET /Tools/Chaos/Events?api-version=6.2&ContinuationToken=seg%202&MaxResults=100 HTTP/1.1",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn start_and_stop_chaos() {
    bounded(async {
        let mut policy = ClusterHealthPolicy::new();
        policy.max_percent_unhealthy_nodes = Some(Percent::of::<10>());
        let parameters = ChaosParameters::new()
            .with_time_to_run(Duration::from_secs(3600))
            .with_max_cluster_stabilization_timeout(Duration::from_secs(u64::MAX))
            .with_max_concurrent_faults(3)
            .with_move_replica_faults(true)
            .with_wait_time_between_faults(Duration::from_millis(999))
            .with_wait_time_between_iterations(Duration::from_secs(10))
            .with_cluster_health_policy(policy)
            .with_context("k1", "v1")
            .with_target_filter(ChaosTargetFilter::new().with_application("fabric:/TestApp1"));
        let (client, seen) = serve_empty(200).await;
        client.start_chaos(&parameters, None).await.unwrap();
        client.stop_chaos(None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                "POST /Tools/Chaos/$/Start?api-version=6.0 HTTP/1.1",
                "POST /Tools/Chaos/$/Stop?api-version=6.0 HTTP/1.1"
            ]
        );
        assert_eq!(
            sent_text(&seen, 0),
            concat!(
                r#"{"TimeToRunInSeconds":"3600","MaxClusterStabilizationTimeoutInSeconds":4294967295,"#,
                r#""MaxConcurrentFaults":3,"EnableMoveReplicaFaults":true,"WaitTimeBetweenFaultsInSeconds":0,"#,
                r#""WaitTimeBetweenIterationsInSeconds":10,"ClusterHealthPolicy":{"MaxPercentUnhealthyNodes":10},"#,
                r#""Context":{"Map":{"k1":"v1"}},"ChaosTargetFilter":{"ApplicationInclusionList":["fabric:/TestApp1"]}}"#
            )
        );
        assert!(seen.lock().unwrap()[1].1.is_empty());
    })
    .await;
}

#[tokio::test]
async fn get_chaos() {
    bounded(async {
        let body = json!({
            "ChaosParameters": {"TimeToRunInSeconds": "600", "MaxConcurrentFaults": 1, "EnableMoveReplicaFaults": false},
            "Status": "Running",
            "ScheduleStatus": "Hibernating"
        });
        let (client, seen) = serve_json(200, &body).await;
        let chaos = client.get_chaos(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /Tools/Chaos?api-version=6.2 HTTP/1.1"]);
        assert_eq!(chaos.status, Some(ChaosStatus::Running));
        assert_eq!(chaos.schedule_status, Some(ChaosScheduleStatus::from("Hibernating")));
        assert_round_trip(&chaos, &body);
    })
    .await;
}

#[tokio::test]
async fn the_chaos_schedule_goes_out_and_comes_back() {
    bounded(async {
        let schedule = ChaosSchedule::new()
            .with_start_date(Timestamp::new("2025-01-01T00:00:00Z"))
            .with_expiry_date(Timestamp::new("9999-12-31T23:59:59.999Z"))
            .with_parameters("b", ChaosParameters::new().with_max_concurrent_faults(2))
            .with_parameters("a", ChaosParameters::new())
            .with_job(
                ChaosScheduleJob::new("b", ChaosScheduleJobActiveDaysOfWeek::weekdays())
                    .with_time(TimeRange::new(TimeOfDay::of::<1, 0>(), TimeOfDay::new(23, 59).unwrap())),
            );
        let description = ChaosScheduleDescription::new(7, schedule);
        let (client, seen) = serve_empty(200).await;
        client.post_chaos_schedule(&description, None).await.unwrap();
        assert_eq!(lines(&seen), ["POST /Tools/Chaos/Schedule?api-version=6.2 HTTP/1.1"]);
        let sent = sent_text(&seen, 0);
        assert_eq!(
            sent,
            concat!(
                r#"{"Version":7,"Schedule":{"StartDate":"2025-01-01T00:00:00Z","ExpiryDate":"9999-12-31T23:59:59.999Z","#,
                r#""ChaosParametersDictionary":[{"Key":"a","Value":{}},{"Key":"b","Value":{"MaxConcurrentFaults":2}}],"#,
                r#""Jobs":[{"ChaosParameters":"b","Days":{"Sunday":false,"Monday":true,"Tuesday":true,"#,
                r#""Wednesday":true,"Thursday":true,"Friday":true,"Saturday":false},"#,
                r#""Times":[{"StartTime":{"Hour":1,"Minute":0},"EndTime":{"Hour":23,"Minute":59}}]}]}}"#
            )
        );

        // What was sent comes back as the schedule, unchanged.
        let body: serde_json::Value = serde_json::from_str(&sent).unwrap();
        let (client, seen) = serve_json(200, &body).await;
        let read = client.get_chaos_schedule(None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /Tools/Chaos/Schedule?api-version=6.2 HTTP/1.1"]);
        assert_eq!(read, description);
        assert_round_trip(&read, &body);
        assert_eq!(TimeOfDay::new(24, 0), None);
        assert_eq!(TimeOfDay::new(0, 60), None);
    })
    .await;
}
