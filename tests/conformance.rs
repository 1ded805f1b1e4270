//! Every operation declared in fabric-rest, checked against the official REST spec.
//!
//! `tests/fixtures/spec_operations.json` holds the spec's facts for all 251 operations
//! (regenerate it with `scripts/gen_spec_fixture.py`). Each endpoint registered by
//! `#[fabric_endpoint]` must match its operation there: method, path template, api-version,
//! success statuses, body, and every path, query and header parameter with its required-ness,
//! kind, range, default and path encoding. Nothing may be declared that the spec lacks, and
//! nothing the spec lists may be left out.

use std::collections::{BTreeMap, BTreeSet};

use fabric_rest::{Endpoint, Location, ParamKind, PathEncoding};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/spec_operations.json");

/// Operations declared with another api-version than the spec's, and why.
const API_VERSION_EXCEPTIONS: &[(&str, &str, &str)] = &[(
    // The configuration-upgrade group declares this operation with 3.0 on purpose (see
    // src/cluster/configuration_upgrade.rs); the spec lists it under 6.0.
    "StartClusterConfigurationUpgrade",
    "3.0",
    "6.0",
)];

fn spec() -> BTreeMap<String, Value> {
    let operations: Vec<Value> = serde_json::from_str(FIXTURE).expect("the fixture is JSON");
    operations
        .into_iter()
        .map(|op| (op["operation"].as_str().expect("operation id").to_owned(), op))
        .collect()
}

fn location_name(location: Location) -> &'static str {
    match location {
        Location::Path => "path",
        Location::Query => "query",
        Location::Header => "header",
        Location::Body => "body",
    }
}

/// Whether a declared kind says what the spec's type and enum say.
fn kind_matches(kind: ParamKind, name: &str, spec: &Value) -> bool {
    let has_enum = spec.get("enum").is_some_and(|e| e.is_array());
    match (spec["type"].as_str(), kind) {
        (Some("integer"), ParamKind::ServerTimeout) => name == "timeout",
        (Some("integer"), ParamKind::Integer) => true,
        (Some("boolean"), ParamKind::Boolean) => true,
        (Some("string"), ParamKind::Enum) => has_enum,
        (Some("string"), ParamKind::String) => !has_enum,
        _ => false,
    }
}

