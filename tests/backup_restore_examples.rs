//! The official examples of the backup and restore operations, through the declared methods:
//! responses decoded from a loopback gateway and written back unchanged, request bodies
//! read into the models and sent as they are. See `fixtures/examples/SOURCE.md` for where
//! each file comes from.
#![cfg(feature = "backup_restore")]

use std::time::{Duration, UNIX_EPOCH};

use fabric_rest::Accepted;
use fabric_rest::backup_restore::{ApplicationBackup, BackupPolicies, PartitionBackup, ServiceBackup};
use fabric_rest::models::Int64;
use fabric_rest::models::{
    BackupConfigurationInfo, BackupEntity, BackupPartitionDescription, BackupPolicyDescription, BackupPolicyScope,
    BackupScheduleDescription, BackupState, BackupStorageDescription, BackupSuspensionScope, BackupTimeFilter,
    BackupType, GetBackupByStorageQueryDescription, ManagedIdentityType, PartitionInformation,
    RestorePartitionDescription, RestoreState, RetentionPolicyDescription,
};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{Example, assert_round_trip, bounded, sent_json, serve_empty, serve_json, without_nulls};
use support::lines;

macro_rules! example {
    ($file:literal) => {
        Example::parse(include_str!(concat!("fixtures/examples/", $file)))
    };
}

/// A wire integer as its value and whether it came as a string.
fn int64(value: Option<Int64>) -> Option<(i64, bool)> {
    value.map(|number| (number.get(), number.is_quoted()))
}

const PARTITION: &str = "1daae3f5-7fd6-42e9-b1ba-8c05f873994d";

