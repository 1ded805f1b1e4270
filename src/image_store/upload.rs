//! Uploading an application package folder to the image store: every file (several at a
//! time, over one connection pool), large ones through upload sessions that resume after a
//! broken connection, then a `_.dir` marker for every folder; all inside one deadline.

use std::num::NonZeroU64;
use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use futures_util::{StreamExt as _, TryStreamExt as _};
use tokio::io::{AsyncReadExt as _, AsyncSeekExt as _};

use super::ImageStore;
use super::package::{FOLDER_MARKER, Package, PackageError, PackageFile, read_package};
use crate::{Error, ServerTimeout};

pub use super::upload_error::{UploadError, UploadErrorKind};

/// How to upload a package.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadOptions {
    /// How many files go up at the same time (default 8).
    pub concurrency: usize,
    /// Files up to this size go up in one request; larger ones through an upload session
    /// (default 2 MiB; at most the gateway's 4 MiB body limit).
    pub single_request_limit: u64,
    /// The size of each chunk of an upload session (default 2 MiB; at most 4 MiB).
    pub chunk_size: NonZeroU64,
    /// How long the whole upload may take (default 30 minutes). Every request's server
    /// timeout is what is left of it, never more.
    pub deadline: Duration,
    /// How many times an upload session is resumed after a chunk failed (default 3): each
    /// time the image store says which ranges it still lacks and only those are sent.
    pub resumes: u32,
}

const MIB: u64 = 1024 * 1024;

impl Default for UploadOptions {
    fn default() -> Self {
        UploadOptions {
            concurrency: 8,
            single_request_limit: 2 * MIB,
            chunk_size: NonZeroU64::new(2 * MIB).unwrap_or(NonZeroU64::MIN),
            deadline: Duration::from_secs(30 * 60),
            resumes: 3,
        }
    }
}

impl UploadOptions {
    /// Sets how many files go up at the same time (at least 1).
    pub fn concurrency(mut self, files: usize) -> Self {
        self.concurrency = files.max(1);
        self
    }

    /// Sets how long the whole upload may take.
    pub fn deadline(mut self, deadline: Duration) -> Self {
        self.deadline = deadline;
        self
    }

    /// Sets the size above which a file goes through an upload session, and the size of its
    /// chunks (both at most the gateway's 4 MiB body limit).
    pub fn chunks(mut self, single_request_limit: u64, chunk_size: NonZeroU64) -> Self {
        let cap = fabric_rest_runtime::MAX_BODY as u64;
        self.single_request_limit = single_request_limit.min(cap);
        self.chunk_size = NonZeroU64::new(chunk_size.get().min(cap)).unwrap_or(NonZeroU64::MIN);
        self
    }
}

/// What an upload reports as it goes.
#[derive(Debug)]
#[non_exhaustive]
pub enum UploadEvent<'a> {
    /// Bytes of a file reached the image store.
    Sent {
        /// The file's path inside the package.
        file: &'a str,
        /// How many bytes this time.
        bytes: u64,
    },
    /// A file is complete in the image store.
    FileDone {
        /// The file's path inside the package.
        file: &'a str,
    },
    /// An upload session is resumed: the image store lacks `missing` bytes of the file.
    Resumed {
        /// The file's path inside the package.
        file: &'a str,
        /// The bytes still to send.
        missing: u64,
    },
    /// The `_.dir` markers go up.
    Markers,
}

/// One report of an upload in progress.
#[derive(Debug)]
#[non_exhaustive]
pub struct UploadProgress<'a> {
    /// What happened.
    pub event: UploadEvent<'a>,
    /// Files complete so far, and in all.
    pub files_done: usize,
    /// The package's file count.
    pub files_total: usize,
    /// Bytes that reached the image store so far (a resumed chunk counts once), and in all.
    pub bytes_done: u64,
    /// The package's size.
    pub bytes_total: u64,
    /// Time since the upload began.
    pub elapsed: Duration,
}

/// What an upload did.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct UploadReport {
    /// Files uploaded.
    pub files: usize,
    /// `_.dir` markers written.
    pub folders: usize,
    /// Bytes of file contents.
    pub bytes: u64,
    /// Files that went up through upload sessions.
    pub sessions: usize,
    /// Times an upload session was resumed.
    pub resumes: usize,
    /// How long it took.
    pub elapsed: Duration,
}

