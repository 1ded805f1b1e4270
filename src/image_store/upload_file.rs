//! One file of a package upload: a single request for a small file, an upload session for
//! a large one, resumed from the ranges the image store still lacks after a failure.

use std::time::UNIX_EPOCH;

use super::ImageStore;
use super::package::PackageFile;
use super::upload::{Shared, UploadOptions, read_range, send, store_path};
use super::upload_error::UploadError;
use crate::models::ContentRange;

/// Uploads `file` of the package to `destination`.
pub(super) async fn upload_one<C: ImageStore + ?Sized>(
    client: &C,
    shared: &Shared<'_>,
    options: &UploadOptions,
    destination: &str,
    file: &PackageFile,
) -> Result<(), UploadError> {
    let path = store_path(destination, &file.relative);
    if file.size > options.single_request_limit {
        return upload_session(client, shared, options, &path, file).await;
    }
    let bytes = read_range(shared, file, 0, file.size).await?;
    send(
        shared,
        &file.relative,
        1,
        client.upload_file(&path, &bytes, shared.time_left()),
    )
    .await?;
    shared.sent(&file.relative, file.size);
    shared.file_done(&file.relative, false);
    Ok(())
}

/// The session id of `file` at `path`: the same for the same destination, size and
/// modification time, so a second run finds the session a broken one left.
fn session_id(path: &str, file: &PackageFile) -> String {
    let modified = std::fs::metadata(&file.local)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    let name = format!("fabric-rest upload\0{path}\0{}\0{modified}", file.size);
    uuid::Uuid::new_v5(&uuid::Uuid::NAMESPACE_URL, name.as_bytes()).to_string()
}

/// Uploads a large file through an upload session and commits it; a session that cannot
/// finish is deleted.
async fn upload_session<C: ImageStore + ?Sized>(
    client: &C,
    shared: &Shared<'_>,
    options: &UploadOptions,
    path: &str,
    file: &PackageFile,
) -> Result<(), UploadError> {
    let session = session_id(path, file);
    let name = &file.relative;
    let mut attempt = 1;
    let mut missing = missing_ranges(client, shared, file, &session, attempt).await?;
    let present = file.size - missing.iter().map(ContentRange::len).sum::<u64>();
    if present > 0 {
        shared.sent(name, present);
    }
    loop {
        match send_ranges(client, shared, options, path, file, &session, &missing, attempt).await {
            Ok(()) => break,
            Err(error) if attempt <= options.resumes && error.is_resumable() => {
                attempt += 1;
                missing = missing_ranges(client, shared, file, &session, attempt).await?;
                shared.resumed(name, missing.iter().map(ContentRange::len).sum());
            }
            Err(error) => return Err(abandon(client, shared, &session, error).await),
        }
    }
    let commit = client.commit_image_store_upload_session(&session, shared.time_left());
    if let Err(error) = send(shared, name, attempt, commit).await {
        return Err(abandon(client, shared, &session, error).await);
    }
    shared.file_done(name, true);
    Ok(())
}

/// Deletes a session that cannot finish (as far as the deadline allows) and hands back the
/// error that ended it.
async fn abandon<C: ImageStore + ?Sized>(
    client: &C,
    shared: &Shared<'_>,
    session: &str,
    error: UploadError,
) -> UploadError {
    if let Some(timeout) = shared.time_left() {
        let delete = client.delete_image_store_upload_session(session, Some(timeout));
        let _ = tokio::time::timeout_at(shared.deadline.into(), delete).await;
    }
    error
}

/// The ranges of `file` the image store lacks in `session`: all of it for a new session (or
/// one of another size), else the session's `ExpectedRanges`.
async fn missing_ranges<C: ImageStore + ?Sized>(
    client: &C,
    shared: &Shared<'_>,
    file: &PackageFile,
    session: &str,
    attempt: u32,
) -> Result<Vec<ContentRange>, UploadError> {
    let whole = || {
        ContentRange::new(0, file.size - 1, file.size)
            .into_iter()
            .collect::<Vec<_>>()
    };
    let read = client.get_image_store_upload_session_by_id(session, shared.time_left());
    let sessions = match send(shared, &file.relative, attempt, read).await {
        Ok(found) => found.upload_sessions.unwrap_or_default(),
        // An unknown session is not an error worth stopping for: start one.
        Err(error) if error.is_not_found() => return Ok(whole()),
        Err(error) => return Err(error),
    };
    let Some(info) = sessions.into_iter().next() else {
        return Ok(whole());
    };
    if info.file_size.map(|size| size.get()) != i64::try_from(file.size).ok() {
        return Ok(whole());
    }
    let ranges = info
        .expected_ranges
        .unwrap_or_default()
        .iter()
        .filter_map(|range| range.bounds())
        .filter_map(|(start, end)| ContentRange::new(start, end, file.size).ok())
        .collect();
    Ok(ranges)
}

/// Sends the bytes of `ranges`, in chunks of the configured size.
#[allow(clippy::too_many_arguments)]
async fn send_ranges<C: ImageStore + ?Sized>(
    client: &C,
    shared: &Shared<'_>,
    options: &UploadOptions,
    path: &str,
    file: &PackageFile,
    session: &str,
    ranges: &[ContentRange],
    attempt: u32,
) -> Result<(), UploadError> {
    let size = options.chunk_size.get();
    for range in ranges {
        let mut offset = range.start();
        while offset <= range.end() {
            let len = (range.end() - offset + 1).min(size);
            let chunk_range = ContentRange::for_chunk(offset, len, file.size).unwrap_or(*range);
            let chunk = read_range(shared, file, offset, len).await?;
            let upload = client.upload_file_chunk(path, session, chunk_range, &chunk, shared.time_left());
            send(shared, &file.relative, attempt, upload).await?;
            shared.sent(&file.relative, len);
            offset += len;
        }
    }
    Ok(())
}
