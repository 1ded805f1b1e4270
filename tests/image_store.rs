//! The ImageStore operations on the wire, against a loopback gateway that records each
//! request: request lines, headers and bodies byte for byte.

use std::future::Future;
use std::time::Duration;

use fabric_rest::image_store::ImageStore;
use fabric_rest::models::{ContentRange, ContentRangeError, ImageStoreCopyDescription};
use fabric_rest::{Client, ServerTimeout};

mod support;
use support::{Heads, Seen, lines, serve, serve_with_heads};

const SESSION: &str = "4a2340e8-d8d8-497c-95fe-cdaa1052f33b";

/// Runs a test body, failing it if it takes longer than 20 seconds.
async fn bounded(test: impl Future<Output = ()>) {
    tokio::time::timeout(Duration::from_secs(20), test)
        .await
        .expect("the test finished in time");
}

fn ok(_: &str) -> (u16, String) {
    (200, String::new())
}

/// The header lines of request `index`, names lowercased, sorted, without the ones that
/// change from run to run or release to release (host, request id, user agent).
fn headers(heads: &Heads, index: usize) -> Vec<String> {
    let heads = heads.lock().unwrap();
    let mut lines: Vec<String> = heads[index]
        .iter()
        .map(|line| {
            let (name, value) = line.split_once(':').unwrap();
            format!("{}: {}", name.to_ascii_lowercase(), value.trim())
        })
        .filter(|line| {
            !["host:", "x-servicefabricrequestid:", "user-agent:"]
                .iter()
                .any(|name| line.starts_with(name))
        })
        .collect();
    lines.sort();
    lines
}

fn body(seen: &Seen, index: usize) -> Vec<u8> {
    seen.lock().unwrap()[index].1.clone()
}

async fn gateway() -> (Client, Seen, Heads) {
    serve_with_heads(ok).await
}

/// A chunk goes out as a PUT whose path holds the whole content path in one segment, with
/// the session id in the query, the range as `Content-Range` and the bytes as they are.
#[tokio::test]
async fn upload_file_chunk_on_the_wire() {
    bounded(async {
        let (client, seen, heads) = gateway().await;
        let file: Vec<u8> = (0..12).map(|i| [0x00, 0xff, b'\r', b'\n'][i % 4]).collect();
        let range = ContentRange::for_chunk(5, 5, 12).unwrap();
        let chunk = &file[range.start() as usize..=range.end() as usize];
        client
            .upload_file_chunk("Store/My App/Code/data.bin", SESSION, range, chunk, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "PUT /ImageStore/Store%2FMy%20App%2FCode%2Fdata.bin/$/UploadChunk?api-version=6.0&session-id={SESSION} HTTP/1.1"
            )]
        );
        assert_eq!(
            headers(&heads, 0),
            [
                "accept: */*",
                "content-length: 5",
                "content-range: bytes 5-9/12",
                "content-type: application/octet-stream",
            ]
        );
        assert_eq!(body(&seen, 0), [0xff, b'\r', b'\n', 0x00, 0xff]);
    })
    .await;
}

/// `contentPath` is not marked `x-ms-skip-url-encoding` in the spec, so it is encoded
/// strictly: `\` (the image store's own separator), `/`, `%` and non-ASCII characters are
/// all escaped, and an escape the caller wrote is sent as the text it is.
#[tokio::test]
async fn content_paths_fill_one_segment() {
    bounded(async {
        let (client, seen) = serve(|_| (200, "{}".to_owned())).await;
        client
            .get_image_store_content(r"Store\My App\ApplicationManifest.xml", None)
            .await
            .unwrap();
        client
            .get_image_store_folder_size("Store/Déjà vu%2F/~v1.0_x-y", None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [
                "GET /ImageStore/Store%5CMy%20App%5CApplicationManifest.xml?api-version=6.2 HTTP/1.1",
                "GET /ImageStore/Store%2FD%C3%A9j%C3%A0%20vu%252F%2F~v1.0_x-y/$/FolderSize?api-version=6.5 HTTP/1.1",
            ]
        );
    })
    .await;
}

