//! What is backed up: applications, services and partitions as backup entities, the backup
//! configuration each has, and turning periodic backup on and off.

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

open_enum! {
    /// The kind of a backup entity (`EntityKind`).
    pub enum BackupEntityKind {
        Invalid = "Invalid",
        Partition = "Partition",
        Service = "Service",
        Application = "Application",
    }
}

kind_enum! {
    /// An application, service or partition that is backed up, by `EntityKind`.
    pub enum BackupEntity by "EntityKind" {
        Application(ApplicationBackupEntity) = "Application",
        Service(ServiceBackupEntity) = "Service",
        Partition(PartitionBackupEntity) = "Partition",
    }
}

impl BackupEntity {
    /// The application `application_name` (`fabric:/MyApp`).
    pub fn application(application_name: impl Into<String>) -> BackupEntity {
        BackupEntity::Application(ApplicationBackupEntity {
            application_name: Some(application_name.into()),
            unknown_fields: Default::default(),
        })
    }

    /// The service `service_name` (`fabric:/MyApp/MyService`).
    pub fn service(service_name: impl Into<String>) -> BackupEntity {
        BackupEntity::Service(ServiceBackupEntity {
            service_name: Some(service_name.into()),
            unknown_fields: Default::default(),
        })
    }

    /// The partition `partition_id` of the service `service_name`.
    pub fn partition(service_name: impl Into<String>, partition_id: impl Into<String>) -> BackupEntity {
        BackupEntity::Partition(PartitionBackupEntity {
            service_name: Some(service_name.into()),
            partition_id: Some(partition_id.into()),
            unknown_fields: Default::default(),
        })
    }
}

wire_struct! {
    /// An application as a backup entity.
    pub struct ApplicationBackupEntity {
        /// The application's name (`fabric:/MyApp`).
        "ApplicationName" application_name: Option<String>,
    }
}

wire_struct! {
    /// A service as a backup entity.
    pub struct ServiceBackupEntity {
        /// The service's name (`fabric:/MyApp/MyService`).
        "ServiceName" service_name: Option<String>,
    }
}

wire_struct! {
    /// A partition as a backup entity.
    pub struct PartitionBackupEntity {
        /// The name of the partition's service.
        "ServiceName" service_name: Option<String>,
        /// The partition's id (a GUID).
        "PartitionId" partition_id: Option<String>,
    }
}

open_enum! {
    /// Where the backup policy of an entity comes from.
    pub enum BackupPolicyScope {
        Invalid = "Invalid",
        Partition = "Partition",
        Service = "Service",
        Application = "Application",
    }
}

open_enum! {
    /// Where the suspension of an entity's backups comes from.
    pub enum BackupSuspensionScope {
        Invalid = "Invalid",
        Partition = "Partition",
        Service = "Service",
        Application = "Application",
    }
}

wire_struct! {
    /// Whether an entity's periodic backups are suspended, and by which entity.
    pub struct BackupSuspensionInfo {
        /// Whether they are suspended.
        "IsSuspended" is_suspended: Option<bool>,
        /// The entity whose suspension applies.
        "SuspensionInheritedFrom" suspension_inherited_from: Option<BackupSuspensionScope>,
    }
}

kind_enum! {
    /// The backup configuration of an application, service or partition, by `Kind`.
    pub enum BackupConfigurationInfo by "Kind" {
        Application(ApplicationBackupConfigurationInfo) = "Application",
        Service(ServiceBackupConfigurationInfo) = "Service",
        Partition(PartitionBackupConfigurationInfo) = "Partition",
    }
}

wire_struct! {
    /// The backup configuration of an application.
    pub struct ApplicationBackupConfigurationInfo {
        /// The backup policy that applies.
        "PolicyName" policy_name: Option<String>,
        /// The entity the policy is set on.
        "PolicyInheritedFrom" policy_inherited_from: Option<BackupPolicyScope>,
        /// Whether backups are suspended.
        "SuspensionInfo" suspension_info: Option<BackupSuspensionInfo>,
        /// The application's name.
        "ApplicationName" application_name: Option<String>,
    }
}

wire_struct! {
    /// The backup configuration of a service.
    pub struct ServiceBackupConfigurationInfo {
        /// The backup policy that applies.
        "PolicyName" policy_name: Option<String>,
        /// The entity the policy is set on.
        "PolicyInheritedFrom" policy_inherited_from: Option<BackupPolicyScope>,
        /// Whether backups are suspended.
        "SuspensionInfo" suspension_info: Option<BackupSuspensionInfo>,
        /// The service's name.
        "ServiceName" service_name: Option<String>,
    }
}

wire_struct! {
    /// The backup configuration of a partition (GetPartitionBackupConfigurationInfo).
    pub struct PartitionBackupConfigurationInfo {
        /// The backup policy that applies.
        "PolicyName" policy_name: Option<String>,
        /// The entity the policy is set on.
        "PolicyInheritedFrom" policy_inherited_from: Option<BackupPolicyScope>,
        /// Whether backups are suspended.
        "SuspensionInfo" suspension_info: Option<BackupSuspensionInfo>,
        /// The name of the partition's service.
        "ServiceName" service_name: Option<String>,
        /// The partition's id.
        "PartitionId" partition_id: Option<String>,
    }
}

wire_struct! {
    /// Which backup policy an entity's periodic backups follow (EnableApplicationBackup, ...).
    pub struct EnableBackupDescription {
        /// The policy's name.
        "BackupPolicyName" backup_policy_name: String,
    }
}

impl EnableBackupDescription {
    /// Back up with the policy `backup_policy_name`.
    pub fn new(backup_policy_name: impl Into<String>) -> EnableBackupDescription {
        EnableBackupDescription {
            backup_policy_name: backup_policy_name.into(),
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// How periodic backup is turned off (DisableApplicationBackup, ...).
    pub struct DisableBackupDescription {
        /// Whether the backups taken so far are deleted too.
        "CleanBackup" clean_backup: bool,
    }
}

impl DisableBackupDescription {
    /// Stop backing up; with `clean_backup`, delete the backups taken so far as well.
    pub fn new(clean_backup: bool) -> DisableBackupDescription {
        DisableBackupDescription {
            clean_backup,
            unknown_fields: Default::default(),
        }
    }
}
