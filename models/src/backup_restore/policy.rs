//! Backup policies: when a partition is backed up, where to, and how long backups are kept.

use std::time::Duration;

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::BackupStorageDescription;
use crate::common::{IsoDuration, Timestamp};

wire_struct! {
    /// A backup policy (CreateBackupPolicy, UpdateBackupPolicy, GetBackupPolicyByName).
    pub struct BackupPolicyDescription {
        /// The policy's unique name.
        "Name" name: String,
        /// Whether a partition that lost data restores its latest backup by itself.
        "AutoRestoreOnDataLoss" auto_restore_on_data_loss: bool,
        /// How many incremental backups may follow a full one (0 to 255).
        "MaxIncrementalBackups" max_incremental_backups: u8,
        /// When backups are taken.
        "Schedule" schedule: BackupScheduleDescription,
        /// Where backups go.
        "Storage" storage: BackupStorageDescription,
        /// How long backups are kept; kept for ever when `None`.
        "RetentionPolicy" retention_policy: Option<RetentionPolicyDescription>,
    }
}

impl BackupPolicyDescription {
    /// A policy `name` taking backups on `schedule` into `storage`, with up to
    /// `max_incremental_backups` incremental backups after each full one, no automatic
    /// restore and no retention limit.
    pub fn new(
        name: impl Into<String>,
        schedule: impl Into<BackupScheduleDescription>,
        storage: impl Into<BackupStorageDescription>,
        max_incremental_backups: u8,
    ) -> BackupPolicyDescription {
        BackupPolicyDescription {
            name: name.into(),
            auto_restore_on_data_loss: false,
            max_incremental_backups,
            schedule: schedule.into(),
            storage: storage.into(),
            retention_policy: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets whether a partition that lost data restores its latest backup by itself.
    pub fn with_auto_restore_on_data_loss(mut self, value: bool) -> Self {
        self.auto_restore_on_data_loss = value;
        self
    }

    /// Sets how long backups are kept.
    pub fn with_retention_policy(mut self, policy: impl Into<RetentionPolicyDescription>) -> Self {
        self.retention_policy = Some(policy.into());
        self
    }
}

open_enum! {
    /// How a backup schedule is described (`ScheduleKind`).
    pub enum BackupScheduleKind {
        Invalid = "Invalid",
        TimeBased = "TimeBased",
        FrequencyBased = "FrequencyBased",
    }
}

kind_enum! {
    /// When backups are taken, by `ScheduleKind`.
    pub enum BackupScheduleDescription by "ScheduleKind" {
        FrequencyBased(FrequencyBasedBackupScheduleDescription) = "FrequencyBased",
        TimeBased(TimeBasedBackupScheduleDescription) = "TimeBased",
    }
}

wire_struct! {
    /// A backup every `Interval`.
    pub struct FrequencyBasedBackupScheduleDescription {
        /// The time between two backups, as ISO 8601 (`PT10M`).
        "Interval" interval: IsoDuration,
    }
}

impl FrequencyBasedBackupScheduleDescription {
    /// A backup every `interval`.
    pub fn every(interval: Duration) -> FrequencyBasedBackupScheduleDescription {
        FrequencyBasedBackupScheduleDescription {
            interval: IsoDuration::from(interval),
            unknown_fields: Default::default(),
        }
    }
}

open_enum! {
    /// How often a time-based schedule runs.
    pub enum BackupScheduleFrequencyType {
        Invalid = "Invalid",
        Daily = "Daily",
        Weekly = "Weekly",
    }
}

open_enum! {
    /// A day of the week.
    pub enum DayOfWeek {
        Sunday = "Sunday",
        Monday = "Monday",
        Tuesday = "Tuesday",
        Wednesday = "Wednesday",
        Thursday = "Thursday",
        Friday = "Friday",
        Saturday = "Saturday",
    }
}

wire_struct! {
    /// Backups at given times of given days.
    pub struct TimeBasedBackupScheduleDescription {
        /// Daily or weekly.
        "ScheduleFrequencyType" schedule_frequency_type: BackupScheduleFrequencyType,
        /// The days a weekly schedule runs on.
        "RunDays" run_days: Option<Vec<DayOfWeek>>,
        /// The times of day backups start, in UTC; only the time part counts, and the gateway
        /// writes the date as year 1 (`0001-01-01T09:00:00Z`).
        "RunTimes" run_times: Vec<Timestamp>,
    }
}

impl TimeBasedBackupScheduleDescription {
    /// Backups every day at `run_times` (see [`backup_run_time`]).
    pub fn daily(run_times: impl IntoIterator<Item = Timestamp>) -> TimeBasedBackupScheduleDescription {
        TimeBasedBackupScheduleDescription {
            schedule_frequency_type: BackupScheduleFrequencyType::Daily,
            run_days: None,
            run_times: run_times.into_iter().collect(),
            unknown_fields: Default::default(),
        }
    }

    /// Backups on `run_days` at `run_times` (see [`backup_run_time`]).
    pub fn weekly(
        run_days: impl IntoIterator<Item = DayOfWeek>,
        run_times: impl IntoIterator<Item = Timestamp>,
    ) -> TimeBasedBackupScheduleDescription {
        TimeBasedBackupScheduleDescription {
            schedule_frequency_type: BackupScheduleFrequencyType::Weekly,
            run_days: Some(run_days.into_iter().collect()),
            run_times: run_times.into_iter().collect(),
            unknown_fields: Default::default(),
        }
    }
}

/// A time of day for [`TimeBasedBackupScheduleDescription`], in UTC and written as the
/// gateway writes it (`0001-01-01T17:30:00Z`); `None` past 23:59.
///
/// ```
/// use fabric_rest_models::backup_run_time;
///
/// assert_eq!(backup_run_time(17, 30).unwrap().as_str(), "0001-01-01T17:30:00Z");
/// assert_eq!(backup_run_time(24, 0), None);
/// ```
pub fn backup_run_time(hour: u8, minute: u8) -> Option<Timestamp> {
    (hour < 24 && minute < 60).then(|| Timestamp::new(format!("0001-01-01T{hour:02}:{minute:02}:00Z")))
}

impl From<FrequencyBasedBackupScheduleDescription> for BackupScheduleDescription {
    fn from(schedule: FrequencyBasedBackupScheduleDescription) -> BackupScheduleDescription {
        BackupScheduleDescription::FrequencyBased(schedule)
    }
}

impl From<TimeBasedBackupScheduleDescription> for BackupScheduleDescription {
    fn from(schedule: TimeBasedBackupScheduleDescription) -> BackupScheduleDescription {
        BackupScheduleDescription::TimeBased(schedule)
    }
}

open_enum! {
    /// How a retention policy is described (`RetentionPolicyType`).
    pub enum RetentionPolicyType {
        Basic = "Basic",
        Invalid = "Invalid",
    }
}

kind_enum! {
    /// How long backups are kept, by `RetentionPolicyType`.
    pub enum RetentionPolicyDescription by "RetentionPolicyType" {
        Basic(BasicRetentionPolicyDescription) = "Basic",
    }
}

wire_struct! {
    /// Backups older than a duration are deleted, keeping at least a number of them.
    pub struct BasicRetentionPolicyDescription {
        /// How long a backup is kept, as ISO 8601 (`P20D`, `P3M`, `PT480H`).
        "RetentionDuration" retention_duration: IsoDuration,
        /// How many backups are kept however old they are.
        "MinimumNumberOfBackups" minimum_number_of_backups: Option<u32>,
    }
}

impl BasicRetentionPolicyDescription {
    /// Backups are kept for `retention`.
    pub fn new(retention: Duration) -> BasicRetentionPolicyDescription {
        BasicRetentionPolicyDescription {
            retention_duration: IsoDuration::from(retention),
            minimum_number_of_backups: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets how many backups are kept however old they are.
    pub fn with_minimum_number_of_backups(mut self, count: u32) -> Self {
        self.minimum_number_of_backups = Some(count);
        self
    }
}

impl From<BasicRetentionPolicyDescription> for RetentionPolicyDescription {
    fn from(policy: BasicRetentionPolicyDescription) -> RetentionPolicyDescription {
        RetentionPolicyDescription::Basic(policy)
    }
}
