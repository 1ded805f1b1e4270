//! The ImageStore group of the REST reference: the operations under `/ImageStore`, the
//! cluster's store of application and cluster packages.
//!
//! A `content_path` is relative to the image store root (`Store\MyApp\ApplicationManifest.xml`)
//! and fills one path segment: like every path value it is percent-encoded in full, so a
//! `\`, `/` or space inside it is sent as `%5C`, `%2F` or `%20` and the gateway decodes it
//! back.
//!
//! A file small enough to send again if the connection fails goes up in one request
//! ([`upload_file`](ImageStore::upload_file)). A larger one goes up in chunks of an upload
//! session, which survives a broken connection:
//!
//! ```no_run
//! use std::num::NonZeroU64;
//!
//! use fabric_rest::Client;
//! use fabric_rest::image_store::ImageStore;
//! use fabric_rest::models::ContentRange;
//!
//! # async fn run(file: Vec<u8>) -> fabric_rest::Result<()> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let path = r"Store\MyApp\Code\MyService.exe";
//! // A GUID chosen by the uploader names the session.
//! let session = "4a2340e8-d8d8-497c-95fe-cdaa1052f33b";
//! let total = file.len() as u64;
//! for range in ContentRange::chunks(total, NonZeroU64::new(1 << 20).unwrap()) {
//!     let chunk = &file[range.start() as usize..=range.end() as usize];
//!     client.upload_file_chunk(path, session, range, chunk, None).await?;
//! }
//! // After a broken connection, the session says which ranges are still missing.
//! let sessions = client.get_image_store_upload_session_by_id(session, None).await?;
//! for info in sessions.upload_sessions.unwrap_or_default() {
//!     for missing in info.expected_ranges.unwrap_or_default() {
//!         if let Some((start, end)) = missing.bounds() {
//!             let range = ContentRange::new(start, end, total)?;
//!             let chunk = &file[start as usize..=end as usize];
//!             client.upload_file_chunk(path, session, range, chunk, None).await?;
//!         }
//!     }
//! }
//! client.commit_image_store_upload_session(session, None).await?;
//! # Ok(()) }
//! ```

pub mod package;
pub mod upload;
mod upload_error;
mod upload_file;

pub use upload::{UploadOptions, upload_package};