/// Everything wrong with one declaration.
fn check(endpoint: &Endpoint, spec: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut problem = |text: String| problems.push(format!("{}: {text}", endpoint.operation()));

    if endpoint.method().as_str() != spec["method"] {
        problem(format!(
            "method {} but the spec says {}",
            endpoint.method(),
            spec["method"]
        ));
    }
    if endpoint.path() != spec["path"] {
        problem(format!("path {:?} but the spec says {}", endpoint.path(), spec["path"]));
    }
    let spec_version = spec["api_version"].as_str().unwrap_or_default();
    let excepted = API_VERSION_EXCEPTIONS.iter().any(|(op, declared, listed)| {
        *op == endpoint.operation() && *declared == endpoint.api_version() && *listed == spec_version
    });
    if endpoint.api_version() != spec_version && !excepted {
        problem(format!(
            "api-version {} but the spec says {spec_version}",
            endpoint.api_version()
        ));
    }
    let spec_success: BTreeSet<u64> = spec["success"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(Value::as_u64)
        .collect();
    let success: BTreeSet<u64> = endpoint.success().iter().map(|s| u64::from(*s)).collect();
    if success != spec_success {
        problem(format!("success {success:?} but the spec says {spec_success:?}"));
    }

    let body = endpoint.params().iter().find(|p| p.location() == Location::Body);
    match (body, spec["body"].as_object()) {
        (None, None) => {}
        (Some(_), None) => problem("declares a body; the spec has none".into()),
        (None, Some(_)) => problem("declares no body; the spec has one".into()),
        (Some(body), Some(spec_body)) => {
            if Some(body.required()) != spec_body["required"].as_bool() {
                problem(format!(
                    "body required = {} but the spec says {}",
                    body.required(),
                    spec_body["required"]
                ));
            }
        }
    }

    let spec_params: BTreeMap<(String, String), &Value> = spec["params"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                (
                    p["in"].as_str().unwrap().to_owned(),
                    p["name"].as_str().unwrap().to_owned(),
                ),
                p,
            )
        })
        .collect();
    let mut declared = BTreeSet::new();
    for param in endpoint.params().iter().filter(|p| p.location() != Location::Body) {
        let key = (location_name(param.location()).to_owned(), param.name().to_owned());
        let label = format!("{} parameter `{}`", key.0, key.1);
        declared.insert(key.clone());
        let Some(spec_param) = spec_params.get(&key) else {
            problem(format!("declares {label}, which the spec does not list"));
            continue;
        };
        if Some(param.required()) != spec_param["required"].as_bool() {
            problem(format!(
                "{label}: required = {} but the spec says {}",
                param.required(),
                spec_param["required"]
            ));
        }
        if !kind_matches(param.kind(), param.name(), spec_param) {
            problem(format!(
                "{label}: declared as {:?} but the spec says type {} enum {}",
                param.kind(),
                spec_param["type"],
                spec_param.get("enum").unwrap_or(&Value::Null)
            ));
        }
        let minimum = spec_param.get("minimum").and_then(Value::as_i64);
        let maximum = spec_param.get("maximum").and_then(Value::as_i64);
        if param.minimum() != minimum || param.maximum() != maximum {
            problem(format!(
                "{label}: range {:?}..={:?} but the spec says {minimum:?}..={maximum:?}",
                param.minimum(),
                param.maximum()
            ));
        }
        if let Some(default) = param.default_value() {
            if spec_param.get("default").and_then(Value::as_str) != Some(default) {
                problem(format!(
                    "{label}: default {default:?} but the spec says {:?}",
                    spec_param.get("default")
                ));
            }
        }
        let keep_escapes = spec_param
            .get("skip_encoding")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        if param.location() == Location::Path && (param.encoding() == PathEncoding::KeepEscapes) != keep_escapes {
            problem(format!(
                "{label}: encoding {:?} but the spec {} x-ms-skip-url-encoding",
                param.encoding(),
                if keep_escapes { "marks it" } else { "does not mark it" }
            ));
        }
    }
    for (key, _) in spec_params.iter().filter(|(key, _)| !declared.contains(*key)) {
        problem(format!("leaves out the spec's {} parameter `{}`", key.0, key.1));
    }
    problems
}

#[test]
fn every_declared_endpoint_matches_the_spec() {
    let spec = spec();
    let endpoints = fabric_rest::endpoints();
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for endpoint in endpoints {
        if !seen.insert(endpoint.operation()) {
            problems.push(format!("{}: declared twice", endpoint.operation()));
            continue;
        }
        match spec.get(endpoint.operation()) {
            Some(operation) => problems.extend(check(endpoint, operation)),
            None => problems.push(format!("{}: no such operation in the spec", endpoint.operation())),
        }
    }
    println!("declared {} of {}", seen.len(), spec.len());
    assert!(
        problems.is_empty(),
        "{} mismatches:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn the_fixture_lists_all_251_operations() {
    assert_eq!(spec().len(), 251);
}

/// The groups this crate declares in full: every cluster-level (`/$/`) and Nodes operation.
#[test]
fn cluster_and_nodes_groups_are_complete() {
    let declared: BTreeSet<&str> = fabric_rest::endpoints().iter().map(|e| e.operation()).collect();
    let missing: Vec<String> = spec()
        .into_values()
        .filter(|op| {
            let path = op["path"].as_str().unwrap();
            path.starts_with("/$/") || path.starts_with("/Nodes")
        })
        .map(|op| op["operation"].as_str().unwrap().to_owned())
        .filter(|op| !declared.contains(op.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{} not declared: {}",
        missing.len(),
        missing.join(", ")
    );
}
