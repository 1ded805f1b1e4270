//! Request building: exact paths, queries, headers and bodies, without any network.

use std::future::Future;
use std::sync::Mutex;

use fabric_rest_runtime::{
    ApiVersion, Endpoint, Error, ErrorKind, Location, Method, Param, Request, RequestBuilder, Response, ServerTimeout,
    Transport, ValueEncoding,
};

/// A transport that sends nothing; it only supplies defaults.
#[derive(Default)]
struct Offline {
    default_timeout: Option<ServerTimeout>,
    sent: Mutex<Vec<Request>>,
}

impl Transport for Offline {
    fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = Result<Response, Error>> + Send + 'a {
        self.sent.lock().unwrap().push(request.clone());
        async { Err(Error::invalid_argument("offline")) }
    }

    fn default_server_timeout(&self) -> Option<ServerTimeout> {
        self.default_timeout
    }
}

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

static NODE: Endpoint = Endpoint::new("GetNodeInfo", Method::Get, "/Nodes/{nodeName}", "6.0");

static NODES: Endpoint = Endpoint::new("GetNodeInfoList", Method::Get, "/Nodes", "6.0");

fn start(transport: &impl Transport, timeout: Option<ServerTimeout>) -> Request {
    let mut request = RequestBuilder::new(&START, transport);
    request.query("timeout", &timeout);
    request.json_body(&serde_json::json!({"ClusterConfig": "{}"}));
    request.build().unwrap()
}

#[test]
fn start_upgrade_with_timeout() {
    let request = start(&Offline::default(), Some(ServerTimeout::seconds::<120>()));
    assert_eq!(request.method(), http::Method::POST);
    assert_eq!(
        request.path_and_query(),
        "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=120"
    );
    assert_eq!(request.path(), "/$/StartClusterConfigurationUpgrade");
    assert_eq!(request.query(), "api-version=3.0&timeout=120");
    assert_eq!(request.body().unwrap().as_ref(), br#"{"ClusterConfig":"{}"}"#);
    assert_eq!(request.headers()["content-type"], "application/json; charset=utf-8");
    assert_eq!(request.server_timeout().as_secs(), 120);
    // The header names the call and its first attempt.
    assert_eq!(
        request.headers()["x-servicefabricrequestid"],
        format!("{}:1", request.request_id()).as_str()
    );
    assert_eq!(request.headers().len(), 2);
}

#[test]
fn absent_timeout_is_left_out_and_means_sixty_seconds() {
    let request = start(&Offline::default(), None);
    assert_eq!(
        request.path_and_query(),
        "/$/StartClusterConfigurationUpgrade?api-version=3.0"
    );
    assert_eq!(request.server_timeout(), ServerTimeout::DEFAULT);
}

#[test]
fn absent_timeout_takes_the_transport_default() {
    let transport = Offline {
        default_timeout: Some(ServerTimeout::seconds::<300>()),
        ..Offline::default()
    };
    let request = start(&transport, None);
    assert_eq!(
        request.path_and_query(),
        "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=300"
    );
    assert_eq!(request.server_timeout().as_secs(), 300);
    // An explicit timeout wins over the default.
    let request = start(&transport, Some(ServerTimeout::MIN));
    assert_eq!(
        request.path_and_query(),
        "/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=1"
    );
}

#[test]
fn endpoint_default_timeout_wins_over_the_transport_default() {
    let transport = Offline {
        default_timeout: Some(ServerTimeout::seconds::<300>()),
        ..Offline::default()
    };
    let mut request = RequestBuilder::new(&START, &transport);
    request.endpoint_default_timeout(ServerTimeout::seconds::<900>());
    request.query("timeout", &None::<ServerTimeout>);
    let request = request.build().unwrap();
    assert_eq!(request.query(), "api-version=3.0&timeout=900");
}

#[test]
fn extreme_timeouts_on_the_wire() {
    let request = start(&Offline::default(), Some(ServerTimeout::MAX));
    assert_eq!(request.query(), "api-version=3.0&timeout=4294967295");
}

#[test]
fn api_version_override() {
    let transport = Offline::default();
    let v6 = transport.with_api_version(ApiVersion::parse("6.0").unwrap());
    let request = start(&v6, None);
    assert_eq!(request.query(), "api-version=6.0");
    let preview = transport.with_api_version(ApiVersion::parse("9.1-preview").unwrap());
    assert_eq!(start(&preview, None).query(), "api-version=9.1-preview");
}

#[test]
fn path_values_are_encoded_once() {
    let transport = Offline::default();
    let cases = [
        ("node 1", "/Nodes/node%201"),
        ("a/b", "/Nodes/a%2Fb"),
        ("app~svc", "/Nodes/app~svc"),
        ("100%", "/Nodes/100%25"),
        ("x?y#z&w=v", "/Nodes/x%3Fy%23z%26w%3Dv"),
        ("nœud-é", "/Nodes/n%C5%93ud-%C3%A9"),
        ("%2F", "/Nodes/%252F"),
    ];
    for (value, path) in cases {
        let mut request = RequestBuilder::new(&NODE, &transport);
        request.path_param("nodeName", value);
        let request = request.build().unwrap();
        assert_eq!(request.path(), path, "value {value:?}");
        assert_eq!(request.query(), "api-version=6.0");
    }
}

#[test]
fn empty_path_value_is_an_invalid_argument() {
    let mut request = RequestBuilder::new(&NODE, &Offline::default());
    request.path_param("nodeName", "");
    let error = request.build().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::InvalidArgument);
    assert_eq!(
        error.to_string(),
        "GET /Nodes/: invalid argument: path parameter `nodeName` is empty; the gateway would read another path; nothing was sent"
    );
}