#[tokio::test]
async fn get_backup_policy_list() {
    bounded(async {
        let example = example!("GetBackupPolicyList-1.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client.get_backup_policy_list(None, Some(4), None).await.unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /BackupRestore/BackupPolicies?api-version=6.4&MaxResults=4 HTTP/1.1"]
        );
        assert_eq!(page.next_token(), Some("FileShare10MinBackupPolicy"));
        let kinds: Vec<_> = page
            .items
            .iter()
            .map(|policy| policy.storage.kind().to_owned())
            .collect();
        assert_eq!(
            kinds,
            [
                "AzureBlobStore",
                "ManagedIdentityAzureBlobStore",
                "DsmsAzureBlobStore",
                "FileShare"
            ]
        );
        let BackupStorageDescription::ManagedIdentityAzureBlobStore(identity) = &page.items[1].storage else {
            panic!("{:?}", page.items[1].storage)
        };
        assert_eq!(identity.managed_identity_type, ManagedIdentityType::Cluster);
        let RetentionPolicyDescription::Basic(retention) = page.items[2].retention_policy.as_ref().unwrap() else {
            panic!("a basic retention policy")
        };
        // Months have no fixed length: the text is kept as the gateway wrote it.
        assert_eq!(retention.retention_duration.as_str(), "P3M");
        assert_eq!(retention.retention_duration.to_duration(), None);
        let BackupScheduleDescription::FrequencyBased(schedule) = &page.items[3].schedule else {
            panic!("a frequency-based schedule")
        };
        assert_eq!(schedule.interval.to_duration(), Some(Duration::from_secs(600)));
        let shown = format!("{page:?}");
        assert!(!shown.contains("PutYourAccountKeyHere"), "{shown}");
        assert!(!shown.contains("****"), "{shown}");
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_backup_policy_by_name() {
    bounded(async {
        let example = example!("GetBackupPolicyByName.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let policy = client
            .get_backup_policy_by_name(example.param_str("backupPolicyName"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /BackupRestore/BackupPolicies/DailyAzureBackupPolicy?api-version=6.4 HTTP/1.1"]
        );
        let BackupScheduleDescription::TimeBased(schedule) = &policy.schedule else {
            panic!("a time-based schedule")
        };
        let times: Vec<_> = schedule.run_times.iter().map(|at| at.as_str()).collect();
        assert_eq!(times, ["0001-01-01T09:00:00Z", "0001-01-01T17:00:00Z"]);
        // The year-1 date means "no date": only the time of day counts.
        assert_eq!(schedule.run_times[0].to_system_time(), None);
        assert_eq!(policy.max_incremental_backups, 3);
        assert_round_trip(&policy, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_all_entities_backed_up_by_policy() {
    bounded(async {
        let example = example!("GetAllEntitiesBackedUpByPolicy-1.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .get_all_entities_backed_up_by_policy(example.param_str("backupPolicyName"), None, Some(2), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /BackupRestore/BackupPolicies/DailyAzureBackupPolicy/$/GetBackupEnabledEntities?api-version=6.4&MaxResults=2 HTTP/1.1"]
        );
        assert_eq!(page.items[1], BackupEntity::application("fabric:/DemoApp"));
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_application_backup_configuration_info() {
    bounded(async {
        let example = example!("GetApplicationBackupConfigurationInfo-2.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .get_application_backup_configuration_info(
                example.param_str("applicationId"),
                Some(example.param_str("ContinuationToken")),
                Some(2),
                None,
            )
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Applications/CalcApp/$/GetBackupConfigurationInfo?api-version=6.4&ContinuationToken=fabric%3A%2FCalcApp%2FCalcService&MaxResults=2 HTTP/1.1"]
        );
        assert_eq!(page.next_token(), None, "an empty token ends the list");
        let BackupConfigurationInfo::Partition(partition) = &page.items[0] else {
            panic!("{:?}", page.items[0])
        };
        assert_eq!(partition.policy_inherited_from, Some(BackupPolicyScope::Service));
        let suspension = partition.suspension_info.as_ref().unwrap();
        assert_eq!(suspension.is_suspended, Some(true));
        assert_eq!(suspension.suspension_inherited_from, Some(BackupSuspensionScope::Partition));
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_service_backup_configuration_info() {
    bounded(async {
        let example = example!("GetServiceBackupConfigurationInfo-1.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .get_service_backup_configuration_info(example.param_str("serviceId"), None, Some(2), None)
            .await
            .unwrap();
        // The example's id holds a `/`; a path value fills one segment, so it is escaped.
        assert_eq!(
            lines(&seen),
            ["GET /Services/CalcApp%2FCalcService/$/GetBackupConfigurationInfo?api-version=6.4&MaxResults=2 HTTP/1.1"]
        );
        let kinds: Vec<_> = page.items.iter().map(BackupConfigurationInfo::kind).collect();
        assert_eq!(kinds, ["Service", "Partition"]);
        assert_round_trip(&page, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_partition_backup_configuration_info() {
    bounded(async {
        let example = example!("GetPartitionBackupConfigurationInfo.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let info = client
            .get_partition_backup_configuration_info(example.param_str("partitionId"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "GET /Partitions/{PARTITION}/$/GetBackupConfigurationInfo?api-version=6.4 HTTP/1.1"
            )]
        );
        assert_eq!(info.policy_name.as_deref(), Some("BackupPolicy2"));
        assert_eq!(info.partition_id.as_deref(), Some(PARTITION));
        // The discriminator of the polymorphic base is read and written back, not lost.
        assert_round_trip(&info, example.body());
    })
    .await;
}

#[tokio::test]
async fn get_application_backup_list() {
    bounded(async {
        let example = example!("GetApplicationBackupList-1.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let start = BackupTimeFilter::from(UNIX_EPOCH + Duration::from_secs(1_514_764_800));
        let end = BackupTimeFilter::from(UNIX_EPOCH + Duration::from_secs(1_514_851_199));
        assert_eq!(start.as_str(), example.param_str("StartDateTimeFilter"));
        assert_eq!(end.as_str(), example.param_str("EndDateTimeFilter"));
        let page = client
            .get_application_backup_list("CalcApp", None, None, Some(&start), Some(&end), None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Applications/CalcApp/$/GetBackups?api-version=6.4&StartDateTimeFilter=2018-01-01T00%3A00%3A00Z&EndDateTimeFilter=2018-01-01T23%3A59%3A59Z HTTP/1.1"]
        );
        assert_eq!(page.items.len(), 4);
        let first = &page.items[0];
        assert_eq!(first.backup_type, Some(BackupType::Full));
        assert_eq!(page.items[1].backup_type, Some(BackupType::Incremental));
        assert_eq!(int64(first.lsn_of_last_backup_record), Some((261, true)));
        let epoch = first.epoch_of_last_backup_record.as_ref().unwrap();
        assert_eq!(int64(epoch.data_loss_version), Some((131_462_452_931_584_510, true)));
        assert_eq!(int64(epoch.configuration_version), Some((8_589_934_592, true)));
        let Some(PartitionInformation::Int64Range(range)) = &first.partition_information else {
            panic!("{:?}", first.partition_information)
        };
        assert_eq!(range.low_key.as_deref(), Some("-9223372036854775808"));
        assert_eq!(first.failure_error, None);
        // `"FailureError": null` reads as absent, and absent fields are left out.
        assert_round_trip(&page, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn get_service_backup_list() {
    bounded(async {
        let example = example!("GetServiceBackupList-3.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .get_service_backup_list(example.param_str("serviceId"), None, None, None, None, None, Some(2))
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["GET /Services/CalcApp%2FCalcService/$/GetBackups?api-version=6.4&MaxResults=2 HTTP/1.1"]
        );
        assert_eq!(
            page.next_token(),
            Some(
                "fabric:/CalcApp/CalcService#1daae3f5-7fd6-42e9-b1ba-8c05f873994d#7903dc2a-228d-44b0-b7c8-a13a6c9b46bd"
            )
        );
        assert_round_trip(&page, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn get_partition_backup_list() {
    bounded(async {
        let example = example!("GetPartitionBackupList-3.json");
        let (client, seen) = serve_json(200, example.body()).await;
        // The example passes `MaxResults`, which the operation does not take (9.1 spec).
        let page = client
            .get_partition_backup_list(example.param_str("partitionId"), None, None, None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "GET /Partitions/{PARTITION}/$/GetBackups?api-version=6.4 HTTP/1.1"
            )]
        );
        assert_eq!(page.items.len(), 2);
        assert_round_trip(&page, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn get_partition_backup_progress() {
    bounded(async {
        let example = example!("GetPartitionBackupProgress.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let progress = client
            .get_partition_backup_progress(example.param_str("partitionId"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "GET /Partitions/{PARTITION}/$/GetBackupProgress?api-version=6.4 HTTP/1.1"
            )]
        );
        assert_eq!(progress.backup_state, Some(BackupState::Success));
        assert_eq!(
            progress.time_stamp_utc.as_ref().unwrap().as_str(),
            "2018-01-01T09:00:55Z"
        );
        assert_eq!(int64(progress.lsn_of_last_backup_record), Some((261, true)));
        assert_round_trip(&progress, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn get_partition_restore_progress() {
    bounded(async {
        let example = example!("GetPartitionRestoreProgress.json");
        let (client, seen) = serve_json(200, example.body()).await;
        let progress = client
            .get_partition_restore_progress(example.param_str("partitionId"), None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "GET /Partitions/{PARTITION}/$/GetRestoreProgress?api-version=6.4 HTTP/1.1"
            )]
        );
        assert_eq!(progress.restore_state, Some(RestoreState::Success));
        assert_eq!(int64(progress.restored_lsn), Some((261, true)));
        assert_round_trip(&progress, &without_nulls(example.body()));
    })
    .await;
}

#[tokio::test]
async fn get_backups_from_backup_location() {
    bounded(async {
        let example = example!("GetBackupsFromBackupLocation-1.json");
        let query: GetBackupByStorageQueryDescription = example.param_as("GetBackupByStorageQueryDescription");
        assert_eq!(query.backup_entity, BackupEntity::application("fabric:/CalcApp"));
        assert!(!format!("{query:?}").contains("PutYourAccountKeyHere"));
        let (client, seen) = serve_json(200, example.body()).await;
        let page = client
            .get_backups_from_backup_location(None, None, Some(2), &query)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            ["POST /BackupRestore/$/GetBackups?api-version=6.4&MaxResults=2 HTTP/1.1"]
        );
        assert_eq!(
            sent_json(&seen, 0),
            *example.param("GetBackupByStorageQueryDescription")
        );
        assert_eq!(page.items.len(), 2);
        assert_round_trip(&page, &without_nulls(example.body()));
    })
    .await;
}

/// The example's policy, read into the model, goes out as the example has it.
async fn create_backup_policy_from(example: &Example) -> BackupPolicyDescription {
    let policy: BackupPolicyDescription = example.param_as("BackupPolicyDescription");
    assert_round_trip(&policy, example.param("BackupPolicyDescription"));
    let (client, seen) = serve_empty(201).await;
    client.create_backup_policy(&policy, None, None).await.unwrap();
    assert_eq!(
        lines(&seen),
        ["POST /BackupRestore/BackupPolicies/$/Create?api-version=6.4 HTTP/1.1"]
    );
    assert_eq!(sent_json(&seen, 0), *example.param("BackupPolicyDescription"));
    policy
}

#[tokio::test]
async fn create_backup_policy_on_a_file_share() {
    bounded(async {
        let policy = create_backup_policy_from(&example!("CreateBackupPolicy-2.json")).await;
        let BackupStorageDescription::FileShare(share) = &policy.storage else {
            panic!("a file share")
        };
        assert_eq!(share.path, r"\\myshare\backupshare");
        assert_eq!(share.primary_password.as_ref().unwrap().expose(), "abcd1234");
        let shown = format!("{policy:?}");
        assert!(!shown.contains("abcd1234"), "{shown}");
    })
    .await;
}

#[tokio::test]
async fn create_backup_policy_with_a_managed_identity() {
    bounded(async {
        let policy = create_backup_policy_from(&example!("CreateBackupPolicy-4.json")).await;
        assert_eq!(policy.storage.kind(), "ManagedIdentityAzureBlobStore");
    })
    .await;
}

#[tokio::test]
async fn backup_partition_to_a_given_store() {
    bounded(async {
        let example = example!("BackupPartition-5.json");
        let description: BackupPartitionDescription = example.param_as("BackupPartitionDescription");
        let (client, seen) = serve_empty(202).await;
        let accepted = client
            .backup_partition(example.param_str("partitionId"), Some(&description), None, None)
            .await
            .unwrap();
        assert_eq!(accepted, Accepted);
        assert_eq!(
            lines(&seen),
            [format!(
                "POST /Partitions/{PARTITION}/$/Backup?api-version=6.4 HTTP/1.1"
            )]
        );
        assert_eq!(sent_json(&seen, 0), *example.param("BackupPartitionDescription"));
    })
    .await;
}

#[tokio::test]
async fn restore_partition_from_a_given_backup() {
    bounded(async {
        let example = example!("RestorePartition.json");
        let description: RestorePartitionDescription = example.param_as("RestorePartitionDescription");
        assert_eq!(description.backup_id, "3a056ac9-7206-43c3-8424-6f6103003eba");
        let (client, seen) = serve_empty(202).await;
        client
            .restore_partition(example.param_str("partitionId"), Some(&description), None, None, None)
            .await
            .unwrap();
        assert_eq!(
            lines(&seen),
            [format!(
                "POST /Partitions/{PARTITION}/$/Restore?api-version=6.4 HTTP/1.1"
            )]
        );
        assert_eq!(sent_json(&seen, 0), *example.param("RestorePartitionDescription"));
        assert!(!format!("{description:?}").contains("PutYourAccountKeyHere"));
    })
    .await;
}
