//! What the image store holds: its content under a path, folder sizes, disk usage, and the
//! copies made inside it.
//!
//! Sizes, counts and version numbers are [`Int64`]s: the spec types them as strings, the
//! gateway writes some as JSON numbers (`"FileCount": 6`), and each is written back as it
//! came.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use crate::common::Timestamp;

wire_struct! {
    /// What the image store holds under a path (GetImageStoreContent,
    /// GetImageStoreRootContent).
    pub struct ImageStoreContent {
        /// The files directly under the path.
        "StoreFiles" store_files: Option<Vec<FileInfo>>,
        /// The folders directly under the path.
        "StoreFolders" store_folders: Option<Vec<FolderInfo>>,
        /// Gateways that page the image store's content send where the next page starts;
        /// absent or empty on the last page.
        "ContinuationToken" continuation_token: Option<String>,
    }
}

wire_struct! {
    /// A file in the image store.
    pub struct FileInfo {
        /// Its size in bytes.
        "FileSize" file_size: Option<Int64>,
        /// Its version.
        "FileVersion" file_version: Option<FileVersion>,
        /// When it was last modified (ISO-8601 UTC).
        "ModifiedDate" modified_date: Option<Timestamp>,
        /// Its path, relative to the image store root.
        "StoreRelativePath" store_relative_path: Option<String>,
    }
}

wire_struct! {
    /// The version of a file in the image store.
    pub struct FileVersion {
        /// The image store's version number of the file.
        "VersionNumber" version_number: Option<Int64>,
        /// The data-loss epoch of the image store replica when the file was written.
        "EpochDataLossNumber" epoch_data_loss_number: Option<Int64>,
        /// The configuration epoch of the image store replica when the file was written.
        "EpochConfigurationNumber" epoch_configuration_number: Option<Int64>,
    }
}

wire_struct! {
    /// A folder in the image store.
    pub struct FolderInfo {
        /// Its path, relative to the image store root.
        "StoreRelativePath" store_relative_path: Option<String>,
        /// How many files it holds.
        "FileCount" file_count: Option<Int64>,
    }
}

wire_struct! {
    /// The total size of a folder's files (GetImageStoreFolderSize,
    /// GetImageStoreRootFolderSize).
    pub struct FolderSizeInfo {
        /// The folder's path, relative to the image store root.
        "StoreRelativePath" store_relative_path: Option<String>,
        /// The size in bytes.
        "FolderSize" folder_size: Option<Int64>,
    }
}

wire_struct! {
    /// The image store's disk and file system usage (GetImageStoreInfo).
    pub struct ImageStoreInfo {
        /// The disk of the node holding the image store's primary replica.
        "DiskInfo" disk_info: Option<DiskInfo>,
        /// Usage by metadata.
        "UsedByMetadata" used_by_metadata: Option<UsageInfo>,
        /// Usage by files being uploaded.
        "UsedByStaging" used_by_staging: Option<UsageInfo>,
        /// Usage by copied application and cluster packages; deleting them after
        /// provisioning frees it.
        "UsedByCopy" used_by_copy: Option<UsageInfo>,
        /// Usage by registered application and cluster packages; unprovisioning them frees it.
        "UsedByRegister" used_by_register: Option<UsageInfo>,
    }
}

wire_struct! {
    /// A disk's size and free space.
    pub struct DiskInfo {
        /// The disk's size in bytes.
        "Capacity" capacity: Option<Int64>,
        /// The free space in bytes.
        "AvailableSpace" available_space: Option<Int64>,
    }
}

wire_struct! {
    /// How much space and how many files one category of the image store uses.
    pub struct UsageInfo {
        /// The size of the category's files in bytes.
        "UsedSpace" used_space: Option<Int64>,
        /// How many files the category has.
        "FileCount" file_count: Option<Int64>,
    }
}

wire_struct! {
    /// What to copy inside the image store, and where to (CopyImageStoreContent).
    pub struct ImageStoreCopyDescription {
        /// The path to copy from, relative to the image store root.
        "RemoteSource" remote_source: String,
        /// The path to copy to, relative to the image store root.
        "RemoteDestination" remote_destination: String,
        /// Names of files not to copy.
        "SkipFiles" skip_files: Option<Vec<String>>,
        /// Whether to copy a folder only if it has its mark file (`_.dir`), the empty file
        /// that says the folder is complete; without it the copy is skipped.
        "CheckMarkFile" check_mark_file: Option<bool>,
    }
}

impl ImageStoreCopyDescription {
    /// Copy `remote_source` to `remote_destination`, both relative to the image store root.
    pub fn new(remote_source: impl Into<String>, remote_destination: impl Into<String>) -> ImageStoreCopyDescription {
        ImageStoreCopyDescription {
            remote_source: remote_source.into(),
            remote_destination: remote_destination.into(),
            skip_files: None,
            check_mark_file: None,
            unknown_fields: Default::default(),
        }
    }

    /// Leaves out the files named `names`.
    pub fn with_skip_files<I, S>(mut self, names: I) -> ImageStoreCopyDescription
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.skip_files = Some(names.into_iter().map(Into::into).collect());
        self
    }

    /// Copies a folder only if it has its mark file (`_.dir`).
    pub fn with_check_mark_file(mut self, check: bool) -> ImageStoreCopyDescription {
        self.check_mark_file = Some(check);
        self
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn copy_description_on_the_wire() {
        let minimal = ImageStoreCopyDescription::new("Store\\App", "Store\\App.copy");
        assert_eq!(
            serde_json::to_string(&minimal).unwrap(),
            r#"{"RemoteSource":"Store\\App","RemoteDestination":"Store\\App.copy"}"#
        );
        let full = minimal.with_skip_files(["a.txt"]).with_check_mark_file(true);
        assert_eq!(
            serde_json::to_value(&full).unwrap(),
            json!({
                "RemoteSource": "Store\\App",
                "RemoteDestination": "Store\\App.copy",
                "SkipFiles": ["a.txt"],
                "CheckMarkFile": true
            })
        );
    }

    #[test]
    fn numbers_and_strings_are_written_back_as_they_came() {
        let text = r#"{"UsedSpace":"23093248","FileCount":6}"#;
        let usage: UsageInfo = serde_json::from_str(text).unwrap();
        assert_eq!(usage.used_space, Some(Int64::new(23_093_248)));
        assert_eq!(usage.file_count.map(Int64::get), Some(6));
        assert_eq!(serde_json::to_string(&usage).unwrap(), text);
        let built = UsageInfo {
            file_count: Some(Int64::new(6)),
            ..UsageInfo::default()
        };
        assert_eq!(serde_json::to_string(&built).unwrap(), r#"{"FileCount":"6"}"#);
    }
}
