//! No input makes the runtime panic, and what it accepts it reads back the same.
//!
//! Each test feeds thousands of generated inputs (a fixed seed, so a failure repeats) built
//! from the characters that trouble parsers and URLs: digits, signs, the letters of ISO-8601
//! durations, `%` escapes, separators, control characters and multi-byte text.

use std::str::FromStr;

use bytes::Bytes;
use fabric_rest_runtime::{
    ApiVersion, ClientIdentity, Endpoint, Error, FabricError, Json, Location, Method, Param, Percent, Request,
    RequestBuilder, Response, ServerTimeout, Transport, ValueEncoding, decode, iso8601,
};
use http::{HeaderMap, StatusCode};
use percent_encoding::percent_decode_str;

const ROUNDS: usize = 20_000;

/// A small deterministic generator (xorshift64*).
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    /// Text of up to `max` pieces, each a troublesome character or a run of digits.
    fn text(&mut self, max: usize) -> String {
        const PIECES: &[&str] = &[
            "0",
            "1",
            "9",
            "59",
            "60",
            "4294967295",
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
            "%",
            "%2F",
            "%2f",
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
        let len = self.below(max + 1);
        let mut out = String::new();
        for _ in 0..len {
            out.push_str(PIECES[self.below(PIECES.len())]);
        }
        out
    }

    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let mut out = self.text(max).into_bytes();
        // Now and then, bytes that are not UTF-8.
        if self.below(4) == 0 {
            let at = self.below(out.len() + 1);
            out.insert(at, 0xC0 | (self.next() as u8 & 0x3F));
        }
        out
    }
}

#[test]
fn durations_parse_or_fail_and_what_parses_round_trips() {
    let mut g = Gen(0x1234_5678_9ABC_DEF1);
    let mut accepted = 0;
    for _ in 0..ROUNDS {
        let text = g.text(8);
        if let Ok(duration) = iso8601::parse(&text) {
            accepted += 1;
            let written = iso8601::format(duration);
            assert_eq!(iso8601::parse(&written).ok(), Some(duration), "{text:?} -> {written:?}");
        }
    }
    // The generator does reach the accepting paths.
    assert!(accepted > 100, "only {accepted} accepted");
}

#[test]
fn server_timeouts_are_in_range_whatever_the_text() {
    let mut g = Gen(0x0BAD_CAFE_F00D_0001);
    let mut accepted = 0;
    for _ in 0..ROUNDS {
        let text = g.text(4);
        if let Ok(timeout) = ServerTimeout::from_str(&text) {
            accepted += 1;
            assert!(timeout.as_secs() >= 1, "{text:?}");
            assert_eq!(
                ServerTimeout::from_str(&timeout.as_secs().to_string()).ok(),
                Some(timeout)
            );
        }
        let number = g.next() as i64 >> g.below(64);
        match ServerTimeout::try_from(number) {
            Ok(timeout) => assert_eq!(i64::from(timeout.as_secs()), number),
            Err(_) => assert!(!(1..=i64::from(u32::MAX)).contains(&number), "{number} refused"),
        }
        let percent = g.next() as i64 >> g.below(64);
        assert_eq!(
            Percent::try_from(percent).is_ok(),
            (0..=100).contains(&percent),
            "{percent}"
        );
    }
    assert!(accepted > 100, "only {accepted} accepted");
}

#[test]
fn api_versions_are_kept_exactly_as_accepted() {
    let mut g = Gen(0x5EED_0000_0000_0002);
    let mut accepted = 0;
    for _ in 0..ROUNDS {
        let text = g.text(4);
        if let Ok(version) = ApiVersion::parse(&text) {
            accepted += 1;
            assert_eq!(version.as_str(), text);
            assert_eq!(
                text.parse::<ApiVersion>().ok().as_ref().map(ApiVersion::as_str),
                Some(text.as_str())
            );
        }
    }
    // The generator does reach the accepting path, so the checks above ran.
    assert!(accepted > 20, "only {accepted} accepted");
}

