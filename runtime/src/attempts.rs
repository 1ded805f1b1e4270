//! One call's way through its attempts: which gateway comes next, what was tried, how long
//! to wait, and when to stop. [`Client`](crate::Client) drives it, one attempt at a time.

use std::time::{Duration, Instant};

use http::HeaderValue;

use crate::client::{Client, Outcome, Step};
use crate::request::Request;
use crate::response::Response;
use crate::retry::{Failure, TransientAnswer, judge, retry_after};

/// How far ahead a deadline too far to represent is put: far beyond any call, near enough
/// for every clock.
const FAR_FUTURE: Duration = Duration::from_secs(30 * 365 * 24 * 3600);

/// `base + duration`, or a moment decades ahead when that sum cannot be represented, so a
/// deadline of `Duration::MAX` means "no deadline" instead of a panic.
pub(crate) fn later(base: Instant, duration: Duration) -> Instant {
    base.checked_add(duration)
        .or_else(|| base.checked_add(FAR_FUTURE))
        .unwrap_or(base)
}

/// The state of one call.
pub(crate) struct Call<'c> {
    client: &'c Client,
    request: &'c Request,
    /// The call's whole budget, and the moment it runs out.
    deadline: Duration,
    give_up_at: Instant,
    /// The gateways in the order this call tries them (empty for a single gateway).
    order: Vec<usize>,
    position: usize,
    /// Which gateways this call has tried, one bit each (beyond 64 gateways the bits wrap,
    /// which only shortens a wait).
    tried: u64,
    attempts: u32,
    /// The next attempt asks the token provider for a fresh token.
    refresh_token: bool,
    token_refreshed: bool,
    /// The request's span, and when the call began.
    span: tracing::Span,
    started: Instant,
}

impl<'c> Call<'c> {
    pub(crate) fn new(client: &'c Client, request: &'c Request) -> Call<'c> {
        let started = Instant::now();
        let deadline = client.deadline(request.server_timeout());
        let gateways = &client.inner().gateways;
        Call {
            client,
            request,
            deadline,
            give_up_at: later(started, deadline),
            // One gateway, the common case, needs no order: nothing is allocated for it.
            order: if gateways.len() > 1 {
                gateways.order(started)
            } else {
                Vec::new()
            },
            position: 0,
            tried: 0,
            attempts: 0,
            refresh_token: false,
            token_refreshed: false,
            span: tracing::Span::current(),
            started,
        }
    }

    /// Records how long the call took in its span.
    pub(crate) fn finished(&self) {
        self.span
            .record("duration_ms", self.started.elapsed().as_millis() as u64);
    }

    fn gateway(&self, position: usize) -> usize {
        self.order.get(position % self.order.len().max(1)).copied().unwrap_or(0)
    }

    /// Sends the request once more and says what comes next.
    pub(crate) async fn attempt(&mut self) -> Step {
        self.attempts += 1;
        let index = self.gateway(self.position);
        self.tried |= 1 << (index % 64);
        let base = self.client.inner().gateways.base(index);
        // The span already names the first attempt to a lone gateway.
        if self.attempts > 1 || !self.order.is_empty() {
            self.span.record("attempt", self.attempts);
            self.span.record("endpoint", base);
        }
        let token = match self.authorization().await {
            Ok(token) => token,
            Err(error) => return Step::Done(Err(error)),
        };
        let started = Instant::now();
        let remaining = self.give_up_at.saturating_duration_since(started);
        let sent = self
            .client
            .send_once(self.request, base, remaining, self.deadline, token, self.attempts)
            .await;
        match sent {
            Ok(response) => {
                let status = response.status().as_u16();
                self.span.record("status", status);
                let elapsed_ms = started.elapsed().as_millis() as u64;
                tracing::debug!(attempt = self.attempts, endpoint = base, status, elapsed_ms, "answered");
                self.answered(index, response)
            }
            Err((error, failure)) => {
                tracing::debug!(attempt = self.attempts, endpoint = base, error = %error.display_chain(), "failed");
                self.after_failure(index, Outcome::Failed(error), failure)
            }
        }
    }

    /// The `Authorization` header of this attempt, when the client has a token provider.
    async fn authorization(&mut self) -> Result<Option<HeaderValue>, crate::Error> {
        let Some(provider) = &self.client.inner().token else {
            return Ok(None);
        };
        let refresh = std::mem::take(&mut self.refresh_token);
        let sent = self.attempts - 1;
        self.client
            .authorization(self.request, provider, refresh, sent, self.give_up_at)
            .await
            .map(Some)
    }

    fn answered(&mut self, index: usize, response: Response) -> Step {
        let status = response.status();
        let inner = self.client.inner();
        if self.request.endpoint().is_success(status.as_u16()) {
            inner.gateways.succeeded(index);
            return Step::Done(Ok(response));
        }
        if matches!(status.as_u16(), 401 | 403) && inner.token.is_some() && !self.token_refreshed {
            tracing::debug!("the gateway refused the token; asking the provider for a fresh one");
            self.token_refreshed = true;
            self.refresh_token = true;
            return Step::RetryAfter(Duration::ZERO);
        }
        let answer = TransientAnswer::of(status, response.body());
        self.after_failure(index, Outcome::Answer(response), Failure::Status(status, answer))
    }

    /// Decides, after a failed attempt, whether and when to send again.
    fn after_failure(&mut self, index: usize, outcome: Outcome, failure: Failure) -> Step {
        let inner = self.client.inner();
        let verdict = judge(self.request.endpoint().idempotent(), failure);
        if verdict.failover {
            inner.gateways.failed(index, Instant::now());
        }
        if !verdict.retry || self.attempts >= inner.retry.attempts() {
            return self.finish(outcome);
        }
        if verdict.failover {
            self.position += 1;
        }
        let next = self.gateway(self.position);
        let wait = self.wait_before(next, &outcome);
        if later(Instant::now(), wait) >= self.give_up_at {
            tracing::debug!(wait_ms = wait.as_millis() as u64, "no time left for another attempt");
            return self.finish(outcome);
        }
        tracing::info!(
            attempt = self.attempts,
            next_endpoint = inner.gateways.base(next),
            wait_ms = wait.as_millis() as u64,
            "retrying"
        );
        Step::RetryAfter(wait)
    }

    /// The wait before trying gateway `next`: none for a gateway this call has not tried,
    /// else what the answer's `Retry-After` asks (capped), else the policy's backoff.
    fn wait_before(&self, next: usize, outcome: &Outcome) -> Duration {
        let untried = self.tried & (1 << (next % 64)) == 0;
        let asked = match outcome {
            _ if untried => Some(Duration::ZERO),
            Outcome::Answer(response) => retry_after(response.headers()),
            Outcome::Failed(_) => None,
        };
        asked.unwrap_or_else(|| self.client.inner().retry.backoff_before(self.attempts))
    }

    fn finish(&self, outcome: Outcome) -> Step {
        Step::Done(self.client.finish(self.request, outcome, self.attempts))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_saturates() {
        let now = Instant::now();
        assert_eq!(later(now, Duration::from_secs(1)), now + Duration::from_secs(1));
        let far = later(now, Duration::MAX);
        assert!(far > now + Duration::from_secs(365 * 24 * 3600));
    }
}