/// A range outside the file is refused where it is made, with a typed error and a message
/// that says what is wrong; `?` turns it into an invalid-argument error, and nothing is
/// sent.
#[tokio::test]
async fn a_range_outside_the_file_is_never_sent() {
    bounded(async {
        let (client, seen) = serve(ok).await;
        let error = ContentRange::new(5, 12, 12).unwrap_err();
        assert_eq!(error, ContentRangeError::EndPastFile { end: 12, total: 12 });
        assert_eq!(
            error.to_string(),
            "content range ends at byte 12, which is not inside a 12-byte file (bytes are numbered from 0)"
        );
        async fn upload(client: &Client, chunk: &[u8], offset: u64, total: u64) -> fabric_rest::Result<()> {
            let range = ContentRange::for_chunk(offset, chunk.len() as u64, total)?;
            client.upload_file_chunk("f", SESSION, range, chunk, None).await
        }
        let error = upload(&client, b"abcd", 10, 12).await.unwrap_err();
        assert!(error.is_invalid_argument());
        assert_eq!(
            error.to_string(),
            "invalid argument: a 4-byte chunk at offset 10 runs past the end of a 12-byte file; nothing was sent"
        );
        assert!(seen.lock().unwrap().is_empty());
        upload(&client, b"ab", 10, 12).await.unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "PUT /ImageStore/f/$/UploadChunk?api-version=6.0&session-id={SESSION} HTTP/1.1"
            )]
        );
    })
    .await;
}

/// UploadFile sends the file as a raw body; an empty one (a folder's `_.dir` mark file) is
/// still sent with its length, 0: HTTP.sys, which serves the gateway on Windows, answers a
/// PUT without a length with 411 Length Required.
#[tokio::test]
async fn upload_file_sends_the_raw_bytes() {
    bounded(async {
        let (client, seen, heads) = gateway().await;
        let manifest = b"<?xml version=\"1.0\"?>\r\n<ApplicationManifest/>\x00";
        client
            .upload_file(
                r"Store\MyApp\ApplicationManifest.xml",
                manifest,
                Some(ServerTimeout::seconds::<30>()),
            )
            .await
            .unwrap();
        client.upload_file(r"Store\MyApp\_.dir", b"", None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                "PUT /ImageStore/Store%5CMyApp%5CApplicationManifest.xml?api-version=6.0&timeout=30 HTTP/1.1",
                "PUT /ImageStore/Store%5CMyApp%5C_.dir?api-version=6.0 HTTP/1.1",
            ]
        );
        assert_eq!(
            headers(&heads, 0),
            [
                "accept: */*",
                "content-length: 46",
                "content-type: application/octet-stream"
            ]
        );
        assert_eq!(body(&seen, 0), manifest);
        assert_eq!(
            headers(&heads, 1),
            [
                "accept: */*",
                "content-length: 0",
                "content-type: application/octet-stream"
            ]
        );
        assert_eq!(body(&seen, 1), b"");
    })
    .await;
}

/// A file over the gateway's 4 MiB body limit fails before anything is sent.
#[tokio::test]
async fn a_file_over_4_mib_is_not_sent() {
    bounded(async {
        let (client, seen) = serve(ok).await;
        let file = vec![7u8; 4 * 1024 * 1024 + 1];
        let error = client.upload_file("big.bin", &file, None).await.unwrap_err();
        assert!(error.is_invalid_argument());
        assert_eq!(
            error.to_string(),
            "PUT /ImageStore/big.bin: invalid argument: the body is 4194305 bytes; the gateway accepts at most 4194304 bytes (4 MiB); nothing was sent"
        );
        assert!(seen.lock().unwrap().is_empty());
    })
    .await;
}

