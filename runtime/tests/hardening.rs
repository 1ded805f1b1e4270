//! What a hostile or broken gateway (or a careless caller) can do to the client, and what
//! the client does instead: redirects refused, secrets kept off plain http, server text
//! escaped, waits and deadlines that cannot overflow, token providers inside the deadline,
//! paged lists that end, and error bodies kept however they end.

mod support;

use std::time::{Duration, Instant};

use fabric_rest_runtime::paging::{self, Paged};
use fabric_rest_runtime::{
    Accepted, BearerToken, Client, ClientIdentity, Endpoint, ErrorKind, Json, Location, Method, Param, RequestBuilder,
    RetryPolicy, ServerTimeout, TokenError, TokenProvider, call,
};
use futures_util::StreamExt;
use tokio::net::TcpListener;

use support::raw::{Reply, serve};
use support::{Authority, bounded};

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

async fn start(client: &Client) -> fabric_rest_runtime::Result<Accepted> {
    let mut request = RequestBuilder::new(&START, client);
    request.query("timeout", &Some(ServerTimeout::seconds::<60>()));
    request.json_body(&serde_json::json!({"ClusterConfig": "{}"}));
    call::<_, Accepted>(client, request.build()).await
}

/// A 307 to another host would re-send the body and the request id there, and its answer
/// would count as the gateway's. The client follows nothing and says where it was sent.
#[tokio::test]
async fn a_redirect_is_an_error_and_is_not_followed() {
    bounded(async {
        let elsewhere = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let location = format!(
            "http://{}/$/StartClusterConfigurationUpgrade?api-version=3.0",
            elsewhere.local_addr().unwrap()
        );
        let reply = format!("HTTP/1.1 307 Temporary Redirect\r\nlocation: {location}\r\ncontent-length: 0\r\n\r\n");
        let (base, server) = serve(Reply::Bytes(reply.into_bytes())).await;
        // The default retry policy: a redirect is not retried either.
        let client = Client::new(&base).unwrap();
        let error = start(&client).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Status);
        assert_eq!(error.status().map(|s| s.as_u16()), Some(307));
        assert_eq!(error.redirect_location(), Some(location.as_str()));
        assert_eq!(error.attempts(), 1);
        let id = error.request_id().unwrap();
        assert_eq!(
            error.to_string(),
            format!(
                "POST /$/StartClusterConfigurationUpgrade: 307 Temporary Redirect: redirected to {location}; a Service Fabric gateway never redirects an API call, so the client did not follow it: empty body [request id {id}:1]"
            )
        );
        server.await.unwrap();
        let followed = tokio::time::timeout(Duration::from_millis(200), elsewhere.accept()).await;
        assert!(followed.is_err(), "the redirect was followed");
    })
    .await;
}

/// TLS settings mean nothing over plain http, and a token would travel in clear text.
#[test]
fn plain_http_refuses_every_secret_setting() {
    let ca = Authority::new("fabric-rest test CA");
    let leaf = ca.issue("admin", &["admin"]);
    let identity = || ClientIdentity::from_combined_pem(leaf.combined_pem().as_bytes()).unwrap();
    let thumbprint = "ab".repeat(20);
    let base = "http://127.0.0.1:19080";
    let cases: Vec<(&str, fabric_rest_runtime::ClientBuilder)> = vec![
        (
            "a bearer token would be sent in clear text",
            Client::builder(base).bearer_token("secret"),
        ),
        (
            "a client certificate is set",
            Client::builder(base).client_identity(identity()),
        ),
        (
            "CA certificates are set",
            Client::builder(base).ca_certificates_pem(ca.pem()),
        ),
        (
            "a server thumbprint is set",
            Client::builder(base).server_thumbprint(&thumbprint),
        ),
        (
            "a server common name is set",
            Client::builder(base).server_common_name("cluster.contoso.com"),
        ),
        (
            "danger_accept_invalid_server_certificates is set",
            Client::builder(base).danger_accept_invalid_server_certificates(),
        ),
        (
            "a bearer token would be sent in clear text",
            Client::builder("https://127.0.0.1:19080")
                .endpoint(base)
                .bearer_token("secret"),
        ),
    ];
    for (setting, builder) in cases {
        let error = builder.build().unwrap_err();
        assert!(error.is_invalid_argument());
        assert_eq!(
            error.to_string(),
            format!(
                "invalid argument: the gateway URL {base} is not encrypted but {setting}; use https:// for a secure cluster; nothing was sent"
            )
        );
        assert!(!format!("{error:?}").contains("secret"));
    }
    // Nothing secret: an unsecured cluster or the emulator.
    Client::builder(base).build().unwrap();
    Client::builder("https://127.0.0.1:19080")
        .bearer_token("secret")
        .build()
        .unwrap();
}

