//! The HTTP client against raw loopback servers: exact request bytes on the wire, and
//! every odd response a gateway, a proxy or a broken connection can produce.

use std::time::Duration;

use fabric_rest_runtime::{
    Accepted, Client, Endpoint, ErrorKind, FabricErrorCode, Json, Location, Method, Param, RequestBuilder, RetryPolicy,
    ServerTimeout, call,
};
use tokio::net::TcpListener;

mod support;
use support::raw::{Reply, response, serve};

static START: Endpoint = Endpoint::new(
    "StartClusterConfigurationUpgrade",
    Method::Post,
    "/$/StartClusterConfigurationUpgrade",
    "3.0",
)
.with_success(&[202])
.with_params(&[
    Param::new("timeout", Location::Query, false),
    Param::new("description", Location::Body, true),
]);

static STATUS: Endpoint = Endpoint::new(
    "GetClusterConfigurationUpgradeStatus",
    Method::Get,
    "/$/GetClusterConfigurationUpgradeStatus",
    "6.0",
);

const JSON: Option<&str> = Some("application/json; charset=utf-8");

/// A client that sends every request once: these tests look at single answers. Retries
/// have their own tests (`retries.rs`).
fn client(base: &str) -> Client {
    Client::builder(base)
        .retry_policy(RetryPolicy::none())
        .deadline_margin(Duration::from_millis(300))
        .build()
        .unwrap()
}

async fn start(client: &Client, timeout: Option<ServerTimeout>) -> fabric_rest_runtime::Result<Accepted> {
    let mut request = RequestBuilder::new(&START, client);
    request.query("timeout", &timeout);
    request.json_body(&serde_json::json!({"ClusterConfig": "{\"name\":\"c\"}"}));
    call::<_, Accepted>(client, request.build()).await
}

async fn status<T: serde::de::DeserializeOwned>(client: &Client) -> fabric_rest_runtime::Result<T> {
    let request = RequestBuilder::new(&STATUS, client);
    call::<_, Json<T>>(client, request.build()).await
}

#[tokio::test]
async fn accepted_with_exact_request_bytes() {
    let (base, server) = serve(response("202 Accepted", JSON, "")).await;
    let client = client(&base);
    assert_eq!(
        start(&client, Some(ServerTimeout::seconds::<60>())).await.unwrap(),
        Accepted
    );
    let raw = String::from_utf8(server.await.unwrap()).unwrap();
    let (head, body) = raw.split_once("\r\n\r\n").unwrap();
    let mut lines = head.lines();
    assert_eq!(
        lines.next().unwrap(),
        "POST /$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=60 HTTP/1.1"
    );
    let mut headers: Vec<String> = lines.map(str::to_ascii_lowercase).collect();
    let id = headers
        .iter()
        .position(|h| h.starts_with("x-servicefabricrequestid: "))
        .map(|i| headers.remove(i))
        .unwrap();
    // The call's id, and which attempt this is.
    assert_eq!(id.len(), "x-servicefabricrequestid: ".len() + 36 + ":1".len());
    assert!(id.ends_with(":1"), "{id}");
    headers.sort();
    let host = format!("host: {}", base.trim_start_matches("http://"));
    assert_eq!(
        headers,
        [
            "accept: */*",
            "content-length: 36",
            "content-type: application/json; charset=utf-8",
            host.as_str(),
            "user-agent: fabric-rest/0.1.0",
        ]
    );
    assert_eq!(body, r#"{"ClusterConfig":"{\"name\":\"c\"}"}"#);
}

#[tokio::test]
async fn fabric_error_with_code_as_reason_phrase() {
    let body = r#"{"Error":{"Code":"FABRIC_E_CONFIG_UPGRADE_FAILED","Message":"ValidationException: A configuration upgrade with identical configuration version is not allowed."}}"#;
    let (base, server) = serve(response("500 FABRIC_E_CONFIG_UPGRADE_FAILED", JSON, body)).await;
    let error = start(&client(&base), None).await.unwrap_err();
    server.await.unwrap();
    assert_eq!(error.kind(), ErrorKind::Status);
    assert_eq!(error.status().unwrap().as_u16(), 500);
    assert_eq!(error.reason(), Some("FABRIC_E_CONFIG_UPGRADE_FAILED"));
    assert_eq!(
        error.code(),
        Some(&FabricErrorCode::from("FABRIC_E_CONFIG_UPGRADE_FAILED"))
    );
    assert_eq!(
        error.fabric_error().unwrap().message.as_deref(),
        Some("ValidationException: A configuration upgrade with identical configuration version is not allowed.")
    );
    assert_eq!(error.operation(), Some("StartClusterConfigurationUpgrade"));
    assert_eq!(error.body(), Some(body.as_bytes()));
    let id = error.request_id().unwrap().to_owned();
    assert_eq!(
        error.to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: 500 FABRIC_E_CONFIG_UPGRADE_FAILED: ValidationException: A configuration upgrade with identical configuration version is not allowed. [request id {id}:1]"
        )
    );
    assert!(!error.is_transient());
}