/// CopyImageStoreContent sends its description as JSON, optional fields only when set.
#[tokio::test]
async fn copy_image_store_content_sends_json() {
    bounded(async {
        let (client, seen, heads) = gateway().await;
        let description = ImageStoreCopyDescription::new(r"Store\MyApp", r"Store\MyApp.v2")
            .with_skip_files(["_.dir", "Notes.txt"])
            .with_check_mark_file(true);
        client.copy_image_store_content(&description, None).await.unwrap();
        client
            .copy_image_store_content(&ImageStoreCopyDescription::new("a", "b"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [
                "POST /ImageStore/$/Copy?api-version=6.0 HTTP/1.1",
                "POST /ImageStore/$/Copy?api-version=6.0 HTTP/1.1",
            ]
        );
        assert_eq!(
            String::from_utf8(body(&seen, 0)).unwrap(),
            r#"{"RemoteSource":"Store\\MyApp","RemoteDestination":"Store\\MyApp.v2","SkipFiles":["_.dir","Notes.txt"],"CheckMarkFile":true}"#
        );
        assert_eq!(
            headers(&heads, 0),
            ["accept: */*", "content-length: 124", "content-type: application/json; charset=utf-8"]
        );
        assert_eq!(body(&seen, 1), br#"{"RemoteSource":"a","RemoteDestination":"b"}"#);
    })
    .await;
}

/// Committing and cancelling a session name it in the query, and send no body.
#[tokio::test]
async fn upload_sessions_are_named_in_the_query() {
    bounded(async {
        let (client, seen, heads) = gateway().await;
        client
            .commit_image_store_upload_session(SESSION, Some(ServerTimeout::seconds::<120>()))
            .await
            .unwrap();
        client.delete_image_store_upload_session(SESSION, None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                format!(
                    "POST /ImageStore/$/CommitUploadSession?api-version=6.0&session-id={SESSION}&timeout=120 HTTP/1.1"
                ),
                format!("DELETE /ImageStore/$/DeleteUploadSession?api-version=6.0&session-id={SESSION} HTTP/1.1"),
            ]
        );
        assert_eq!(body(&seen, 0), b"");
        assert_eq!(body(&seen, 1), b"");
        // A POST states its empty body's length (HTTP.sys answers 411 without one); a DELETE
        // has no body to state.
        assert_eq!(headers(&heads, 0), ["accept: */*", "content-length: 0"]);
        assert_eq!(headers(&heads, 1), ["accept: */*"]);
    })
    .await;
}

/// The remaining operations: their request lines and what they decode.
#[tokio::test]
async fn listing_sizes_and_deleting() {
    bounded(async {
        fn answer(target: &str) -> (u16, String) {
            let body = match target.split('?').next().unwrap() {
                "/ImageStore" => r#"{"StoreFiles":[],"StoreFolders":[{"StoreRelativePath":"Store","FileCount":"3"}]}"#,
                "/ImageStore/$/FolderSize" => r#"{"FolderSize":"1024"}"#,
                "/ImageStore/Store/$/FolderSize" => r#"{"StoreRelativePath":"Store","FolderSize":512}"#,
                "/ImageStore/$/Info" => r#"{"DiskInfo":{"Capacity":"100","AvailableSpace":"40"}}"#,
                "/ImageStore/Store/$/GetUploadSession" => r#"{"UploadSessions":[]}"#,
                _ => "",
            };
            (200, body.to_owned())
        }
        let (client, seen) = serve(answer).await;
        let root = client.get_image_store_root_content(None).await.unwrap();
        let folders = root.store_folders.unwrap();
        assert_eq!(folders[0].store_relative_path.as_deref(), Some("Store"));
        assert_eq!(folders[0].file_count.map(|n| (n.get(), n.is_quoted())), Some((3, true)));
        assert_eq!(root.store_files, Some(vec![]));
        let size = client.get_image_store_root_folder_size(None).await.unwrap();
        assert_eq!(size.folder_size.map(|n| (n.get(), n.is_quoted())), Some((1024, true)));
        assert_eq!(size.store_relative_path, None);
        let size = client.get_image_store_folder_size("Store", None).await.unwrap();
        assert_eq!(size.folder_size.map(|n| (n.get(), n.is_quoted())), Some((512, false)));
        let info = client.get_image_store_info(None).await.unwrap();
        let disk = info.disk_info.unwrap();
        assert_eq!(
            (disk.capacity.map(|n| n.get()), disk.available_space.map(|n| n.get())),
            (Some(100), Some(40))
        );
        assert_eq!(info.used_by_copy, None);
        let sessions = client
            .get_image_store_upload_session_by_path("Store", None)
            .await
            .unwrap();
        assert_eq!(sessions.upload_sessions, Some(vec![]));
        client.delete_image_store_content("Store", None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                "GET /ImageStore?api-version=6.0 HTTP/1.1",
                "GET /ImageStore/$/FolderSize?api-version=6.5 HTTP/1.1",
                "GET /ImageStore/Store/$/FolderSize?api-version=6.5 HTTP/1.1",
                "GET /ImageStore/$/Info?api-version=6.5 HTTP/1.1",
                "GET /ImageStore/Store/$/GetUploadSession?api-version=6.0 HTTP/1.1",
                "DELETE /ImageStore/Store?api-version=6.0 HTTP/1.1",
            ]
        );
    })
    .await;
}
