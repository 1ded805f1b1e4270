//! Deploys an application package: uploads it to the image store, provisions its type
//! version, creates the application (or upgrades it when it runs another version), and
//! waits until it is ready.
//!
//! ```text
//! cargo run --example deploy_application                                     # embedded emulator
//! cargo run --example deploy_application -- \
//!     --endpoint https://mycluster.example.com:19080 --package ./VotingPkg --app-name fabric:/Voting \
//!     --parameters Web_InstanceCount=3 --pem admin.pem --key admin.key --server-cn mycluster.example.com
//! ```
//!
//! Without `--endpoint`, the bundled sample package (`examples/data/SamplePkg`) is deployed
//! to an embedded emulator on loopback. The security flags are those of
//! `start_cluster_configuration_upgrade`.
//!
//! Exit status: 0 when the application is ready at the package's version (created,
//! upgraded, or already there); 1 when a step failed, the upgrade rolled back, or the
//! deadline passed; 2 for invalid arguments, which are refused before anything is sent.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use fabric_rest::Client;
use fabric_rest::ServerTimeout;
use fabric_rest::deploy::{DeployEvent, DeployOutcome, DeployStep, Deployment, deploy_application};
use fabric_rest::image_store::upload::UploadOptions;
use fabric_rest::models::{ApplicationName, FailureAction, UpgradeMode};
use fabric_rest::wait::{Summary, WaitOptions};
use fabric_rest_emulator::Emulator;

#[path = "support/progress.rs"]
mod progress;
use progress::ProgressDisplay;
#[path = "support/security.rs"]
mod security;
use security::Security;
#[path = "support/seconds.rs"]
mod seconds;
use seconds::seconds;

/// The package deployed when none is named.
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/data/SamplePkg");

#[derive(Parser, Debug)]
#[command(about = "Deploy a Service Fabric application package and wait until the application is ready")]
struct Args {
    /// The cluster's HTTP gateway, such as https://mycluster.example.com:19080; repeat it for
    /// each gateway node. Without it, the package goes to an embedded emulator on loopback.
    #[arg(long, value_name = "URL")]
    endpoint: Vec<String>,

    /// The application package folder, with ApplicationManifest.xml at its root (default:
    /// the bundled sample).
    #[arg(long, value_name = "DIR")]
    package: Option<PathBuf>,

    /// The application's name.
    #[arg(long, value_name = "fabric:/NAME", default_value = "fabric:/Sample", value_parser = application_name)]
    app_name: ApplicationName,

    /// Application parameters, as KEY=VALUE.
    #[arg(long, value_name = "KEY=VALUE", num_args = 1.., value_parser = parameter)]
    parameters: Vec<(String, String)>,

    /// How an upgrade goes through the upgrade domains.
    #[arg(long, value_name = "MODE", default_value = "Monitored", value_parser = upgrade_mode)]
    upgrade_mode: UpgradeMode,

    /// What a monitored upgrade does when health checks fail: Rollback or Manual.
    #[arg(long, value_name = "ACTION", default_value = "Rollback", value_parser = failure_action)]
    failure_action: FailureAction,

    /// Where the package goes in the image store (default: the folder's name).
    #[arg(long, value_name = "PATH")]
    image_store_path: Option<String>,

    /// Keep the package in the image store after provisioning.
    #[arg(long)]
    keep_package: bool,

    /// How many files go up at the same time.
    #[arg(long, value_name = "N", default_value = "8")]
    concurrency: usize,

    /// Server timeout of each status and start request in seconds, 1 to 4294967295.
    #[arg(long, value_name = "SECS")]
    timeout: Option<ServerTimeout>,

    /// Seconds between two status requests, fractions allowed (default 5; 0.1 on the emulator).
    #[arg(long, value_name = "SECS", value_parser = seconds)]
    poll_interval: Option<Duration>,

    /// How long each step (upload, provision, create or upgrade) may take, in seconds.
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value = "1800")]
    wait_timeout: Duration,

    #[command(flatten)]
    security: Security,
}

fn application_name(text: &str) -> Result<ApplicationName, String> {
    ApplicationName::parse(text).map_err(|e| e.to_string())
}

fn parameter(text: &str) -> Result<(String, String), String> {
    match text.split_once('=') {
        Some((key, value)) if !key.is_empty() => Ok((key.to_owned(), value.to_owned())),
        _ => Err(format!("{text:?} is not KEY=VALUE")),
    }
}

fn upgrade_mode(text: &str) -> Result<UpgradeMode, String> {
    match text {
        "Monitored" => Ok(UpgradeMode::Monitored),
        "UnmonitoredAuto" => Ok(UpgradeMode::UnmonitoredAuto),
        "UnmonitoredManual" => Ok(UpgradeMode::UnmonitoredManual),
        _ => Err(format!(
            "{text:?} is not Monitored, UnmonitoredAuto or UnmonitoredManual"
        )),
    }
}