#[test]
fn an_empty_server_common_name_is_refused() {
    for name in ["", "   ", "\t"] {
        let error = Client::builder("https://127.0.0.1:19080")
            .server_common_name(name)
            .build()
            .unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid argument: the server common name is empty; give the common name of the cluster certificate; nothing was sent"
        );
    }
}

/// A message or reason phrase from the server cannot forge log lines or drive a terminal.
#[tokio::test]
async fn server_text_is_escaped_in_messages() {
    bounded(async {
        let body = r#"{"Error":{"Code":"E_FAIL","Message":"boom\nINFO all good\u001b[2J\u202e"}}"#;
        let reply = format!(
            "HTTP/1.1 500 Bad \u{202e}news\r\ncontent-length: {}\r\n\r\n{body}",
            body.len()
        );
        let (base, _server) = serve(Reply::Bytes(reply.into_bytes())).await;
        let client = Client::builder(&base).retry_policy(RetryPolicy::none()).build().unwrap();
        let error = start(&client).await.unwrap_err();
        let fabric = error.fabric_error().unwrap();
        // The error keeps the text exactly; only what is displayed is escaped.
        assert_eq!(fabric.message.as_deref(), Some("boom\nINFO all good\u{1b}[2J\u{202e}"));
        let id = error.request_id().unwrap();
        assert_eq!(
            error.to_string(),
            format!(
                "POST /$/StartClusterConfigurationUpgrade: 500 E_FAIL: boom\\nINFO all good\\u{{1b}}[2J\\u{{202e}} [request id {id}:1]"
            )
        );
        assert_eq!(
            fabric.to_string(),
            "E_FAIL: boom\\nINFO all good\\u{1b}[2J\\u{202e}"
        );
        // A reason phrase HTTP cannot carry as text is replaced by the standard one.
        assert_eq!(error.reason(), Some("Internal Server Error"));

        let reply = "HTTP/1.1 500 Bad \u{202e}news\r\ncontent-length: 2\r\n\r\nno";
        let (base, _server) = serve(Reply::Bytes(reply.as_bytes().to_vec())).await;
        let client = Client::builder(&base).retry_policy(RetryPolicy::none()).build().unwrap();
        let error = start(&client).await.unwrap_err();
        assert!(
            error.to_string().starts_with("POST /$/StartClusterConfigurationUpgrade: 500 Internal Server Error: body \"no\""),
            "{error}"
        );
    })
    .await;
}

/// An error body cut short by a closed connection is kept: here the whole FabricError had
/// arrived before the connection went away.
#[tokio::test]
async fn a_cut_short_error_body_is_kept_and_decoded() {
    bounded(async {
        let body = r#"{"Error":{"Code":"FABRIC_E_NOT_READY","Message":"not yet"}}"#;
        let reply = format!("HTTP/1.1 503 FABRIC_E_NOT_READY\r\ncontent-length: 4096\r\n\r\n{body}");
        let (base, _server) = serve(Reply::Bytes(reply.into_bytes())).await;
        let client = Client::builder(&base)
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        let error = start(&client).await.unwrap_err();
        assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
        assert!(error.body_truncated());
        assert_eq!(error.body(), Some(body.as_bytes()));
        assert_eq!(error.code().map(|c| c.as_str()), Some("FABRIC_E_NOT_READY"));
        assert!(
            error
                .to_string()
                .contains(": 503 FABRIC_E_NOT_READY: not yet [request id"),
            "{error}"
        );
    })
    .await;
}

/// `Retry-After` values no clock can add do not panic, and a huge one does not make the
/// client wait past its deadline.
#[tokio::test]
async fn a_huge_retry_after_neither_panics_nor_outlasts_the_deadline() {
    bounded(async {
        for value in ["18446744073709551615", "999999999"] {
            let body = r#"{"Error":{"Code":"FABRIC_E_SERVICE_TOO_BUSY","Message":"busy"}}"#;
            let reply = format!(
                "HTTP/1.1 503 FABRIC_E_SERVICE_TOO_BUSY\r\nretry-after: {value}\r\ncontent-length: {}\r\n\r\n{body}",
                body.len()
            );
            let (base, _server) = serve(Reply::Bytes(reply.into_bytes())).await;
            let client = Client::builder(&base)
                .overall_deadline(Duration::from_millis(500))
                .build()
                .unwrap();
            let started = Instant::now();
            let error = start(&client).await.unwrap_err();
            assert!(started.elapsed() < Duration::from_secs(2), "{:?}", started.elapsed());
            assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
            assert_eq!(error.attempts(), 1);
        }
    })
    .await;
}

static STATUS: Endpoint = Endpoint::new(
    "GetClusterConfigurationUpgradeStatus",
    Method::Get,
    "/$/GetClusterConfigurationUpgradeStatus",
    "6.0",
);

