//! Application types and applications: provisioning a package from the image store (its
//! `ApplicationManifest.xml` read for the type's name, version and parameters, its folders
//! checked for `_.dir` markers), creating, deleting and upgrading applications.

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::image_store::utc;
use super::{Builtin, path_value};
use crate::applications::{Application, ApplicationType, Refusal, Upgrade, UpgradeRequest, id_of};
use crate::image_store::{FOLDER_MARKER, ImageStore};
use crate::query::Query;
use crate::record::RecordedRequest;
use crate::reply;
use crate::server::Gateway;

/// The manifest at the root of every package.
const MANIFEST: &str = "ApplicationManifest.xml";

/// The year-1 sentinel the gateway writes for "never".
const NEVER: &str = "0001-01-01T00:00:00.000Z";

pub(super) fn refuse((status, code, message): Refusal) -> Response {
    let status = StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST);
    reply::error(status, code, &message)
}

fn body(request: &RecordedRequest) -> Option<Value> {
    serde_json::from_slice(&request.body).ok()
}

fn text(value: &Value, field: &str) -> Option<String> {
    value.get(field)?.as_str().map(str::to_owned)
}

/// A Key/Value list, as an array of pairs or an object.
fn pairs(value: Option<&Value>) -> Vec<(String, String)> {
    let text = |v: &Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
    match value {
        Some(Value::Array(items)) => items
            .iter()
            .filter_map(|item| Some((item.get("Key")?.as_str()?.to_owned(), text(item.get("Value")?))))
            .collect(),
        Some(Value::Object(map)) => map.iter().map(|(k, v)| (k.clone(), text(v))).collect(),
        _ => Vec::new(),
    }
}

fn key_values(pairs: &[(String, String)]) -> Value {
    pairs.iter().map(|(k, v)| json!({"Key": k, "Value": v})).collect()
}

/// The value of attribute `name` in the first `element` tag of `xml`.
fn attribute(xml: &str, element: &str, name: &str) -> Option<String> {
    let start = xml.find(&format!("<{element}"))?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let at = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[at..].find('"')?;
    Some(tag[at..at + end].to_owned())
}

/// The default parameters of a manifest: every `<Parameter Name=".." DefaultValue=".."/>`.
fn default_parameters(xml: &str) -> Vec<(String, String)> {
    xml.match_indices("<Parameter ")
        .filter_map(|(at, _)| {
            let rest = &xml[at..];
            Some((
                attribute(rest, "Parameter", "Name")?,
                attribute(rest, "Parameter", "DefaultValue")?,
            ))
        })
        .collect()
}

/// What provisioning reads from a manifest: the type's name, version and default parameters.
type Manifest = (String, String, Vec<(String, String)>);

/// Why the package at `path` cannot be provisioned, as the image builder says it.
fn check_package(store: &ImageStore, path: &str) -> Result<Manifest, Refusal> {
    let mut folders: Vec<String> = vec![path.to_owned()];
    let inside = store
        .files
        .keys()
        .filter_map(|name| name.strip_prefix(path)?.strip_prefix('/'));
    for name in inside {
        let mut folder = path.to_owned();
        let parts: Vec<&str> = name.split('/').collect();
        for part in &parts[..parts.len() - 1] {
            folder = format!("{folder}/{part}");
            folders.push(folder.clone());
        }
    }
    if let Some(missing) = folders
        .iter()
        .find(|f| !store.files.contains_key(&format!("{f}/{FOLDER_MARKER}")))
    {
        return Err((
            400,
            "FABRIC_E_DIRECTORY_NOT_FOUND",
            format!("Directory not found in the image store: {missing} (its {FOLDER_MARKER} marker is missing)."),
        ));
    }
    let manifest = store.files.get(&format!("{path}/{MANIFEST}")).ok_or_else(|| {
        (
            400,
            "FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR",
            format!("{path}/{MANIFEST} is not in the image store."),
        )
    })?;
    let xml = String::from_utf8_lossy(&manifest.bytes);
    let name = attribute(&xml, "ApplicationManifest", "ApplicationTypeName");
    let version = attribute(&xml, "ApplicationManifest", "ApplicationTypeVersion");
    match (name, version) {
        (Some(name), Some(version)) => Ok((name, version, default_parameters(&xml))),
        _ => Err((
            400,
            "FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR",
            format!("{path}/{MANIFEST} names no ApplicationTypeName and ApplicationTypeVersion."),
        )),
    }
}