#[test]
fn any_error_body_keeps_the_status() {
    static GET: Endpoint = Endpoint::new("GetClusterManifest", Method::Get, "/$/GetClusterManifest", "6.0");
    let request = {
        let mut builder = RequestBuilder::new(&GET, &NoDefaults);
        builder.path("/$/GetClusterManifest");
        builder.build().unwrap()
    };
    let statuses = [200u16, 202, 204, 400, 401, 403, 404, 409, 429, 500, 502, 503, 504, 599];
    let mut g = Gen(0xE220_0000_0000_0003);
    for round in 0..ROUNDS {
        let mut body = g.bytes(12);
        if round % 3 == 0 {
            // A body shaped like a FabricError, with generated code and message.
            body = format!(r#"{{"Error":{{"Code":"{}","Message":"{}"}}}}"#, g.text(3), g.text(3)).into_bytes();
        }
        if let Some(error) = FabricError::from_body(&body) {
            assert_eq!(FabricError::from_body(error.to_body().as_bytes()), Some(error.clone()));
        }
        let status = StatusCode::from_u16(statuses[g.below(statuses.len())]).unwrap();
        let response = Response::new(status, HeaderMap::new(), Bytes::from(body));
        match decode::<Json<serde_json::Value>>(&request, response) {
            Ok(_) => assert_eq!(status, StatusCode::OK),
            Err(error) => {
                assert_eq!(error.status(), Some(status));
                let text = error.to_string();
                assert!(
                    text.starts_with(&format!("GET /$/GetClusterManifest: {}", status.as_u16())),
                    "{text}"
                );
                let _ = format!("{error:?}");
            }
        }
    }
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

#[test]
fn any_value_fills_exactly_its_own_segment_or_query_value() {
    let mut g = Gen(0x0A11_0000_0000_0004);
    for _ in 0..ROUNDS {
        let (node, app, filter, token, header) = (g.text(6), g.text(6), g.text(6), g.text(6), g.text(4));
        let mut builder = RequestBuilder::new(&NODE, &NoDefaults);
        builder.path("/Nodes/");
        builder.path_param("nodeName", node.as_str());
        builder.path("/$/GetApplications/");
        builder.path_param("appId", app.as_str());
        builder.query("Filter", filter.as_str());
        builder.query_keeping_escapes("ContinuationToken", token.as_str());
        builder.header("Content-Range", header.as_str());
        let request = match builder.build() {
            Ok(request) => request,
            Err(error) => {
                assert!(error.is_invalid_argument(), "{error}");
                let steps = |value: &str| matches!(value.to_ascii_lowercase().replace("%2e", ".").as_str(), "." | "..");
                assert!(
                    node.is_empty()
                        || app.is_empty()
                        || node == "."
                        || node == ".."
                        || steps(&app)
                        || !header_ok(&header),
                    "{error}"
                );
                continue;
            }
        };
        let url = reqwest::Url::parse(&format!("http://127.0.0.1:19080{}", request.path_and_query())).unwrap();
        let segments: Vec<&str> = url.path_segments().unwrap().collect();
        assert_eq!(segments.len(), 5, "{}", request.path_and_query());
        assert_eq!(segments[0], "Nodes");
        assert_eq!(segments[2], "$");
        assert_eq!(segments[3], "GetApplications");
        // The strict segment and query value decode back to exactly what was given.
        assert_eq!(percent_decode_str(segments[1]).decode_utf8().unwrap(), node);
        let pairs: Vec<(String, String)> = url.query_pairs().into_owned().collect();
        let names: Vec<&str> = pairs.iter().map(|(name, _)| name.as_str()).collect();
        assert_eq!(
            names,
            ["api-version", "Filter", "ContinuationToken"],
            "{}",
            request.path_and_query()
        );
        let filter_raw = request
            .query()
            .split('&')
            .nth(1)
            .unwrap()
            .strip_prefix("Filter=")
            .unwrap();
        assert_eq!(percent_decode_str(filter_raw).decode_utf8().unwrap(), filter);
        // The escape-keeping values differ from the input only where it held `%XX`.
        if !app.contains('%') {
            assert_eq!(percent_decode_str(segments[4]).decode_utf8().unwrap(), app);
        }
        if !token.contains('%') {
            let token_raw = request
                .query()
                .split('&')
                .nth(2)
                .unwrap()
                .strip_prefix("ContinuationToken=")
                .unwrap();
            assert_eq!(percent_decode_str(token_raw).decode_utf8().unwrap(), token);
        }
    }
}

#[test]
fn identity_files_of_any_shape_are_refused_cleanly() {
    let mut g = Gen(0x1DE7_0000_0000_0005);
    let blocks = [
        "CERTIFICATE",
        "PRIVATE KEY",
        "RSA PRIVATE KEY",
        "EC PRIVATE KEY",
        "ENCRYPTED PRIVATE KEY",
    ];
    for _ in 0..2_000 {
        let mut pem = String::new();
        for _ in 0..g.below(3) {
            let label = blocks[g.below(blocks.len())];
            pem.push_str(&format!(
                "-----BEGIN {label}-----\n{}\n-----END {label}-----\n",
                g.text(10)
            ));
        }
        let error = ClientIdentity::from_combined_pem(pem.as_bytes()).unwrap_err();
        assert!(error.is_invalid_argument(), "{error}");
        let _ = ClientIdentity::from_pem(pem.as_bytes(), g.bytes(20).as_slice()).unwrap_err();
        #[cfg(feature = "pkcs12")]
        let _ = ClientIdentity::from_pkcs12(&g.bytes(40), &g.text(2)).unwrap_err();
    }
}
