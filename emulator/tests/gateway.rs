//! How the emulator reads requests and answers them, seen on the wire.

mod common;

use common::*;
use fabric_rest_emulator::{Emulator, MAX_BODY_BYTES, Problem, SAMPLE_CLUSTER_CONFIG};
use serde_json::json;

const IDLE: &str =
    r#"{"UpgradeState":"RollingForwardCompleted","ProgressStatus":0,"ConfigVersion":"1.0.0","Details":""}"#;

#[tokio::test]
async fn api_version_from_one_up_to_the_runtime() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        // Read as the number it starts with, as the gateway reads it.
        for version in [
            "1.0",
            "3.0",
            "6.0",
            "9.1",
            "9.1-preview",
            "1.0-preview",
            "6",
            "6.0abc",
            "6.0-PREVIEW",
            "6.0-beta",
            "6.0.0",
            "9.10",
        ] {
            let target = format!("/$/GetClusterConfigurationUpgradeStatus?api-version={version}");
            let response = get(&emulator, &target).await;
            assert_eq!(response.status, 200, "{version}");
            assert_eq!(response.text(), IDLE);
        }
        assert_eq!(emulator.unmatched(), []);
        let cases = [
            ("api-version=0.9", Problem::ApiVersionOutOfRange { sent: "0.9".into(), minimum: "1.0".into(), maximum: "9.1".into() }),
            ("api-version=9.2", Problem::ApiVersionOutOfRange { sent: "9.2".into(), minimum: "1.0".into(), maximum: "9.1".into() }),
            ("api-version=10.0", Problem::ApiVersionOutOfRange { sent: "10.0".into(), minimum: "1.0".into(), maximum: "9.1".into() }),
            ("api-version=garbage", Problem::UnreadableApiVersion { sent: "garbage".into() }),
            ("api-version=v6.0", Problem::UnreadableApiVersion { sent: "v6.0".into() }),
            ("api-version=", Problem::MissingApiVersion),
            ("timeout=60", Problem::MissingApiVersion),
            ("Api-Version=6.0", Problem::MissingApiVersion),
            ("api-version", Problem::MissingApiVersion),
        ];
        for (query, _) in &cases {
            let target = format!("/$/GetClusterConfigurationUpgradeStatus?{query}");
            get(&emulator, &target)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
        for target in ["/$/GetClusterConfigurationUpgradeStatus", "/$/GetClusterConfigurationUpgradeStatus?"] {
            get(&emulator, target)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
        let unmatched = emulator.unmatched();
        let problems: Vec<&Problem> = unmatched.iter().map(|m| &m.problem).collect();
        let mut expected: Vec<&Problem> = cases.iter().map(|(_, p)| p).collect();
        // `Api-Version` is a name the operation does not know: noted as well, first.
        let misspelt = Problem::UnknownQueryParameter { name: "Api-Version".into() };
        expected.insert(7, &misspelt);
        expected.extend([&Problem::MissingApiVersion, &Problem::MissingApiVersion]);
        assert_eq!(problems, expected);
        assert!(unmatched.iter().all(|m| m.operation.map(|e| e.operation()) == Some("GetClusterConfigurationUpgradeStatus")));
        assert_eq!(unmatched[0].request.target, "/$/GetClusterConfigurationUpgradeStatus?api-version=0.9");
        assert_eq!(
            unmatched[0].to_string(),
            "GET /$/GetClusterConfigurationUpgradeStatus?api-version=0.9: GetClusterConfigurationUpgradeStatus: api-version 0.9 is outside 1.0 to 9.1"
        );
    })
    .await;
}

#[tokio::test]
async fn runtime_version_sets_the_highest_api_version() {
    bounded(async {
        let emulator = Emulator::builder().runtime_version(6, 2).start().await.expect("start");
        let ok = get(&emulator, "/$/GetClusterConfigurationUpgradeStatus?api-version=6.2").await;
        assert_eq!(ok.status, 200);
        get(&emulator, "/$/GetClusterConfigurationUpgradeStatus?api-version=6.3")
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
    })
    .await;
}

#[tokio::test]
async fn the_first_of_repeated_query_names_wins() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let ok = "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0&api-version=99.0";
        assert_eq!(get(&emulator, ok).await.status, 200);
        let bad = "/$/GetClusterConfigurationUpgradeStatus?api-version=99.0&api-version=6.0";
        get(&emulator, bad)
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
        let zero_first = "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0&timeout=0&timeout=5";
        get(&emulator, zero_first)
            .await
            .assert_error(504, "FABRIC_E_TIMEOUT", "Operation timed out.");
    })
    .await;
}

