//! The image store operations: whole files, upload sessions and their chunks, listings and
//! deletes, on the emulator's in-memory store.

use axum::http::StatusCode;
use axum::response::Response;
use serde_json::{Value, json};

use super::{Builtin, path_value};
use crate::image_store::{ImageStore, StoreError, StoredFile};
use crate::nodes;
use crate::query::Query;
use crate::record::RecordedRequest;
use crate::reply;
use crate::server::Gateway;

/// The store path of a request's `{contentPath}`: decoded, without outer `/`.
fn content_path(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> String {
    path_value(gateway, builtin, request, "contentPath")
        .unwrap_or_default()
        .trim_matches('/')
        .to_owned()
}

/// A time as the gateway writes dates.
pub(super) fn utc(time: std::time::SystemTime) -> String {
    let seconds = time.duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    nodes::utc(seconds)
}

fn refused(error: StoreError) -> Response {
    match error {
        StoreError::Full => reply::error(
            StatusCode::INTERNAL_SERVER_ERROR,
            "FABRIC_E_IMAGESTORE_IOERROR",
            "The image store is full.",
        ),
        StoreError::BadChunk(message) => reply::error(StatusCode::BAD_REQUEST, "E_INVALIDARG", &message),
        StoreError::NoSession => reply::error(
            StatusCode::NOT_FOUND,
            "FABRIC_E_FILE_NOT_FOUND",
            "No upload session has that id.",
        ),
        StoreError::Incomplete => reply::error(
            StatusCode::BAD_REQUEST,
            "E_INVALIDARG",
            "The upload session still lacks bytes of its file.",
        ),
    }
}

fn done(result: Result<(), StoreError>) -> Response {
    match result {
        Ok(()) => reply::empty(StatusCode::OK),
        Err(error) => refused(error),
    }
}

pub(super) fn upload_file(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let path = content_path(gateway, builtin, request);
    done(gateway.image_store().put(&path, request.body.clone()))
}

/// `Content-Range: bytes a-b/n`.
fn content_range(text: &str) -> Option<(u64, u64, u64)> {
    let (range, size) = text.trim().strip_prefix("bytes ")?.split_once('/')?;
    let (start, end) = range.split_once('-')?;
    Some((start.parse().ok()?, end.parse().ok()?, size.parse().ok()?))
}

pub(super) fn upload_chunk(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest, query: &Query) -> Response {
    let path = content_path(gateway, builtin, request);
    let (Some(session), Some(range)) = (
        query.get("session-id"),
        request.header("content-range").and_then(content_range),
    ) else {
        return reply::invalid_argument();
    };
    done(gateway.image_store().chunk(session, &path, range, request.body.clone()))
}

fn session_json(id: &str, session: &crate::image_store::Session) -> Value {
    let ranges: Vec<Value> = session
        .expected_ranges()
        .into_iter()
        .map(|(start, end)| json!({"StartPosition": start.to_string(), "EndPosition": end.to_string()}))
        .collect();
    json!({
        "StoreRelativePath": session.path,
        "SessionId": id,
        "ModifiedDate": utc(session.modified),
        "FileSize": session.size.to_string(),
        "ExpectedRanges": ranges,
    })
}

pub(super) fn session_by_id(gateway: &Gateway, query: &Query) -> Response {
    let Some(id) = query.get("session-id") else {
        return reply::invalid_argument();
    };
    let store = gateway.image_store();
    let sessions: Vec<Value> = store
        .sessions
        .get(id)
        .map(|s| session_json(id, s))
        .into_iter()
        .collect();
    reply::json(StatusCode::OK, &json!({ "UploadSessions": sessions }))
}

pub(super) fn session_by_path(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let path = content_path(gateway, builtin, request);
    let store = gateway.image_store();
    let sessions: Vec<Value> = store
        .sessions
        .iter()
        .filter(|(_, s)| s.path == path)
        .map(|(id, s)| session_json(id, s))
        .collect();
    reply::json(StatusCode::OK, &json!({ "UploadSessions": sessions }))
}

pub(super) fn commit(gateway: &Gateway, query: &Query) -> Response {
    match query.get("session-id") {
        Some(id) => done(gateway.image_store().commit(id)),
        None => reply::invalid_argument(),
    }
}

pub(super) fn delete_session(gateway: &Gateway, query: &Query) -> Response {
    match query.get("session-id") {
        Some(id) => {
            gateway.image_store().sessions.remove(id);
            reply::empty(StatusCode::OK)
        }
        None => reply::invalid_argument(),
    }
}

fn file_json(path: &str, file: &StoredFile) -> Value {
    json!({
        "FileSize": file.bytes.len().to_string(),
        "FileVersion": {
            "StoreRelativePath": path,
            "VersionNumber": file.version.to_string(),
            "EpochDataLossNumber": "1",
            "EpochConfigurationNumber": "1",
        },
        "ModifiedDate": utc(file.modified),
        "StoreRelativePath": path,
    })
}

fn listing(store: &ImageStore, path: &str) -> Value {
    let (files, folders) = store.list(path);
    let files: Vec<Value> = files.into_iter().map(|(p, f)| file_json(p, f)).collect();
    let folders: Vec<Value> = folders
        .into_iter()
        .map(|(p, count)| json!({"StoreRelativePath": p, "FileCount": count.to_string()}))
        .collect();
    json!({"StoreFiles": files, "StoreFolders": folders})
}

pub(super) fn content(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let path = content_path(gateway, builtin, request);
    let store = gateway.image_store();
    let found = store
        .files
        .keys()
        .any(|name| crate::image_store::is_at_or_below(name, &path));
    if !found {
        return reply::error(
            StatusCode::NOT_FOUND,
            "FABRIC_E_FILE_NOT_FOUND",
            &format!("{path} is not in the image store."),
        );
    }
    reply::json(StatusCode::OK, &listing(&store, &path))
}

pub(super) fn root_content(gateway: &Gateway) -> Response {
    reply::json(StatusCode::OK, &listing(&gateway.image_store(), ""))
}

pub(super) fn delete_content(gateway: &Gateway, builtin: Builtin, request: &RecordedRequest) -> Response {
    let path = content_path(gateway, builtin, request);
    if gateway.image_store().delete(&path) {
        reply::empty(StatusCode::OK)
    } else {
        reply::error(
            StatusCode::NOT_FOUND,
            "FABRIC_E_FILE_NOT_FOUND",
            &format!("{path} is not in the image store."),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_ranges_as_the_library_sends_them() {
        assert_eq!(content_range("bytes 0-1023/4096"), Some((0, 1023, 4096)));
        assert_eq!(content_range("bytes 0-1023"), None);
        assert_eq!(content_range("items 0-1/2"), None);
    }
}