async fn status(client: &Client) -> fabric_rest_runtime::Result<serde_json::Value> {
    let request = RequestBuilder::new(&STATUS, client);
    call::<_, Json<serde_json::Value>>(client, request.build()).await
}

/// Deadlines and margins of `Duration::MAX` mean "no deadline", not a panic.
#[tokio::test]
async fn the_longest_durations_do_not_overflow() {
    bounded(async {
        let emulator = fabric_rest_emulator::Emulator::start().await.unwrap();
        let margin = Client::builder(&emulator.base_url())
            .deadline_margin(Duration::MAX)
            .build()
            .unwrap();
        assert_eq!(status(&margin).await.unwrap()["ConfigVersion"], "1.0.0");
        assert_eq!(margin.deadline(ServerTimeout::seconds::<60>()), Duration::MAX);
        let overall = Client::builder(&emulator.base_url())
            .overall_deadline(Duration::MAX)
            .retry_policy(RetryPolicy::default().backoff(Duration::MAX, Duration::MAX))
            .build()
            .unwrap();
        assert_eq!(status(&overall).await.unwrap()["ConfigVersion"], "1.0.0");
    })
    .await;
}

/// A token provider that takes `delay` to answer (or never answers).
struct Slow(Option<Duration>);

impl TokenProvider for Slow {
    async fn token(&self, _force_refresh: bool) -> Result<BearerToken, TokenError> {
        match self.0 {
            Some(delay) => tokio::time::sleep(delay).await,
            None => std::future::pending::<()>().await,
        }
        Ok(BearerToken::new("late"))
    }
}

/// The provider's time counts against the call's deadline.
#[tokio::test]
async fn a_slow_token_provider_counts_against_the_deadline() {
    bounded(async {
        for provider in [Slow(Some(Duration::from_secs(3))), Slow(None)] {
            // Nothing is ever sent, so the gateway need not exist.
            let client = Client::builder("https://127.0.0.1:9")
                .overall_deadline(Duration::from_millis(500))
                .token_provider(provider)
                .build()
                .unwrap();
            let started = Instant::now();
            let error = start(&client).await.unwrap_err();
            assert!(started.elapsed() < Duration::from_millis(1500), "{:?}", started.elapsed());
            assert_eq!(error.kind(), ErrorKind::Credentials);
            assert_eq!(
                error.to_string(),
                "POST /$/StartClusterConfigurationUpgrade: no credentials: the token provider gave no token within the request's deadline of 0.500 s; nothing was sent"
            );
        }
    })
    .await;
}

/// A page fetcher over a fixed list of tokens: page `n` hands back `tokens[n]`.
fn cycle(
    tokens: &'static [&'static str],
) -> impl FnMut(Option<String>) -> std::future::Ready<fabric_rest_runtime::Result<Paged<u32>>> {
    let mut calls = 0;
    move |_token| {
        let token = tokens.get(calls).map(|t| t.to_string());
        calls += 1;
        std::future::ready(Ok(Paged::new(vec![calls as u32], token)))
    }
}

#[tokio::test]
async fn a_token_cycle_ends_the_list_with_an_error() {
    let pages: Vec<_> = paging::pages(cycle(&["A", "B", "A", "B"])).collect().await;
    assert_eq!(pages.len(), 4);
    let items: Vec<u32> = pages[..3].iter().map(|p| p.as_ref().unwrap().items[0]).collect();
    assert_eq!(items, [1, 2, 3]);
    let error = pages[3].as_ref().unwrap_err();
    assert_eq!(error.kind(), ErrorKind::Paging);
    assert_eq!(
        error.to_string(),
        "paged list: the gateway handed back the continuation token \"A\" a second time (after 3 pages); the list would never end"
    );
    let all = paging::collect_all(cycle(&["A", "B", "A"])).await;
    assert_eq!(all.unwrap_err().kind(), ErrorKind::Paging);
    // A list that ends is read whole.
    let all = paging::collect_all(cycle(&["A", "B", ""])).await.unwrap();
    assert_eq!(all, [1, 2, 3]);
}

#[tokio::test]
async fn endless_lists_are_bounded() {
    let mut calls = 0u32;
    let fresh = move |_token: Option<String>| {
        calls += 1;
        std::future::ready(Ok(Paged::new(vec![calls; 3], Some(format!("t{calls}")))))
    };
    let pages: Vec<_> = paging::pages(fresh).collect().await;
    assert_eq!(pages.len(), paging::MAX_PAGES + 1);
    assert_eq!(pages.last().unwrap().as_ref().unwrap_err().kind(), ErrorKind::Paging);
    let error = paging::collect_at_most(fresh, 5).await.unwrap_err();
    assert_eq!(
        error.to_string(),
        "paged list: the list holds more than 5 items; read it as a stream (paging::items) instead"
    );
}