/// `.` and `..` would be dropped by URL parsing along with the segment before them, so
/// `DELETE /ImageStore/{contentPath}` with `..` would reach `/`; they never leave.
#[test]
fn dot_segments_are_invalid_arguments() {
    static STORE: Endpoint = Endpoint::new(
        "DeleteImageStoreContent",
        Method::Delete,
        "/ImageStore/{contentPath}",
        "6.0",
    )
    .with_params(&[Param::new("contentPath", Location::Path, true).with_encoding(ValueEncoding::KeepEscapes)]);
    for (value, written) in [(".", "."), ("..", ".."), ("%2e%2E", "%2e%2E"), (".%2e", ".%2e")] {
        let mut request = RequestBuilder::new(&STORE, &Offline::default());
        request.path_param("contentPath", value);
        let error = request.build().unwrap_err();
        assert_eq!(error.kind(), ErrorKind::InvalidArgument);
        assert_eq!(
            error.to_string(),
            format!(
                "DELETE /ImageStore/{written}: invalid argument: path parameter `contentPath` is `{written}`, which holds a `.` or `..` step that a URL reads as the same or the parent folder; the gateway would read another path; nothing was sent"
            )
        );
    }
    // The gateway decodes the segment and reads `/` and `\` in it as separators, so a step
    // anywhere in a longer value is refused too, however it is spelled.
    for value in ["a/../b", "..\\x", "x/.", "Store\\..\\..\\y", "a%2F..%2Fb"] {
        let mut request = RequestBuilder::new(&STORE, &Offline::default());
        request.path_param("contentPath", value);
        let error = request.build().unwrap_err();
        assert!(error.is_invalid_argument(), "{value}: {error}");
        let text = error.to_string();
        assert!(text.contains("step") || text.contains("delimiter"), "{value}: {text}");
    }
    // Dots inside a longer value are ordinary text.
    for value in ["...", ".a", "a..", "%2e%2e%2e"] {
        let mut request = RequestBuilder::new(&STORE, &Offline::default());
        request.path_param("contentPath", value);
        assert_eq!(request.build().unwrap().path(), format!("/ImageStore/{value}"));
    }
}