pub(super) fn provision(gateway: &Gateway, request: &RecordedRequest) -> Response {
    let Some(description) = body(request) else {
        return reply::invalid_argument();
    };
    let asynchronous = description.get("Async").and_then(Value::as_bool).unwrap_or(false);
    let found = match text(&description, "Kind").as_deref() {
        Some("ImageStorePath") => {
            let path = text(&description, "ApplicationTypeBuildPath").unwrap_or_default();
            check_package(&gateway.image_store(), path.trim_matches('/'))
                .map(|found| (found, Some(path.trim_matches('/').to_owned())))
        }
        Some("ExternalStore") => match (
            text(&description, "ApplicationTypeName"),
            text(&description, "ApplicationTypeVersion"),
        ) {
            (Some(name), Some(version)) => Ok(((name, version, Vec::new()), None)),
            _ => return reply::invalid_argument(),
        },
        _ => return reply::invalid_argument(),
    };
    let ((name, version, defaults), path) = match found {
        Ok(found) => found,
        Err(refusal) => return refuse(refusal),
    };
    let result = gateway
        .applications()
        .provision(Instant::now(), (name, version), defaults, asynchronous);
    if let Err(refusal) = result {
        return refuse(refusal);
    }
    if text(&description, "ApplicationPackageCleanupPolicy").as_deref() == Some("Automatic")
        && let Some(path) = path
    {
        gateway.image_store().delete(&path);
    }
    reply::empty(if asynchronous {
        StatusCode::ACCEPTED
    } else {
        StatusCode::OK
    })
}

fn type_json(t: &ApplicationType, now: Instant) -> Value {
    json!({
        "Name": t.name,
        "Version": t.version,
        "DefaultParameterList": key_values(&t.defaults),
        "Status": t.status(now),
        "StatusDetails": "",
        "ApplicationTypeDefinitionKind": "ServiceFabricApplicationPackage",
    })
}

pub(super) fn types(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest, query: &Query) -> Response {
    let name = path_value(gateway, builtin, request, "applicationTypeName");
    let version = query.get("ApplicationTypeVersion");
    let now = Instant::now();
    let apps = gateway.applications();
    let items: Vec<Value> = apps
        .types
        .values()
        .filter(|t| name.as_ref().is_none_or(|n| *n == t.name))
        .filter(|t| version.is_none_or(|v| v == t.version))
        .map(|t| type_json(t, now))
        .collect();
    reply::json(StatusCode::OK, &json!({"ContinuationToken": "", "Items": items}))
}

pub(super) fn unprovision(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let name = path_value(gateway, builtin, request, "applicationTypeName").unwrap_or_default();
    let Some((version, asynchronous)) = body(request).and_then(|b| {
        Some((
            text(&b, "ApplicationTypeVersion")?,
            b.get("Async").and_then(Value::as_bool).unwrap_or(false),
        ))
    }) else {
        return reply::invalid_argument();
    };
    match gateway.applications().unprovision(&name, &version) {
        Ok(()) if asynchronous => reply::empty(StatusCode::ACCEPTED),
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refuse(refusal),
    }
}

pub(super) fn create(gateway: &Gateway, request: &RecordedRequest) -> Response {
    let Some(description) = body(request) else {
        return reply::invalid_argument();
    };
    let (Some(name), Some(type_name), Some(type_version)) = (
        text(&description, "Name"),
        text(&description, "TypeName"),
        text(&description, "TypeVersion"),
    ) else {
        return reply::invalid_argument();
    };
    let parameters = pairs(description.get("ParameterList"));
    match gateway
        .applications()
        .create(Instant::now(), (name, type_name, type_version), parameters)
    {
        Ok(()) => reply::empty(StatusCode::CREATED),
        Err(refusal) => refuse(refusal),
    }
}