#[tokio::test]
async fn empty_body_keeps_status_and_reason() {
    let (base, _server) = serve(response("403 Client certificate required", None, "")).await;
    let error = start(&client(&base), None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 403);
    assert_eq!(error.reason(), Some("Client certificate required"));
    assert!(error.fabric_error().is_none());
    assert_eq!(error.body(), Some(&b""[..]));
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: 403 Client certificate required: empty body [request id {id}:1]"
        )
    );
}

#[tokio::test]
async fn unauthorized_with_standard_reason() {
    let (base, _server) = serve(response("401 Unauthorized", None, "")).await;
    let error = start(&client(&base), None).await.unwrap_err();
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!("POST /$/StartClusterConfigurationUpgrade: 401 Unauthorized: empty body [request id {id}:1]")
    );
}

#[tokio::test]
async fn html_from_a_proxy() {
    let html = "<html><head><title>502 Bad Gateway</title></head><body>nginx</body></html>";
    let (base, _server) = serve(response("502 Bad Gateway", Some("text/html"), html)).await;
    let error = start(&client(&base), None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 502);
    assert!(error.fabric_error().is_none());
    assert!(error.is_transient());
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!("POST /$/StartClusterConfigurationUpgrade: 502 Bad Gateway: body \"{html}\" [request id {id}:1]")
    );
}

#[tokio::test]
async fn truncated_json_keeps_the_status() {
    let (base, _server) = serve(response(
        "500 Internal Server Error",
        JSON,
        r#"{"Error":{"Code":"E_FAIL""#,
    ))
    .await;
    let error = start(&client(&base), None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 500);
    assert!(error.fabric_error().is_none());
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: 500 Internal Server Error: body \"{{\\\"Error\\\":{{\\\"Code\\\":\\\"E_FAIL\\\"\" [request id {id}:1]"
        )
    );
}

#[tokio::test]
async fn null_message_and_unknown_code() {
    let body = r#"{"Error":{"Code":"FABRIC_E_SOMETHING_NEW","Message":"Null"}}"#;
    let (base, _server) = serve(response("500 FABRIC_E_SOMETHING_NEW", JSON, body)).await;
    let error = start(&client(&base), None).await.unwrap_err();
    let fabric = error.fabric_error().unwrap();
    assert!(
        matches!(&fabric.code, FabricErrorCode::Unknown(code) if code.as_str() == "FABRIC_E_SOMETHING_NEW"),
        "{:?}",
        fabric.code
    );
    assert_eq!(fabric.code.as_str(), "FABRIC_E_SOMETHING_NEW");
    assert_eq!(fabric.message, None);
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!("POST /$/StartClusterConfigurationUpgrade: 500 FABRIC_E_SOMETHING_NEW [request id {id}:1]")
    );
}

#[tokio::test]
async fn transient_503() {
    let body = r#"{"Error":{"Code":"FABRIC_E_RECONFIGURATION_PENDING","Message":"Reconfiguration pending."}}"#;
    let (base, _server) = serve(response("503 FABRIC_E_RECONFIGURATION_PENDING", JSON, body)).await;
    let error = start(&client(&base), None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 503);
    assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_RECONFIGURATION_PENDING");
}

