//! The emulated cluster's image store: files by their store-relative path, upload sessions
//! that take chunks in any order and say which ranges they still lack, bounded in size.

use std::collections::BTreeMap;
use std::time::SystemTime;

/// The image store's default capacity: what its files and open sessions may hold in all.
pub const DEFAULT_IMAGE_STORE_BYTES: u64 = 1024 * 1024 * 1024;

/// The folder marker the upload writes after a folder's files; provisioning needs it.
pub(crate) const FOLDER_MARKER: &str = "_.dir";

/// One upload session: the file it builds, and the chunks received by offset.
#[derive(Debug)]
pub(crate) struct Session {
    pub(crate) path: String,
    pub(crate) size: u64,
    pub(crate) chunks: BTreeMap<u64, Vec<u8>>,
    pub(crate) modified: SystemTime,
}

impl Session {
    /// The ranges (inclusive) not received yet.
    pub(crate) fn expected_ranges(&self) -> Vec<(u64, u64)> {
        let mut missing = Vec::new();
        let mut next = 0;
        for (&offset, bytes) in &self.chunks {
            if offset > next {
                missing.push((next, offset - 1));
            }
            next = next.max(offset + bytes.len() as u64);
        }
        if next < self.size {
            missing.push((next, self.size - 1));
        }
        missing
    }

    fn held(&self) -> u64 {
        self.chunks.values().map(|c| c.len() as u64).sum()
    }

    /// The file, when every byte arrived.
    fn assemble(&self) -> Option<Vec<u8>> {
        if !self.expected_ranges().is_empty() {
            return None;
        }
        let mut file = vec![0; usize::try_from(self.size).ok()?];
        for (&offset, bytes) in &self.chunks {
            let start = usize::try_from(offset).ok()?;
            file.get_mut(start..start + bytes.len())?.copy_from_slice(bytes);
        }
        Some(file)
    }
}

/// A stored file.
#[derive(Debug)]
pub(crate) struct StoredFile {
    pub(crate) bytes: Vec<u8>,
    pub(crate) modified: SystemTime,
    pub(crate) version: u64,
}

/// Why the image store refused a write.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum StoreError {
    /// The store would grow past its capacity.
    Full,
    /// A chunk that does not fit its session (another file, another size, a wrong length).
    BadChunk(String),
    /// No session of that id.
    NoSession,
    /// A commit of a session that still lacks bytes.
    Incomplete,
}

/// A folder's files (path and file) and sub-folders (path and count of files below).
pub(crate) type Listing<'a> = (Vec<(&'a str, &'a StoredFile)>, Vec<(String, usize)>);

/// The image store.
#[derive(Debug)]
pub(crate) struct ImageStore {
    pub(crate) files: BTreeMap<String, StoredFile>,
    pub(crate) sessions: BTreeMap<String, Session>,
    capacity: u64,
    versions: u64,
}

impl ImageStore {
    pub(crate) fn new(capacity: u64) -> ImageStore {
        ImageStore {
            files: BTreeMap::new(),
            sessions: BTreeMap::new(),
            capacity,
            versions: 0,
        }
    }

    fn used(&self) -> u64 {
        let files: u64 = self.files.values().map(|f| f.bytes.len() as u64).sum();
        files + self.sessions.values().map(Session::held).sum::<u64>()
    }

    fn fits(&self, more: u64, replacing: u64) -> bool {
        self.used().saturating_sub(replacing).saturating_add(more) <= self.capacity
    }

    /// Writes a whole file (UploadFile), replacing what was there.
    pub(crate) fn put(&mut self, path: &str, bytes: Vec<u8>) -> Result<(), StoreError> {
        let replacing = self.files.get(path).map_or(0, |f| f.bytes.len() as u64);
        if !self.fits(bytes.len() as u64, replacing) {
            return Err(StoreError::Full);
        }
        self.versions += 1;
        let file = StoredFile {
            bytes,
            modified: SystemTime::now(),
            version: self.versions,
        };
        self.files.insert(path.to_owned(), file);
        Ok(())
    }

    /// Takes the chunk `start..=end` of a `size`-byte file at `path` into session `id`.
    pub(crate) fn chunk(
        &mut self,
        id: &str,
        path: &str,
        (start, end, size): (u64, u64, u64),
        bytes: Vec<u8>,
    ) -> Result<(), StoreError> {
        if end < start || end >= size || bytes.len() as u64 != end - start + 1 {
            return Err(StoreError::BadChunk(format!(
                "The chunk holds {} bytes for the range {start}-{end}/{size}.",
                bytes.len()
            )));
        }
        if let Some(session) = self.sessions.get(id)
            && (session.path != path || session.size != size)
        {
            return Err(StoreError::BadChunk(format!(
                "Upload session {id} builds {} of {} bytes.",
                session.path, session.size
            )));
        }
        let replacing = self
            .sessions
            .get(id)
            .and_then(|s| s.chunks.get(&start))
            .map_or(0, |c| c.len() as u64);
        if !self.fits(bytes.len() as u64, replacing) {
            return Err(StoreError::Full);
        }
        let session = self.sessions.entry(id.to_owned()).or_insert_with(|| Session {
            path: path.to_owned(),
            size,
            chunks: BTreeMap::new(),
            modified: SystemTime::now(),
        });
        session.chunks.insert(start, bytes);
        session.modified = SystemTime::now();
        Ok(())
    }

