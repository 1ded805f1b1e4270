//! Upgrades the configuration of a standalone Service Fabric cluster and follows the upgrade
//! to its end.
//!
//! ```text
//! cargo run --example start_cluster_configuration_upgrade                       # embedded emulator
//! cargo run --example start_cluster_configuration_upgrade -- \
//!     --endpoint https://mycluster.example.com:19080 --config ClusterConfig.json --timeout 120 \
//!     --pem admin.pem --key admin.key --server-cn mycluster.example.com
//! ```
//!
//! Secure clusters: a client certificate from `--pem` (with `--key`, or one combined file) or
//! `--pfx` (with `--pfx-password` or `FABRIC_REST_PFX_PASSWORD`); the server checked against
//! the system roots or `--ca`, a pinned `--server-thumbprint`, or a `--server-cn` (cluster
//! certificates rarely match the host name); an Azure AD token with `--token` or
//! `FABRIC_REST_TOKEN`. `--endpoint` may be given once per gateway node for failover.
//!
//! Exit status: 0 when the cluster reached the new `clusterConfigurationVersion` (or, with
//! `--no-wait`, when the gateway accepted the upgrade); 1 when the upgrade was refused,
//! failed, rolled back or did not finish in time; 2 for invalid arguments, which are
//! refused before anything is sent.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Parser;
use fabric_rest::cluster::ClusterConfigurationUpgrade;
use fabric_rest::models::{ClusterConfig, ClusterConfigurationUpgradeDescription};
use fabric_rest::upgrade::{UpgradeOutcome, WaitOptions, wait_for_configuration_upgrade};
use fabric_rest::{ApiVersion, Client, ServerTimeout, Transport};
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

/// The sample sent to the embedded emulator: its cluster at a new configuration version.
const SAMPLE: &str = include_str!("data/ClusterConfig.json");

#[derive(Parser, Debug)]
#[command(about = "Upgrade the configuration of a standalone Service Fabric cluster and wait for it")]
struct Args {
    /// The cluster's HTTP gateway, such as https://mycluster.example.com:19080; repeat it for
    /// each gateway node to fail over between them. Without it, an embedded emulator on
    /// loopback is upgraded.
    #[arg(long, value_name = "URL", requires = "config")]
    endpoint: Vec<String>,

    /// The ClusterConfig.json to send, as it is (default: the bundled sample).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,

    /// Server timeout of the start request in seconds, 1 to 4294967295.
    #[arg(long, value_name = "SECS")]
    timeout: Option<ServerTimeout>,

    /// The api-version to send instead of the declared 3.0, such as 6.0.
    #[arg(long, value_name = "V")]
    api_version: Option<ApiVersion>,

    /// Seconds between two status requests, fractions allowed (default 5; 0.2 on the emulator).
    #[arg(long, value_name = "SECS", value_parser = seconds)]
    poll_interval: Option<Duration>,

    /// How long to wait for the upgrade to end, in seconds, fractions allowed.
    #[arg(long, value_name = "SECS", value_parser = seconds, default_value = "3600")]
    wait_timeout: Duration,

    /// Only start the upgrade; do not wait for it.
    #[arg(long)]
    no_wait: bool,

    #[command(flatten)]
    security: Security,
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

async fn run(args: Args) -> Result<ExitCode, String> {
    let config_text = match &args.config {
        Some(path) => std::fs::read_to_string(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        None => SAMPLE.to_owned(),
    };
    let config = ClusterConfig::from_json(config_text).map_err(|e| format!("the ClusterConfig is unusable: {e}"))?;
    let target = config.config_version();
    if target.is_none() && !args.no_wait {
        return Err(
            "the ClusterConfig has no clusterConfigurationVersion, so its upgrade cannot be followed; \
             pass --no-wait to send it anyway"
                .into(),
        );
    }

    // The emulator lives until the end of `run`.
    let (client, _emulator) = match args.endpoint.is_empty() {
        false => (args.security.client(&args.endpoint)?, None),
        true => {
            let emulator = Emulator::builder()
                .step(Duration::from_millis(600))
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
    let poll_interval = args.poll_interval.unwrap_or(if !args.endpoint.is_empty() {
        Duration::from_secs(5)
    } else {
        Duration::from_millis(200)
    });

    let description = ClusterConfigurationUpgradeDescription::new(config);
    let started = Instant::now();
    let accepted = match &args.api_version {
        Some(version) => {
            client
                .with_api_version(version.clone())
                .start_cluster_configuration_upgrade(&description, args.timeout)
                .await
        }
        None => {
            client
                .start_cluster_configuration_upgrade(&description, args.timeout)
                .await
        }
    };
    accepted.map_err(|e| e.to_string())?;
    println!(
        "The gateway accepted the configuration upgrade{} ({} ms)",
        target
            .as_deref()
            .map(|v| format!(" to version {v}"))
            .unwrap_or_default(),
        started.elapsed().as_millis()
    );
    let Some(target) = target.filter(|_| !args.no_wait) else {
        return Ok(ExitCode::SUCCESS);
    };

    let options = WaitOptions::default()
        .poll_interval(poll_interval)
        .deadline(args.wait_timeout);
    let mut display = ProgressDisplay::new();
    let outcome = wait_for_configuration_upgrade(&client, &target, options, |progress| {
        display.show(progress.summary, progress.elapsed)
    })
    .await;
    display.finish();
    let elapsed = started.elapsed().as_secs_f64();
    match outcome {
        Ok(UpgradeOutcome::Completed(status)) => {
            println!(
                "Upgrade completed: the cluster runs configuration version {} ({elapsed:.1} s)",
                status.config_version
            );
            Ok(ExitCode::SUCCESS)
        }
        Ok(UpgradeOutcome::RolledBack(status)) => Err(format!(
            "the upgrade was rolled back; the cluster still runs version {} ({elapsed:.1} s): {}",
            status.config_version, status.details
        )),
        Ok(UpgradeOutcome::Failed(status)) => Err(format!(
            "the upgrade failed at version {} ({elapsed:.1} s): {}",
            status.config_version, status.details
        )),
        Ok(UpgradeOutcome::Superseded(status)) => Err(format!(
            "another upgrade replaced this one; the cluster runs version {} ({elapsed:.1} s)",
            status.config_version
        )),
        Ok(other) => Err(format!("the upgrade ended unexpectedly: {other:?}")),
        Err(error) => Err(error.to_string()),
    }
}
