//! No input makes the runtime panic, and what it accepts it reads back the same.
//!
//! Properties checked with proptest over inputs built from the characters that trouble
//! parsers and URLs: digits, signs, the letters of ISO-8601 durations, `%` escapes,
//! separators, control characters and multi-byte text. A failing input is shrunk to a
//! small one and saved under `tests/any_input.proptest-regressions`, which later runs try
//! first. Each property also counts how often its input reached the accepting path, so a
//! generator that never produces a valid input fails instead of passing vacuously.

use std::str::FromStr;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::Bytes;
use fabric_rest_runtime::{
    ApiVersion, ClientIdentity, Endpoint, Error, FabricError, Json, Location, Method, Param, Percent, Request,
    RequestBuilder, Response, ServerTimeout, Transport, ValueEncoding, decode, iso8601,
};
use http::{HeaderMap, StatusCode};
use percent_encoding::percent_decode_str;
use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence, TestRunner};

/// Inputs per property.
const CASES: u32 = 10_000;

/// The pieces generated text is made of.
const PIECES: &[&str] = &[
    "0",
    "1",
    "9",
    "59",
    "60",
    "4294967295",
    "44775806",
    "4294967296",
    "18446744073709551616",
    "-",
    "+",
    ".",
    ",",
    "P",
    "T",
    "D",
    "H",
    "M",
    "S",
    "W",
    "Y",
    "p",
    "t",
    "s",
    " ",
    "\t",
    "\n",
    "\r",
    "\0",
    "\u{1b}[31m",
    "%",
    "%2F",
    "%2f",
    "%5C",
    "%3F",
    "%23",
    "%2e",
    "%41",
    "%zz",
    "%%",
    "/",
    "\\",
    "?",
    "#",
    "&",
    "=",
    "~",
    "$",
    ":",
    "@",
    "{",
    "}",
    "\"",
    "'",
    "é",
    "日本",
    "🦀",
    "\u{feff}",
    "\u{200b}",
    "\u{202e}",
    "Error",
    "Code",
    "Message",
    "null",
    "Null",
    "[",
    "]",
    "{\"",
    "\":",
    "-preview",
    "6.0",
    "3.0",
];

/// Text of up to `max` pieces.
fn text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(PIECES), 0..=max).prop_map(|pieces| pieces.concat())
}

/// Text of up to `max` pieces, now and then with a byte that is not UTF-8 in it.
fn bytes(max: usize) -> impl Strategy<Value = Vec<u8>> {
    (text(max), any::<Option<(prop::sample::Index, u8)>>()).prop_map(|(text, stray)| {
        let mut out = text.into_bytes();
        if let Some((at, byte)) = stray {
            out.insert(at.index(out.len() + 1), 0xC0 | (byte & 0x3F));
        }
        out
    })
}

/// Runs `test` over `strategy`, keeping shrunk failures in this file's regressions file.
fn check<S: Strategy>(cases: u32, strategy: S, test: impl Fn(S::Value) -> Result<(), TestCaseError>) {
    let config = Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/any_input.proptest-regressions"
        )))),
        ..Config::default()
    };
    let mut runner = TestRunner::new_with_rng(
        config,
        proptest::test_runner::TestRng::deterministic_rng(proptest::test_runner::RngAlgorithm::ChaCha),
    );
    if let Err(failure) = runner.run(&strategy, test) {
        panic!("{failure}");
    }
}

#[test]
fn durations_parse_or_fail_and_what_parses_round_trips() {
    let accepted = AtomicUsize::new(0);
    check(CASES, text(8), |text| {
        if let Ok(duration) = iso8601::parse(&text) {
            accepted.fetch_add(1, Ordering::Relaxed);
            let written = iso8601::format(duration);
            prop_assert_eq!(
                iso8601::parse(&written).ok(),
                Some(duration),
                "{:?} -> {:?}",
                text,
                written
            );
        }
        Ok(())
    });
    let accepted = accepted.into_inner();
    assert!(accepted > 50, "only {accepted} accepted");
}

#[test]
fn server_timeouts_are_in_range_whatever_the_text() {
    let accepted = AtomicUsize::new(0);
    check(CASES, text(4), |text| {
        if let Ok(timeout) = ServerTimeout::from_str(&text) {
            accepted.fetch_add(1, Ordering::Relaxed);
            prop_assert!(timeout.as_secs() >= 1, "{:?}", text);
            prop_assert_eq!(
                ServerTimeout::from_str(&timeout.as_secs().to_string()).ok(),
                Some(timeout)
            );
        }
        Ok(())
    });
    let accepted = accepted.into_inner();
    assert!(accepted > 50, "only {accepted} accepted");
}

