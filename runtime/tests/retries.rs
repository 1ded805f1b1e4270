//! Retries, failover, deadlines and tokens against the emulator's fault injection.

mod support;

use std::sync::Arc;
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fabric_rest_emulator::{Emulator, Fault};
use fabric_rest_runtime::{BearerToken, Client, ClientBuilder, ErrorKind, RetryPolicy, TokenError, TokenProvider};
use support::{Authority, bounded, closed_port, set_state, status};

/// Retries with waits of a few milliseconds, so the tests run fast.
fn quick(base: &str) -> ClientBuilder {
    Client::builder(base)
        .retry_policy(RetryPolicy::default().backoff(Duration::from_millis(2), Duration::from_millis(10)))
}

fn text(error: &fabric_rest_runtime::Error) -> String {
    let text = error.display_chain().to_string();
    let id = error.request_id().unwrap_or_default();
    match text.find(&format!(" [request id {id}:")) {
        Some(at) => text[..at].to_owned(),
        None => text,
    }
}

#[tokio::test]
async fn an_idempotent_get_is_retried_through_every_transient_fault() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        emulator.inject(Fault::unavailable(), 1);
        emulator.inject(Fault::BadGatewayHtml, 1);
        emulator.inject(Fault::GatewayTimeout, 1);
        emulator.inject(Fault::ResetConnection, 1);
        emulator.inject(Fault::TruncatedBody, 1);
        let client = quick(&emulator.base_url())
            .retry_policy(
                RetryPolicy::default()
                    .max_attempts(6)
                    .backoff(Duration::from_millis(2), Duration::from_millis(10)),
            )
            .build()
            .unwrap();
        let value = status(&client).await.unwrap();
        assert_eq!(value["ConfigVersion"], "1.0.0");
        let sent = emulator.requests();
        assert_eq!(sent.len(), 6);
        // One request, sent six times: one call id, each attempt numbered.
        let ids: Vec<&str> = sent
            .iter()
            .map(|r| r.header("x-servicefabricrequestid").unwrap())
            .collect();
        let (call, first) = ids[0].split_once(':').unwrap();
        assert_eq!(call.len(), 36);
        assert_eq!(first, "1");
        let expected: Vec<String> = (1..=6).map(|n| format!("{call}:{n}")).collect();
        assert_eq!(ids, expected);
    })
    .await;
}

#[tokio::test]
async fn a_post_is_retried_when_the_gateway_did_not_process_it() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        emulator.inject(Fault::unavailable(), 2);
        let client = quick(&emulator.base_url()).build().unwrap();
        set_state(&client).await.unwrap();
        assert_eq!(emulator.take_requests().len(), 3);
    })
    .await;
}

#[tokio::test]
async fn a_post_that_may_have_been_processed_is_not_sent_again() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let client = quick(&emulator.base_url()).build().unwrap();

        emulator.inject(Fault::ResetConnection, 1);
        let error = set_state(&client).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Transport, "{error:?}");
        assert_eq!(error.attempts(), 1);
        assert_eq!(emulator.take_requests().len(), 1);

        for (fault, status) in [(Fault::BadGatewayHtml, 502), (Fault::GatewayTimeout, 504)] {
            emulator.inject(fault, 1);
            let error = set_state(&client).await.unwrap_err();
            assert_eq!(error.status().map(|s| s.as_u16()), Some(status));
            assert_eq!(error.attempts(), 1);
            assert_eq!(emulator.take_requests().len(), 1);
        }
    })
    .await;
}

#[tokio::test]
async fn the_last_error_says_how_many_attempts_were_made() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        emulator.inject(Fault::unavailable(), 10);
        let client = quick(&emulator.base_url())
            .retry_policy(RetryPolicy::default().max_attempts(3).backoff(Duration::from_millis(1), Duration::from_millis(2)))
            .build()
            .unwrap();
        let error = status(&client).await.unwrap_err();
        assert_eq!(error.attempts(), 3);
        assert_eq!(error.code().unwrap().as_str(), "FABRIC_E_SERVICE_TOO_BUSY");
        assert_eq!(
            text(&error),
            "GET /$/GetClusterConfigurationUpgradeStatus: 503 FABRIC_E_SERVICE_TOO_BUSY: The service is temporarily unavailable; retry later. (after 3 attempts)"
        );
        assert_eq!(emulator.requests().len(), 3);

        let once = quick(&emulator.base_url()).retry_policy(RetryPolicy::none()).build().unwrap();
        let error = status(&once).await.unwrap_err();
        assert_eq!(error.attempts(), 1);
        assert_eq!(emulator.requests().len(), 4);
    })
    .await;
}

