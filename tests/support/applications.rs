//! Helpers of the application groups' tests: the official example files, and the check that
//! a decoded value writes back exactly the JSON it was read from.
#![allow(dead_code)]

use fabric_rest::Client;
use fabric_rest::models::Int64;
use serde::Serialize;
use serde_json::Value;

use crate::support::{Seen, serve};

/// One example file of the spec.
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

    /// The body of the example's 200 response.
    pub fn body(&self) -> &Value {
        let body = &self.json["responses"]["200"]["body"];
        assert!(!body.is_null(), "the example has no 200 body");
        body
    }

    /// A server answering every request with the example's 200 body.
    pub async fn serve(&self) -> (Client, Seen) {
        let body = self.body().to_string();
        serve(move |_| (200, body.clone())).await
    }
}

/// Where two JSON values differ, as JSON pointers with both sides.
fn differences(path: &str, got: &Value, want: &Value, out: &mut Vec<String>) {
    match (got, want) {
        (Value::Object(got), Value::Object(want)) => {
            for (key, value) in want {
                match got.get(key) {
                    Some(other) => differences(&format!("{path}/{key}"), other, value, out),
                    None => out.push(format!("{path}/{key}: lost (the example has {value})")),
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

/// `decoded`, serialized again, is exactly `want`: every field, numbers as numbers and
/// strings as strings.
pub fn assert_round_trip<T: Serialize>(decoded: &T, want: &Value) {
    let written = serde_json::to_value(decoded).expect("the model serializes");
    let mut found = Vec::new();
    differences("", &written, want, &mut found);
    assert!(found.is_empty(), "{} differences:\n{}", found.len(), found.join("\n"));
    assert_eq!(&written, want);
}

/// A wire integer as its value and whether it came as a string.
pub fn int64(value: Option<Int64>) -> Option<(i64, bool)> {
    value.map(|number| (number.get(), number.is_quoted()))
}

/// The JSON body of the one request the server saw.
pub fn sent_body(seen: &Seen) -> Value {
    let seen = seen.lock().unwrap();
    assert_eq!(seen.len(), 1, "one request");
    serde_json::from_slice(&seen[0].1).expect("the request body is JSON")
}