#[test]
fn timeouts_and_percentages_from_any_integer() {
    check(CASES, (any::<i64>(), any::<i64>()), |(number, percent)| {
        match ServerTimeout::try_from(number) {
            Ok(timeout) => prop_assert_eq!(i64::from(timeout.as_secs()), number),
            Err(_) => prop_assert!(!(1..=i64::from(u32::MAX)).contains(&number), "{} refused", number),
        }
        prop_assert_eq!(
            Percent::try_from(percent).is_ok(),
            (0..=100).contains(&percent),
            "{}",
            percent
        );
        Ok(())
    });
}

#[test]
fn api_versions_are_kept_exactly_as_accepted() {
    let accepted = AtomicUsize::new(0);
    check(CASES, text(4), |text| {
        if let Ok(version) = ApiVersion::parse(&text) {
            accepted.fetch_add(1, Ordering::Relaxed);
            prop_assert_eq!(version.as_str(), text.as_str());
            let reparsed = text.parse::<ApiVersion>().ok();
            prop_assert_eq!(reparsed.as_ref().map(ApiVersion::as_str), Some(text.as_str()));
        }
        Ok(())
    });
    // The generator does reach the accepting path, so the checks above ran.
    let accepted = accepted.into_inner();
    assert!(accepted > 20, "only {accepted} accepted");
}