#[tokio::test]
async fn requests_fail_over_to_the_gateway_that_is_up() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        let down = closed_port().await;
        let client = quick(&down).endpoint(&emulator.base_url()).build().unwrap();
        assert_eq!(client.endpoints(), [down.as_str(), emulator.base_url().as_str()]);
        // A POST too: a refused connection never reached any server.
        set_state(&client).await.unwrap();
        status(&client).await.unwrap();
        assert_eq!(emulator.requests().len(), 2);

        let lone = quick(&down).build().unwrap();
        let error = status(&lone).await.unwrap_err();
        assert!(error.is_connect());
        assert!(error.attempts() > 1);
    })
    .await;
}

#[tokio::test]
async fn a_transient_503_moves_to_the_next_gateway_at_once() {
    bounded(async {
        let first = Emulator::start().await.unwrap();
        let second = Emulator::start().await.unwrap();
        first.inject(Fault::unavailable(), 1);
        // A long backoff that the failover must not wait for.
        let client = Client::builder(&first.base_url())
            .endpoint(&second.base_url())
            .retry_policy(RetryPolicy::default().backoff(Duration::from_secs(5), Duration::from_secs(5)))
            .build()
            .unwrap();
        let started = Instant::now();
        set_state(&client).await.unwrap();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_eq!(first.requests().len(), 1);
        assert_eq!(second.requests().len(), 1);
        // The gateway that answered is tried first from now on.
        status(&client).await.unwrap();
        assert_eq!(first.requests().len(), 1);
        assert_eq!(second.requests().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn retry_after_is_honoured_within_the_overall_deadline() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        emulator.inject(
            Fault::Unavailable {
                code: "FABRIC_E_NOT_READY".into(),
                retry_after: Some(1),
            },
            100,
        );
        let client = quick(&emulator.base_url())
            .overall_deadline(Duration::from_millis(1500))
            .build()
            .unwrap();
        let started = Instant::now();
        let error = status(&client).await.unwrap_err();
        let elapsed = started.elapsed();
        // Sent at once and after the second the gateway asked for; a third would end
        // after the deadline, so the client stops with the last answer.
        assert_eq!(error.attempts(), 2);
        assert!(
            elapsed >= Duration::from_secs(1) && elapsed < Duration::from_millis(1500),
            "{elapsed:?}"
        );
        assert_eq!(emulator.requests().len(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_slow_answer_ends_at_the_overall_deadline() {
    bounded(async {
        let emulator = Emulator::start().await.unwrap();
        emulator.inject(Fault::Delay(Duration::from_secs(30)), 1);
        let client = quick(&emulator.base_url())
            .overall_deadline(Duration::from_millis(500))
            .build()
            .unwrap();
        let started = Instant::now();
        let error = status(&client).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(error.is_timeout());
        assert_eq!(
            text(&error),
            "GET /$/GetClusterConfigurationUpgradeStatus: timed out: no complete response within the client's overall deadline of 0.500 s"
        );

        emulator.inject(Fault::EndlessBody, 1);
        let started = Instant::now();
        let error = status(&client).await.unwrap_err();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert!(error.is_timeout(), "{error:?}");
    })
    .await;
}

/// Gives a stale token until asked to refresh; counts the refreshes.
struct Rotating {
    refreshes: Arc<AtomicU32>,
    fresh: &'static str,
}

impl TokenProvider for Rotating {
    async fn token(&self, force_refresh: bool) -> Result<BearerToken, TokenError> {
        if force_refresh {
            self.refreshes.fetch_add(1, Ordering::SeqCst);
            Ok(BearerToken::new(self.fresh))
        } else {
            Ok(BearerToken::new("stale-token"))
        }
    }
}

/// An https emulator that requires `token`, and a builder of quick clients that trust it:
/// a token never goes out over plain http.
async fn token_gateway(token: &str) -> (Emulator, impl Fn() -> ClientBuilder) {
    let ca = Authority::new("fabric-rest token test CA");
    let leaf = ca.issue("gateway", &["127.0.0.1"]);
    let emulator = Emulator::builder()
        .tls(leaf.cert_pem, leaf.key_pem)
        .require_bearer_token(token)
        .start()
        .await
        .unwrap();
    let base = emulator.base_url();
    let pem = ca.pem();
    (emulator, move || quick(&base).ca_certificates_pem(&pem))
}

#[tokio::test]
async fn a_refused_token_is_refreshed_once() {
    bounded(async {
        let (emulator, quick_tls) = token_gateway("fresh-token").await;
        let refreshes = Arc::new(AtomicU32::new(0));
        let client = quick_tls()
            .token_provider(Rotating {
                refreshes: Arc::clone(&refreshes),
                fresh: "fresh-token",
            })
            .build()
            .unwrap();
        set_state(&client).await.unwrap();
        assert_eq!(refreshes.load(Ordering::SeqCst), 1);
        let sent = emulator.take_requests();
        let tokens: Vec<_> = sent.iter().map(|r| r.header("authorization")).collect();
        assert_eq!(tokens, [Some("Bearer stale-token"), Some("Bearer fresh-token")]);

        let hopeless = quick_tls()
            .token_provider(Rotating {
                refreshes: Arc::clone(&refreshes),
                fresh: "still-wrong",
            })
            .build()
            .unwrap();
        let error = set_state(&hopeless).await.unwrap_err();
        assert_eq!(refreshes.load(Ordering::SeqCst), 2);
        assert_eq!(
            text(&error),
            "POST /$/SetUpgradeOrchestrationServiceState: 401 Unauthorized: the gateway refused the bearer token, also after a refresh; check that it was issued for the cluster's application and that the user has a role in the cluster: empty body (after 2 attempts)"
        );
        assert_eq!(emulator.take_requests().len(), 2);
    })
    .await;
}

/// A provider whose first token is `first` and whose refreshes fail.
struct Failing {
    first: Option<&'static str>,
}

impl TokenProvider for Failing {
    async fn token(&self, force_refresh: bool) -> Result<BearerToken, TokenError> {
        match self.first {
            Some(token) if !force_refresh => Ok(BearerToken::new(token)),
            _ => Err("the identity endpoint is unreachable".into()),
        }
    }
}

#[tokio::test]
async fn a_token_provider_failure_is_a_credentials_error() {
    bounded(async {
        let (emulator, quick_tls) = token_gateway("fresh-token").await;

        let client = quick_tls().token_provider(Failing { first: None }).build().unwrap();
        let error = set_state(&client).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Credentials);
        assert!(error.is_credentials());
        assert_eq!(error.attempts(), 0);
        assert_eq!(
            error.to_string(),
            "POST /$/SetUpgradeOrchestrationServiceState: no credentials: the token provider gave no token; nothing was sent"
        );
        assert_eq!(
            error.display_chain().to_string(),
            "POST /$/SetUpgradeOrchestrationServiceState: no credentials: the token provider gave no token: the identity endpoint is unreachable; nothing was sent"
        );
        assert!(emulator.take_requests().is_empty());

        let client = quick_tls()
            .token_provider(Failing { first: Some("stale-token") })
            .build()
            .unwrap();
        let error = status(&client).await.unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Credentials);
        assert_eq!(error.attempts(), 1);
        assert_eq!(
            text(&error),
            "GET /$/GetClusterConfigurationUpgradeStatus: no credentials: the gateway refused the bearer token and the token provider gave no fresh one: the identity endpoint is unreachable"
        );
        let sent = emulator.take_requests();
        let tokens: Vec<_> = sent.iter().map(|r| r.header("authorization")).collect();
        assert_eq!(tokens, [Some("Bearer stale-token")]);

        let client = quick_tls()
            .token_provider(Failing { first: Some("line\nbreak") })
            .build()
            .unwrap();
        let error = status(&client).await.unwrap_err();
        assert_eq!(
            error.to_string(),
            "GET /$/GetClusterConfigurationUpgradeStatus: no credentials: the token provider gave a bearer token holding characters a header cannot carry; nothing was sent"
        );
        assert!(!format!("{error:?}").contains("line"));
        assert!(emulator.take_requests().is_empty());
    })
    .await;
}