#[tokio::test]
async fn timeouts() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        for timeout in ["1", "60", "4294967295", "abc", "", "-1", "4294967296", "1.5"] {
            let target = format!("{STATUS}&timeout={timeout}");
            let response = get(&emulator, &target).await;
            assert_eq!(response.status, 200, "timeout={timeout}");
        }
        get(&emulator, &format!("{STATUS}&timeout=0")).await.assert_error(
            504,
            "FABRIC_E_TIMEOUT",
            "Operation timed out.",
        );
        let start = "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=0";
        post(&emulator, start, &description(&config_at("2.0.0")))
            .await
            .assert_error(504, "FABRIC_E_TIMEOUT", "Operation timed out.");
        // A timed-out start changed nothing.
        assert_eq!(emulator.upgrade_status().upgrade_state, "RollingForwardCompleted");
        assert_eq!(get(&emulator, STATUS).await.text(), IDLE);
    })
    .await;
}

#[tokio::test]
async fn unknown_paths_and_wrong_methods_are_invalid_arguments() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let cases = [
            ("GET", "/$/NoSuchOperation?api-version=6.0", Problem::UnknownPath),
            ("GET", "/$/getclusterconfigurationupgradestatus?api-version=6.0", Problem::UnknownPath),
            ("GET", "/%24/GetClusterConfigurationUpgradeStatus?api-version=6.0", Problem::UnknownPath),
            ("POST", STATUS, Problem::WrongMethod),
            ("DELETE", STATUS, Problem::WrongMethod),
            ("PUT", START, Problem::WrongMethod),
            ("GET", START, Problem::WrongMethod),
            ("HEAD", STATUS, Problem::WrongMethod),
            ("OPTIONS", "*", Problem::UnknownPath),
            ("GET", "http://127.0.0.1/$/Missing?api-version=6.0", Problem::UnknownPath),
            ("POST", "/?api-version=6.0", Problem::UnknownPath),
        ];
        for (method, target, _) in &cases {
            let response = request(emulator.addr(), method, target, None).await;
            assert_eq!(response.status, 400, "{method} {target}");
            assert_eq!(response.reason, "E_INVALIDARG", "{method} {target}");
            if *method != "HEAD" {
                response.assert_error(400, "E_INVALIDARG", "Invalid argument");
            }
        }
        assert_eq!(emulator.requests().len(), cases.len());
        let unmatched = emulator.unmatched();
        let seen: Vec<(&str, &str, &Problem)> = unmatched
            .iter()
            .map(|m| (m.request.method.as_str(), m.request.target.as_str(), &m.problem))
            .collect();
        let expected: Vec<(&str, &str, &Problem)> = cases.iter().map(|(m, t, p)| (*m, *t, p)).collect();
        assert_eq!(seen, expected);
        assert_eq!(unmatched[0].operation, None);
        assert_eq!(
            unmatched[3].operation.map(|e| e.operation()),
            Some("GetClusterConfigurationUpgradeStatus")
        );
        assert_eq!(
            unmatched[3].to_string(),
            "POST /$/GetClusterConfigurationUpgradeStatus?api-version=6.0: GetClusterConfigurationUpgradeStatus: the operation has this path, but not this method"
        );
    })
    .await;
}

#[tokio::test]
async fn a_trailing_slash_is_trimmed() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        for target in [
            "/$/GetClusterConfigurationUpgradeStatus/?api-version=6.0",
            "/$/GetClusterConfigurationUpgradeStatus//?api-version=6.0",
        ] {
            let response = get(&emulator, target).await;
            assert_eq!((response.status, response.text().as_str()), (200, IDLE), "{target}");
        }
        let start = "/$/StartClusterConfigurationUpgrade/?api-version=3.0";
        assert_eq!(
            post(&emulator, start, &description(&config_at("2.0.0"))).await.status,
            202
        );
        assert_eq!(emulator.unmatched(), []);
    })
    .await;
}

#[tokio::test]
async fn error_reason_phrase_is_the_code_on_the_wire() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let response = get(&emulator, "/$/Nope").await;
        assert_eq!(response.status_line, "HTTP/1.1 400 E_INVALIDARG");
        let response = post(&emulator, START, &description(&config_at("1.0.0"))).await;
        assert_eq!(response.status_line, "HTTP/1.1 500 FABRIC_E_CONFIG_UPGRADE_FAILED");
        let ok = get(&emulator, STATUS).await;
        assert_eq!(ok.status_line, "HTTP/1.1 200 OK");
    })
    .await;
}

