//! The backup and restore operations on the wire: exact request lines and bodies against a
//! loopback gateway, bodies shaped as real gateways send them, and secrets kept out of
//! `Debug`.
#![cfg(feature = "backup_restore")]

use std::marker::PhantomData;
use std::time::{Duration, UNIX_EPOCH};

use fabric_rest::backup_restore::{ApplicationBackup, BackupPolicies, PartitionBackup, ServiceBackup};
use fabric_rest::models::{
    AzureBlobBackupStorageDescription, BackupConfigurationInfo, BackupEntity, BackupInfo, BackupPartitionDescription,
    BackupPolicyDescription, BackupProgressInfo, BackupScheduleDescription, BackupState, BackupStorageDescription,
    BackupTimeFilter, BasicRetentionPolicyDescription, DayOfWeek, DisableBackupDescription,
    DsmsAzureBlobBackupStorageDescription, EnableBackupDescription, FileShareBackupStorageDescription,
    FrequencyBasedBackupScheduleDescription, GetBackupByStorageQueryDescription,
    ManagedIdentityAzureBlobBackupStorageDescription, ManagedIdentityType, PartitionInformation,
    RestorePartitionDescription, RetentionPolicyDescription, SecretString, TimeBasedBackupScheduleDescription,
    backup_run_time,
};
use fabric_rest::{Accepted, ErrorKind};
use futures_util::StreamExt;
use serde_json::{Value, json};

#[path = "support/examples.rs"]
mod examples;
mod support;

use examples::{bounded, sent_text, serve_empty};
use support::{lines, serve};

const PARTITION: &str = "1daae3f5-7fd6-42e9-b1ba-8c05f873994d";

fn blob_store() -> AzureBlobBackupStorageDescription {
    AzureBlobBackupStorageDescription::new(
        "DefaultEndpointsProtocol=https;AccountName=store;AccountKey=c2VjcmV0S2V5",
        "backups",
    )
}

fn hourly_policy() -> BackupPolicyDescription {
    BackupPolicyDescription::new(
        "Hourly",
        FrequencyBasedBackupScheduleDescription::every(Duration::from_secs(3_600)),
        blob_store().with_friendly_name("blob"),
        24,
    )
    .with_auto_restore_on_data_loss(true)
    .with_retention_policy(
        BasicRetentionPolicyDescription::new(Duration::from_secs(7 * 86_400)).with_minimum_number_of_backups(5),
    )
}

const HOURLY_POLICY: &str = r#"{"Name":"Hourly","AutoRestoreOnDataLoss":true,"MaxIncrementalBackups":24,"Schedule":{"ScheduleKind":"FrequencyBased","Interval":"PT1H0M0S"},"Storage":{"StorageKind":"AzureBlobStore","FriendlyName":"blob","ConnectionString":"DefaultEndpointsProtocol=https;AccountName=store;AccountKey=c2VjcmV0S2V5","ContainerName":"backups"},"RetentionPolicy":{"RetentionPolicyType":"Basic","RetentionDuration":"PT168H0M0S","MinimumNumberOfBackups":5}}"#;

#[tokio::test]
async fn policies_are_created_updated_and_deleted() {
    bounded(async {
        let (client, seen) = serve(|target| match target.contains("$/Create") {
            true => (201, String::new()),
            false => (200, String::new()),
        })
        .await;
        let policy = hourly_policy();
        client.create_backup_policy(&policy, None, Some(true)).await.unwrap();
        client
            .update_backup_policy(&policy, "Hourly", Some(fabric_rest::ServerTimeout::seconds::<30>()), Some(false))
            .await
            .unwrap();
        client.delete_backup_policy("Old policy%1", None).await.unwrap();
        assert_eq!(
            lines(&seen),
            [
                "POST /BackupRestore/BackupPolicies/$/Create?api-version=6.4&ValidateConnection=true HTTP/1.1",
                "POST /BackupRestore/BackupPolicies/Hourly/$/Update?api-version=6.4&timeout=30&ValidateConnection=false HTTP/1.1",
                // Not marked to keep escapes: the `%` is sent escaped.
                "POST /BackupRestore/BackupPolicies/Old%20policy%251/$/Delete?api-version=6.4 HTTP/1.1",
            ]
        );
        assert_eq!(sent_text(&seen, 0), HOURLY_POLICY);
        assert_eq!(sent_text(&seen, 1), HOURLY_POLICY);
        assert_eq!(sent_text(&seen, 2), "");
    })
    .await;
}

