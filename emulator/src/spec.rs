//! The REST specification's description of every gateway operation, embedded.
//!
//! `spec/operations.json` holds one record per operation of the official spec: method,
//! path template, api-version, success statuses and parameters (the same digest the
//! library's conformance test checks its declarations against; `scripts/gen_spec_fixture.py`
//! writes both). The emulator reads it once per process into [`Endpoint`] descriptions, so
//! the operations it serves itself, the spec examples, and operations scripted by name in
//! a program that declares none are all checked the way the gateway checks them.

use std::sync::OnceLock;

use fabric_rest_runtime::{ApiVersion, Endpoint, Location, Method, Param, ParamKind};
use serde::Deserialize;

const OPERATIONS: &str = include_str!("spec/operations.json");

#[derive(Deserialize)]
struct Record {
    operation: String,
    method: String,
    path: String,
    api_version: String,
    success: Vec<u16>,
    body: Option<BodyRecord>,
    params: Vec<ParamRecord>,
}

#[derive(Deserialize)]
struct BodyRecord {
    required: bool,
}

#[derive(Deserialize)]
struct ParamRecord {
    #[serde(rename = "in")]
    location: String,
    name: String,
    required: bool,
    #[serde(rename = "type")]
    kind: Option<String>,
    #[serde(rename = "enum")]
    values: Option<Vec<String>>,
}

/// Every operation of the spec, by description.
pub(crate) fn operations() -> &'static [&'static Endpoint] {
    static TABLE: OnceLock<Vec<&'static Endpoint>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let records: Vec<Record> = serde_json::from_str(OPERATIONS).unwrap_or_default();
        records.into_iter().filter_map(endpoint).collect()
    })
}

/// The spec's description of `operation`.
pub(crate) fn find(operation: &str) -> Option<&'static Endpoint> {
    operations().iter().copied().find(|e| e.operation() == operation)
}

/// The description of a record. The strings and slices live as long as the process: the
/// table is built once and never dropped, as a constant would be.
fn endpoint(record: Record) -> Option<&'static Endpoint> {
    let method = match record.method.as_str() {
        "GET" => Method::Get,
        "POST" => Method::Post,
        "PUT" => Method::Put,
        "DELETE" => Method::Delete,
        "PATCH" => Method::Patch,
        _ => return None,
    };
    ApiVersion::parse(&record.api_version).ok()?;
    let mut params: Vec<Param> = record.params.into_iter().filter_map(param).collect();
    if let Some(body) = record.body {
        params.push(Param::new("body", Location::Body, body.required).with_kind(ParamKind::Json));
    }
    let endpoint = Endpoint::new(
        leak(record.operation),
        method,
        leak(record.path),
        leak(record.api_version),
    )
    .with_success(Vec::leak(record.success))
    .with_params(Vec::leak(params));
    Some(Box::leak(Box::new(endpoint)))
}

fn param(record: ParamRecord) -> Option<Param> {
    let location = match record.location.as_str() {
        "path" => Location::Path,
        "query" => Location::Query,
        "header" => Location::Header,
        _ => return None,
    };
    let kind = match (record.kind.as_deref(), &record.values) {
        (_, Some(_)) => ParamKind::Enum,
        (Some("integer"), _) => ParamKind::Integer,
        (Some("boolean"), _) => ParamKind::Boolean,
        (Some("string"), _) => ParamKind::String,
        _ => ParamKind::Other,
    };
    let kind = if location == Location::Query && record.name == "timeout" {
        ParamKind::ServerTimeout
    } else {
        kind
    };
    Some(
        Param::new(
            leak(record.name),
            location,
            record.required || location == Location::Path,
        )
        .with_kind(kind),
    )
}

fn leak(text: String) -> &'static str {
    String::leak(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_record_becomes_a_description() {
        let records: Vec<Record> = serde_json::from_str(OPERATIONS).expect("the digest is JSON");
        assert_eq!(operations().len(), records.len());
        assert_eq!(operations().len(), 251);
    }

    #[test]
    fn descriptions_say_what_the_spec_says() {
        let list = find("GetNodeInfoList").expect("GetNodeInfoList");
        assert_eq!(
            (list.method(), list.path(), list.api_version()),
            (Method::Get, "/Nodes", "6.3")
        );
        let filter = list.param(Location::Query, "NodeStatusFilter").expect("filter");
        assert_eq!((filter.required(), filter.kind()), (false, ParamKind::Enum));
        let config = find("GetClusterConfiguration").expect("GetClusterConfiguration");
        assert!(
            config
                .param(Location::Query, "ConfigurationApiVersion")
                .expect("param")
                .required()
        );
        let start = find("StartClusterConfigurationUpgrade").expect("start");
        assert_eq!(start.success(), &[202]);
        assert!(start.param(Location::Body, "body").expect("body").required());
        assert!(find("NoSuchOperation").is_none());
    }
}