    /// Turns a complete session into its file.
    pub(crate) fn commit(&mut self, id: &str) -> Result<(), StoreError> {
        let session = self.sessions.get(id).ok_or(StoreError::NoSession)?;
        let file = session.assemble().ok_or(StoreError::Incomplete)?;
        let path = session.path.clone();
        self.sessions.remove(id);
        self.put(&path, file)
    }

    /// Removes every file at `path` or below it; whether there was any.
    pub(crate) fn delete(&mut self, path: &str) -> bool {
        let before = self.files.len();
        self.files.retain(|name, _| !is_at_or_below(name, path));
        before != self.files.len()
    }

    /// The files directly in folder `path` ("" for the root) and its sub-folders with the
    /// count of files below each.
    pub(crate) fn list(&self, path: &str) -> Listing<'_> {
        let mut files = Vec::new();
        let mut folders: BTreeMap<String, usize> = BTreeMap::new();
        for (name, file) in &self.files {
            let rest = match path {
                "" => name.as_str(),
                _ => match name.strip_prefix(path).and_then(|r| r.strip_prefix('/')) {
                    Some(rest) => rest,
                    None if name == path => {
                        files.push((name.as_str(), file));
                        continue;
                    }
                    None => continue,
                },
            };
            match rest.split_once('/') {
                Some((folder, _)) => {
                    let full = if path.is_empty() {
                        folder.to_owned()
                    } else {
                        format!("{path}/{folder}")
                    };
                    *folders.entry(full).or_default() += 1;
                }
                None => files.push((name.as_str(), file)),
            }
        }
        (files, folders.into_iter().collect())
    }
}

/// Whether store path `name` is `path` or inside it.
pub(crate) fn is_at_or_below(name: &str, path: &str) -> bool {
    path.is_empty() || name == path || name.strip_prefix(path).is_some_and(|rest| rest.starts_with('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sessions_say_what_they_lack_and_commit_once_whole() {
        let mut store = ImageStore::new(100);
        store.chunk("s", "App/big", (4, 7, 10), b"4567".to_vec()).unwrap();
        assert_eq!(store.sessions["s"].expected_ranges(), [(0, 3), (8, 9)]);
        assert_eq!(store.commit("s"), Err(StoreError::Incomplete));
        store.chunk("s", "App/big", (0, 3, 10), b"0123".to_vec()).unwrap();
        store.chunk("s", "App/big", (8, 9, 10), b"89".to_vec()).unwrap();
        assert!(store.sessions["s"].expected_ranges().is_empty());
        store.commit("s").unwrap();
        assert_eq!(store.files["App/big"].bytes, b"0123456789");
        assert!(store.sessions.is_empty());
    }

    #[test]
    fn chunks_that_do_not_fit_are_refused() {
        let mut store = ImageStore::new(100);
        assert!(matches!(
            store.chunk("s", "a", (0, 3, 10), b"012".to_vec()),
            Err(StoreError::BadChunk(_))
        ));
        store.chunk("s", "a", (0, 3, 10), b"0123".to_vec()).unwrap();
        assert!(matches!(
            store.chunk("s", "b", (4, 5, 10), b"45".to_vec()),
            Err(StoreError::BadChunk(_))
        ));
        assert_eq!(store.commit("nope"), Err(StoreError::NoSession));
    }

    #[test]
    fn the_capacity_bounds_files_and_sessions() {
        let mut store = ImageStore::new(10);
        store.put("a", vec![0; 6]).unwrap();
        assert_eq!(store.put("b", vec![0; 5]), Err(StoreError::Full));
        assert_eq!(store.chunk("s", "c", (0, 4, 5), vec![0; 5]), Err(StoreError::Full));
        // Replacing a file counts only the difference.
        store.put("a", vec![0; 10]).unwrap();
    }

    #[test]
    fn listing_gives_files_and_folders_of_one_level() {
        let mut store = ImageStore::new(100);
        for path in ["App/ApplicationManifest.xml", "App/Svc/Code/x", "App/Svc/y", "Other/z"] {
            store.put(path, vec![1]).unwrap();
        }
        let (files, folders) = store.list("App");
        assert_eq!(
            files.iter().map(|f| f.0).collect::<Vec<_>>(),
            ["App/ApplicationManifest.xml"]
        );
        assert_eq!(folders, [("App/Svc".to_owned(), 2)]);
        let (files, folders) = store.list("");
        assert!(files.is_empty());
        assert_eq!(folders, [("App".to_owned(), 3), ("Other".to_owned(), 1)]);
        assert!(store.delete("App/Svc"));
        assert!(!store.delete("App/Svc"));
        assert_eq!(store.files.len(), 2);
    }
}