fn app_json(app: &Application, now: Instant) -> Value {
    json!({
        "Id": id_of(&app.name),
        "Name": app.name,
        "TypeName": app.type_name,
        "TypeVersion": app.type_version,
        "Status": app.status(now),
        "Parameters": key_values(&app.parameters),
        "HealthState": app.health(),
        "ApplicationDefinitionKind": "ServiceFabricApplicationDescription",
    })
}

fn application_id(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> String {
    path_value(gateway, builtin, request, "applicationId").unwrap_or_default()
}

pub(super) fn info(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let id = application_id(gateway, builtin, request);
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    match apps.by_id(&id) {
        Some(app) => reply::json(StatusCode::OK, &app_json(app, now)),
        // The gateway answers an unknown application with no content.
        None => reply::empty(StatusCode::NO_CONTENT),
    }
}

pub(super) fn list(gateway: &Gateway, query: &Query) -> Response {
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    let type_name = query.get("ApplicationTypeName");
    let items: Vec<Value> = apps
        .apps
        .values()
        .filter(|app| type_name.is_none_or(|t| t == app.type_name))
        .map(|app| app_json(app, now))
        .collect();
    reply::json(StatusCode::OK, &json!({"ContinuationToken": "", "Items": items}))
}

pub(super) fn delete(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let id = application_id(gateway, builtin, request);
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    match apps.delete(now, &id) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refuse(refusal),
    }
}

pub(super) fn upgrade(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let id = application_id(gateway, builtin, request);
    let Some(description) = body(request) else {
        return reply::invalid_argument();
    };
    let Some(target_version) = text(&description, "TargetApplicationTypeVersion") else {
        return reply::invalid_argument();
    };
    let policy = description.get("MonitoringPolicy");
    let upgrade = UpgradeRequest {
        target_version,
        parameters: pairs(description.get("Parameters")),
        mode: text(&description, "RollingUpgradeMode").unwrap_or_else(|| "UnmonitoredAuto".to_owned()),
        failure_action: policy
            .and_then(|p| text(p, "FailureAction"))
            .unwrap_or_else(|| "Manual".to_owned()),
    };
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    match apps.upgrade(now, &id, upgrade) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refuse(refusal),
    }
}

pub(super) fn resume(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let id = application_id(gateway, builtin, request);
    let Some(domain) = body(request).and_then(|b| text(&b, "UpgradeDomainName")) else {
        return reply::invalid_argument();
    };
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    match apps.resume(now, &id, &domain) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refuse(refusal),
    }
}

fn domain_state(upgrade: &Upgrade, index: usize) -> &'static str {
    match upgrade.current() {
        Some(current) if current == index => "InProgress",
        _ if index < upgrade.done => "Completed",
        _ => "Pending",
    }
}

fn progress_json(app: &Application, upgrade: &Upgrade) -> Value {
    let domains: Vec<Value> = (0..upgrade.domains.len())
        .map(|i| json!({"Name": upgrade.domains[i], "State": domain_state(upgrade, i)}))
        .collect();
    let failed = upgrade.failed.is_some();
    let evaluations: Vec<Value> = if failed {
        vec![json!({"HealthEvaluation": {
            "Kind": "Event",
            "AggregatedHealthState": "Error",
            "Description": "The health check of the emulated application failed.",
            "UnhealthyEvent": {
                "SourceId": "Emulator", "Property": "Upgrade", "HealthState": "Error",
                "Description": "The health check of the emulated application failed.",
            },
        }})]
    } else {
        Vec::new()
    };
    json!({
        "Name": app.name,
        "TypeName": app.type_name,
        "TargetApplicationTypeVersion": upgrade.target_version,
        "UpgradeDomains": domains,
        "UpgradeState": upgrade.state(),
        "NextUpgradeDomain": upgrade.next().unwrap_or(""),
        "RollingUpgradeMode": upgrade.mode,
        "UnhealthyEvaluations": evaluations,
        "CurrentUpgradeDomainProgress": {
            "DomainName": upgrade.current().map_or("", |i| upgrade.domains[i].as_str()),
            "NodeUpgradeProgressList": [],
        },
        "StartTimestampUtc": utc(upgrade.started),
        "FailureTimestampUtc": upgrade.failed.map_or_else(|| NEVER.to_owned(), utc),
        "FailureReason": if failed { "HealthCheck" } else { "None" },
        "UpgradeStatusDetails": "",
    })
}

