//! When a [`Client`](crate::Client) sends a request again, and how long it waits first.

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};

use crate::error::FabricError;
use crate::error_code::FabricErrorCode;

/// How a [`Client`](crate::Client) retries a request that failed in a way a later try may
/// not.
///
/// What is retried depends on the operation ([`Endpoint::idempotent`](crate::Endpoint::idempotent)):
///
/// | failure | idempotent (GET, ...) | not idempotent (POST) |
/// |---|---|---|
/// | connection refused, DNS failure, TLS handshake cut short | retried, next gateway | retried, next gateway |
/// | 503 with a transient code (`FABRIC_E_NOT_READY`, ...) | retried, next gateway | retried, next gateway |
/// | 502, 503 without a `FabricError` (from a proxy) | retried, next gateway | not retried: the request may have been processed |
/// | 504 `FABRIC_E_TIMEOUT` | retried | not retried |
/// | connection broken after the request was sent | retried, next gateway | not retried |
/// | certificate refused, any other status | not retried | not retried |
///
/// Waits grow exponentially from the initial backoff up to the cap, each a random time
/// between half the step and the step; a `Retry-After` header of the answer (seconds or an HTTP date)
/// replaces the wait, up to 60 s. A request moving to a gateway it has not tried yet goes at once.
/// Every attempt and wait stays inside the request's overall deadline
/// ([`ClientBuilder::overall_deadline`](crate::ClientBuilder::overall_deadline)): the
/// client stops early rather than wait past it, and reports the last error with the number
/// of attempts ([`Error::attempts`](crate::Error::attempts)).
///
/// ```
/// use fabric_rest_runtime::{Client, RetryPolicy};
/// use std::time::Duration;
///
/// let client = Client::builder("http://127.0.0.1:19080")
///     .retry_policy(RetryPolicy::default().max_attempts(4).backoff(Duration::from_millis(100), Duration::from_secs(2)))
///     .build()?;
/// let no_retries = Client::builder("http://127.0.0.1:19080").retry_policy(RetryPolicy::none()).build()?;
/// # Ok::<(), fabric_rest_runtime::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    initial_backoff: Duration,
    max_backoff: Duration,
}

impl Default for RetryPolicy {
    /// Up to 6 attempts, waits from 250 ms up to 8 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 6,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(8),
        }
    }
}

impl RetryPolicy {
    /// Every request is sent once; the first failure is the result.
    pub fn none() -> RetryPolicy {
        RetryPolicy {
            max_attempts: 1,
            ..RetryPolicy::default()
        }
    }

    /// At most `attempts` sends of one request, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> RetryPolicy {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The wait before the first retry, and the longest wait.
    pub fn backoff(mut self, initial: Duration, max: Duration) -> RetryPolicy {
        self.initial_backoff = initial;
        self.max_backoff = max.max(initial);
        self
    }

    /// The most sends of one request.
    pub fn attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The wait before retry number `retry` (1 for the first): capped exponential, with
    /// "equal jitter" so that clients that failed together do not retry together.
    pub(crate) fn backoff_before(&self, retry: u32) -> Duration {
        let exponent = retry.saturating_sub(1).min(20);
        let step = self.initial_backoff.saturating_mul(1 << exponent).min(self.max_backoff);
        let half = step / 2;
        half + half.mul_f64(random_fraction())
    }
}

/// A number in [0, 1) from the v4 UUID generator the runtime already has for request ids.
fn random_fraction() -> f64 {
    let bits = (uuid::Uuid::new_v4().as_u128() >> 75) as u64; // 53 random bits
    bits as f64 / (1u64 << 53) as f64
}

/// What happened to one attempt that did not succeed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Failure {
    /// The request certainly never left: refused, DNS, a handshake cut short.
    NotSent,
    /// The connection broke after the request may have been sent.
    MaybeSent,
    /// The server's certificate or ours was refused, or a like lasting failure.
    Permanent,
    /// The deadline passed.
    Timeout,
    /// An answer with this status (and code).
    Status(StatusCode, Option<TransientAnswer>),
}

/// What a 503 or 504 answer's FabricError says.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TransientAnswer {
    /// A transient 503 code: the request was not processed.
    NotProcessed,
    /// 504 `FABRIC_E_TIMEOUT`.
    TimedOut,
    /// Any other code: the gateway's own answer, which a retry will not change.
    OtherCode,
}

impl TransientAnswer {
    pub(crate) fn of(status: StatusCode, body: &[u8]) -> Option<TransientAnswer> {
        let code = FabricError::from_body(body)?.code;
        match status.as_u16() {
            503 if code.is_transient() => Some(TransientAnswer::NotProcessed),
            504 if code == FabricErrorCode::from("FABRIC_E_TIMEOUT") => Some(TransientAnswer::TimedOut),
            _ => Some(TransientAnswer::OtherCode),
        }
    }
}

/// Whether to send again, and whether to another gateway.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Verdict {
    pub(crate) retry: bool,
    pub(crate) failover: bool,
}

const STOP: Verdict = Verdict {
    retry: false,
    failover: false,
};

pub(crate) fn judge(idempotent: bool, failure: Failure) -> Verdict {
    let both = Verdict {
        retry: true,
        failover: true,
    };
    let idempotent_only = Verdict {
        retry: idempotent,
        failover: idempotent,
    };
    match failure {
        Failure::NotSent => both,
        Failure::MaybeSent => idempotent_only,
        Failure::Permanent | Failure::Timeout => STOP,
        Failure::Status(status, answer) => match (status.as_u16(), answer) {
            (503, Some(TransientAnswer::NotProcessed)) => both,
            (503, Some(TransientAnswer::OtherCode)) => STOP,
            (502 | 503, _) => idempotent_only,
            (504, Some(TransientAnswer::TimedOut)) => Verdict {
                retry: idempotent,
                failover: false,
            },
            _ => STOP,
        },
    }
}