/// A kept escape of `/`, `\`, `?` or `#` would let a value become several segments once
/// the gateway decodes it: `x%2F..%2F..%2F$%2FRestart` names another operation.
#[test]
fn kept_escapes_never_decode_to_delimiters() {
    static APP: Endpoint = Endpoint::new(
        "GetApplicationInfo",
        Method::Get,
        "/Applications/{applicationId}",
        "6.0",
    )
    .with_params(&[Param::new("applicationId", Location::Path, true).with_encoding(ValueEncoding::KeepEscapes)]);
    for (value, escape) in [
        ("x%2F..%2F..%2F$%2FRestart", "%2F"),
        ("x%2fy", "%2f"),
        ("a%5Cb", "%5C"),
        ("a%3Fb", "%3F"),
        ("a%23b", "%23"),
    ] {
        let mut request = RequestBuilder::new(&APP, &Offline::default());
        request.path_param("applicationId", value);
        let error = request.build().unwrap_err();
        assert!(error.is_invalid_argument());
        assert_eq!(
            error.to_string(),
            format!(
                "GET /Applications/{}: invalid argument: path parameter `applicationId` holds the escape `{escape}`, which decodes to a path or query delimiter; keep_escapes keeps only escapes of ordinary characters, so pass the character itself (it is then encoded); nothing was sent",
                value.replace('$', "%24")
            )
        );
    }
    // The character itself goes out strictly encoded, as one segment; ordinary escapes are kept.
    let mut request = RequestBuilder::new(&APP, &Offline::default());
    request.path_param("applicationId", "My%20App~a/b");
    assert_eq!(request.build().unwrap().path(), "/Applications/My%20App~a%2Fb");
}

/// The template is the only source of the path: placeholders are filled in its order, and
/// one left unfilled or filled out of turn fails the request.
#[test]
fn the_template_writes_the_path() {
    static TWO: Endpoint = Endpoint::new(
        "GetDeployedApplicationInfo",
        Method::Get,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}",
        "6.1",
    );
    let mut request = RequestBuilder::new(&TWO, &Offline::default());
    request.path_param("nodeName", "n 1");
    request.path_param("applicationId", "app");
    assert_eq!(request.build().unwrap().path(), "/Nodes/n%201/$/GetApplications/app");

    let mut request = RequestBuilder::new(&TWO, &Offline::default());
    request.path_param("nodeName", "n");
    let error = request.build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "GET /Nodes/n/$/GetApplications/{applicationId}: invalid argument: path placeholder `{applicationId}` has no value; nothing was sent"
    );

    let mut request = RequestBuilder::new(&TWO, &Offline::default());
    request.path_param("applicationId", "app");
    let error = request.build().unwrap_err();
    assert!(
        error.to_string().contains("path parameter `applicationId` is not the next placeholder to fill of `/Nodes/{nodeName}/$/GetApplications/{applicationId}`; fill them in order, before the query"),
        "{error}"
    );
}

#[test]
fn query_values_are_encoded_and_ordered_as_declared() {
    let mut request = RequestBuilder::new(&NODES, &Offline::default());
    request.query("ContinuationToken", &Some("a b&c=d+e/f"));
    request.query("MaxResults", &Some(10u64));
    request.query("Missing", &None::<String>);
    request.query("ExcludeApplicationParameters", &true);
    request.query("ConfigurationApiVersion", "10-2017");
    let request = request.build().unwrap();
    assert_eq!(
        request.query(),
        "api-version=6.0&ContinuationToken=a%20b%26c%3Dd%2Be%2Ff&MaxResults=10&ExcludeApplicationParameters=true&ConfigurationApiVersion=10-2017"
    );
}

#[test]
fn headers_are_checked() {
    let mut request = RequestBuilder::new(&NODES, &Offline::default());
    request.header("Content-Range", "bytes 0-9/10");
    request.header("X-Absent", &None::<String>);
    let request = request.build().unwrap();
    assert_eq!(request.headers()["content-range"], "bytes 0-9/10");
    assert!(request.headers().get("x-absent").is_none());

    let mut request = RequestBuilder::new(&NODES, &Offline::default());
    request.header("Content-Range", "bytes\r\nX-Evil: 1");
    assert_eq!(
        request.build().unwrap_err().to_string(),
        "GET /Nodes: invalid argument: header `Content-Range` cannot carry \"bytes\\r\\nX-Evil: 1\" (a header value holds visible ASCII, spaces and tabs only: no line breaks, control characters or non-ASCII text); nothing was sent"
    );

    // Headers the library sets itself cannot be declared, in any case.
    for name in [
        "Content-Type",
        "content-length",
        "X-ServiceFabricRequestId",
        "Authorization",
        "Host",
    ] {
        let mut request = RequestBuilder::new(&NODES, &Offline::default());
        request.header(name, "x");
        assert_eq!(
            request.build().unwrap_err().to_string(),
            format!(
                "GET /Nodes: invalid argument: header `{name}` is set by the library itself and cannot be declared; nothing was sent"
            )
        );
    }
}