#[tokio::test]
async fn records_every_request_exactly() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let target = "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=60&x=a%2Fb+c&x=2";
        let body = description(&config_at("2.0.0"));
        let raw = format!(
            "POST {target} HTTP/1.1\r\nHost: {}\r\nX-ServiceFabricRequestId: 0f1e\r\nX-Odd: caf\u{e9}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
            emulator.addr(),
            body.len()
        );
        let mut bytes = raw.into_bytes();
        bytes.extend_from_slice(&body);
        assert_eq!(send_raw(emulator.addr(), &bytes).await.status, 202);
        get(&emulator, "/$/Nope?").await;
        get(&emulator, "/$/Nope").await;

        let recorded = emulator.requests();
        assert_eq!(recorded.len(), 3);
        let first = &recorded[0];
        assert_eq!(first.method, "POST");
        assert_eq!(first.target, target);
        assert_eq!(first.path, "/$/StartClusterConfigurationUpgrade");
        assert_eq!(
            first.query.as_deref(),
            Some("api-version=3.0&timeout=60&x=a%2Fb+c&x=2")
        );
        assert_eq!(first.query_param("x").as_deref(), Some("a/b+c"));
        assert_eq!(first.header("x-servicefabricrequestid"), Some("0f1e"));
        assert_eq!(first.header("X-Odd"), Some("caf\u{e9}"));
        assert_eq!(
            first.header("content-type"),
            Some("application/json; charset=utf-8")
        );
        assert_eq!(first.headers[0], ("host".to_owned(), emulator.addr().to_string()));
        assert_eq!(first.body, body);
        assert_eq!(
            first.body_json(),
            Some(json!({ "ClusterConfig": config_at("2.0.0") }))
        );
        assert_eq!(recorded[1].target, "/$/Nope?");
        assert_eq!(recorded[1].query.as_deref(), Some(""));
        assert_eq!(recorded[2].target, "/$/Nope");
        assert_eq!(recorded[2].query, None);
        assert_eq!(recorded[2].body, b"");

        assert_eq!(emulator.take_requests().len(), 3);
        assert!(emulator.requests().is_empty());
        get(&emulator, STATUS).await;
        assert_eq!(emulator.take_requests()[0].target, STATUS);
    })
    .await;
}

#[tokio::test]
async fn non_utf8_header_values_are_kept_lossily() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let mut raw = format!("GET {STATUS} HTTP/1.1\r\nHost: x\r\nX-Bytes: a").into_bytes();
        raw.extend_from_slice(b"\xff\xfe\r\nConnection: close\r\n\r\n");
        assert_eq!(send_raw(emulator.addr(), &raw).await.status, 200);
        let recorded = emulator.requests();
        assert_eq!(recorded[0].header("x-bytes"), Some("a\u{fffd}\u{fffd}"));
    })
    .await;
}

#[tokio::test]
async fn bodies_over_four_mebibytes_are_refused() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let big = vec![b' '; MAX_BODY_BYTES + 1];
        post(&emulator, START, &big).await.assert_error(
            413,
            "FABRIC_E_MESSAGE_TOO_LARGE",
            "The request body exceeds the maximum of 4194304 bytes.",
        );
        let recorded = emulator.take_requests();
        assert_eq!(recorded[0].body.len(), MAX_BODY_BYTES);
        let unmatched = emulator.take_unmatched();
        assert_eq!(unmatched.len(), 1);
        assert_eq!(unmatched[0].problem, Problem::BodyTooLarge);
        // Any operation, not only those with a body.
        let big_get = request(emulator.addr(), "GET", STATUS, Some(&big)).await;
        big_get.assert_error(
            413,
            "FABRIC_E_MESSAGE_TOO_LARGE",
            "The request body exceeds the maximum of 4194304 bytes.",
        );

        // Exactly at the cap the body is read: it is whitespace, so no description.
        let at_cap = vec![b' '; MAX_BODY_BYTES];
        post(&emulator, START, &at_cap)
            .await
            .assert_error(400, "E_INVALIDARG", "Invalid argument");
        let problems: Vec<Problem> = emulator.take_unmatched().into_iter().map(|m| m.problem).collect();
        assert_eq!(problems, [Problem::BodyTooLarge, Problem::MissingBody]);
    })
    .await;
}

#[tokio::test]
async fn get_cluster_configuration_needs_a_supported_configuration_api_version() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        for version in [
            "2016-09-26",
            "01-2017",
            "04-2017",
            "05-2017",
            "08-2017",
            "10-2017",
            "06-2018",
        ] {
            let target = format!("/$/GetClusterConfiguration?ConfigurationApiVersion={version}&api-version=6.0");
            let response = get(&emulator, &target).await;
            assert_eq!(response.status, 200, "{version}");
            assert_eq!(response.header("content-type"), Some("application/json; charset=utf-8"));
            assert_eq!(
                response.json(),
                json!({ "ClusterConfiguration": SAMPLE_CLUSTER_CONFIG })
            );
        }
        for target in [
            "/$/GetClusterConfiguration?api-version=6.0",
            "/$/GetClusterConfiguration?ConfigurationApiVersion=&api-version=6.0",
            "/$/GetClusterConfiguration?ConfigurationApiVersion=9.0&api-version=6.0",
            "/$/GetClusterConfiguration?configurationapiversion=10-2017&api-version=6.0",
        ] {
            get(&emulator, target)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
    })
    .await;
}

