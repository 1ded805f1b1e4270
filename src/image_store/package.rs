//! An application package on disk, read and checked before anything is uploaded: its files
//! with their image store paths (always joined with `/`), and the folders that get a `_.dir`
//! marker.

use std::fmt;
use std::path::{Path, PathBuf};

/// The file at the root of every application package.
pub const APPLICATION_MANIFEST: &str = "ApplicationManifest.xml";

/// The empty file that marks an uploaded folder complete; provisioning a package whose
/// folders lack it fails with `FABRIC_E_DIRECTORY_NOT_FOUND`.
pub const FOLDER_MARKER: &str = "_.dir";

/// One file of a package.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackageFile {
    /// Where it is on disk.
    pub local: PathBuf,
    /// Its path inside the package, joined with `/` whatever the operating system:
    /// `MyServicePkg/Code/MyService.exe`.
    pub relative: String,
    /// Its size in bytes.
    pub size: u64,
}

/// A package folder read from disk and checked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Package {
    /// Every file, in a stable order (by relative path).
    pub files: Vec<PackageFile>,
    /// Every folder's relative path (`""` for the package root, then `MyServicePkg`, ...),
    /// deepest first (the markers go up in this order, several at a time, after every file).
    pub folders: Vec<String>,
}

impl Package {
    /// The total size of the files.
    pub fn bytes(&self) -> u64 {
        self.files.iter().map(|file| file.size).sum()
    }
}

/// Why a folder cannot be uploaded as a package; found before anything is sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum PackageError {
    /// The folder has no `ApplicationManifest.xml` at its root.
    NoManifest {
        /// The folder.
        folder: PathBuf,
    },
    /// A symbolic link points outside the package folder.
    LinkLeavesPackage {
        /// The link.
        link: PathBuf,
        /// Where it points.
        target: PathBuf,
    },
    /// A symbolic link to a folder that holds it: following it would never end.
    LinkLoop {
        /// The link.
        link: PathBuf,
    },
    /// A file or folder name the image store cannot take.
    BadName {
        /// The file or folder.
        path: PathBuf,
        /// Why.
        reason: &'static str,
    },
    /// Reading the folder failed.
    Io {
        /// The file or folder being read.
        path: PathBuf,
        /// The failure.
        source: std::io::Error,
    },
}

impl fmt::Display for PackageError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PackageError::NoManifest { folder } => write!(
                f,
                "{} is not an application package: it has no {APPLICATION_MANIFEST} at its root",
                folder.display()
            ),
            PackageError::LinkLeavesPackage { link, target } => write!(
                f,
                "{} is a link to {}, outside the package; the package must hold its files",
                link.display(),
                target.display()
            ),
            PackageError::LinkLoop { link } => {
                write!(f, "{} is a link to a folder that holds it", link.display())
            }
            PackageError::BadName { path, reason } => {
                write!(f, "{}: the image store cannot take this name: {reason}", path.display())
            }
            PackageError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for PackageError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            PackageError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Names Windows reserves for devices, which the image store (a Windows file share on most
/// clusters) cannot hold, with any extension.
const RESERVED: [&str; 22] = [
    "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "LPT1", "LPT2",
    "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
];

/// Why the image store cannot take `name` as a file or folder name, if it cannot.
pub fn name_problem(name: &str) -> Option<&'static str> {
    if name.is_empty() {
        return Some("it is empty");
    }
    if name.chars().any(|c| c.is_control()) {
        return Some("it holds a control character");
    }
    if name.chars().any(|c| "<>:\"|?*\\/".contains(c)) {
        return Some("it holds one of < > : \" | ? * \\ /");
    }
    if name.ends_with('.') || name.ends_with(' ') {
        return Some("it ends with a dot or a space");
    }
    let stem = name.split('.').next().unwrap_or(name);
    if RESERVED.iter().any(|reserved| reserved.eq_ignore_ascii_case(stem)) {
        return Some("it is a device name Windows reserves (CON, NUL, COM1, ...)");
    }
    if name == FOLDER_MARKER {
        return Some("`_.dir` is the folder marker the upload writes itself");
    }
    None
}

/// Reads the package folder `root`: every file with its `/`-joined relative path, every
/// folder, refusing a folder without `ApplicationManifest.xml`, links that leave it, and
/// names the image store cannot take.
pub fn read_package(root: &Path) -> Result<Package, PackageError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PackageError::Io { path, source }
    };
    let canonical_root = root.canonicalize().map_err(io(root))?;
    if !root.join(APPLICATION_MANIFEST).is_file() {
        return Err(PackageError::NoManifest {
            folder: root.to_path_buf(),
        });
    }
    let mut package = Package {
        files: Vec::new(),
        folders: vec![String::new()],
    };
    walk(&canonical_root, root, "", &mut package)?;
    package.files.sort_by(|a, b| a.relative.cmp(&b.relative));
    // Deepest first, so a folder's marker follows those of the folders inside it.
    package
        .folders
        .sort_by(|a, b| b.matches('/').count().cmp(&a.matches('/').count()).then(a.cmp(b)));
    Ok(package)
}

/// Reads `folder` (at `relative` inside the package) into `package`.
fn walk(root: &Path, folder: &Path, relative: &str, package: &mut Package) -> Result<(), PackageError> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| PackageError::Io { path, source }
    };
    for entry in std::fs::read_dir(folder).map_err(io(folder))? {
        let entry = entry.map_err(io(folder))?;
        let path = entry.path();
        let name = entry.file_name();
        let name = name.to_str().ok_or_else(|| PackageError::BadName {
            path: path.clone(),
            reason: "it is not valid Unicode",
        })?;
        if let Some(reason) = name_problem(name) {
            return Err(PackageError::BadName { path, reason });
        }
        let inside = if relative.is_empty() {
            name.to_owned()
        } else {
            format!("{relative}/{name}")
        };
        let target = path.canonicalize().map_err(io(&path))?;
        if !target.starts_with(root) {
            return Err(PackageError::LinkLeavesPackage { link: path, target });
        }
        let metadata = std::fs::metadata(&path).map_err(io(&path))?;
        let here = folder.canonicalize().map_err(io(folder))?;
        if metadata.is_dir() && here.starts_with(&target) {
            return Err(PackageError::LinkLoop { link: path });
        }
        if metadata.is_dir() {
            package.folders.push(inside.clone());
            walk(root, &path, &inside, package)?;
        } else {
            package.files.push(PackageFile {
                local: path,
                relative: inside,
                size: metadata.len(),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_image_store_refuses() {
        for name in [
            "a:b", "a\\b", "x?", "con", "Nul.txt", "dot.", "space ", "tab\t", "_.dir", "",
        ] {
            assert!(name_problem(name).is_some(), "{name:?}");
        }
        for name in ["Code", "MyService.exe", "Settings.xml", "console.log", "ümlaut"] {
            assert_eq!(name_problem(name), None, "{name:?}");
        }
    }
}
