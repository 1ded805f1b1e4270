//! The spec's example files for the tests of the names, events, faults and chaos groups:
//! reading one, serving one of its answers from the loopback server of `support`, and
//! checking that a decoded value writes back exactly what the example holds.
//!
//! A test file uses it with `mod support;` and
//! `#[path = "support/group_examples.rs"] mod group_examples;`.
#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use fabric_rest::Client;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::support::{Seen, serve};

/// How long one test may take, requests and all.
const BOUND: Duration = Duration::from_secs(20);

/// Runs a test body, failing it if it takes longer than [`BOUND`].
pub async fn bounded(test: impl Future<Output = ()>) {
    tokio::time::timeout(BOUND, test)
        .await
        .expect("the test finished in time");
}

/// One example file.
pub struct Example {
    pub json: Value,
}

impl Example {
    pub fn parse(text: &str) -> Example {
        Example {
            json: serde_json::from_str(text).expect("the example is JSON"),
        }
    }

    /// A value of the example's `parameters`.
    pub fn param(&self, name: &str) -> &Value {
        let value = &self.json["parameters"][name];
        assert!(!value.is_null(), "the example has no parameter {name}");
        value
    }

    /// A string value of the example's `parameters`.
    pub fn param_str(&self, name: &str) -> &str {
        self.param(name).as_str().expect("a string parameter")
    }

    /// The body of the example's answer with `status`.
    pub fn body_of(&self, status: u16) -> &Value {
        let body = &self.json["responses"][status.to_string()]["body"];
        assert!(!body.is_null(), "the example has no {status} body");
        body
    }

    /// The body of the example's 200 answer.
    pub fn body(&self) -> &Value {
        self.body_of(200)
    }

    /// The example's answer statuses.
    pub fn statuses(&self) -> Vec<&str> {
        self.json["responses"]
            .as_object()
            .expect("the example has responses")
            .keys()
            .map(String::as_str)
            .collect()
    }
}

/// Serves `body` with `status` to every request.
pub async fn serve_body(status: u16, body: &Value) -> (Client, Seen) {
    let body = serde_json::to_string(body).unwrap();
    serve(move |_| (status, body.clone())).await
}

/// Serves the example's 200 body.
pub async fn serve_example(example: &Example) -> (Client, Seen) {
    serve_body(200, example.body()).await
}

/// Serves an empty body with `status`, as the gateway answers operations without a result.
pub async fn serve_empty(status: u16) -> (Client, Seen) {
    serve(move |_| (status, String::new())).await
}

/// Where two JSON values differ, as JSON pointers with both sides.
fn differences(path: &str, got: &Value, want: &Value, out: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(got), Value::Object(want)) => {
            for (key, value) in want {
                let at = format!("{path}/{key}");
                match got.get(key) {
                    Some(other) => differences(&at, other, value, out),
                    None => out.push(format!("{at}: lost (the example has {value})")),
                }
            }
            for (key, value) in got.iter().filter(|(key, _)| !want.contains_key(*key)) {
                out.push(format!("{path}/{key}: added {value}"));
            }
        }
        (Value::Array(got), Value::Array(want)) if got.len() == want.len() => {
            for (index, (got, want)) in got.iter().zip(want).enumerate() {
                differences(&format!("{path}/{index}"), got, want, out);
            }
        }
        _ if got != want => out.push(format!("{path}: {got} but the example has {want}")),
        _ => {}
    }
}

/// The decoded value, serialized again, is exactly `example`: every field, numbers as
/// numbers and strings as strings.
pub fn assert_round_trip<T: Serialize>(decoded: &T, example: &Value) {
    let written = serde_json::to_value(decoded).expect("the model serializes");
    let mut found = Vec::new();
    differences("", &written, example, &mut found);
    assert!(found.is_empty(), "{} differences:\n{}", found.len(), found.join("\n"));
    assert_eq!(&written, example);
}

/// `value` read as `T` (a request body of an example) and written back unchanged.
pub fn read_back<T: Serialize + DeserializeOwned>(value: &Value) -> T {
    let decoded: T = serde_json::from_value(value.clone()).expect("the example reads as the model");
    assert_round_trip(&decoded, value);
    decoded
}

/// The request body the server saw, as JSON.
pub fn sent_body(seen: &Seen, index: usize) -> Value {
    let seen = seen.lock().unwrap();
    serde_json::from_slice(&seen[index].1).expect("the request body is JSON")
}

/// The request body the server saw, as text.
pub fn sent_text(seen: &Seen, index: usize) -> String {
    String::from_utf8(seen.lock().unwrap()[index].1.clone()).expect("the request body is UTF-8")
}
