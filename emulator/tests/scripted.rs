//! Scripted answers for any operation, checked against its description.

mod common;

use std::time::{Duration, Instant};

use common::*;
use fabric_rest_emulator::{Answer, Emulator, Fault, Problem, Script};
use fabric_rest_runtime::{Endpoint, Location, Method, Param, ParamKind};
use serde_json::json;

/// An operation a user's crate might declare.
static GET_WIDGET: Endpoint =
    Endpoint::new("GetWidget", Method::Get, "/Widgets/{widgetId}/$/Get", "7.0").with_params(&[
        Param::new("widgetId", Location::Path, true),
        Param::new("Color", Location::Query, true).with_kind(ParamKind::String),
        Param::new("Size", Location::Query, false).with_kind(ParamKind::Integer),
    ]);

static PUT_WIDGET: Endpoint = Endpoint::new("PutWidget", Method::Post, "/Widgets/{widgetId}/$/Put", "7.0")
    .with_success(&[201])
    .with_params(&[
        Param::new("widgetId", Location::Path, true),
        Param::new("widget", Location::Body, true).with_kind(ParamKind::Json),
    ]);

const MANIFEST: &str = "/$/GetClusterManifest?api-version=6.0";

#[tokio::test]
async fn a_sequence_of_answers_then_nothing_left() {
    bounded(async {
        let emulator = Emulator::builder()
            .respond(
                "GetClusterManifest",
                Script::new()
                    .then(Answer::json(json!({"Manifest": "<ClusterManifest/>"})))
                    .then(Answer::error("FABRIC_E_TIMEOUT", "Operation timed out.")),
            )
            .start()
            .await
            .expect("start");
        let first = get(&emulator, MANIFEST).await;
        assert_eq!(first.status_line, "HTTP/1.1 200 OK");
        assert_eq!(first.text(), r#"{"Manifest":"<ClusterManifest/>"}"#);
        assert_eq!(first.header("content-type"), Some("application/json; charset=utf-8"));
        get(&emulator, MANIFEST)
            .await
            .assert_error(504, "FABRIC_E_TIMEOUT", "Operation timed out.");
        get(&emulator, MANIFEST).await.assert_error(
            400,
            "E_INVALIDARG",
            "The emulator has no scripted answer left for GetClusterManifest.",
        );
        let unmatched = emulator.unmatched();
        assert_eq!(unmatched.len(), 1);
        assert_eq!(unmatched[0].problem, Problem::NoAnswerLeft);
        assert_eq!(unmatched[0].request.target, MANIFEST);
        assert_eq!(
            unmatched[0].operation.map(|e| e.operation()),
            Some("GetClusterManifest")
        );
    })
    .await;
}

#[tokio::test]
async fn a_users_own_operation_is_checked_by_its_description() {
    bounded(async {
        let emulator = Emulator::builder()
            .respond(&GET_WIDGET, Answer::json(json!({"Color": "red"})))
            .start()
            .await
            .expect("start");
        // The id is greedy: it takes every segment up to the next `$`.
        let ok = get(&emulator, "/Widgets/a/b%20c/$/Get?api-version=7.0&Color=red&Size=2").await;
        assert_eq!((ok.status, ok.text().as_str()), (200, r#"{"Color":"red"}"#));
        let trailing = get(&emulator, "/Widgets/a/$/Get/?api-version=7.2&Color=red").await;
        assert_eq!(trailing.status, 200);
        assert_eq!(emulator.take_unmatched(), []);

        let misspelt = get(&emulator, "/Widgets/a/$/Get?api-version=7.0&Color=red&Sise=2").await;
        assert_eq!(misspelt.status, 200, "an unknown name is ignored, as the gateway does");
        for target in [
            "/Widgets/a/$/Get?api-version=7.0",
            "/Widgets/a/$/Get?api-version=6.0&Color=red",
            "/Widgets/a/$/Get?api-version=9.2&Color=red",
            "/Widgets/$/Get?api-version=7.0&Color=red",
        ] {
            get(&emulator, target)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
        let problems: Vec<Problem> = emulator.take_unmatched().into_iter().map(|m| m.problem).collect();
        assert_eq!(
            problems,
            [
                Problem::UnknownQueryParameter { name: "Sise".into() },
                Problem::MissingQueryParameter { name: "Color" },
                Problem::ApiVersionOutOfRange {
                    sent: "6.0".into(),
                    minimum: "7.0".into(),
                    maximum: "9.1".into()
                },
                Problem::ApiVersionOutOfRange {
                    sent: "9.2".into(),
                    minimum: "7.0".into(),
                    maximum: "9.1".into()
                },
                Problem::UnknownPath,
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn answers_default_to_the_operations_success_status() {
    bounded(async {
        let emulator = Emulator::builder()
            .respond(&PUT_WIDGET, Answer::empty())
            .respond("StartClusterConfigurationUpgrade", Answer::empty())
            .start()
            .await
            .expect("start");
        let created = post(&emulator, "/Widgets/w/$/Put?api-version=7.0", b"{\"Color\": \"red\"}").await;
        assert_eq!(created.status_line, "HTTP/1.1 201 Created");
        assert_eq!(created.body, b"");
        // Scripted by name without a declaration in the program, the operation has the
        // spec's description, whose version (6.0) is the lowest it takes.
        let accepted = post(&emulator, "/$/StartClusterConfigurationUpgrade?api-version=6.0", b"{}").await;
        assert_eq!(accepted.status, 202, "the script, not the upgrade service, answers");
        assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardCompleted");
        for body in [&b""[..], b"{\"Color\": "] {
            post(&emulator, "/Widgets/w/$/Put?api-version=7.0", body)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
        let problems: Vec<Problem> = emulator.unmatched().into_iter().map(|m| m.problem).collect();
        assert_eq!(problems, [Problem::MissingBody, Problem::UnreadableBody]);
    })
    .await;
}

#[tokio::test]
async fn a_script_stands_before_the_emulators_own_answer_and_falls_back_to_it() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        emulator
            .on("GetClusterConfigurationUpgradeStatus")
            .then(Answer::error("FABRIC_E_SERVICE_TOO_BUSY", "Busy."));
        assert_eq!(emulator.on("GetClusterConfigurationUpgradeStatus").remaining(), 1);
        get(&emulator, STATUS)
            .await
            .assert_error(503, "FABRIC_E_SERVICE_TOO_BUSY", "Busy.");
        let settled = get(&emulator, STATUS).await;
        assert_eq!(settled.status, 200);
        assert_eq!(settled.json()["UpgradeState"], "RollingForwardCompleted");
        assert_eq!(emulator.unmatched(), []);
    })
    .await;
}

#[tokio::test]
async fn delays_headers_reasons_and_faults() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        emulator
            .on("GetClusterManifest")
            .then(
                Answer::raw(Some("text/html"), "<html>proxy</html>")
                    .with_status(502)
                    .with_reason("Bad Gateway From Proxy")
                    .with_header("X-Proxy", "lb-1"),
            )
            .then(Answer::fault(Fault::ResetConnection))
            .then(Answer::json(json!({"Manifest": "late"})).after(Duration::from_millis(150)))
            .otherwise(Answer::json(json!({"Manifest": "always"})))
            .delay(Duration::from_millis(50));
        let proxy = get(&emulator, MANIFEST).await;
        assert_eq!(proxy.status_line, "HTTP/1.1 502 Bad Gateway From Proxy");
        assert_eq!(proxy.header("x-proxy"), Some("lb-1"));
        assert_eq!(proxy.header("content-type"), Some("text/html"));
        assert_eq!(proxy.text(), "<html>proxy</html>");

        let mut stream = tokio::net::TcpStream::connect(emulator.addr()).await.expect("connect");
        let raw = format!("GET {MANIFEST} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        tokio::io::AsyncWriteExt::write_all(&mut stream, raw.as_bytes())
            .await
            .expect("write");
        let mut buffer = Vec::new();
        let read = tokio::io::AsyncReadExt::read_to_end(&mut stream, &mut buffer).await;
        assert!(read.is_err() || buffer.is_empty(), "reset, no answer: {buffer:?}");

        let started = Instant::now();
        assert_eq!(get(&emulator, MANIFEST).await.text(), r#"{"Manifest":"late"}"#);
        assert!(
            started.elapsed() >= Duration::from_millis(200),
            "{:?}",
            started.elapsed()
        );
        for _ in 0..2 {
            assert_eq!(get(&emulator, MANIFEST).await.text(), r#"{"Manifest":"always"}"#);
        }
    })
    .await;
}

#[tokio::test]
async fn a_delay_fault_falls_through_to_the_next_answer_giver() {
    bounded(async {
        let emulator = Emulator::builder()
            .respond(
                "GetClusterVersion",
                Script::new().then(Fault::Delay(Duration::from_millis(100))),
            )
            .start()
            .await
            .expect("start");
        let started = Instant::now();
        let version = get(&emulator, "/$/GetClusterVersion?api-version=6.4").await;
        assert!(started.elapsed() >= Duration::from_millis(100));
        assert_eq!(version.text(), r#"{"Version":"9.1.0.0"}"#);
    })
    .await;
}

#[test]
#[should_panic(expected = "no operation named \"GetNodeInfoLsit\"")]
fn a_misspelt_operation_name_is_a_mistake_in_the_test() {
    let _ = Emulator::builder().respond("GetNodeInfoLsit", Answer::empty());
}