use crate::models::{
    ContentRange, FolderSizeInfo, ImageStoreContent, ImageStoreCopyDescription, ImageStoreInfo, UploadSession,
};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Uploading, listing, copying and deleting image store content.
///
/// Implemented for every [`Transport`]. Paths are relative to the image store root;
/// `session_id` is the GUID the uploader chose for an upload session.
pub trait ImageStore: Transport {
    /// Uploads a whole file to `content_path` in one request
    /// (`PUT /ImageStore/{contentPath}`). Meant for files small enough to send again if the
    /// connection fails (at most 4 MiB); larger ones go up with
    /// [`upload_file_chunk`](Self::upload_file_chunk).
    ///
    /// The image store marks a folder complete with an empty `_.dir` file: when uploading an
    /// application package file by file, upload each folder's `_.dir` last.
    #[fabric_endpoint(PUT, "/ImageStore/{contentPath}", api_version = "6.0")]
    async fn upload_file(
        &self,
        #[path] content_path: &str,
        #[body(bytes)] contents: &[u8],
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The files and folders directly under `content_path`
    /// (`GET /ImageStore/{contentPath}`).
    #[fabric_endpoint(GET, "/ImageStore/{contentPath}", api_version = "6.2")]
    async fn get_image_store_content(
        &self,
        #[path] content_path: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ImageStoreContent>;

    /// Deletes the file or folder at `content_path`, such as an application package once it
    /// is provisioned (`DELETE /ImageStore/{contentPath}`).
    #[fabric_endpoint(DELETE, "/ImageStore/{contentPath}", api_version = "6.0")]
    async fn delete_image_store_content(
        &self,
        #[path] content_path: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The files and folders at the root of the image store (`GET /ImageStore`).
    #[fabric_endpoint(GET, "/ImageStore", api_version = "6.0")]
    async fn get_image_store_root_content(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ImageStoreContent>;

    /// Copies content inside the image store (`POST /ImageStore/$/Copy`).
    #[fabric_endpoint(POST, "/ImageStore/$/Copy", api_version = "6.0")]
    async fn copy_image_store_content(
        &self,
        #[body] description: &ImageStoreCopyDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Cancels an upload session, dropping the chunks it received
    /// (`DELETE /ImageStore/$/DeleteUploadSession`).
    #[fabric_endpoint(DELETE, "/ImageStore/$/DeleteUploadSession", api_version = "6.0")]
    async fn delete_image_store_upload_session(
        &self,
        #[query("session-id")] session_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Commits an upload session once every chunk is uploaded, completing the file
    /// (`POST /ImageStore/$/CommitUploadSession`). An uncommitted session expires 30 minutes
    /// after its last chunk.
    #[fabric_endpoint(POST, "/ImageStore/$/CommitUploadSession", api_version = "6.0")]
    async fn commit_image_store_upload_session(
        &self,
        #[query("session-id")] session_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The upload session `session_id`, with the ranges it still lacks
    /// (`GET /ImageStore/$/GetUploadSession`).
    #[fabric_endpoint(GET, "/ImageStore/$/GetUploadSession", api_version = "6.0")]
    async fn get_image_store_upload_session_by_id(
        &self,
        #[query("session-id")] session_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<UploadSession>;

    /// The upload sessions of the file at `content_path`
    /// (`GET /ImageStore/{contentPath}/$/GetUploadSession`).
    #[fabric_endpoint(GET, "/ImageStore/{contentPath}/$/GetUploadSession", api_version = "6.0")]
    async fn get_image_store_upload_session_by_path(
        &self,
        #[path] content_path: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<UploadSession>;

    /// Uploads one chunk of the file at `content_path` in upload session `session_id`
    /// (`PUT /ImageStore/{contentPath}/$/UploadChunk`). `content_range` says which bytes of
    /// the file `chunk` holds and is sent as the `Content-Range` header; a `chunk` of another
    /// length is an invalid argument and is not sent. Chunks may come in any order. An
    /// existing file at the path is replaced when the session is committed.
    #[fabric_endpoint(PUT, "/ImageStore/{contentPath}/$/UploadChunk", api_version = "6.0")]
    async fn upload_file_chunk(
        &self,
        #[path] content_path: &str,
        #[query("session-id")] session_id: &str,
        #[header("Content-Range")] content_range: ContentRange,
        #[body(bytes)] chunk: &[u8],
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The total size of the files in the image store (`GET /ImageStore/$/FolderSize`).
    #[fabric_endpoint(GET, "/ImageStore/$/FolderSize", api_version = "6.5")]
    async fn get_image_store_root_folder_size(&self, #[query] timeout: Option<ServerTimeout>)
    -> Result<FolderSizeInfo>;

    /// The total size of the files under `content_path`
    /// (`GET /ImageStore/{contentPath}/$/FolderSize`).
    #[fabric_endpoint(GET, "/ImageStore/{contentPath}/$/FolderSize", api_version = "6.5")]
    async fn get_image_store_folder_size(
        &self,
        #[path] content_path: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<FolderSizeInfo>;

    /// The image store's disk and how much of it each kind of content uses
    /// (`GET /ImageStore/$/Info`).
    #[fabric_endpoint(GET, "/ImageStore/$/Info", api_version = "6.5")]
    async fn get_image_store_info(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ImageStoreInfo>;
}

impl<T: Transport> ImageStore for T {}

/// The operation traits of this group, which [`crate::prelude`] brings into scope.
pub mod prelude {
    pub use super::ImageStore;
}
