//! Which operation answers a request, and how.
//!
//! A request's path and method are matched against every operation the emulator knows:
//! first the scripted ones (the latest scripted first), then those it serves itself, then
//! the spec's examples when they are on; within each, the template with more literal
//! segments first. The first operation that fits is the one the request is checked
//! against (see [`crate::check`]); a request that fits no operation is a mismatch too. A
//! scripted operation whose script has no answer left passes the request on to the next
//! operation that fits.

use std::cmp::Reverse;

use axum::http::StatusCode;
use axum::response::Response;
use fabric_rest_runtime::Endpoint;

use crate::builtin::{self, Builtin};
use crate::check::{self, Route};
use crate::examples::{self, Example};
use crate::fault;
use crate::listen::Connection;
use crate::mismatch::Problem;
use crate::query::{self, Query};
use crate::record::RecordedRequest;
use crate::reply;
use crate::route;
use crate::script::Answer;
use crate::server::Gateway;

/// What answers a request that fits a route.
#[derive(Clone, Copy, Debug)]
enum Handler {
    Script,
    Builtin(Builtin),
    Example(&'static Example),
}

struct Candidate {
    route: Route,
    handler: Handler,
}

/// The answer to `request`, whose body went past the cap when `too_large`.
pub(crate) async fn answer(
    gateway: &Gateway,
    request: &RecordedRequest,
    too_large: bool,
    connection: Option<&Connection>,
) -> Response {
    if let Some(page) = builtin::pages::answer(&request.method, &request.path) {
        return page;
    }
    let candidates = match candidates(gateway, request) {
        Ok(candidates) => candidates,
        Err((problem, operation)) => {
            gateway.mismatch(request, operation, problem);
            return reply::invalid_argument();
        }
    };
    let endpoint = candidates[0].route.endpoint;
    let query = Query::parse(request.query.as_deref());
    let findings = check::check(
        &candidates[0].route,
        &query,
        &request.body,
        too_large,
        &gateway.runtime_version,
    );
    for ignored in findings.ignored {
        gateway.mismatch(request, Some(endpoint), ignored);
    }
    if let Some(refusal) = findings.refusal {
        let response = match refusal {
            Problem::BodyTooLarge => reply::message_too_large(),
            _ => reply::invalid_argument(),
        };
        gateway.mismatch(request, Some(endpoint), refusal);
        return response;
    }
    if query::server_timeout(query.get("timeout")) == 0 {
        return reply::timed_out();
    }
    for candidate in &candidates {
        if let Some(response) = respond(gateway, candidate, request, &query, connection).await {
            return response;
        }
    }
    gateway.mismatch(request, Some(endpoint), Problem::NoAnswerLeft);
    let message = format!("The emulator has no scripted answer left for {}.", endpoint.operation());
    reply::error(StatusCode::BAD_REQUEST, "E_INVALIDARG", &message)
}

/// The answer of one candidate, or `None` when it has none for this request.
async fn respond(
    gateway: &Gateway,
    candidate: &Candidate,
    request: &RecordedRequest,
    query: &Query,
    connection: Option<&Connection>,
) -> Option<Response> {
    match candidate.handler {
        Handler::Builtin(builtin) => Some(builtin::answer(gateway, builtin, request, query)),
        Handler::Example(example) => {
            let status = StatusCode::from_u16(example.status).unwrap_or(StatusCode::OK);
            Some(reply::with_body(status, example.body.clone()))
        }
        Handler::Script => {
            let endpoint = candidate.route.endpoint;
            let answer = next_answer(gateway, endpoint)?;
            if !answer.delay.is_zero() {
                tokio::time::sleep(answer.delay).await;
            }
            match answer.fault.clone() {
                Some(fault) => fault::apply(fault, connection).await,
                None => Some(reply::scripted(answer, endpoint)),
            }
        }
    }
}

/// The next answer of `endpoint`'s script, its delay folded in.
fn next_answer(gateway: &Gateway, endpoint: &'static Endpoint) -> Option<Answer> {
    let mut scripts = gateway.scripts();
    let scripted = scripts
        .iter_mut()
        .rev()
        .find(|s| std::ptr::eq(s.route.endpoint, endpoint))?;
    let delay = scripted.script.delay;
    let mut answer = scripted.script.next()?;
    answer.delay = answer.delay.saturating_add(delay);
    Some(answer)
}

/// The operations that fit the request's path and method, best first; or why there is
/// none, with the operation that has the path when one has.
fn candidates(
    gateway: &Gateway,
    request: &RecordedRequest,
) -> Result<Vec<Candidate>, (Problem, Option<&'static Endpoint>)> {
    let segments = route::segments(&request.path).ok_or((Problem::UnknownPath, None))?;
    let mut fitting: Vec<(usize, Candidate)> = Vec::new();
    let mut other_method = None;
    let mut consider = |tier: usize, route: &Route, handler: Handler| {
        if route.matches(&segments).is_none() {
            return;
        }
        if route.method() == request.method {
            let candidate = Candidate {
                route: route.clone(),
                handler,
            };
            fitting.push((tier, candidate));
        } else {
            other_method.get_or_insert(route.endpoint);
        }
    };
    for scripted in gateway.scripts().iter().rev() {
        consider(0, &scripted.route, Handler::Script);
    }
    for (route, builtin) in &gateway.builtins {
        consider(1, route, Handler::Builtin(*builtin));
    }
    if gateway.examples {
        for (route, example) in examples::routes() {
            consider(2, route, Handler::Example(example));
        }
    }
    // Stable: within a tier and a specificity, the order above stands.
    fitting.sort_by_key(|(tier, c)| (*tier, Reverse(c.route.specificity())));
    if fitting.is_empty() {
        return Err(match other_method {
            Some(endpoint) => (Problem::WrongMethod, Some(endpoint)),
            None => (Problem::UnknownPath, None),
        });
    }
    Ok(fitting.into_iter().map(|(_, c)| c).collect())
}
