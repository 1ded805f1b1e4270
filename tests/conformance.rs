//! Every operation declared in fabric-rest, checked against the official REST spec.
//!
//! `tests/fixtures/spec_operations.json` holds the spec's facts for all 251 operations
//! (regenerate it with `scripts/gen_spec_fixture.py`). Each endpoint registered by
//! `#[fabric_endpoint]` must match its operation there: method, path template, api-version,
//! success statuses, body, and every path, query and header parameter with its required-ness,
//! kind, range, default and encoding (path and query). Nothing may be declared that the spec
//! lacks, and nothing the spec lists may be left out.

use std::collections::{BTreeMap, BTreeSet};

use fabric_rest::{Endpoint, Location, ParamKind, ValueEncoding};
use serde_json::Value;

mod support;

const FIXTURE: &str = include_str!("fixtures/spec_operations.json");

/// Operations declared with another api-version than the spec's, and why.
const API_VERSION_EXCEPTIONS: &[(&str, &str, &str)] = &[(
    // The configuration-upgrade group declares this operation with 3.0 on purpose (see
    // src/cluster/configuration_upgrade.rs); the spec lists it under 6.0.
    "StartClusterConfigurationUpgrade",
    "3.0",
    "6.0",
)];

/// Operations that send a raw `application/octet-stream` body the spec leaves implicit, and
/// why: the spec lists no body parameter for them, yet the gateway reads the file's bytes
/// from the request body. Only these may declare a body the spec lacks, and only a required
/// `#[body(bytes)]` one.
const RAW_BODY_EXCEPTIONS: &[&str] = &[
    // PUT /ImageStore/{contentPath}: "The file's data needs to be added to the request body."
    "UploadFile",
    // PUT /ImageStore/{contentPath}/$/UploadChunk: the chunk its Content-Range describes.
    "UploadFileChunk",
];

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
    let raw_body_excepted = RAW_BODY_EXCEPTIONS.contains(&endpoint.operation());
    match (body, spec["body"].as_object()) {
        (None, None) if raw_body_excepted => {
            problem("declares no body, but RAW_BODY_EXCEPTIONS says it sends raw bytes".into())
        }
        (None, None) => {}
        (Some(body), None) if raw_body_excepted => {
            if body.kind() != ParamKind::Bytes || !body.required() {
                problem(format!(
                    "declares a {:?} body (required = {}); RAW_BODY_EXCEPTIONS allows only a required #[body(bytes)]",
                    body.kind(),
                    body.required()
                ));
            }
        }
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
        if let Some(default) = param.default_value()
            && spec_param.get("default").and_then(Value::as_str) != Some(default)
        {
            problem(format!(
                "{label}: default {default:?} but the spec says {:?}",
                spec_param.get("default")
            ));
        }
        let keep_escapes = spec_param
            .get("skip_encoding")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let encoded = matches!(param.location(), Location::Path | Location::Query);
        if encoded && (param.encoding() == ValueEncoding::KeepEscapes) != keep_escapes {
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

/// Each declared method's description is a constant of its trait, the very one registered.
#[test]
fn descriptions_are_trait_constants() {
    use fabric_rest::Client;
    use fabric_rest::nodes::Nodes;
    let description: &'static Endpoint = Client::GET_NODE_INFO_LIST;
    assert_eq!(description.operation(), "GetNodeInfoList");
    assert_eq!(description.path(), "/Nodes");
    let registered = fabric_rest::endpoint("GetNodeInfoList").unwrap();
    assert!(std::ptr::eq(description, registered));
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

/// With the default features every operation of the spec is declared except the 31 of
/// the retired Mesh preview (`/Resources`); with `mesh` on as well, all 251.
#[cfg(all(
    feature = "cluster",
    feature = "nodes",
    feature = "image_store",
    feature = "applications",
    feature = "application_types",
    feature = "services",
    feature = "partitions",
    feature = "replicas",
    feature = "names",
    feature = "events",
    feature = "faults",
    feature = "chaos",
    feature = "backup_restore",
    feature = "compose"
))]
#[test]
fn every_operation_of_the_spec_is_declared() {
    let declared: BTreeSet<&str> = fabric_rest::endpoints().iter().map(|e| e.operation()).collect();
    let expected: Vec<String> = spec()
        .into_values()
        .filter(|op| cfg!(feature = "mesh") || !op["path"].as_str().unwrap().starts_with("/Resources"))
        .map(|op| op["operation"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(expected.len(), if cfg!(feature = "mesh") { 251 } else { 220 });
    let missing: Vec<&String> = expected.iter().filter(|op| !declared.contains(op.as_str())).collect();
    assert!(missing.is_empty(), "{} not declared: {missing:?}", missing.len());
    assert_eq!(declared.len(), expected.len(), "declared beyond the spec");
}

/// The raw-body exceptions name operations the spec gives no body at all, so they cannot
/// hide a mismatch with a body the spec does describe.
#[test]
fn raw_body_exceptions_are_operations_without_a_spec_body() {
    let spec = spec();
    for operation in RAW_BODY_EXCEPTIONS {
        let listed = spec
            .get(*operation)
            .unwrap_or_else(|| panic!("{operation} is not in the spec"));
        assert!(
            listed["body"].is_null(),
            "{operation} has a body in the spec: {}",
            listed["body"]
        );
        assert_eq!(listed["method"], "PUT", "{operation}");
    }
}

/// The ImageStore group (every operation under `/ImageStore`) is declared in full.
#[test]
fn image_store_group_is_complete() {
    let declared: BTreeSet<&str> = fabric_rest::endpoints().iter().map(|e| e.operation()).collect();
    let group: Vec<String> = spec()
        .into_values()
        .filter(|op| op["path"].as_str().unwrap().starts_with("/ImageStore"))
        .map(|op| op["operation"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(group.len(), 13);
    let missing: Vec<&String> = group.iter().filter(|op| !declared.contains(op.as_str())).collect();
    assert!(missing.is_empty(), "not declared: {missing:?}");
}

/// Declared operations on the wire, against a loopback gateway that records each request
/// and answers from a script.
mod wire {
    use fabric_rest::models::{NodeStatus, NodeStatusFilter};
    use fabric_rest::nodes::{DeployedOnNode, Nodes};
    use futures_util::StreamExt;

    use super::support::{lines, serve};

    const EXAMPLE: &str = include_str!("fixtures/GetNodeInfoList-1.json");

    fn example_body() -> String {
        let example: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        example["responses"]["200"]["body"].to_string()
    }

    /// The spec's example answer of GetNodeInfoList decodes through the declared method.
    #[tokio::test]
    async fn get_node_info_list_decodes_the_spec_example() {
        fn answer(_: &str) -> (u16, String) {
            (200, example_body())
        }
        let (client, seen) = serve(answer).await;
        let page = client.get_node_info_list(None, None, Some(2), None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /Nodes?api-version=6.3&MaxResults=2 HTTP/1.1"]);
        assert_eq!(
            page.continuation_token.as_deref(),
            Some("2acb9f55540659b1c95f27cc128ab326")
        );
        let names: Vec<_> = page.items.iter().map(|n| n.name.clone().unwrap()).collect();
        assert_eq!(names, ["_testnode_1", "_testnode_0"]);
        let first = &page.items[0];
        // The example's own address: it is only data here, never contacted.
        let example: serde_json::Value = serde_json::from_str(EXAMPLE).unwrap();
        let address = example["responses"]["200"]["body"]["Items"][0]["IpAddressOrFQDN"].as_str();
        assert!(address.is_some_and(|a| !a.is_empty()));
        assert_eq!(first.ip_address_or_fqdn.as_deref(), address);
        assert_eq!(first.node_status, Some(NodeStatus::Up));
        assert_eq!(
            first.id.as_ref().and_then(|id| id.id.as_deref()),
            Some("ebd986a1134b3643a8117fb41b259bf")
        );
        let deactivation = first.node_deactivation_info.as_ref().unwrap();
        assert_eq!(
            deactivation.node_deactivation_intent,
            Some(fabric_rest::models::DeactivationIntent::Invalid)
        );
        assert_eq!(deactivation.pending_safety_checks.as_deref(), Some(&[][..]));
    }

    /// `nodes()` follows the continuation token across pages until a page comes without one.
    #[tokio::test]
    async fn nodes_streams_every_page() {
        fn answer(target: &str) -> (u16, String) {
            let page = |token: &str, names: &[&str]| {
                let items: Vec<_> = names.iter().map(|n| serde_json::json!({ "Name": n })).collect();
                serde_json::json!({ "ContinuationToken": token, "Items": items }).to_string()
            };
            match target
                .split_once("ContinuationToken=")
                .map(|(_, rest)| rest.split('&').next().unwrap())
            {
                None => (200, page("page%2", &["n1", "n2"])),
                Some("page%252") => (200, page("page 3", &["n3", "n4"])),
                // The spec marks the token x-ms-skip-url-encoding: an escape the gateway put
                // in it goes back unchanged; everything else is still encoded.
                Some("page%203") => (200, page("fabric:/a%2Fb+c", &["n5"])),
                Some("fabric%3A%2Fa%2Fb%2Bc") => (200, page("", &["n6"])),
                Some(other) => (500, format!("unexpected token {other}")),
            }
        }
        let (client, seen) = serve(answer).await;
        let nodes: Vec<_> = client.nodes(Some(NodeStatusFilter::Up), Some(2), None).collect().await;
        let names: Vec<_> = nodes.into_iter().map(|n| n.unwrap().name.unwrap()).collect();
        assert_eq!(names, ["n1", "n2", "n3", "n4", "n5", "n6"]);
        assert_eq!(
            lines(&seen),
            [
                "GET /Nodes?api-version=6.3&NodeStatusFilter=up&MaxResults=2 HTTP/1.1",
                "GET /Nodes?api-version=6.3&ContinuationToken=page%252&NodeStatusFilter=up&MaxResults=2 HTTP/1.1",
                "GET /Nodes?api-version=6.3&ContinuationToken=page%203&NodeStatusFilter=up&MaxResults=2 HTTP/1.1",
                "GET /Nodes?api-version=6.3&ContinuationToken=fabric%3A%2Fa%2Fb%2Bc&NodeStatusFilter=up&MaxResults=2 HTTP/1.1",
            ]
        );
    }

    /// A page that repeats the token that fetched it ends the stream with a paging error
    /// instead of looping, and the caller learns the list was not read to its end.
    #[tokio::test]
    async fn a_repeated_token_ends_the_stream() {
        fn answer(_: &str) -> (u16, String) {
            (200, r#"{"ContinuationToken":"same","Items":[{"Name":"n"}]}"#.to_owned())
        }
        let (client, seen) = serve(answer).await;
        let nodes: Vec<_> = client.nodes(None, None, None).collect().await;
        assert_eq!(nodes.len(), 3);
        assert!(nodes[..2].iter().all(Result::is_ok));
        assert_eq!(nodes[2].as_ref().unwrap_err().kind(), fabric_rest::ErrorKind::Paging);
        assert_eq!(seen.lock().unwrap().len(), 2);
    }

    /// Awkward values fill exactly one segment; `keep_escapes` parameters keep valid escapes.
    #[tokio::test]
    async fn path_values_are_encoded_on_the_wire() {
        fn answer(_: &str) -> (u16, String) {
            (204, String::new())
        }
        let (client, seen) = serve(answer).await;
        let node = client.get_node_info("a b/c~d%e é?#", None).await.unwrap();
        assert!(node.is_none(), "204 No Content is None");
        let app = client
            .get_deployed_application_info("n/1", "My App~Sub%41x%zz/ü", None, None)
            .await
            .unwrap();
        assert!(app.is_none());
        assert_eq!(
            lines(&seen),
            [
                "GET /Nodes/a%20b%2Fc~d%25e%20%C3%A9%3F%23?api-version=6.0 HTTP/1.1",
                "GET /Nodes/n%2F1/$/GetApplications/My%20App~Sub%41x%25zz%2F%C3%BC?api-version=6.1 HTTP/1.1",
            ]
        );
    }

    /// An integer outside the spec's range fails before anything is sent.
    #[tokio::test]
    async fn out_of_range_integers_are_not_sent() {
        fn answer(_: &str) -> (u16, String) {
            (200, "{}".to_owned())
        }
        let (client, seen) = serve(answer).await;
        let error = client.get_node_info_list(None, None, Some(-1), None).await.unwrap_err();
        assert!(error.is_invalid_argument());
        assert!(
            error
                .to_string()
                .contains("query parameter `MaxResults` is -1; the gateway accepts 0 or more"),
            "{error}"
        );
        assert!(seen.lock().unwrap().is_empty());
        client.get_node_info_list(None, None, Some(0), None).await.unwrap();
        assert_eq!(lines(&seen), ["GET /Nodes?api-version=6.3&MaxResults=0 HTTP/1.1"]);
    }

    /// An optional body left out sends no body; a given one is JSON.
    #[tokio::test]
    async fn optional_bodies() {
        fn answer(_: &str) -> (u16, String) {
            (200, r#"{"Name":"n1","AggregatedHealthState":"Warning"}"#.to_owned())
        }
        let (client, seen) = serve(answer).await;
        let health = client
            .get_node_health_using_policy("n1", None, None, None)
            .await
            .unwrap();
        assert_eq!(
            health.aggregated_health_state,
            Some(fabric_rest::models::HealthState::Warning)
        );
        let mut policy = fabric_rest::models::ClusterHealthPolicy::new();
        policy.consider_warning_as_error = Some(true);
        client
            .get_node_health_using_policy(
                "n1",
                Some(fabric_rest::models::HealthStateFilter::ERROR),
                Some(&policy),
                None,
            )
            .await
            .unwrap();
        let seen = seen.lock().unwrap();
        assert_eq!(seen[0].0, "POST /Nodes/n1/$/GetHealth?api-version=6.0 HTTP/1.1");
        assert_eq!(seen[0].1, b"");
        assert_eq!(
            seen[1].0,
            "POST /Nodes/n1/$/GetHealth?api-version=6.0&EventsHealthStateFilter=8 HTTP/1.1"
        );
        assert_eq!(seen[1].1, br#"{"ConsiderWarningAsError":true}"#);
    }
}