/// What the caller gave to hear about progress.
pub(super) type ProgressCallback<'p> = Box<dyn FnMut(&UploadProgress<'_>) + Send + 'p>;

/// The state the concurrent file uploads share.
pub(super) struct Shared<'p> {
    pub(super) started: Instant,
    pub(super) deadline: Instant,
    pub(super) files_total: usize,
    pub(super) bytes_total: u64,
    pub(super) counts: Mutex<Counts>,
    pub(super) on_progress: Mutex<ProgressCallback<'p>>,
}

#[derive(Default)]
pub(super) struct Counts {
    pub(super) files_done: usize,
    pub(super) bytes_done: u64,
    pub(super) sessions: usize,
    pub(super) resumes: usize,
}

impl Shared<'_> {
    fn counts(&self) -> std::sync::MutexGuard<'_, Counts> {
        self.counts.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn report(&self, event: UploadEvent<'_>, update: impl FnOnce(&mut Counts)) {
        let (files_done, bytes_done) = {
            let mut counts = self.counts();
            update(&mut counts);
            (counts.files_done, counts.bytes_done)
        };
        let progress = UploadProgress {
            event,
            files_done,
            files_total: self.files_total,
            bytes_done,
            bytes_total: self.bytes_total,
            elapsed: self.started.elapsed(),
        };
        let mut on_progress = self.on_progress.lock().unwrap_or_else(|e| e.into_inner());
        on_progress(&progress);
    }

    /// The server timeout of the next request: what is left of the deadline, if anything.
    pub(super) fn time_left(&self) -> Option<ServerTimeout> {
        let left = self.deadline.saturating_duration_since(Instant::now());
        (!left.is_zero()).then(|| ServerTimeout::try_from(left).unwrap_or(ServerTimeout::MIN))
    }
}

/// Uploads the application package folder `local_dir` to `destination` in the image store
/// (a path relative to its root, such as `MyAppPkg`), then writes a `_.dir` marker in every
/// folder, which provisioning requires.
///
/// Before any request, the folder is checked: it must hold `ApplicationManifest.xml`, links
/// must not leave it, and every name must be one the image store takes; the error names the
/// file. Files go up [`concurrency`](UploadOptions::concurrency) at a time over the client's
/// connection pool; files above [`single_request_limit`](UploadOptions::single_request_limit)
/// go through an upload session whose id follows from the destination, the size and the
/// modification time of the file, so a broken connection (or a second run) resumes with the
/// ranges the image store still lacks. A session that cannot finish is deleted. Every
/// request runs inside one [`deadline`](UploadOptions::deadline), its server timeout being
/// what is left. An error names the file, the attempt and what was already uploaded.
///
/// ```no_run
/// use fabric_rest::Client;
/// use fabric_rest::image_store::upload::{UploadOptions, upload_package};
///
/// # async fn run() -> Result<(), Box<dyn std::error::Error>> {
/// let client = Client::new("http://127.0.0.1:19080")?;
/// let report = upload_package(&client, "target/MyAppPkg".as_ref(), "MyAppPkg", UploadOptions::default(), |progress| {
///     eprintln!("{}/{} bytes", progress.bytes_done, progress.bytes_total);
/// })
/// .await?;
/// println!("{} files, {} folders", report.files, report.folders);
/// # Ok(()) }
/// ```
pub async fn upload_package<'p, C: ImageStore + ?Sized>(
    client: &C,
    local_dir: &Path,
    destination: &str,
    options: UploadOptions,
    on_progress: impl FnMut(&UploadProgress<'_>) + Send + 'p,
) -> Result<UploadReport, UploadError> {
    let package = read_package(local_dir).map_err(UploadError::package)?;
    let destination = destination.trim_matches('/');
    let started = Instant::now();
    let shared = Shared {
        started,
        deadline: later(started, options.deadline),
        files_total: package.files.len(),
        bytes_total: package.bytes(),
        counts: Mutex::new(Counts::default()),
        on_progress: Mutex::new(Box::new(on_progress)),
    };
    futures_util::stream::iter(package.files.iter().map(Ok))
        .try_for_each_concurrent(options.concurrency.max(1), |file| {
            super::upload_file::upload_one(client, &shared, &options, destination, file)
        })
        .await?;
    shared.report(UploadEvent::Markers, |_| {});
    write_markers(client, &shared, destination, &package).await?;
    let counts = shared.counts();
    Ok(UploadReport {
        files: counts.files_done,
        folders: package.folders.len(),
        bytes: counts.bytes_done,
        sessions: counts.sessions,
        resumes: counts.resumes,
        elapsed: started.elapsed(),
    })
}

