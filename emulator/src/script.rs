//! Scripted answers: what an operation answers in a test, without writing HTTP.

use std::collections::VecDeque;
use std::time::Duration;

use axum::http::{HeaderName, HeaderValue, StatusCode};
use fabric_rest_runtime::{Endpoint, FabricErrorCode};
use serde::Serialize;

use crate::fault::Fault;

/// One answer to one request of a scripted operation: a status, headers and a body, or a
/// [`Fault`].
///
/// Bodies are sent with `Content-Type: application/json; charset=utf-8`, as the gateway
/// sends every answer, unless [`raw`](Self::raw) says otherwise.
///
/// ```
/// use fabric_rest_emulator::{Answer, Fault};
/// use serde_json::json;
///
/// let page = Answer::json(json!({"ContinuationToken": "", "Items": []}));
/// let busy = Answer::error("FABRIC_E_SERVICE_TOO_BUSY", "The service is busy.");
/// let created = Answer::empty().with_status(201);
/// let reset = Answer::fault(Fault::ResetConnection);
/// let slow = Answer::json(json!({"Version": "9.1.0.0"})).after(std::time::Duration::from_millis(50));
/// # let _ = (page, busy, created, reset, slow);
/// ```
#[derive(Clone, Debug)]
pub struct Answer {
    /// `None`: the operation's first success status.
    pub(crate) status: Option<StatusCode>,
    pub(crate) reason: Option<String>,
    pub(crate) content_type: Option<HeaderValue>,
    pub(crate) headers: Vec<(HeaderName, HeaderValue)>,
    pub(crate) body: Vec<u8>,
    pub(crate) delay: Duration,
    pub(crate) fault: Option<Fault>,
}

/// The gateway's content type.
pub(crate) const JSON: &str = "application/json; charset=utf-8";

impl Answer {
    fn new(body: Vec<u8>) -> Answer {
        Answer {
            status: None,
            reason: None,
            content_type: Some(HeaderValue::from_static(JSON)),
            headers: Vec::new(),
            body,
            delay: Duration::ZERO,
            fault: None,
        }
    }

    /// The operation's success status (its first declared one: 200 for most, 202 for an
    /// accepted start, ...) with `value` written as JSON.
    ///
    /// # Panics
    ///
    /// When `value` cannot be written as JSON (a map with keys that are not strings, a
    /// `Serialize` implementation that fails): a mistake in the test, not in the client.
    #[track_caller]
    pub fn json(value: impl Serialize) -> Answer {
        match serde_json::to_vec(&value) {
            Ok(body) => Answer::new(body),
            Err(e) => panic!("the answer cannot be written as JSON: {e}"),
        }
    }

    /// The operation's success status with an empty body, as the gateway answers a 202 or
    /// most POSTs (still with its JSON content type).
    pub fn empty() -> Answer {
        Answer::new(Vec::new())
    }

    /// A `FabricError` answer, `{"Error":{"Code":code,"Message":message}}`, with the status
    /// the gateway gives `code` (404 for the `*_NOT_FOUND` codes, 409 for `*_ALREADY_EXISTS`,
    /// 503 for the transient ones, 500 for an unknown code, ...) and `code` as the HTTP
    /// reason phrase. [`with_status`](Self::with_status) picks another status.
    ///
    /// ```
    /// # use fabric_rest_emulator::Answer;
    /// // HTTP/1.1 404 FABRIC_E_NODE_NOT_FOUND
    /// let missing = Answer::error("FABRIC_E_NODE_NOT_FOUND", "Node not found.");
    /// # let _ = missing;
    /// ```
    pub fn error(code: &str, message: &str) -> Answer {
        let status = FabricErrorCode::from(code).http_status();
        let body = serde_json::json!({"Error": {"Code": code, "Message": message}});
        let mut answer = Answer::json(body);
        answer.status = StatusCode::from_u16(status).ok();
        answer.reason = Some(code.to_owned());
        answer
    }

    /// Exactly these bytes, with this content type (`None`: no `Content-Type` header), at
    /// the operation's success status unless [`with_status`](Self::with_status) says
    /// otherwise. For what a proxy or a broken gateway sends.
    #[track_caller]
    pub fn raw(content_type: Option<&str>, body: impl Into<Vec<u8>>) -> Answer {
        let mut answer = Answer::new(body.into());
        answer.content_type = content_type.map(|c| header_value(c, "content type"));
        answer
    }