#[tokio::test]
async fn upgrade_orchestration_service_state_round_trips() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let get_target = "/$/GetUpgradeOrchestrationServiceState?api-version=6.0";
        let set_target = "/$/SetUpgradeOrchestrationServiceState?api-version=6.0";
        assert_eq!(get(&emulator, get_target).await.text(), r#"{"ServiceState":""}"#);

        let response = post(&emulator, set_target, br#"{"ServiceState":"{\"k\":1}"}"#).await;
        assert_eq!(response.status, 200);
        assert_eq!(
            response.text(),
            r#"{"CurrentCodeVersion":"9.1.0.0","CurrentManifestVersion":"1.0.0","TargetCodeVersion":"9.1.0.0","TargetManifestVersion":"1.0.0","PendingUpgradeType":"None"}"#
        );
        assert_eq!(
            get(&emulator, get_target).await.text(),
            r#"{"ServiceState":"{\"k\":1}"}"#
        );
        for body in [&b""[..], b"{}", b"[]", br#"{"ServiceState":{}}"#, b"\xff"] {
            post(&emulator, set_target, body)
                .await
                .assert_error(400, "E_INVALIDARG", "Invalid argument");
        }
        let problems: Vec<Problem> = emulator.take_unmatched().into_iter().map(|m| m.problem).collect();
        assert_eq!(problems, [Problem::MissingBody, Problem::UnreadableBody]);
        // A number where a string belongs is read as its text.
        assert_eq!(post(&emulator, set_target, br#"{"ServiceState":1} and more"#).await.status, 200);
        assert_eq!(get(&emulator, get_target).await.text(), r#"{"ServiceState":"1"}"#);
    })
    .await;
}

#[tokio::test]
async fn drop_stops_the_server() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let addr = emulator.addr();
        assert!(addr.ip().is_loopback());
        assert_eq!(emulator.base_url(), format!("http://127.0.0.1:{}", addr.port()));
        drop(emulator);
        let mut refused = false;
        for _ in 0..200 {
            if tokio::net::TcpStream::connect(addr).await.is_err() {
                refused = true;
                break;
            }
            tokio::time::sleep(std::time::Duration::from_millis(10)).await;
        }
        assert!(refused, "the server still accepts connections after drop");
    })
    .await;
}

#[tokio::test]
async fn shutdown_returns() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let addr = emulator.addr();
        assert_eq!(get(&emulator, STATUS).await.status, 200);
        emulator.shutdown().await;
        assert!(tokio::net::TcpStream::connect(addr).await.is_err());
    })
    .await;
}

#[tokio::test]
async fn an_unreadable_initial_config_is_refused() {
    bounded(async {
        let error = Emulator::builder()
            .cluster_config("{}")
            .start()
            .await
            .expect_err("refused");
        assert_eq!(error.kind(), std::io::ErrorKind::InvalidInput);
    })
    .await;
}

#[tokio::test]
async fn odd_requests_never_break_the_server() {
    bounded(async {
        let emulator = Emulator::start().await.expect("start");
        let long_query = format!("{STATUS}&{}", "a=b&".repeat(2_000));
        let targets = [
            "/$/GetClusterConfigurationUpgradeStatus?&&&=&api-version=6.0&=",
            "/$/GetClusterConfigurationUpgradeStatus?api-version=%",
            "/$/GetClusterConfigurationUpgradeStatus?api-version=%36.0",
            "/$/GetClusterConfigurationUpgradeStatus?api-version=99999999999999999999.0",
            "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0&timeout=99999999999999999999999",
            "/$/GetClusterConfigurationUpgradeStatus?api-version=6.0&timeout=%00",
            "/$/GetClusterConfiguration?ConfigurationApiVersion=%ff%fe&api-version=6.0",
            long_query.as_str(),
        ];
        let expected = [200, 400, 200, 400, 200, 200, 400, 200];
        for (target, status) in targets.iter().zip(expected) {
            assert_eq!(get(&emulator, target).await.status, status, "{target}");
        }
        let odd_bodies: [&[u8]; 5] = [
            b"{\"ClusterConfig\": \"\\ud800\"}",
            b"{\"ClusterConfig\": \"{\\\"apiVersion\\\": \\\"10-2017\\\", \\\"clusterConfigurationVersion\\\": [1]}\"}",
            b"{\"ClusterConfig\": 1e999}",
            b"\x00\x01\x02",
            b"{\"ClusterConfig\": \"x\", \"ClusterConfig\": \"y\"}",
        ];
        for body in odd_bodies {
            let status = post(&emulator, START, body).await.status;
            assert!(status == 400 || status == 500, "{status}");
        }
        // Still serving normally.
        assert_eq!(get(&emulator, STATUS).await.text(), IDLE);
    })
    .await;
}