#[tokio::test]
async fn endless_error_body_is_cut_at_the_limit() {
    let head = b"HTTP/1.1 500 Internal Server Error\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
    let (base, _server) = serve(Reply::Endless(head)).await;
    let error = start(&client(&base), None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 500);
    assert_eq!(error.body().unwrap().len(), 64 * 1024);
    assert!(error.body_truncated());
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: 500 Internal Server Error: body \"{}\"... [request id {id}:1]",
            "x".repeat(200)
        )
    );
}

#[tokio::test]
async fn success_body_over_the_limit_is_an_error() {
    let head = b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
    let (base, _server) = serve(Reply::Endless(head)).await;
    let client = Client::builder(&base).max_response_body(100_000).build().unwrap();
    let error = status::<serde_json::Value>(&client).await.unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Decode);
    assert_eq!(error.status().unwrap().as_u16(), 200);
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "GET /$/GetClusterConfigurationUpgradeStatus: 200 OK: the body is larger than the client's limit of 100000 bytes: body \"{}\"... [request id {id}:1]",
            "x".repeat(200)
        )
    );
}

#[tokio::test]
async fn success_body_that_does_not_decode() {
    #[derive(serde::Deserialize, Debug)]
    #[allow(dead_code)]
    struct Status {
        #[serde(rename = "ProgressStatus")]
        progress: u32,
    }
    let (base, _server) = serve(response("200 OK", JSON, r#"{"ProgressStatus":"half"}"#)).await;
    let error = status::<Status>(&client(&base)).await.unwrap_err();
    assert!(error.is_decode());
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "GET /$/GetClusterConfigurationUpgradeStatus: 200 OK: the body is not a valid Status: at ProgressStatus: invalid type: string \"half\", expected u32 at line 1 column 24: body \"{{\\\"ProgressStatus\\\":\\\"half\\\"}}\" [request id {id}:1]"
        )
    );
}

#[tokio::test]
async fn success_body_decodes() {
    let body = r#"{"ProgressStatus":0,"ConfigVersion":"1.0.0","Details":"","UpgradeState":"RollingForwardCompleted"}"#;
    let (base, server) = serve(response("200 OK", JSON, body)).await;
    let value: serde_json::Value = status(&client(&base)).await.unwrap();
    assert_eq!(value["ConfigVersion"], "1.0.0");
    let raw = String::from_utf8(server.await.unwrap()).unwrap();
    assert!(raw.starts_with("GET /$/GetClusterConfigurationUpgradeStatus?api-version=6.0 HTTP/1.1\r\n"));
    assert!(!raw.to_ascii_lowercase().contains("content-type"));
}

#[tokio::test]
async fn client_deadline_is_server_timeout_plus_margin() {
    let (base, _server) = serve(Reply::Silent).await;
    let client = client(&base);
    assert_eq!(client.deadline(ServerTimeout::MIN), Duration::from_millis(1300));
    let started = std::time::Instant::now();
    let error = start(&client, Some(ServerTimeout::MIN)).await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert!(started.elapsed() >= Duration::from_millis(1300));
    let id = error.request_id().unwrap();
    assert_eq!(
        error.to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: timed out: no complete response within 1.300 s (server timeout 1 s plus the client's margin) [request id {id}:1]"
        )
    );
}

#[tokio::test]
async fn refused_connection() {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    drop(listener);
    let error = start(&client(&base), None).await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert!(error.status().is_none());
    let id = error.request_id().unwrap();
    // Display names this error; the cause is its source, and display_chain adds it.
    assert_eq!(
        error.to_string(),
        format!("POST /$/StartClusterConfigurationUpgrade: cannot connect to the gateway [request id {id}:1]")
    );
    assert!(std::error::Error::source(&error).is_some());
    assert_eq!(
        error.display_chain().to_string(),
        format!(
            "POST /$/StartClusterConfigurationUpgrade: cannot connect to the gateway: Connection refused (os error 111) [request id {id}:1]"
        )
    );
}

#[tokio::test]
async fn connection_closed_mid_error_body_keeps_the_status() {
    let reply = b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: 1000\r\n\r\n{\"Error\"".to_vec();
    let (base, _server) = serve(Reply::Bytes(reply)).await;
    let error = start(&client(&base), None).await.unwrap_err();
    assert_eq!(error.status().unwrap().as_u16(), 503);
    assert!(error.body_truncated());
}
