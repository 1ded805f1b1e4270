//! The configuration-upgrade workflow on the emulator, in one process, for the peak
//! resident memory figure of benchmark 5 (`/usr/bin/time -v`): start the emulated gateway,
//! send StartClusterConfigurationUpgrade with the sample ClusterConfig at a new version,
//! and poll GetClusterConfigurationUpgradeStatus until the upgrade has finished.

use std::time::{Duration, Instant};

use fabric_rest::Client;
use fabric_rest::cluster::ClusterConfigurationUpgrade;
use fabric_rest::models::UpgradeState;
use fabric_rest_benches::{TIMEOUT, description};
use fabric_rest_emulator::Emulator;

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let emulator = Emulator::builder().step(Duration::from_millis(20)).start().await?;
    let client = Client::new(&emulator.base_url())?;
    let description = description();
    let started = Instant::now();
    client
        .start_cluster_configuration_upgrade(&description, Some(TIMEOUT))
        .await?;
    let mut polls = 0;
    let status = loop {
        polls += 1;
        let status = client.get_cluster_configuration_upgrade_status(Some(TIMEOUT)).await?;
        if status.config_version == "2.0.0" && status.upgrade_state.is_terminal() {
            break status;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    assert!(matches!(status.upgrade_state, UpgradeState::RollingForwardCompleted));
    println!(
        "upgraded to {} ({}) after {polls} status requests in {:?}",
        status.config_version,
        status.upgrade_state,
        started.elapsed()
    );
    emulator.shutdown().await;
    Ok(())
}
