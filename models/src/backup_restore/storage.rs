//! Where backups are kept: the storage descriptions of backup policies, backups and restores,
//! one kind per `StorageKind`. Connection strings and passwords are [`SecretString`]s.

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use crate::SecretString;

open_enum! {
    /// The kind of a backup store (`StorageKind`).
    pub enum BackupStorageKind {
        Invalid = "Invalid",
        FileShare = "FileShare",
        AzureBlobStore = "AzureBlobStore",
        DsmsAzureBlobStore = "DsmsAzureBlobStore",
        ManagedIdentityAzureBlobStore = "ManagedIdentityAzureBlobStore",
    }
}

open_enum! {
    /// Which managed identity reaches an Azure blob store.
    pub enum ManagedIdentityType {
        Invalid = "Invalid",
        /// The identity of the virtual machine scale set.
        Vmss = "VMSS",
        /// The cluster's identity.
        Cluster = "Cluster",
    }
}

kind_enum! {
    /// A backup store, by `StorageKind`.
    ///
    /// Its secrets never show in `Debug`:
    ///
    /// ```
    /// use fabric_rest_models::{AzureBlobBackupStorageDescription, BackupStorageDescription};
    ///
    /// let storage = BackupStorageDescription::from(AzureBlobBackupStorageDescription::new(
    ///     "DefaultEndpointsProtocol=https;AccountName=store;AccountKey=c2VjcmV0",
    ///     "backups",
    /// ));
    /// assert!(!format!("{storage:?}").contains("AccountKey"));
    /// ```
    pub enum BackupStorageDescription by "StorageKind" {
        AzureBlobStore(AzureBlobBackupStorageDescription) = "AzureBlobStore",
        FileShare(FileShareBackupStorageDescription) = "FileShare",
        DsmsAzureBlobStore(DsmsAzureBlobBackupStorageDescription) = "DsmsAzureBlobStore",
        ManagedIdentityAzureBlobStore(ManagedIdentityAzureBlobBackupStorageDescription) = "ManagedIdentityAzureBlobStore",
    }
}

impl BackupStorageDescription {
    /// The store's kind as a [`BackupStorageKind`].
    pub fn storage_kind(&self) -> BackupStorageKind {
        BackupStorageKind::from(self.kind())
    }
}

wire_struct! {
    /// An Azure blob store reached with a connection string.
    pub struct AzureBlobBackupStorageDescription {
        /// A name for the store, for people.
        "FriendlyName" friendly_name: Option<String>,
        /// The storage account's connection string, account key included.
        "ConnectionString" connection_string: SecretString,
        /// The blob container backups go to.
        "ContainerName" container_name: String,
    }
}

impl AzureBlobBackupStorageDescription {
    /// The container `container_name` of the account `connection_string` opens.
    pub fn new(
        connection_string: impl Into<SecretString>,
        container_name: impl Into<String>,
    ) -> AzureBlobBackupStorageDescription {
        AzureBlobBackupStorageDescription {
            friendly_name: None,
            connection_string: connection_string.into(),
            container_name: container_name.into(),
            unknown_fields: Default::default(),
        }
    }

    /// Sets the name for people.
    pub fn with_friendly_name(mut self, name: impl Into<String>) -> Self {
        self.friendly_name = Some(name.into());
        self
    }
}

wire_struct! {
    /// A file share, with the accounts that may write to it.
    pub struct FileShareBackupStorageDescription {
        /// A name for the store, for people.
        "FriendlyName" friendly_name: Option<String>,
        /// The share's path, `\\server\share\folder`.
        "Path" path: String,
        /// The primary account's user name.
        "PrimaryUserName" primary_user_name: Option<String>,
        /// The primary account's password (the gateway answers `****`).
        "PrimaryPassword" primary_password: Option<SecretString>,
        /// The secondary account's user name.
        "SecondaryUserName" secondary_user_name: Option<String>,
        /// The secondary account's password.
        "SecondaryPassword" secondary_password: Option<SecretString>,
    }
}

