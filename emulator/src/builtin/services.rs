//! The services of the emulated applications: created from a `ServiceDescription`, listed,
//! read and deleted, each moving on by a step as the cluster would.

use std::time::Instant;

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::applications::refuse;
use super::{Builtin, path_value};
use crate::applications::{Service, id_of};
use crate::record::RecordedRequest;
use crate::reply;
use crate::server::Gateway;

fn service_json(service: &Service, now: Instant) -> Value {
    json!({
        "Id": id_of(&service.name),
        "ServiceKind": service.kind,
        "Name": service.name,
        "TypeName": service.type_name,
        "ManifestVersion": "1.0.0",
        "HealthState": "Ok",
        "ServiceStatus": service.status(now),
        "IsServiceGroup": false,
    })
}

pub(super) fn create(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let app_id = path_value(gateway, builtin, request, "applicationId").unwrap_or_default();
    let Some(description) = serde_json::from_slice::<Value>(&request.body).ok() else {
        return reply::invalid_argument();
    };
    let text = |field: &str| description.get(field).and_then(Value::as_str).map(str::to_owned);
    let (Some(name), Some(type_name), Some(kind)) = (text("ServiceName"), text("ServiceTypeName"), text("ServiceKind"))
    else {
        return reply::invalid_argument();
    };
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    match apps.create_service(now, &app_id, (name, type_name, kind)) {
        Ok(()) => reply::empty(StatusCode::ACCEPTED),
        Err(refusal) => refuse(refusal),
    }
}

pub(super) fn info(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let app_id = path_value(gateway, builtin, request, "applicationId").unwrap_or_default();
    let service_id = path_value(gateway, builtin, request, "serviceId").unwrap_or_default();
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    let found = apps
        .services
        .values()
        .find(|s| id_of(&s.name) == service_id && id_of(&s.application) == app_id);
    match found {
        Some(service) => reply::json(StatusCode::OK, &service_json(service, now)),
        // The gateway answers an unknown service with no content.
        None => reply::empty(StatusCode::NO_CONTENT),
    }
}

pub(super) fn list(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let app_id = path_value(gateway, builtin, request, "applicationId").unwrap_or_default();
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    if apps.by_id(&app_id).is_none() {
        return refuse((
            404,
            "FABRIC_E_APPLICATION_NOT_FOUND",
            format!("Application {app_id} does not exist."),
        ));
    }
    let items: Vec<Value> = apps
        .services
        .values()
        .filter(|s| id_of(&s.application) == app_id)
        .map(|s| service_json(s, now))
        .collect();
    reply::json(StatusCode::OK, &json!({"ContinuationToken": "", "Items": items}))
}

pub(super) fn delete(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let service_id = path_value(gateway, builtin, request, "serviceId").unwrap_or_default();
    let now = Instant::now();
    let mut apps = gateway.applications();
    apps.settle(now);
    match apps.delete_service(now, &service_id) {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(refusal) => refuse(refusal),
    }
}
