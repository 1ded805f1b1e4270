//! The spec's example files for the tests of every operation group: their parameters and
//! bodies, served from the loopback server of `support`, and the checks that a decoded value
//! writes back exactly the JSON that arrived.
//!
//! A test file uses it with `mod support;` and `#[path = "support/examples.rs"] mod examples;`.
#![allow(dead_code)]

use std::future::Future;
use std::time::Duration;

use fabric_rest::Client;
use fabric_rest::models::Int64;
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

    /// A parameter read as the model `T`.
    pub fn param_as<T: DeserializeOwned>(&self, name: &str) -> T {
        serde_json::from_value(self.param(name).clone()).expect("the parameter decodes")
    }

    /// The body of the example's response with `status` (`200` or `"200"`).
    pub fn body_of(&self, status: impl std::fmt::Display) -> &Value {
        let status = status.to_string();
        let body = &self.json["responses"][status.as_str()]["body"];
        assert!(!body.is_null(), "the example has no {status} body");
        body
    }

    /// The body of the example's 200 response.
    pub fn body(&self) -> &Value {
        self.body_of("200")
    }

    /// The statuses the example lists, in order.
    pub fn statuses(&self) -> Vec<String> {
        self.json["responses"].as_object().unwrap().keys().cloned().collect()
    }

    /// A server answering every request with the example's 200 body.
    pub async fn serve(&self) -> (Client, Seen) {
        serve_json(200, self.body()).await
    }
}

/// Serves the example's 200 body.
pub async fn serve_example(example: &Example) -> (Client, Seen) {
    example.serve().await
}

/// Serves `body` with `status` to every request.
pub async fn serve_json(status: u16, body: &Value) -> (Client, Seen) {
    let body = serde_json::to_string(body).unwrap();
    serve(move |_| (status, body.clone())).await
}

/// Serves an empty body with `status` to every request.
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

/// The value, serialized, is exactly `expected`: every field, numbers as numbers and
/// strings as strings.
pub fn assert_round_trip<T: Serialize>(decoded: &T, expected: &Value) {
    let written = serde_json::to_value(decoded).expect("the model serializes");
    let mut found = Vec::new();
    differences("", &written, expected, &mut found);
    assert!(found.is_empty(), "{} differences:\n{}", found.len(), found.join("\n"));
    assert_eq!(&written, expected);
}

/// `value` without its `null` fields: the models read `null` as absent and leave absent
/// fields out, so that is what a round trip of an example with `null`s gives.
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, value)| !value.is_null())
                .map(|(key, value)| (key.clone(), without_nulls(value)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// `value` read as `T` (a request body of an example) and written back unchanged.
pub fn read_back<T: Serialize + DeserializeOwned>(value: &Value) -> T {
    let decoded: T = serde_json::from_value(value.clone()).expect("the example reads as the model");
    assert_round_trip(&decoded, value);
    decoded
}

/// A wire integer as its value and whether it came as a string.
pub fn int64(value: Option<Int64>) -> Option<(i64, bool)> {
    value.map(|number| (number.get(), number.is_quoted()))
}

/// The JSON body of the one request the server saw.
pub fn sent_only(seen: &Seen) -> Value {
    assert_eq!(seen.lock().unwrap().len(), 1, "one request");
    sent_json(seen, 0)
}

/// The JSON body of the `index`th request the server saw.
pub fn sent_json(seen: &Seen, index: usize) -> Value {
    let seen = seen.lock().unwrap();
    serde_json::from_slice(&seen[index].1).expect("the request body is JSON")
}

/// The raw body of the `index`th request the server saw, as text.
pub fn sent_text(seen: &Seen, index: usize) -> String {
    let seen = seen.lock().unwrap();
    String::from_utf8(seen[index].1.clone()).expect("the request body is text")
}