    /// Answers with a [`Fault`] instead: a reset connection, a 503, a truncated body, ...
    /// [`Fault::Delay`] waits, then answers as if the script had no answer for this
    /// request (the emulator's own answer, or 400 when it has none).
    pub fn fault(fault: Fault) -> Answer {
        let mut answer = Answer::empty();
        answer.fault = Some(fault);
        answer
    }

    /// Lets the request through to the answer it would get without the script (the
    /// emulator's own, or a spec example): for scripts that fail only the third request,
    /// `Script::new().repeat(Answer::pass(), 2).then(Answer::fault(Fault::ResetConnection))`.
    pub fn pass() -> Answer {
        Answer::fault(Fault::Delay(Duration::ZERO))
    }

    /// The same answer with another status.
    ///
    /// # Panics
    ///
    /// When `status` is not from 100 to 999.
    #[track_caller]
    pub fn with_status(mut self, status: u16) -> Answer {
        match StatusCode::from_u16(status) {
            Ok(status) => self.status = Some(status),
            Err(_) => panic!("{status} is not an HTTP status"),
        }
        self
    }

    /// The same answer with another HTTP reason phrase (`HTTP/1.1 409 <reason>`).
    pub fn with_reason(mut self, reason: impl Into<String>) -> Answer {
        self.reason = Some(reason.into());
        self
    }

    /// The same answer with one more header.
    ///
    /// # Panics
    ///
    /// When `name` or `value` cannot be an HTTP header.
    #[track_caller]
    pub fn with_header(mut self, name: &str, value: &str) -> Answer {
        let Ok(name) = HeaderName::try_from(name) else {
            panic!("{name:?} is not a header name");
        };
        self.headers.push((name, header_value(value, "header value")));
        self
    }

    /// The same answer, given only after `delay` (added to the script's own
    /// [`delay`](Script::delay)).
    pub fn after(mut self, delay: Duration) -> Answer {
        self.delay = delay;
        self
    }
}

#[track_caller]
fn header_value(value: &str, what: &str) -> HeaderValue {
    match HeaderValue::from_str(value) {
        Ok(value) => value,
        Err(_) => panic!("{value:?} is not a valid {what}"),
    }
}

impl From<Fault> for Answer {
    fn from(fault: Fault) -> Answer {
        Answer::fault(fault)
    }
}

/// What a scripted operation answers, request after request: a sequence of answers, then
/// a default one.
///
/// A request takes the next answer of the sequence; once the sequence is used up, every
/// request gets the [`otherwise`](Self::otherwise) answer. Without one, the operation
/// answers as if it were not scripted: the emulator's own answer when it serves the
/// operation itself, else 400 and a [`Problem::NoAnswerLeft`](crate::Problem::NoAnswerLeft)
/// in [`Emulator::unmatched`](crate::Emulator::unmatched). A request that does not fit the
/// operation's description takes no answer.
///
/// An [`Answer`] converts into the script that always gives it.
///
/// ```
/// use fabric_rest_emulator::{Answer, Script};
/// use serde_json::json;
/// use std::time::Duration;
///
/// let script = Script::new()
///     .then(Answer::json(json!({"ContinuationToken": "vm1", "Items": [{"Name": "vm0"}]})))
///     .then(Answer::error("FABRIC_E_TIMEOUT", "Operation timed out."))
///     .otherwise(Answer::json(json!({"ContinuationToken": "", "Items": []})))
///     .delay(Duration::from_millis(10));
/// # let _ = script;
/// ```
#[derive(Clone, Debug, Default)]
pub struct Script {
    pub(crate) answers: VecDeque<Answer>,
    pub(crate) otherwise: Option<Answer>,
    pub(crate) delay: Duration,
}

impl Script {
    /// A script with no answer yet.
    pub fn new() -> Script {
        Script::default()
    }

    /// Adds `answer` to the end of the sequence.
    pub fn then(mut self, answer: impl Into<Answer>) -> Script {
        self.answers.push_back(answer.into());
        self
    }

