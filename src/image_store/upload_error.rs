//! Why a package upload stopped, and how far it had got.

use std::fmt;
use std::time::Duration;

use super::package::PackageError;
use crate::Error;

/// What stopped an upload.
#[derive(Debug)]
#[non_exhaustive]
pub enum UploadErrorKind {
    /// The folder is not a package the image store can take; nothing was sent.
    Package(PackageError),
    /// A request failed (after the client's own retries).
    Request(Error),
    /// A file could not be read.
    Read(std::io::Error),
    /// The upload's deadline passed.
    Deadline,
}

/// Why an upload stopped: which file, which attempt, what failed, and what was already in
/// the image store.
#[derive(Debug)]
pub struct UploadError {
    kind: UploadErrorKind,
    file: String,
    attempt: u32,
    files_done: usize,
    bytes_done: u64,
    elapsed: Duration,
}

impl UploadError {
    pub(super) fn new(
        kind: UploadErrorKind,
        file: &str,
        attempt: u32,
        files_done: usize,
        bytes_done: u64,
        elapsed: Duration,
    ) -> UploadError {
        UploadError {
            kind,
            file: file.to_owned(),
            attempt,
            files_done,
            bytes_done,
            elapsed,
        }
    }

    /// What failed.
    pub fn kind(&self) -> &UploadErrorKind {
        &self.kind
    }

    /// The file being uploaded, as a path inside the package (empty when the package itself
    /// was refused).
    pub fn file(&self) -> &str {
        &self.file
    }

    /// The attempt at the file that failed (1 for the first; a resumed upload session is the
    /// next attempt).
    pub fn attempt(&self) -> u32 {
        self.attempt
    }

    /// Files complete in the image store when the upload stopped.
    pub fn files_done(&self) -> usize {
        self.files_done
    }

    /// Bytes that had reached the image store when the upload stopped.
    pub fn bytes_done(&self) -> u64 {
        self.bytes_done
    }

    /// Whether the request that failed was answered 404.
    pub(super) fn is_not_found(&self) -> bool {
        matches!(&self.kind, UploadErrorKind::Request(error) if error.status().is_some_and(|s| s.as_u16() == 404))
    }

    /// Whether a later attempt may succeed where this one failed: the gateway or the
    /// connection was in trouble, not the request.
    pub(super) fn is_resumable(&self) -> bool {
        matches!(&self.kind, UploadErrorKind::Request(error) if crate::wait::worth_retrying(error))
    }
}

impl fmt::Display for UploadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let UploadErrorKind::Package(error) = &self.kind {
            return write!(f, "nothing was uploaded: {error}");
        }
        write!(f, "uploading {} (attempt {}) ", self.file, self.attempt)?;
        match &self.kind {
            UploadErrorKind::Request(error) => write!(f, "failed: {}", error.display_chain())?,
            UploadErrorKind::Read(error) => write!(f, "failed: cannot read the file: {error}")?,
            UploadErrorKind::Deadline => write!(f, "did not finish within the upload's deadline")?,
            UploadErrorKind::Package(_) => {}
        }
        write!(
            f,
            "; {} files and {} bytes were in the image store after {:.1} s",
            self.files_done,
            self.bytes_done,
            self.elapsed.as_secs_f64()
        )
    }
}

impl std::error::Error for UploadError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            UploadErrorKind::Package(error) => Some(error),
            UploadErrorKind::Request(error) => Some(error),
            UploadErrorKind::Read(error) => Some(error),
            UploadErrorKind::Deadline => None,
        }
    }
}