/// `base + duration`, or decades ahead when that cannot be represented.
fn later(base: Instant, duration: Duration) -> Instant {
    const FAR: Duration = Duration::from_secs(30 * 365 * 24 * 3600);
    base.checked_add(duration)
        .or_else(|| base.checked_add(FAR))
        .unwrap_or(base)
}

/// The image store path of `relative` inside the package at `destination`.
pub(super) fn store_path(destination: &str, relative: &str) -> String {
    match (destination.is_empty(), relative.is_empty()) {
        (true, _) => relative.to_owned(),
        (false, true) => destination.to_owned(),
        (false, false) => format!("{destination}/{relative}"),
    }
}

/// Writes the `_.dir` marker of every folder, once every file is up, eight at a time.
async fn write_markers<C: ImageStore + ?Sized>(
    client: &C,
    shared: &Shared<'_>,
    destination: &str,
    package: &Package,
) -> Result<(), UploadError> {
    let markers = package.folders.iter().map(|folder| {
        let relative = store_path(folder, FOLDER_MARKER);
        async move {
            let path = store_path(destination, &relative);
            send(shared, &relative, 1, client.upload_file(&path, b"", shared.time_left())).await
        }
    });
    futures_util::stream::iter(markers)
        .buffer_unordered(8)
        .try_collect::<Vec<()>>()
        .await
        .map(drop)
}

/// Runs one request of the upload for `file` inside the deadline, naming the file and the
/// attempt in its error.
pub(super) async fn send<T>(
    shared: &Shared<'_>,
    file: &str,
    attempt: u32,
    request: impl std::future::Future<Output = Result<T, Error>>,
) -> Result<T, UploadError> {
    let failed = |kind| {
        let counts = shared.counts();
        UploadError::new(
            kind,
            file,
            attempt,
            counts.files_done,
            counts.bytes_done,
            shared.started.elapsed(),
        )
    };
    if shared.time_left().is_none() {
        return Err(failed(UploadErrorKind::Deadline));
    }
    match tokio::time::timeout_at(shared.deadline.into(), request).await {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(error)) => Err(failed(UploadErrorKind::Request(error))),
        Err(_) => Err(failed(UploadErrorKind::Deadline)),
    }
}

/// Reads `len` bytes of `file` at `offset`.
pub(super) async fn read_range(
    shared: &Shared<'_>,
    file: &PackageFile,
    offset: u64,
    len: u64,
) -> Result<Vec<u8>, UploadError> {
    let read = async {
        let mut handle = tokio::fs::File::open(&file.local).await?;
        handle.seek(std::io::SeekFrom::Start(offset)).await?;
        let mut bytes = vec![0; usize::try_from(len).unwrap_or(usize::MAX)];
        handle.read_exact(&mut bytes).await?;
        Ok::<_, std::io::Error>(bytes)
    };
    read.await.map_err(|source| {
        let counts = shared.counts();
        UploadError::new(
            UploadErrorKind::Read(source),
            &file.relative,
            1,
            counts.files_done,
            counts.bytes_done,
            shared.started.elapsed(),
        )
    })
}

impl Shared<'_> {
    pub(super) fn sent(&self, file: &str, bytes: u64) {
        self.report(UploadEvent::Sent { file, bytes }, |c| c.bytes_done += bytes);
    }

    pub(super) fn file_done(&self, file: &str, session: bool) {
        self.report(UploadEvent::FileDone { file }, |c| {
            c.files_done += 1;
            c.sessions += usize::from(session);
        });
    }

    pub(super) fn resumed(&self, file: &str, missing: u64) {
        self.report(UploadEvent::Resumed { file, missing }, |c| c.resumes += 1);
    }
}

impl UploadError {
    fn package(error: PackageError) -> UploadError {
        UploadError::new(UploadErrorKind::Package(error), "", 0, 0, 0, Duration::ZERO)
    }
}