    /// Adds `answer` to the end of the sequence `times` times.
    pub fn repeat(mut self, answer: impl Into<Answer>, times: usize) -> Script {
        let answer = answer.into();
        self.answers.extend(std::iter::repeat_n(answer, times));
        self
    }

    /// The answer to every request once the sequence is used up.
    pub fn otherwise(mut self, answer: impl Into<Answer>) -> Script {
        self.otherwise = Some(answer.into());
        self
    }

    /// Every answer of the operation waits this long first.
    pub fn delay(mut self, delay: Duration) -> Script {
        self.delay = delay;
        self
    }

    /// The next answer, or `None` when there is none left.
    pub(crate) fn next(&mut self) -> Option<Answer> {
        self.answers.pop_front().or_else(|| self.otherwise.clone())
    }
}

impl From<Answer> for Script {
    fn from(answer: Answer) -> Script {
        Script::new().otherwise(answer)
    }
}

/// An operation to script: a declared operation's description (`Client::GET_NODE_INFO_LIST`,
/// any `&'static Endpoint`) or an operation's name (`"GetNodeInfoList"`).
///
/// A name is looked up among the operations this program declares with
/// `#[fabric_endpoint]` (the library's and your own, see
/// [`fabric_rest_runtime::endpoint`]), then among the operations of the REST specification.
#[derive(Clone, Debug)]
pub struct Operation(Key);

#[derive(Clone, Debug)]
enum Key {
    Endpoint(&'static Endpoint),
    Name(String),
}

impl From<&'static Endpoint> for Operation {
    fn from(endpoint: &'static Endpoint) -> Operation {
        Operation(Key::Endpoint(endpoint))
    }
}

impl From<&str> for Operation {
    fn from(name: &str) -> Operation {
        Operation(Key::Name(name.to_owned()))
    }
}

impl From<String> for Operation {
    fn from(name: String) -> Operation {
        Operation(Key::Name(name))
    }
}

impl Operation {
    /// The description, or a panic that names the operation nobody declared.
    #[track_caller]
    pub(crate) fn resolve(self) -> &'static Endpoint {
        match self.0 {
            Key::Endpoint(endpoint) => endpoint,
            Key::Name(name) => match fabric_rest_runtime::endpoint(&name).or_else(|| crate::spec::find(&name)) {
                Some(endpoint) => endpoint,
                None => {
                    panic!("no operation named {name:?}: neither this program nor the REST specification declares one")
                }
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sequence_then_the_default() {
        let mut script = Script::new()
            .then(Answer::empty().with_status(201))
            .repeat(Answer::empty().with_status(202), 2)
            .otherwise(Answer::empty().with_status(204));
        let statuses: Vec<u16> = (0..5)
            .map(|_| script.next().and_then(|a| a.status).map_or(0, |s| s.as_u16()))
            .collect();
        assert_eq!(statuses, [201, 202, 202, 204, 204]);
        let mut once = Script::new().then(Answer::empty());
        assert!(once.next().is_some());
        assert!(once.next().is_none());
    }

    #[test]
    fn errors_take_the_gateways_status_and_reason() {
        for (code, status) in [
            ("FABRIC_E_NODE_NOT_FOUND", 404),
            ("FABRIC_E_APPLICATION_ALREADY_EXISTS", 409),
            ("FABRIC_E_SERVICE_TOO_BUSY", 503),
            ("FABRIC_E_TIMEOUT", 504),
            ("E_INVALIDARG", 400),
            ("FABRIC_E_SOMETHING_NEW", 500),
        ] {
            let answer = Answer::error(code, "m");
            assert_eq!(answer.status.map(|s| s.as_u16()), Some(status), "{code}");
            assert_eq!(answer.reason.as_deref(), Some(code));
            let body = format!(r#"{{"Error":{{"Code":"{code}","Message":"m"}}}}"#);
            assert_eq!(answer.body, body.as_bytes());
        }
    }

    #[test]
    #[should_panic(expected = "no operation named \"NoSuchOperation\"")]
    fn unknown_names_are_a_mistake_in_the_test() {
        Operation::from("NoSuchOperation").resolve();
    }

    #[test]
    fn names_resolve_to_the_specs_description_without_declarations() {
        let endpoint = Operation::from("GetClusterVersion").resolve();
        assert_eq!(endpoint.path(), "/$/GetClusterVersion");
    }
}