impl FileShareBackupStorageDescription {
    /// The share at `path`, reached as the cluster's own identity.
    pub fn new(path: impl Into<String>) -> FileShareBackupStorageDescription {
        FileShareBackupStorageDescription {
            friendly_name: None,
            path: path.into(),
            primary_user_name: None,
            primary_password: None,
            secondary_user_name: None,
            secondary_password: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the name for people.
    pub fn with_friendly_name(mut self, name: impl Into<String>) -> Self {
        self.friendly_name = Some(name.into());
        self
    }

    /// Sets the primary account.
    pub fn with_primary_account(mut self, user_name: impl Into<String>, password: impl Into<SecretString>) -> Self {
        self.primary_user_name = Some(user_name.into());
        self.primary_password = Some(password.into());
        self
    }

    /// Sets the secondary account.
    pub fn with_secondary_account(mut self, user_name: impl Into<String>, password: impl Into<SecretString>) -> Self {
        self.secondary_user_name = Some(user_name.into());
        self.secondary_password = Some(password.into());
        self
    }
}

wire_struct! {
    /// An Azure blob store whose credentials come from dSMS.
    pub struct DsmsAzureBlobBackupStorageDescription {
        /// A name for the store, for people.
        "FriendlyName" friendly_name: Option<String>,
        /// Where dSMS keeps the storage account's credentials.
        "StorageCredentialsSourceLocation" storage_credentials_source_location: String,
        /// The blob container backups go to.
        "ContainerName" container_name: String,
    }
}

impl DsmsAzureBlobBackupStorageDescription {
    /// The container `container_name` of the account whose credentials are at
    /// `storage_credentials_source_location`.
    pub fn new(
        storage_credentials_source_location: impl Into<String>,
        container_name: impl Into<String>,
    ) -> DsmsAzureBlobBackupStorageDescription {
        DsmsAzureBlobBackupStorageDescription {
            friendly_name: None,
            storage_credentials_source_location: storage_credentials_source_location.into(),
            container_name: container_name.into(),
            unknown_fields: Default::default(),
        }
    }

    /// Sets the name for people.
    pub fn with_friendly_name(mut self, name: impl Into<String>) -> Self {
        self.friendly_name = Some(name.into());
        self
    }
}

wire_struct! {
    /// An Azure blob store reached with a managed identity.
    pub struct ManagedIdentityAzureBlobBackupStorageDescription {
        /// A name for the store, for people.
        "FriendlyName" friendly_name: Option<String>,
        /// Which identity reaches the store.
        "ManagedIdentityType" managed_identity_type: ManagedIdentityType,
        /// The blob service, `https://account.blob.core.windows.net/`.
        "BlobServiceUri" blob_service_uri: String,
        /// The blob container backups go to.
        "ContainerName" container_name: String,
    }
}

impl ManagedIdentityAzureBlobBackupStorageDescription {
    /// The container `container_name` of the blob service at `blob_service_uri`, reached as
    /// `identity`.
    pub fn new(
        identity: ManagedIdentityType,
        blob_service_uri: impl Into<String>,
        container_name: impl Into<String>,
    ) -> ManagedIdentityAzureBlobBackupStorageDescription {
        ManagedIdentityAzureBlobBackupStorageDescription {
            friendly_name: None,
            managed_identity_type: identity,
            blob_service_uri: blob_service_uri.into(),
            container_name: container_name.into(),
            unknown_fields: Default::default(),
        }
    }

    /// Sets the name for people.
    pub fn with_friendly_name(mut self, name: impl Into<String>) -> Self {
        self.friendly_name = Some(name.into());
        self
    }
}

impl From<AzureBlobBackupStorageDescription> for BackupStorageDescription {
    fn from(storage: AzureBlobBackupStorageDescription) -> BackupStorageDescription {
        BackupStorageDescription::AzureBlobStore(storage)
    }
}

impl From<FileShareBackupStorageDescription> for BackupStorageDescription {
    fn from(storage: FileShareBackupStorageDescription) -> BackupStorageDescription {
        BackupStorageDescription::FileShare(storage)
    }
}

impl From<DsmsAzureBlobBackupStorageDescription> for BackupStorageDescription {
    fn from(storage: DsmsAzureBlobBackupStorageDescription) -> BackupStorageDescription {
        BackupStorageDescription::DsmsAzureBlobStore(storage)
    }
}

impl From<ManagedIdentityAzureBlobBackupStorageDescription> for BackupStorageDescription {
    fn from(storage: ManagedIdentityAzureBlobBackupStorageDescription) -> BackupStorageDescription {
        BackupStorageDescription::ManagedIdentityAzureBlobStore(storage)
    }
}
