//! What the emulator keeps of every request, so tests can assert on the exact wire form.

use std::collections::VecDeque;

use crate::mismatch::Mismatch;
use crate::query;

/// One request as the emulator received it, kept before it was answered.
///
/// Nothing is decoded or normalised: `target`, `path` and `query` are the bytes the client
/// put on the request line, so a test can check percent-encoding and parameter order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RecordedRequest {
    /// The method, e.g. `"POST"`.
    pub method: String,
    /// The request target exactly as sent, e.g.
    /// `"/$/StartClusterConfigurationUpgrade?api-version=3.0&timeout=60"`.
    pub target: String,
    /// The path part of the target, as sent (not percent-decoded).
    pub path: String,
    /// The query part of the target, as sent, without the `?`; `None` when the target has
    /// no `?` at all.
    pub query: Option<String>,
    /// Header names (lower case) and values. Values that are not UTF-8 are converted
    /// lossily. Headers come in the order received, except that repeated headers of one
    /// name are grouped at the position of the first.
    pub headers: Vec<(String, String)>,
    /// The body. A body over the gateway's 4 MiB cap is kept only up to the cap.
    pub body: Vec<u8>,
}

impl RecordedRequest {
    /// The first value of header `name` (compared case-insensitively).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// The body parsed as JSON, or `None` when it is not JSON.
    pub fn body_json(&self) -> Option<serde_json::Value> {
        serde_json::from_slice(&self.body).ok()
    }

    /// The value of query parameter `name` as the gateway reads it: names are
    /// case-sensitive, the first non-empty occurrence wins, and the value is
    /// percent-decoded.
    pub fn query_param(&self, name: &str) -> Option<String> {
        query::Query::parse(self.query.as_deref()).get(name).map(str::to_owned)
    }
}

/// The last requests received and the last mismatches found, at most `limit` of each: a
/// long test or a busy emulator binary keeps a bounded record.
pub(crate) struct Record {
    pub(crate) requests: VecDeque<RecordedRequest>,
    pub(crate) mismatches: VecDeque<Mismatch>,
    limit: usize,
}

impl Record {
    pub(crate) fn new(limit: usize) -> Record {
        Record {
            requests: VecDeque::new(),
            mismatches: VecDeque::new(),
            limit,
        }
    }

    pub(crate) fn push(&mut self, request: RecordedRequest) {
        push_bounded(&mut self.requests, request, self.limit);
    }

    pub(crate) fn push_mismatch(&mut self, mismatch: Mismatch) {
        push_bounded(&mut self.mismatches, mismatch, self.limit);
    }
}

fn push_bounded<T>(queue: &mut VecDeque<T>, item: T, limit: usize) {
    if limit == 0 {
        return;
    }
    if queue.len() == limit {
        queue.pop_front();
    }
    queue.push_back(item);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> RecordedRequest {
        RecordedRequest {
            method: "POST".into(),
            target: "/$/X?a=1&A=2&a=3".into(),
            path: "/$/X".into(),
            query: Some("a=1&A=2&a=3".into()),
            headers: vec![
                ("content-type".into(), "application/json".into()),
                ("x-servicefabricrequestid".into(), "abc".into()),
            ],
            body: br#"{"k":1}"#.to_vec(),
        }
    }

    #[test]
    fn records_are_bounded() {
        let mut record = Record::new(2);
        for target in ["/1", "/2", "/3"] {
            record.push(RecordedRequest {
                target: target.into(),
                ..sample()
            });
        }
        let kept: Vec<&str> = record.requests.iter().map(|r| r.target.as_str()).collect();
        assert_eq!(kept, ["/2", "/3"]);
        let mut none = Record::new(0);
        none.push(sample());
        assert!(none.requests.is_empty());
    }

    #[test]
    fn reads_headers_case_insensitively() {
        let r = sample();
        assert_eq!(r.header("X-ServiceFabricRequestId"), Some("abc"));
        assert_eq!(r.header("missing"), None);
    }

    #[test]
    fn reads_body_and_query_like_the_gateway() {
        let r = sample();
        assert_eq!(r.body_json(), Some(serde_json::json!({"k": 1})));
        assert_eq!(r.query_param("a").as_deref(), Some("1"));
        assert_eq!(r.query_param("A").as_deref(), Some("2"));
        assert_eq!(r.query_param("b"), None);
        let mut bad = sample();
        bad.body = vec![0xff, 0xfe];
        assert_eq!(bad.body_json(), None);
    }
}