fn failure_action(text: &str) -> Result<FailureAction, String> {
    match text {
        "Rollback" => Ok(FailureAction::Rollback),
        "Manual" => Ok(FailureAction::Manual),
        _ => Err(format!("{text:?} is not Rollback or Manual")),
    }
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = Args::parse();
    match run(args).await {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `812 B`, `4.0 KiB`, `12.5 MiB`.
fn size(bytes: u64) -> String {
    const KIB: f64 = 1024.0;
    match bytes as f64 {
        b if b < KIB => format!("{bytes} B"),
        b if b < KIB * KIB => format!("{:.1} KiB", b / KIB),
        b => format!("{:.1} MiB", b / (KIB * KIB)),
    }
}

/// What the progress display shows for one event, if anything.
fn summary(event: &DeployEvent<'_>) -> Option<(Summary, Duration)> {
    match event {
        DeployEvent::Upload(p) => {
            let text = format!(
                "uploaded {}/{} files, {} of {}",
                p.files_done,
                p.files_total,
                size(p.bytes_done),
                size(p.bytes_total)
            );
            let percent = (p.bytes_done * 100).checked_div(p.bytes_total).unwrap_or(100);
            let percent = u32::try_from(percent).unwrap_or(100);
            Some((Summary::new(text).with_percent(percent), p.elapsed))
        }
        DeployEvent::Provision(p) => Some((p.summary.clone(), p.elapsed)),
        DeployEvent::Create(p) => Some((p.summary.clone(), p.elapsed)),
        DeployEvent::Upgrade(p) => Some((p.summary.clone(), p.elapsed)),
        _ => None,
    }
}

async fn run(args: Args) -> Result<ExitCode, String> {
    // The emulator lives until the end of `run`.
    let (client, _emulator) = match args.endpoint.is_empty() {
        false => (args.security.client(&args.endpoint)?, None),
        true => {
            let emulator = Emulator::builder()
                .step(Duration::from_millis(300))
                .start()
                .await
                .map_err(|e| format!("cannot start the embedded emulator: {e}"))?;
            println!("Started an embedded Service Fabric gateway at {}", emulator.base_url());
            (
                Client::new(&emulator.base_url()).map_err(|e| e.to_string())?,
                Some(emulator),
            )
        }
    };
    let poll_interval = args.poll_interval.unwrap_or(match args.endpoint.is_empty() {
        true => Duration::from_millis(100),
        false => Duration::from_secs(5),
    });
    let mut wait = WaitOptions::default()
        .poll_interval(poll_interval)
        .deadline(args.wait_timeout);
    if let Some(timeout) = args.timeout {
        wait = wait.status_timeout(timeout);
    }
    let package = args.package.clone().unwrap_or_else(|| PathBuf::from(SAMPLE));
    let mut deployment = Deployment::new(&package, args.app_name.clone())
        .with_upgrade_mode(args.upgrade_mode.clone())
        .with_failure_action(args.failure_action.clone())
        .with_upload_options(
            UploadOptions::default()
                .concurrency(args.concurrency)
                .deadline(args.wait_timeout),
        )
        .with_wait_options(wait)
        .keep_package(args.keep_package);
    for (key, value) in &args.parameters {
        deployment = deployment.with_parameter(key, value);
    }
    if let Some(path) = &args.image_store_path {
        deployment = deployment.with_image_store_path(path);
    }

    let started = Instant::now();
    let mut display = ProgressDisplay::new();
    let outcome = deploy_application(&client, &deployment, |event| {
        if let DeployEvent::Step(step) = event {
            display.finish();
            display = ProgressDisplay::new();
            let what = match step {
                DeployStep::Upload => format!("Uploading {}", package.display()),
                DeployStep::Provision => "Provisioning the application type".to_owned(),
                DeployStep::Create => format!("Creating {}", args.app_name),
                DeployStep::Upgrade => format!("Upgrading {}", args.app_name),
                _ => format!("{step:?}"),
            };
            println!("{what}");
        } else if let Some((summary, elapsed)) = summary(&event) {
            display.show(&summary, elapsed);
        }
    })
    .await;
    display.finish();
    let elapsed = started.elapsed().as_secs_f64();
    match outcome {
        Ok(DeployOutcome::Created(info)) => println!(
            "{} is {} at {} {} ({elapsed:.1} s)",
            args.app_name,
            info.status.as_ref().map_or("?", |s| s.as_str()),
            info.type_name.as_deref().unwrap_or("?"),
            info.type_version.as_deref().unwrap_or("?")
        ),
        Ok(DeployOutcome::Upgraded(progress)) => println!(
            "{} was upgraded to {} ({elapsed:.1} s)",
            args.app_name,
            progress.target_application_type_version.as_deref().unwrap_or("?")
        ),
        Ok(DeployOutcome::Unchanged(info)) => println!(
            "{} already runs {} ({elapsed:.1} s)",
            args.app_name,
            info.type_version.as_deref().unwrap_or("?")
        ),
        Ok(other) => return Err(format!("the deployment ended unexpectedly: {other:?}")),
        Err(error) => return Err(error.to_string()),
    }
    Ok(ExitCode::SUCCESS)
}