/// A chunk whose length differs from its `Content-Range` would corrupt the uploaded file.
#[test]
fn a_chunk_must_hold_the_bytes_its_range_names() {
    static UPLOAD: Endpoint = Endpoint::new(
        "UploadFileChunk",
        Method::Put,
        "/ImageStore/{contentPath}/$/UploadChunk",
        "6.0",
    );
    let upload = |range: &str, chunk: &[u8]| {
        let mut request = RequestBuilder::new(&UPLOAD, &Offline::default());
        request.path_param("contentPath", "a");
        request.header("Content-Range", range);
        request.bytes_body(chunk);
        request.build()
    };
    let sent = upload("bytes 10-19/100", &[7; 10]).unwrap();
    assert_eq!(sent.headers()["content-range"], "bytes 10-19/100");
    assert_eq!(sent.body().unwrap().len(), 10);
    for (range, len, names) in [
        ("bytes 10-19/100", 9, 10),
        ("bytes 10-19/100", 11, 10),
        ("bytes 5-5/6", 0, 1),
    ] {
        let error = upload(range, &vec![7; len]).unwrap_err();
        assert_eq!(
            error.to_string(),
            format!(
                "PUT /ImageStore/a/$/UploadChunk: invalid argument: the body holds {len} bytes but its Content-Range `{range}` names {names}; nothing was sent"
            )
        );
    }
    // A range in another form is the caller's business.
    assert!(upload("bytes */100", &[1, 2]).is_ok());
}

#[test]
fn oversized_body_is_refused_before_sending() {
    let mut request = RequestBuilder::new(&START, &Offline::default());
    request.json_body(&"x".repeat(4 * 1024 * 1024));
    let error = request.build().unwrap_err();
    assert!(error.is_invalid_argument());
    assert_eq!(
        error.to_string(),
        "POST /$/StartClusterConfigurationUpgrade: invalid argument: the body is 4194306 bytes; the gateway accepts at most 4194304 bytes (4 MiB); nothing was sent"
    );
}

#[test]
fn body_that_cannot_serialize_is_refused() {
    let mut map = std::collections::HashMap::new();
    map.insert((1, 2), "tuple keys are not JSON");
    let mut request = RequestBuilder::new(&START, &Offline::default());
    request.json_body(&map);
    assert_eq!(
        request.build().unwrap_err().to_string(),
        "POST /$/StartClusterConfigurationUpgrade: invalid argument: the body does not serialize to JSON: key must be a string; nothing was sent"
    );
}

#[test]
fn every_request_gets_a_fresh_request_id() {
    let transport = Offline::default();
    let a = start(&transport, None);
    let b = start(&transport, None);
    assert_ne!(a.request_id(), b.request_id());
    assert_eq!(a.request_id().len(), 36);
    assert_eq!(uuid_version(a.request_id()), '4');
}

fn uuid_version(id: &str) -> char {
    id.chars().nth(14).unwrap()
}

#[test]
fn calling_through_a_transport_sends_the_built_request() {
    let transport = Offline::default();
    let request = start(&transport, None);
    let runtime = tokio::runtime::Builder::new_current_thread().build().unwrap();
    let result = runtime.block_on(fabric_rest_runtime::call::<_, fabric_rest_runtime::Accepted>(
        &transport,
        Ok(request.clone()),
    ));
    assert_eq!(
        result.unwrap_err().to_string(),
        "invalid argument: offline; nothing was sent"
    );
    let sent = transport.sent.lock().unwrap();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].request_id(), request.request_id());
}

#[test]
fn query_values_keep_their_escapes_only_when_asked() {
    let awkward = "fabric:/a%2Fb c%zz+é";
    let mut request = RequestBuilder::new(&NODES, &Offline::default());
    request.query("Strict", awkward);
    request.query_keeping_escapes("ContinuationToken", &Some(awkward));
    request.query_keeping_escapes("Absent", &None::<&str>);
    request.query("After", "%41");
    let request = request.build().unwrap();
    assert_eq!(
        request.query(),
        "api-version=6.0\
         &Strict=fabric%3A%2Fa%252Fb%20c%25zz%2B%C3%A9\
         &ContinuationToken=fabric%3A%2Fa%2Fb%20c%25zz%2B%C3%A9\
         &After=%2541"
    );
}