pub(super) fn progress(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let id = application_id(gateway, builtin, request);
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    let Some(app) = apps.by_id(&id) else {
        return refuse((
            404,
            "FABRIC_E_APPLICATION_NOT_FOUND",
            format!("Application {id} does not exist."),
        ));
    };
    // Right after a start, the first read still shows how the previous upgrade ended.
    let stale = !std::mem::replace(&mut app.read_since_start, true);
    let shown = match (&app.upgrade, &app.previous) {
        (Some(_), Some(previous)) if stale => previous,
        (Some(upgrade), _) => upgrade,
        (None, _) => {
            let body = json!({
                "Name": app.name, "TypeName": app.type_name,
                "TargetApplicationTypeVersion": app.type_version,
                "UpgradeDomains": [], "UpgradeState": "Invalid", "FailureReason": "None",
            });
            return reply::json(StatusCode::OK, &body);
        }
    };
    reply::json(StatusCode::OK, &progress_json(app, shown))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MANIFEST_XML: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<ApplicationManifest ApplicationTypeName="VotingType" ApplicationTypeVersion="1.0.0" xmlns="http://schemas.microsoft.com/2011/01/fabric">
  <Parameters>
    <Parameter Name="Web_InstanceCount" DefaultValue="-1" />
    <Parameter Name="Greeting" DefaultValue="hello" />
  </Parameters>
</ApplicationManifest>"#;

    #[test]
    fn the_manifest_gives_name_version_and_defaults() {
        assert_eq!(
            attribute(MANIFEST_XML, "ApplicationManifest", "ApplicationTypeName").as_deref(),
            Some("VotingType")
        );
        assert_eq!(
            attribute(MANIFEST_XML, "ApplicationManifest", "ApplicationTypeVersion").as_deref(),
            Some("1.0.0")
        );
        assert_eq!(
            default_parameters(MANIFEST_XML),
            [
                ("Web_InstanceCount".to_owned(), "-1".to_owned()),
                ("Greeting".to_owned(), "hello".to_owned())
            ]
        );
    }

    #[test]
    fn provisioning_needs_every_marker_and_the_manifest() {
        let mut store = ImageStore::new(1 << 20);
        store.put("Pkg/ApplicationManifest.xml", MANIFEST_XML.into()).unwrap();
        store.put("Pkg/Svc/Code/run.sh", b"echo".to_vec()).unwrap();
        store.put("Pkg/_.dir", Vec::new()).unwrap();
        store.put("Pkg/Svc/_.dir", Vec::new()).unwrap();
        let missing = check_package(&store, "Pkg").unwrap_err();
        assert_eq!(missing.1, "FABRIC_E_DIRECTORY_NOT_FOUND");
        assert!(missing.2.contains("Pkg/Svc/Code"), "{}", missing.2);
        store.put("Pkg/Svc/Code/_.dir", Vec::new()).unwrap();
        let (name, version, _) = check_package(&store, "Pkg").unwrap();
        assert_eq!((name.as_str(), version.as_str()), ("VotingType", "1.0.0"));
        store.delete("Pkg/ApplicationManifest.xml");
        assert_eq!(
            check_package(&store, "Pkg").unwrap_err().1,
            "FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR"
        );
    }

    #[test]
    fn key_value_lists_arrive_as_arrays_or_objects() {
        let array = json!([{"Key": "a", "Value": "1"}]);
        let object = json!({"a": "1"});
        assert_eq!(pairs(Some(&array)), pairs(Some(&object)));
    }
}