#[tokio::test]
async fn a_create_answered_with_another_status_is_an_error() {
    bounded(async {
        let body = r#"{"Error":{"Code":"FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING","Message":"exists"}}"#;
        let (client, _) = serve(move |_| (409, body.to_owned())).await;
        let error = client
            .create_backup_policy(&hourly_policy(), None, None)
            .await
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Status);
        assert_eq!(error.status().map(|status| status.as_u16()), Some(409));
        assert_eq!(
            error.code().map(|code| code.as_str()),
            Some("FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING")
        );
        assert_eq!(error.operation(), Some("CreateBackupPolicy"));
        // 200 is not what CreateBackupPolicy answers: it is reported, not taken for success.
        let (client, _) = serve_empty(200).await;
        let error = client
            .create_backup_policy(&hourly_policy(), None, None)
            .await
            .unwrap_err();
        assert_eq!(error.status().map(|status| status.as_u16()), Some(200));
    })
    .await;
}

#[tokio::test]
async fn entities_turn_periodic_backup_on_and_off() {
    bounded(async {
        let (client, seen) = serve_empty(202).await;
        let enable = EnableBackupDescription::new("Hourly");
        let clean = DisableBackupDescription::new(true);
        assert_eq!(
            client
                .enable_application_backup("MyApp~Sub%20x", None, &enable)
                .await
                .unwrap(),
            Accepted
        );
        client
            .disable_application_backup("MyApp", None, Some(&clean))
            .await
            .unwrap();
        client.suspend_application_backup("MyApp", None).await.unwrap();
        client.resume_application_backup("MyApp", None).await.unwrap();
        client.enable_service_backup("MyApp~Svc", None, &enable).await.unwrap();
        client.disable_service_backup("MyApp~Svc", None, None).await.unwrap();
        client.suspend_service_backup("MyApp~Svc", None).await.unwrap();
        client.resume_service_backup("MyApp~Svc", None).await.unwrap();
        client.enable_partition_backup(PARTITION, None, &enable).await.unwrap();
        client
            .disable_partition_backup(PARTITION, None, Some(&DisableBackupDescription::new(false)))
            .await
            .unwrap();
        client.suspend_partition_backup(PARTITION, None).await.unwrap();
        client.resume_partition_backup(PARTITION, None).await.unwrap();
        let p = format!("/Partitions/{PARTITION}/$");
        assert_eq!(
            lines(&seen),
            [
                // Application ids keep the escapes their caller wrote.
                "POST /Applications/MyApp~Sub%20x/$/EnableBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Applications/MyApp/$/DisableBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Applications/MyApp/$/SuspendBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Applications/MyApp/$/ResumeBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Services/MyApp~Svc/$/EnableBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Services/MyApp~Svc/$/DisableBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Services/MyApp~Svc/$/SuspendBackup?api-version=6.4 HTTP/1.1".to_owned(),
                "POST /Services/MyApp~Svc/$/ResumeBackup?api-version=6.4 HTTP/1.1".to_owned(),
                format!("POST {p}/EnableBackup?api-version=6.4 HTTP/1.1"),
                format!("POST {p}/DisableBackup?api-version=6.4 HTTP/1.1"),
                format!("POST {p}/SuspendBackup?api-version=6.4 HTTP/1.1"),
                format!("POST {p}/ResumeBackup?api-version=6.4 HTTP/1.1"),
            ]
        );
        let bodies: Vec<String> = (0..12).map(|index| sent_text(&seen, index)).collect();
        assert_eq!(
            bodies,
            [
                r#"{"BackupPolicyName":"Hourly"}"#,
                r#"{"CleanBackup":true}"#,
                "",
                "",
                r#"{"BackupPolicyName":"Hourly"}"#,
                "",
                "",
                "",
                r#"{"BackupPolicyName":"Hourly"}"#,
                r#"{"CleanBackup":false}"#,
                "",
                "",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn partitions_are_backed_up_and_restored_on_demand() {
    bounded(async {
        let (client, seen) = serve_empty(202).await;
        let to_share = BackupPartitionDescription::to_storage(
            FileShareBackupStorageDescription::new(r"\\server\share").with_primary_account("backup", "pa$$"),
        );
        client.backup_partition(PARTITION, Some(&to_share), Some(30), None).await.unwrap();
        client.backup_partition(PARTITION, None, None, None).await.unwrap();
        let restore = RestorePartitionDescription::new("3a056ac9", r"App\Svc\backup.zip");
        client.restore_partition(PARTITION, Some(&restore), None, Some(5), None).await.unwrap();
        client.restore_partition(PARTITION, None, Some(true), None, None).await.unwrap();
        client.skip_restore_partition(PARTITION, Some(20), None).await.unwrap();
        let p = format!("/Partitions/{PARTITION}/$");
        assert_eq!(
            lines(&seen),
            [
                format!("POST {p}/Backup?api-version=6.4&BackupTimeout=30 HTTP/1.1"),
                format!("POST {p}/Backup?api-version=6.4 HTTP/1.1"),
                format!("POST {p}/Restore?api-version=6.4&RestoreTimeout=5 HTTP/1.1"),
                format!("POST {p}/Restore?api-version=6.4&Latest=true HTTP/1.1"),
                format!("POST {p}/SkipAutoRestore?api-version=9.1&RestoreTimeout=20 HTTP/1.1"),
            ]
        );
        assert_eq!(
            sent_text(&seen, 0),
            r#"{"BackupStorage":{"StorageKind":"FileShare","Path":"\\\\server\\share","PrimaryUserName":"backup","PrimaryPassword":"pa$$"}}"#
        );
        assert_eq!(sent_text(&seen, 1), "");
        assert_eq!(
            sent_text(&seen, 2),
            r#"{"BackupId":"3a056ac9","BackupLocation":"App\\Svc\\backup.zip"}"#
        );
        assert_eq!(sent_text(&seen, 3), "");
    })
    .await;
}

#[tokio::test]
async fn backup_lists_take_time_filters_and_stream_every_page() {
    bounded(async {
        fn answer(target: &str) -> (u16, String) {
            let page = |token: &str, ids: &[&str]| {
                let items: Vec<_> = ids.iter().map(|id| json!({ "BackupId": id })).collect();
                json!({ "ContinuationToken": token, "Items": items }).to_string()
            };
            match target.split_once("ContinuationToken=").map(|(_, rest)| rest) {
                None => (200, page("fabric:/A#1", &["b1", "b2"])),
                Some("fabric%3A%2FA%231") => (200, page("", &["b3"])),
                Some(other) => (500, format!("unexpected token {other}")),
            }
        }
        let (client, seen) = serve(answer).await;
        let start = BackupTimeFilter::from(UNIX_EPOCH + Duration::from_secs(1_514_764_800));
        let backups: Vec<_> = client
            .application_backups("MyApp", Some(true), Some(&start), None, None)
            .collect()
            .await;
        let ids: Vec<_> = backups.into_iter().map(|backup| backup.unwrap().backup_id.unwrap()).collect();
        assert_eq!(ids, ["b1", "b2", "b3"]);
        let services: Vec<_> = client.service_backups("MyApp~Svc", None, None, None, None).collect().await;
        assert_eq!(services.len(), 3);
        assert_eq!(
            lines(&seen),
            [
                "GET /Applications/MyApp/$/GetBackups?api-version=6.4&Latest=true&StartDateTimeFilter=2018-01-01T00%3A00%3A00Z HTTP/1.1",
                "GET /Applications/MyApp/$/GetBackups?api-version=6.4&Latest=true&StartDateTimeFilter=2018-01-01T00%3A00%3A00Z&ContinuationToken=fabric%3A%2FA%231 HTTP/1.1",
                "GET /Services/MyApp~Svc/$/GetBackups?api-version=6.4 HTTP/1.1",
                "GET /Services/MyApp~Svc/$/GetBackups?api-version=6.4&ContinuationToken=fabric%3A%2FA%231 HTTP/1.1",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn policies_stream_across_pages_and_out_of_range_counts_are_not_sent() {
    bounded(async {
        fn answer(target: &str) -> (u16, String) {
            let policy = |name: &str| {
                json!({"Name": name, "AutoRestoreOnDataLoss": false, "MaxIncrementalBackups": 0,
                    "Schedule": {"ScheduleKind": "FrequencyBased", "Interval": "PT1H"},
                    "Storage": {"StorageKind": "FileShare", "Path": "\\\\s\\b"}})
            };
            if target.contains("ContinuationToken=p2") {
                (200, json!({"Items": [policy("c")]}).to_string())
            } else {
                (
                    200,
                    json!({"ContinuationToken": "p2", "Items": [policy("a"), policy("b")]}).to_string(),
                )
            }
        }
        let (client, seen) = serve(answer).await;
        let names: Vec<_> = client
            .backup_policies(Some(2), None)
            .map(|policy| policy.unwrap().name)
            .collect()
            .await;
        assert_eq!(names, ["a", "b", "c"]);
        let error = client.get_backup_policy_list(None, Some(-1), None).await.unwrap_err();
        assert!(error.is_invalid_argument(), "{error}");
        assert_eq!(
            lines(&seen),
            [
                "GET /BackupRestore/BackupPolicies?api-version=6.4&MaxResults=2 HTTP/1.1",
                "GET /BackupRestore/BackupPolicies?api-version=6.4&ContinuationToken=p2&MaxResults=2 HTTP/1.1",
            ]
        );
    })
    .await;
}

#[tokio::test]
async fn a_storage_query_is_sent_as_built() {
    bounded(async {
        let (client, seen) = serve(|_| (200, r#"{"Items":[]}"#.to_owned())).await;
        let start = BackupTimeFilter::from(UNIX_EPOCH + Duration::from_secs(1_514_764_800));
        let query = GetBackupByStorageQueryDescription::new(
            DsmsAzureBlobBackupStorageDescription::new("https://dsms/location", "backups"),
            BackupEntity::partition("fabric:/App/Svc", PARTITION),
        )
        .between(Some(start), None)
        .latest_only();
        let page = client.get_backups_from_backup_location(None, None, None, &query).await.unwrap();
        assert!(page.items.is_empty());
        assert_eq!(lines(&seen), ["POST /BackupRestore/$/GetBackups?api-version=6.4 HTTP/1.1"]);
        assert_eq!(
            sent_text(&seen, 0),
            format!(
                r#"{{"StartDateTimeFilter":"2018-01-01T00:00:00Z","Latest":true,"Storage":{{"StorageKind":"DsmsAzureBlobStore","StorageCredentialsSourceLocation":"https://dsms/location","ContainerName":"backups"}},"BackupEntity":{{"EntityKind":"Partition","ServiceName":"fabric:/App/Svc","PartitionId":"{PARTITION}"}}}}"#
            )
        );
    })
    .await;
}

#[test]
fn time_based_schedules_are_built_from_times_of_day() {
    let daily =
        TimeBasedBackupScheduleDescription::daily([backup_run_time(9, 0).unwrap(), backup_run_time(17, 30).unwrap()]);
    assert_eq!(
        serde_json::to_string(&BackupScheduleDescription::from(daily)).unwrap(),
        r#"{"ScheduleKind":"TimeBased","ScheduleFrequencyType":"Daily","RunTimes":["0001-01-01T09:00:00Z","0001-01-01T17:30:00Z"]}"#
    );
    let weekly = TimeBasedBackupScheduleDescription::weekly(
        [DayOfWeek::Monday, DayOfWeek::Friday],
        [backup_run_time(23, 59).unwrap()],
    );
    assert_eq!(
        serde_json::to_string(&weekly).unwrap(),
        r#"{"ScheduleFrequencyType":"Weekly","RunDays":["Monday","Friday"],"RunTimes":["0001-01-01T23:59:00Z"]}"#
    );
    assert_eq!(backup_run_time(24, 0), None);
    assert_eq!(backup_run_time(0, 60), None);
}

/// Whether `T` implements `Display`, decided at compile time.
struct DisplayProbe<T: ?Sized>(PhantomData<T>);
trait NoDisplay {
    const DISPLAY: bool = false;
}
impl<T: ?Sized> NoDisplay for DisplayProbe<T> {}
impl<T: ?Sized + std::fmt::Display> DisplayProbe<T> {
    const DISPLAY: bool = true;
}

#[test]
fn secrets_never_show_in_debug_and_have_no_display() {
    const KEY: &str = "c2VjcmV0S2V5";
    // Checked when the test compiles: a `Display` for secrets would fail the build.
    const { assert!(!DisplayProbe::<SecretString>::DISPLAY) };
    const { assert!(DisplayProbe::<String>::DISPLAY, "the probe tells the two apart") };
    let stores: Vec<BackupStorageDescription> = vec![
        blob_store().into(),
        FileShareBackupStorageDescription::new(r"\\s\b")
            .with_primary_account("one", KEY)
            .with_secondary_account("two", KEY)
            .into(),
        DsmsAzureBlobBackupStorageDescription::new("https://dsms", "c").into(),
        ManagedIdentityAzureBlobBackupStorageDescription::new(ManagedIdentityType::Vmss, "https://b", "c").into(),
    ];
    for store in &stores {
        let shown = format!("{store:?} {store:#?}");
        assert!(!shown.contains(KEY), "{shown}");
        let written = serde_json::to_string(store).unwrap();
        let back: BackupStorageDescription = serde_json::from_str(&written).unwrap();
        assert_eq!(&back, store);
    }
    let policy = hourly_policy();
    assert!(!format!("{policy:?}").contains(KEY));
    assert!(format!("{policy:?}").contains("SecretString(<redacted>)"));
    assert!(serde_json::to_string(&policy).unwrap().contains(KEY));
    let restore = RestorePartitionDescription::new("id", "loc").with_backup_storage(blob_store());
    assert!(!format!("{restore:?}").contains(KEY));
    let BackupStorageDescription::FileShare(share) = &stores[1] else {
        unreachable!()
    };
    assert_eq!(share.secondary_password.as_ref().map(SecretString::expose), Some(KEY));
}

/// A backup as a newer gateway might send it: the discriminator late, ids as numbers above
/// 2^53 and as strings, fields and values no spec lists, year-1 and infinite moments.
const ODD_BACKUP: &str = r#"{"BackupId":"b","PartitionInformation":{"Id":"p","LowKey":"-1","ServicePartitionKind":"Int64Range","HighKey":"1","Weight":3},"BackupType":"Differential","EpochOfLastBackupRecord":{"DataLossVersion":9007199254740993,"ConfigurationVersion":"9223372036854775807"},"LsnOfLastBackupRecord":18014398509481985,"CreationTimeUtc":"0001-01-01T00:00:00.000Z","FailureError":{"Code":"FABRIC_E_NEW_ONE","Message":"m","Detail":1},"BackupSizeInBytes":"123","Tags":{"a":"b"}}"#;

#[test]
fn odd_backups_survive_a_read_and_a_write() {
    let backup: BackupInfo = serde_json::from_str(ODD_BACKUP).unwrap();
    let Some(PartitionInformation::Int64Range(range)) = &backup.partition_information else {
        panic!("{:?}", backup.partition_information)
    };
    assert_eq!(range.high_key.as_deref(), Some("1"));
    assert_eq!(range.unknown_fields.get("Weight"), Some(&json!(3)));
    assert_eq!(
        backup.backup_type.as_ref().map(|kind| kind.as_str()),
        Some("Differential")
    );
    let epoch = backup.epoch_of_last_backup_record.as_ref().unwrap();
    assert_eq!(
        epoch.data_loss_version.map(|v| (v.get(), v.is_quoted())),
        Some((9_007_199_254_740_993, false))
    );
    assert_eq!(
        epoch.configuration_version.map(|v| (v.get(), v.is_quoted())),
        Some((i64::MAX, true))
    );
    assert_eq!(
        backup.lsn_of_last_backup_record.map(|v| v.get()),
        Some(18_014_398_509_481_985)
    );
    assert_eq!(backup.creation_time_utc.as_ref().unwrap().to_system_time(), None);
    assert_eq!(backup.failure_error.as_ref().unwrap().code, "FABRIC_E_NEW_ONE");
    assert_eq!(backup.unknown_fields.get("BackupSizeInBytes"), Some(&json!("123")));
    let written: Value = serde_json::from_str(&serde_json::to_string(&backup).unwrap()).unwrap();
    assert_eq!(written, serde_json::from_str::<Value>(ODD_BACKUP).unwrap());
    // Numbers above 2^53 are written back digit for digit.
    assert!(
        serde_json::to_string(&backup)
            .unwrap()
            .contains(r#""LsnOfLastBackupRecord":18014398509481985"#)
    );
}

#[test]
fn unknown_kinds_and_states_are_kept() {
    let text = r#"{"FriendlyName":"f","StorageKind":"SasTokenBlobStore","SasToken":"sv=1&sig=x"}"#;
    let store: BackupStorageDescription = serde_json::from_str(text).unwrap();
    assert!(matches!(&store, BackupStorageDescription::Unknown(_)));
    assert_eq!(store.kind(), "SasTokenBlobStore");
    assert_eq!(store.storage_kind().as_str(), "SasTokenBlobStore");
    assert_eq!(
        serde_json::to_value(&store).unwrap(),
        serde_json::from_str::<Value>(text).unwrap()
    );

    let policy = json!({"Name": "p", "AutoRestoreOnDataLoss": false, "MaxIncrementalBackups": 255,
        "Schedule": {"Interval": "PT5M", "ScheduleKind": "CronBased", "Cron": "* * * * *"},
        "Storage": {"Path": "\\\\s", "StorageKind": "FileShare"},
        "RetentionPolicy": {"RetentionDuration": "P10675199DT2H48M5.4775807S", "RetentionPolicyType": "Basic"}});
    let read: BackupPolicyDescription = serde_json::from_value(policy.clone()).unwrap();
    assert_eq!(read.schedule.kind(), "CronBased");
    assert!(matches!(read.storage, BackupStorageDescription::FileShare(_)));
    let Some(RetentionPolicyDescription::Basic(retention)) = &read.retention_policy else {
        panic!("{:?}", read.retention_policy)
    };
    assert_eq!(
        retention.retention_duration.to_duration(),
        Some(Duration::new(922_337_203_685, 477_580_700))
    );
    assert_eq!(serde_json::to_value(&read).unwrap(), policy);

    let progress: BackupProgressInfo =
        serde_json::from_str(r#"{"BackupState":"Paused","TimeStampUtc":"0001-01-01T00:00:00Z"}"#).unwrap();
    assert_eq!(progress.backup_state.as_ref().map(BackupState::as_str), Some("Paused"));
    assert!(!matches!(progress.backup_state, Some(BackupState::Success)));

    let configuration: BackupConfigurationInfo =
        serde_json::from_str(r#"{"PolicyName":"p","ApplicationName":"fabric:/A","Kind":"Application"}"#).unwrap();
    let BackupConfigurationInfo::Application(application) = &configuration else {
        panic!("{configuration:?}")
    };
    assert_eq!(application.application_name.as_deref(), Some("fabric:/A"));
    let entity: BackupEntity = serde_json::from_str(r#"{"EntityKind":"Cluster","Name":"c"}"#).unwrap();
    assert_eq!(entity.kind(), "Cluster");
}

#[test]
fn a_missing_required_field_is_named() {
    let error = serde_json::from_str::<BackupPolicyDescription>(r#"{"Name":"p"}"#).unwrap_err();
    assert!(
        error.to_string().contains("missing field `AutoRestoreOnDataLoss`"),
        "{error}"
    );
    let error = serde_json::from_str::<BackupPolicyDescription>(
        r#"{"Name":"p","AutoRestoreOnDataLoss":false,"MaxIncrementalBackups":256}"#,
    )
    .unwrap_err();
    assert!(error.to_string().contains("256"), "{error}");
}