/// A body: generated bytes, or a FabricError shaped body with generated code and message.
fn error_body() -> impl Strategy<Value = Vec<u8>> {
    prop_oneof![
        bytes(12),
        (text(3), text(3)).prop_map(|(code, message)| {
            format!(r#"{{"Error":{{"Code":"{code}","Message":"{message}"}}}}"#).into_bytes()
        }),
    ]
}

#[test]
fn any_error_body_keeps_the_status_and_stays_on_one_line() {
    static GET: Endpoint = Endpoint::new("GetClusterManifest", Method::Get, "/$/GetClusterManifest", "6.0");
    let request = {
        let builder = RequestBuilder::new(&GET, &NoDefaults);
        builder.build().unwrap()
    };
    const STATUSES: [u16; 16] = [
        200, 202, 204, 301, 307, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 599,
    ];
    let strategy = (error_body(), proptest::sample::select(&STATUSES[..]), text(3));
    check(CASES, strategy, |(body, status, reason)| {
        if let Some(error) = FabricError::from_body(&body) {
            prop_assert_eq!(FabricError::from_body(error.to_body().as_bytes()), Some(error.clone()));
            let shown = error.to_string();
            prop_assert!(!shown.contains(['\n', '\r', '\u{1b}', '\u{202e}']), "{:?}", shown);
        }
        let status = StatusCode::from_u16(status).unwrap();
        let response = Response::new(status, HeaderMap::new(), Bytes::from(body)).with_reason(reason);
        match decode::<Json<serde_json::Value>>(&request, response) {
            Ok(_) => prop_assert_eq!(status, StatusCode::OK),
            Err(error) => {
                prop_assert_eq!(error.status(), Some(status));
                let text = error.display_chain().to_string();
                let head = format!("GET /$/GetClusterManifest: {}", status.as_u16());
                prop_assert!(text.starts_with(&head), "{}", text);
                // Server text cannot break the line or reach a terminal as control codes.
                prop_assert!(!text.contains(['\n', '\r', '\u{1b}', '\0', '\u{202e}']), "{:?}", text);
                let _ = format!("{error:?}");
            }
        }
        Ok(())
    });
}

/// A transport that only builds requests.
struct NoDefaults;

impl Transport for NoDefaults {
    async fn send(&self, _request: &Request) -> Result<Response, Error> {
        Err(Error::invalid_argument("never sent"))
    }
}

static NODE: Endpoint = Endpoint::new(
    "GetNodeInfo",
    Method::Get,
    "/Nodes/{nodeName}/$/GetApplications/{appId}",
    "6.0",
)
.with_params(&[
    Param::new("nodeName", Location::Path, true),
    Param::new("appId", Location::Path, true).with_encoding(ValueEncoding::KeepEscapes),
    Param::new("Filter", Location::Query, false),
    Param::new("ContinuationToken", Location::Query, false).with_encoding(ValueEncoding::KeepEscapes),
    Param::new("Content-Range", Location::Header, false),
]);

/// Whether a header value is one HTTP can carry: visible ASCII, spaces and tabs.
fn header_ok(value: &str) -> bool {
    value.bytes().all(|b| b == b'\t' || (b' '..=b'~').contains(&b))
}

/// Whether a value, as the gateway decodes it, holds a `.` or `..` step between `/` or `\`.
fn has_dot_step(decoded: &str) -> bool {
    decoded.split(['/', '\\']).any(|piece| piece == "." || piece == "..")
}

/// Whether `text` holds an escape of `/`, `\`, `?` or `#`, which `keep_escapes` refuses.
fn escapes_a_delimiter(text: &str) -> bool {
    let upper = text.to_ascii_uppercase();
    ["%2F", "%5C", "%3F", "%23"].iter().any(|escape| upper.contains(escape))
}

/// What the gateway reads from a value sent with `keep_escapes`: its escapes decoded, every
/// other character as it was.
fn kept_decoded(text: &str) -> String {
    percent_decode_str(text).decode_utf8_lossy().into_owned()
}

#[test]
fn any_value_fills_exactly_its_own_segment_or_query_value() {
    let accepted = AtomicUsize::new(0);
    let strategy = (text(6), text(6), text(6), text(6), text(4));
    check(CASES, strategy, |(node, app, filter, token, header)| {
        let mut builder = RequestBuilder::new(&NODE, &NoDefaults);
        builder.path_param("nodeName", node.as_str());
        builder.path_param("appId", app.as_str());
        builder.query("Filter", filter.as_str());
        builder.query_keeping_escapes("ContinuationToken", token.as_str());
        builder.header("Content-Range", header.as_str());
        let refused = node.is_empty()
            || app.is_empty()
            || has_dot_step(&node)
            || escapes_a_delimiter(&app)
            || has_dot_step(&kept_decoded(&app))
            || !header_ok(&header);
        let request = match builder.build() {
            Ok(request) => request,
            Err(error) => {
                prop_assert!(error.is_invalid_argument(), "{}", error);
                prop_assert!(refused, "{}", error);
                return Ok(());
            }
        };
        prop_assert!(!refused, "{} was sent", request.path_and_query());
        accepted.fetch_add(1, Ordering::Relaxed);
        let url = reqwest::Url::parse(&format!("http://127.0.0.1:19080{}", request.path_and_query())).unwrap();
        let segments: Vec<&str> = url.path_segments().unwrap().collect();
        prop_assert_eq!(segments.len(), 5, "{}", request.path_and_query());
        prop_assert_eq!(segments[0], "Nodes");
        prop_assert_eq!(segments[2], "$");
        prop_assert_eq!(segments[3], "GetApplications");
        // The strict segment and query value decode back to exactly what was given.
        prop_assert_eq!(percent_decode_str(segments[1]).decode_utf8().unwrap(), node.as_str());
        // The escape-keeping segment decodes to the value with its escapes decoded once.
        prop_assert_eq!(percent_decode_str(segments[4]).decode_utf8_lossy(), kept_decoded(&app));
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let names: Vec<&str> = pairs.iter().map(|(name, _)| name.as_str()).collect();
        prop_assert_eq!(
            names,
            ["api-version", "Filter", "ContinuationToken"],
            "{}",
            request.path_and_query()
        );
        let raw = |at: usize, name: &str| {
            let pair = request.query().split('&').nth(at).unwrap().to_owned();
            pair.strip_prefix(name).unwrap().to_owned()
        };
        let (filter_raw, token_raw) = (raw(1, "Filter="), raw(2, "ContinuationToken="));
        prop_assert_eq!(percent_decode_str(&filter_raw).decode_utf8().unwrap(), filter.as_str());
        prop_assert_eq!(percent_decode_str(&token_raw).decode_utf8_lossy(), kept_decoded(&token));
        Ok(())
    });
    let accepted = accepted.into_inner();
    assert!(accepted > 1_000, "only {accepted} accepted");
}

const BLOCKS: [&str; 5] = [
    "CERTIFICATE",
    "PRIVATE KEY",
    "RSA PRIVATE KEY",
    "EC PRIVATE KEY",
    "ENCRYPTED PRIVATE KEY",
];

/// Up to two PEM blocks of any label with generated contents.
fn pem() -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(&BLOCKS[..]), text(10)), 0..3).prop_map(|blocks| {
        blocks
            .into_iter()
            .map(|(label, body)| format!("-----BEGIN {label}-----\n{body}\n-----END {label}-----\n"))
            .collect()
    })
}

#[test]
fn identity_files_of_any_shape_are_refused_cleanly() {
    check(
        2_000,
        (pem(), bytes(20), bytes(40), text(2)),
        |(pem, key, pkcs12, password)| {
            let error = ClientIdentity::from_combined_pem(pem.as_bytes()).unwrap_err();
            prop_assert!(error.is_invalid_argument(), "{}", error);
            prop_assert!(ClientIdentity::from_pem(pem.as_bytes(), key.as_slice()).is_err());
            #[cfg(feature = "pkcs12")]
            prop_assert!(ClientIdentity::from_pkcs12(&pkcs12, &password).is_err());
            let _ = (pkcs12, password);
            Ok(())
        },
    );
}
