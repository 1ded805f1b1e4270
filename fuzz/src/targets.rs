//! The bodies of the fuzz targets: each takes arbitrary bytes, feeds them to one reader of
//! the library, and checks what must hold whatever the bytes (no panic, what is accepted
//! reads back the same, nothing the server sent reaches a log line unescaped).
//!
//! `cargo fuzz` drives them from `fuzz_targets/`; `tests/fuzz_corpus.rs` runs them over
//! the committed corpus on stable, so CI checks every input found so far.

use std::future::Future;
use std::pin::pin;
use std::str::FromStr;
use std::task::{Context, Poll, Waker};

use bytes::Bytes;
use fabric_rest::models::{IsoDuration, NodeInfo, Timestamp};
use fabric_rest::paging::{self, Paged};
use fabric_rest::runtime::{Json, JsonOrNoContent, Response, decode};
use fabric_rest::{
    ApiVersion, ClientIdentity, Endpoint, Error, FabricError, Location, Method, Param, Percent, Request,
    RequestBuilder, ServerTimeout, Transport, ValueEncoding, iso8601,
};
use http::{HeaderMap, StatusCode};

/// The body of one fuzz target.
pub type Target = fn(&[u8]);

/// Every fuzz target by name, as `fuzz_targets/` and the corpus folders name them.
pub const TARGETS: &[(&str, Target)] = &[
    ("fabric_error", fabric_error),
    ("decode_response", decode_response),
    ("durations_and_timestamps", durations_and_timestamps),
    ("request_builder", request_builder),
    ("identity", identity),
    ("paging_tokens", paging_tokens),
];

/// Nothing shown to a person may hold a character that breaks a line or drives a terminal.
fn assert_one_line(text: &str) {
    assert!(
        !text
            .chars()
            .any(|c| c.is_control() || ('\u{202a}'..='\u{202e}').contains(&c)),
        "{text:?}"
    );
}

/// A FabricError body reads back the same after being written, and shows on one line.
pub fn fabric_error(data: &[u8]) {
    if let Some(error) = FabricError::from_body(data) {
        assert_eq!(FabricError::from_body(error.to_body().as_bytes()), Some(error.clone()));
        assert_one_line(&error.to_string());
    }
}

static MANIFEST: Endpoint = Endpoint::new("GetClusterManifest", Method::Get, "/$/GetClusterManifest", "6.0");

/// A transport that only builds requests.
struct Offline;

impl Transport for Offline {
    async fn send(&self, _request: &Request) -> Result<Response, Error> {
        Err(Error::invalid_argument("never sent"))
    }
}

const STATUSES: [u16; 12] = [200, 202, 204, 307, 400, 401, 403, 404, 500, 502, 503, 504];

/// Any status and body decode to a value or an error that keeps the status, on one line.
pub fn decode_response(data: &[u8]) {
    let Some((&choice, body)) = data.split_first() else {
        return;
    };
    let status = StatusCode::from_u16(STATUSES[usize::from(choice) % STATUSES.len()]).unwrap();
    let request = RequestBuilder::new(&MANIFEST, &Offline).build().unwrap();
    let response = || Response::new(status, HeaderMap::new(), Bytes::copy_from_slice(body));
    let results = [
        decode::<Json<serde_json::Value>>(&request, response()).err(),
        decode::<Json<Paged<NodeInfo>>>(&request, response()).err(),
        decode::<JsonOrNoContent<NodeInfo>>(&request, response()).err(),
    ];
    for error in results.into_iter().flatten() {
        if !error.is_decode() {
            assert_eq!(error.status(), Some(status));
        }
        assert_one_line(&error.to_string());
        assert_one_line(&error.display_chain().to_string());
        let _ = format!("{error:?}");
    }
}

/// Durations and timestamps parse or fail; what parses writes back and reads the same.
pub fn durations_and_timestamps(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(duration) = iso8601::parse(text) {
        let written = iso8601::format(duration);
        assert_eq!(iso8601::parse(&written).ok(), Some(duration), "{text:?} -> {written:?}");
    }
    let duration = IsoDuration::new(text);
    let _ = duration.to_duration();
    let json = serde_json::to_string(&duration).unwrap();
    assert_eq!(serde_json::from_str::<IsoDuration>(&json).unwrap(), duration);
    let timestamp = Timestamp::new(text);
    let _ = timestamp.to_system_time();
    let json = serde_json::to_string(&timestamp).unwrap();
    assert_eq!(serde_json::from_str::<Timestamp>(&json).unwrap(), timestamp);
}