/// The longest wait a `Retry-After` header can ask for: a server asking for more is waited
/// for this long (and never past the call's deadline).
pub(crate) const MAX_RETRY_AFTER: Duration = Duration::from_secs(60);

/// The wait a `Retry-After` header asks for: `<seconds>`, or an HTTP date measured against
/// this machine's clock (a date already past asks for no wait), at most [`MAX_RETRY_AFTER`].
/// A value that is neither is ignored, and the policy's backoff applies.
pub(crate) fn retry_after(headers: &HeaderMap) -> Option<Duration> {
    retry_after_at(headers, SystemTime::now()).map(|wait| wait.min(MAX_RETRY_AFTER))
}

fn retry_after_at(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers.get(http::header::RETRY_AFTER)?.to_str().ok()?.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn status(code: u16, answer: Option<TransientAnswer>) -> Failure {
        Failure::Status(StatusCode::from_u16(code).unwrap(), answer)
    }

    #[test]
    fn post_is_retried_only_when_it_was_not_processed() {
        assert!(judge(false, Failure::NotSent).retry);
        assert!(judge(false, status(503, Some(TransientAnswer::NotProcessed))).failover);
        assert!(!judge(false, Failure::MaybeSent).retry);
        assert!(!judge(false, status(502, None)).retry);
        assert!(!judge(false, status(503, None)).retry);
        assert!(!judge(false, status(504, Some(TransientAnswer::TimedOut))).retry);
    }

    #[test]
    fn idempotent_operations_retry_what_may_pass() {
        assert_eq!(
            judge(true, status(504, Some(TransientAnswer::TimedOut))),
            Verdict {
                retry: true,
                failover: false
            }
        );
        assert!(judge(true, status(502, None)).failover);
        assert!(judge(true, Failure::MaybeSent).retry);
        assert!(!judge(true, status(504, None)).retry);
        assert!(!judge(true, status(500, None)).retry);
        assert!(!judge(true, Failure::Permanent).retry);
        assert!(!judge(true, Failure::Timeout).retry);
    }

    #[test]
    fn transient_answers() {
        let body = |code: &str| format!(r#"{{"Error":{{"Code":"{code}","Message":"m"}}}}"#);
        let s = |n| StatusCode::from_u16(n).unwrap();
        assert_eq!(
            TransientAnswer::of(s(503), body("FABRIC_E_NOT_READY").as_bytes()),
            Some(TransientAnswer::NotProcessed)
        );
        assert_eq!(
            TransientAnswer::of(s(503), body("E_FAIL").as_bytes()),
            Some(TransientAnswer::OtherCode)
        );
        assert!(!judge(true, Failure::Status(s(503), Some(TransientAnswer::OtherCode))).retry);
        assert_eq!(
            TransientAnswer::of(s(504), body("FABRIC_E_TIMEOUT").as_bytes()),
            Some(TransientAnswer::TimedOut)
        );
        assert_eq!(TransientAnswer::of(s(503), b"<html>"), None);
    }

    #[test]
    fn backoff_is_capped_exponential_with_jitter() {
        let policy = RetryPolicy::default().backoff(Duration::from_millis(100), Duration::from_millis(400));
        for _ in 0..50 {
            let first = policy.backoff_before(1);
            assert!(
                first >= Duration::from_millis(50) && first <= Duration::from_millis(100),
                "{first:?}"
            );
            let third = policy.backoff_before(3);
            assert!(third >= Duration::from_millis(200) && third <= Duration::from_millis(400));
            let late = policy.backoff_before(40);
            assert!(late >= Duration::from_millis(200) && late <= Duration::from_millis(400));
        }
    }

    #[test]
    fn retry_after_date() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2015 07:28:00 GMT").unwrap();
        let mut headers = HeaderMap::new();
        headers.insert(
            http::header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:28:03 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after_at(&headers, now), Some(Duration::from_secs(3)));
        // A date in the past asks for no wait rather than being ignored.
        headers.insert(
            http::header::RETRY_AFTER,
            "Wed, 21 Oct 2015 07:27:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after_at(&headers, now), Some(Duration::ZERO));
        // The obsolete RFC 850 form is still an HTTP date.
        headers.insert(
            http::header::RETRY_AFTER,
            "Wednesday, 21-Oct-15 07:28:01 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after_at(&headers, now), Some(Duration::from_secs(1)));
    }

    #[test]
    fn retry_after_seconds() {
        let mut headers = HeaderMap::new();
        assert_eq!(retry_after(&headers), None);
        headers.insert(http::header::RETRY_AFTER, "2".parse().unwrap());
        assert_eq!(retry_after(&headers), Some(Duration::from_secs(2)));
        headers.insert(http::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
        headers.insert(http::header::RETRY_AFTER, "-1".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
        // A server cannot make the client wait more than a minute, nor overflow a clock.
        for huge in ["61", "999999999", "18446744073709551615"] {
            headers.insert(http::header::RETRY_AFTER, huge.parse().unwrap());
            assert_eq!(retry_after(&headers), Some(MAX_RETRY_AFTER), "{huge}");
        }
        headers.insert(
            http::header::RETRY_AFTER,
            "Fri, 31 Dec 9999 23:59:59 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&headers), Some(MAX_RETRY_AFTER));
        assert_eq!(RetryPolicy::none().attempts(), 1);
        assert_eq!(RetryPolicy::default().max_attempts(0).attempts(), 1);
    }
}
