//! Deploying an application package to the emulator end to end: upload, provision, create
//! or upgrade, wait; and the ways it goes wrong (a rolled-back upgrade, a reset in the middle
//! of a chunk, a package refused before any request, markers missing, a deadline too short).
#![cfg(all(feature = "image_store", feature = "applications", feature = "application_types"))]

use std::num::NonZeroU64;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use fabric_rest::application_types::ApplicationTypes;
use fabric_rest::deploy::{DeployError, DeployOutcome, Deployment, deploy_application};
use fabric_rest::image_store::ImageStore;
use fabric_rest::image_store::package::PackageError;
use fabric_rest::image_store::upload::{UploadErrorKind, UploadOptions, upload_package};
use fabric_rest::models::{ApplicationName, ProvisionApplicationTypeDescriptionBase};
use fabric_rest::wait::WaitOptions;
use fabric_rest::wait::application::ApplicationUpgradeOutcome;
use fabric_rest::{Client, FabricErrorCode, RetryPolicy};
use fabric_rest_emulator::{Answer, ApplicationUpgradeOutcome as EmulatedOutcome, Emulator, Fault};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/SamplePkg");
const STEP: Duration = Duration::from_millis(20);

/// A fresh folder under the target directory's temporary space.
fn scratch(name: &str) -> PathBuf {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("fabric-rest-deploy-{}-{n}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// The sample package at `version`, in a folder named `SamplePkg`.
fn sample_at(version: &str) -> PathBuf {
    let dir = scratch(version).join("SamplePkg");
    copy_tree(Path::new(SAMPLE), &dir);
    let manifest = dir.join("ApplicationManifest.xml");
    let text = std::fs::read_to_string(&manifest).unwrap();
    let text = text.replace(
        r#"ApplicationTypeVersion="1.0.0""#,
        &format!(r#"ApplicationTypeVersion="{version}""#),
    );
    std::fs::write(manifest, text).unwrap();
    dir
}

async fn emulator() -> (Emulator, Client) {
    let emulator = Emulator::builder().step(STEP).start().await.unwrap();
    let client = Client::builder(&emulator.base_url()).build().unwrap();
    (emulator, client)
}

fn fast() -> WaitOptions {
    WaitOptions::default()
        .poll_interval(Duration::from_millis(10))
        .deadline(Duration::from_secs(20))
}

fn name() -> ApplicationName {
    ApplicationName::parse("fabric:/Sample").unwrap()
}

fn deployment(package: &Path) -> Deployment {
    Deployment::new(package, name())
        .with_parameter("Greeting", "hi")
        .with_wait_options(fast())
}

/// `METHOD path` of every request, without the query.
fn lines(emulator: &Emulator) -> Vec<String> {
    emulator
        .requests()
        .iter()
        .map(|r| format!("{} {}", r.method, r.path))
        .collect()
}

async fn bounded<T>(test: impl std::future::Future<Output = T>) -> T {
    tokio::time::timeout(Duration::from_secs(60), test)
        .await
        .expect("the test hung")
}

#[tokio::test]
async fn a_clean_deploy_uploads_provisions_and_creates() {
    bounded(async {
        let (emulator, client) = emulator().await;
        let package = sample_at("1.0.0");
        let deploy = deployment(&package).keep_package(true);
        let outcome = deploy_application(&client, &deploy, |_| {}).await.unwrap();
        let DeployOutcome::Created(info) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(info.status.as_ref().unwrap().as_str(), "Ready");
        assert_eq!(info.type_version.as_deref(), Some("1.0.0"));
        let app = emulator.application("fabric:/Sample").unwrap();
        assert_eq!((app.status, app.type_name.as_str()), ("Ready", "SampleAppType"));
        assert_eq!(app.parameters, [("Greeting".to_owned(), "hi".to_owned())]);
        // Every file, byte for byte, and a marker in every folder.
        let mut expected: Vec<String> = [
            "ApplicationManifest.xml",
            "WebPkg/Code/run.sh",
            "WebPkg/Config/Settings.xml",
            "WebPkg/ServiceManifest.xml",
            "_.dir",
            "WebPkg/_.dir",
            "WebPkg/Code/_.dir",
            "WebPkg/Config/_.dir",
        ]
        .iter()
        .map(|p| format!("SamplePkg/{p}"))
        .collect();
        expected.sort();
        assert_eq!(emulator.image_store_paths(), expected);
        for file in ["ApplicationManifest.xml", "WebPkg/Code/run.sh"] {
            let stored = emulator.image_store_file(&format!("SamplePkg/{file}")).unwrap();
            assert_eq!(stored, std::fs::read(package.join(file)).unwrap(), "{file}");
        }
        // The markers go up after every file; the path is one segment, as the .NET client
        // sends it.
        let seen = lines(&emulator);
        let puts: Vec<&String> = seen.iter().filter(|l| l.starts_with("PUT ")).collect();
        assert_eq!(puts.len(), 8);
        assert!(puts[..4].iter().all(|l| !l.ends_with("_.dir")), "{puts:?}");
        assert!(puts[4..].iter().all(|l| l.ends_with("%2F_.dir")), "{puts:?}");
        assert!(
            puts.contains(&&"PUT /ImageStore/SamplePkg%2FWebPkg%2FCode%2Frun.sh".to_owned()),
            "{puts:?}"
        );
        let after: Vec<&str> = seen[8..].iter().map(String::as_str).collect();
        assert_eq!(after[0], "POST /ApplicationTypes/$/Provision");
        assert!(after.contains(&"POST /Applications/$/Create"), "{after:?}");
        assert_eq!(after.last(), Some(&"GET /Applications/Sample"));
    })
    .await;
}

#[tokio::test]
async fn the_package_is_removed_once_provisioned_unless_kept() {
    bounded(async {
        let (emulator, client) = emulator().await;
        let outcome = deploy_application(&client, &deployment(&sample_at("1.0.0")), |_| {})
            .await
            .unwrap();
        assert!(matches!(outcome, DeployOutcome::Created(_)), "{outcome:?}");
        assert_eq!(emulator.image_store_paths(), Vec::<String>::new());
        assert_eq!(
            emulator.application_types(),
            [("SampleAppType".to_owned(), "1.0.0".to_owned())]
        );
    })
    .await;
}

#[tokio::test]
async fn a_new_version_upgrades_and_the_same_one_changes_nothing() {
    bounded(async {
        let (emulator, client) = emulator().await;
        deploy_application(&client, &deployment(&sample_at("1.0.0")), |_| {})
            .await
            .unwrap();
        let again = deploy_application(&client, &deployment(&sample_at("1.0.0")), |_| {})
            .await
            .unwrap();
        assert!(matches!(again, DeployOutcome::Unchanged(_)), "{again:?}");
        let v2 = deployment(&sample_at("2.0.0")).with_parameter("Web_InstanceCount", "3");
        let outcome = deploy_application(&client, &v2, |_| {}).await.unwrap();
        let DeployOutcome::Upgraded(progress) = outcome else {
            panic!("{outcome:?}")
        };
        assert_eq!(
            progress.upgrade_state.as_ref().unwrap().as_str(),
            "RollingForwardCompleted"
        );
        assert_eq!(progress.target_application_type_version.as_deref(), Some("2.0.0"));
        let domains: Vec<&str> = progress
            .upgrade_domains
            .as_deref()
            .unwrap()
            .iter()
            .map(|d| d.state.as_ref().unwrap().as_str())
            .collect();
        assert_eq!(domains, ["Completed", "Completed", "Completed"]);
        let app = emulator.application("fabric:/Sample").unwrap();
        assert_eq!((app.type_version.as_str(), app.status), ("2.0.0", "Ready"));
        assert_eq!(app.parameters.len(), 2);
    })
    .await;
}

#[tokio::test]
async fn a_failed_upgrade_rolls_back_and_says_why() {
    bounded(async {
        let (emulator, client) = emulator().await;
        deploy_application(&client, &deployment(&sample_at("1.0.0")), |_| {})
            .await
            .unwrap();
        emulator.set_next_application_upgrade_outcome(EmulatedOutcome::FailHealthCheck);
        let error = deploy_application(&client, &deployment(&sample_at("2.0.0")), |_| {})
            .await
            .unwrap_err();
        let DeployError::Upgrade(outcome) = &error else {
            panic!("{error:?}")
        };
        let ApplicationUpgradeOutcome::RolledBack(progress) = outcome.as_ref() else {
            panic!("{error:?}")
        };
        assert_eq!(progress.failure_reason.as_ref().unwrap().as_str(), "HealthCheck");
        assert_eq!(progress.unhealthy_evaluations.as_ref().unwrap().len(), 1);
        assert_eq!(
            error.to_string(),
            "upgrade to 2.0.0 ended RollingBackCompleted (failure: HealthCheck); unhealthy: Event"
        );
        let app = emulator.application("fabric:/Sample").unwrap();
        assert_eq!((app.type_version.as_str(), app.status), ("1.0.0", "Ready"));
        assert_eq!(app.upgrade_state, Some("RollingBackCompleted"));
    })
    .await;
}

/// A package of one large file beside the manifest.
fn large_package(bytes: usize) -> (PathBuf, Vec<u8>) {
    let dir = sample_at("1.0.0");
    let data: Vec<u8> = (0..bytes).map(|i| (i * 7 % 251) as u8).collect();
    std::fs::write(dir.join("WebPkg/Code/big.bin"), &data).unwrap();
    (dir, data)
}

#[tokio::test]
async fn a_reset_in_the_middle_of_a_chunk_resumes_from_what_is_missing() {
    bounded(async {
        let (emulator, _) = emulator().await;
        // No retries inside a request: the upload's own resume is what is tested.
        let client = Client::builder(&emulator.base_url())
            .retry_policy(RetryPolicy::none())
            .build()
            .unwrap();
        let (package, data) = large_package(5 * 64 * 1024 + 100);
        // Two chunks go through, the third is cut off by a reset.
        emulator
            .on("UploadFileChunk")
            .repeat(Answer::pass(), 2)
            .then(Answer::fault(Fault::ResetConnection));
        let options = UploadOptions::default()
            .concurrency(1)
            .chunks(64 * 1024, NonZeroU64::new(64 * 1024).unwrap());
        let report = upload_package(&client, &package, "SamplePkg", options, |_| {})
            .await
            .unwrap();
        assert_eq!((report.sessions, report.resumes), (1, 1));
        assert_eq!(
            emulator.image_store_file("SamplePkg/WebPkg/Code/big.bin").unwrap(),
            data
        );
        let chunks: Vec<usize> = emulator
            .requests()
            .iter()
            .filter(|r| r.path.ends_with("/$/UploadChunk"))
            .map(|r| r.body.len())
            .collect();
        // Six chunks make the file; the one cut off is sent again, nothing else is.
        assert_eq!(chunks.len(), 7, "{chunks:?}");
        assert_eq!(chunks.iter().sum::<usize>(), data.len() + 64 * 1024);
        let ranges: Vec<String> = emulator
            .requests()
            .iter()
            .filter_map(|r| r.header("content-range").map(str::to_owned))
            .collect();
        let size = data.len();
        assert_eq!(ranges[2], format!("bytes 131072-196607/{size}"));
        assert_eq!(ranges[3], format!("bytes 131072-196607/{size}"));
        assert_eq!(ranges[6], format!("bytes 327680-{}/{size}", size - 1));
    })
    .await;
}

#[tokio::test]
async fn a_package_without_a_manifest_or_with_an_escaping_link_sends_nothing() {
    bounded(async {
        let (emulator, client) = emulator().await;
        let empty = scratch("empty");
        std::fs::write(empty.join("README.txt"), b"no manifest").unwrap();
        let error = upload_package(&client, &empty, "Empty", UploadOptions::default(), |_| {})
            .await
            .unwrap_err();
        assert!(
            matches!(error.kind(), UploadErrorKind::Package(PackageError::NoManifest { .. })),
            "{error:?}"
        );
        let deploy_error = deploy_application(&client, &Deployment::new(&empty, name()), |_| {})
            .await
            .unwrap_err();
        assert!(matches!(deploy_error, DeployError::Manifest { .. }), "{deploy_error:?}");

        let package = sample_at("1.0.0");
        let outside = scratch("outside");
        std::fs::write(outside.join("secret.txt"), b"not part of the package").unwrap();
        std::os::unix::fs::symlink(outside.join("secret.txt"), package.join("WebPkg/Code/secret.txt")).unwrap();
        let error = upload_package(&client, &package, "SamplePkg", UploadOptions::default(), |_| {})
            .await
            .unwrap_err();
        let UploadErrorKind::Package(PackageError::LinkLeavesPackage { link, .. }) = error.kind() else {
            panic!("{error:?}")
        };
        assert!(link.ends_with("WebPkg/Code/secret.txt"), "{}", link.display());
        assert_eq!(lines(&emulator), Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn provisioning_a_package_without_markers_fails_as_the_gateway_does() {
    bounded(async {
        let (emulator, client) = emulator().await;
        let package = Path::new(SAMPLE);
        for file in [
            "ApplicationManifest.xml",
            "WebPkg/ServiceManifest.xml",
            "WebPkg/Code/run.sh",
            "WebPkg/Config/Settings.xml",
        ] {
            let bytes = std::fs::read(package.join(file)).unwrap();
            client.upload_file(&format!("Bare/{file}"), &bytes, None).await.unwrap();
        }
        let description = ProvisionApplicationTypeDescriptionBase::image_store_path("Bare");
        let error = client.provision_application_type(&description, None).await.unwrap_err();
        assert_eq!(error.code(), Some(&FabricErrorCode::FABRIC_E_DIRECTORY_NOT_FOUND));
        assert_eq!(error.status().map(|s| s.as_u16()), Some(400));
        assert!(emulator.application_types().is_empty());
    })
    .await;
}

#[tokio::test]
async fn a_deadline_too_short_says_where_the_upload_stopped() {
    bounded(async {
        let (emulator, client) = emulator().await;
        let (package, _) = large_package(256 * 1024);
        // Every chunk takes 300 ms; the whole upload may take 500 ms.
        emulator
            .on("UploadFileChunk")
            .otherwise(Answer::fault(Fault::Delay(Duration::from_millis(300))));
        let options = UploadOptions::default()
            .concurrency(1)
            .chunks(64 * 1024, NonZeroU64::new(64 * 1024).unwrap())
            .deadline(Duration::from_millis(500));
        let error = upload_package(&client, &package, "SamplePkg", options, |_| {})
            .await
            .unwrap_err();
        assert!(matches!(error.kind(), UploadErrorKind::Deadline), "{error:?}");
        assert_eq!(error.file(), "WebPkg/Code/big.bin");
        assert!(error.bytes_done() < 256 * 1024, "{}", error.bytes_done());
        let text = error.to_string();
        assert!(text.contains("WebPkg/Code/big.bin"), "{text}");
    })
    .await;
}