static NODE: Endpoint = Endpoint::new(
    "GetDeployedApplicationInfo",
    Method::Get,
    "/Nodes/{nodeName}/$/GetApplications/{applicationId}",
    "6.1",
)
.with_params(&[
    Param::new("nodeName", Location::Path, true),
    Param::new("applicationId", Location::Path, true).with_encoding(ValueEncoding::KeepEscapes),
    Param::new("Filter", Location::Query, false),
    Param::new("ContinuationToken", Location::Query, false).with_encoding(ValueEncoding::KeepEscapes),
    Param::new("Content-Range", Location::Header, false),
]);

/// Any path, query and header values either fail before sending or fill exactly their own
/// segment, query value and header; the scalar parsers accept only what is in range.
pub fn request_builder(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.split('|');
    let mut next = || parts.next().unwrap_or_default().to_owned();
    let (node, app, filter, token, header) = (next(), next(), next(), next(), next());
    let mut builder = RequestBuilder::new(&NODE, &Offline);
    builder.path_param("nodeName", node.as_str());
    builder.path_param("applicationId", app.as_str());
    builder.query("Filter", filter.as_str());
    builder.query_keeping_escapes("ContinuationToken", token.as_str());
    builder.header("Content-Range", header.as_str());
    match builder.build() {
        Ok(request) => {
            // Five segments, nothing that ends the path early, three query pairs.
            let path = request.path();
            assert_eq!(path.split('/').count(), 6, "{}", request.path_and_query());
            assert!(!path.contains(['?', '#']), "{path}");
            let names: Vec<&str> = request
                .query()
                .split('&')
                .map(|pair| pair.split('=').next().unwrap())
                .collect();
            assert_eq!(
                names,
                ["api-version", "Filter", "ContinuationToken"],
                "{}",
                request.query()
            );
        }
        Err(error) => {
            assert!(error.is_invalid_argument(), "{error}");
            assert_one_line(&error.to_string());
        }
    }
    if let Ok(timeout) = ServerTimeout::from_str(&text) {
        assert!(timeout.as_secs() >= 1);
    }
    if let Ok(version) = ApiVersion::parse(&text) {
        assert_eq!(version.as_str(), text);
    }
    if let Ok(percent) = text.parse::<i64>() {
        assert_eq!(Percent::try_from(percent).is_ok(), (0..=100).contains(&percent));
    }
}

/// Certificate files of any shape are refused with an invalid-argument error, never a panic.
pub fn identity(data: &[u8]) {
    let split = data.len() / 2;
    if let Err(error) = ClientIdentity::from_combined_pem(data) {
        assert!(error.is_invalid_argument(), "{error}");
    }
    let _ = ClientIdentity::from_pem(&data[..split], &data[split..]);
    let _ = ClientIdentity::from_pkcs12(data, "password");
    let _ = ClientIdentity::from_pkcs12(data, "");
}

/// A gateway handing back any sequence of tokens: the list ends, with an error exactly when a
/// token comes back a second time.
pub fn paging_tokens(data: &[u8]) {
    // Each byte is the next page's token: 0 ends the list, others name a token.
    let tokens: Vec<Option<String>> = data
        .iter()
        .take(200)
        .map(|&b| (b != 0).then(|| format!("t{}", b % 16)))
        .collect();
    let mut fetched = 0;
    let fetch = |_token: Option<String>| {
        let token = tokens.get(fetched).cloned().flatten();
        fetched += 1;
        std::future::ready(Ok::<_, Error>(Paged::new(vec![fetched], token)))
    };
    let pages = block_on(collect(paging::pages(fetch)));
    // Page n hands back tokens[n]; past the list, no token: the list ends.
    let mut seen = std::collections::HashSet::new();
    let mut expected_pages = tokens.len() + 1;
    let mut loops = false;
    for (page, token) in tokens.iter().enumerate() {
        match token {
            None => {
                expected_pages = page + 1;
                break;
            }
            Some(token) if !seen.insert(token) => {
                expected_pages = page + 1;
                loops = true;
                break;
            }
            Some(_) => {}
        }
    }
    let pages_read = pages.iter().filter(|p| p.is_ok()).count();
    assert_eq!(pages_read, expected_pages, "{tokens:?}");
    let errors = pages.iter().filter(|p| p.is_err()).count();
    assert_eq!(errors, usize::from(loops), "{tokens:?}");
    if loops {
        let last = pages.last().unwrap().as_ref().unwrap_err();
        assert_eq!(last.kind(), fabric_rest::ErrorKind::Paging);
    }
}

async fn collect<S: futures_util::Stream>(stream: S) -> Vec<S::Item> {
    use futures_util::StreamExt as _;
    pin!(stream).collect().await
}

/// Runs a future that never waits (every fetch here is ready at once).
fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    let mut context = Context::from_waker(Waker::noop());
    loop {
        if let Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}
