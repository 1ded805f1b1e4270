//! Application upgrades: starting, following, changing, resuming and rolling back.

use crate::models::{
    ApplicationUpgradeDescription, ApplicationUpgradeProgressInfo, ApplicationUpgradeUpdateDescription,
    ResumeApplicationUpgradeDescription,
};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Upgrades of applications to another version of their type or other parameters.
///
/// Implemented for every [`Transport`]. An upgrade runs on after
/// [`start_application_upgrade`](Self::start_application_upgrade) answers; follow it with
/// [`get_application_upgrade`](Self::get_application_upgrade) until its state is
/// `RollingForwardCompleted` at the target version, `RollingBackCompleted` or `Failed`.
/// Right after the start, the progress can still show the previous upgrade's end.
pub trait ApplicationUpgrades: Transport {
    /// Starts an upgrade (`POST /Applications/{applicationId}/$/Upgrade`).
    #[fabric_endpoint(
        POST,
        "/Applications/{applicationId}/$/Upgrade",
        api_version = "6.0",
        operation = "StartApplicationUpgrade"
    )]
    async fn start_application_upgrade(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] upgrade: &ApplicationUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Where the application's latest upgrade stands
    /// (`GET /Applications/{applicationId}/$/GetUpgradeProgress`).
    #[fabric_endpoint(
        GET,
        "/Applications/{applicationId}/$/GetUpgradeProgress",
        api_version = "6.0",
        operation = "GetApplicationUpgrade"
    )]
    async fn get_application_upgrade(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ApplicationUpgradeProgressInfo>;

    /// Changes the settings of the running upgrade
    /// (`POST /Applications/{applicationId}/$/UpdateUpgrade`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/UpdateUpgrade", api_version = "6.0")]
    async fn update_application_upgrade(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] update: &ApplicationUpgradeUpdateDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Moves a manual upgrade on to the next upgrade domain
    /// (`POST /Applications/{applicationId}/$/MoveToNextUpgradeDomain`).
    #[fabric_endpoint(
        POST,
        "/Applications/{applicationId}/$/MoveToNextUpgradeDomain",
        api_version = "6.0",
        operation = "ResumeApplicationUpgrade"
    )]
    async fn resume_application_upgrade(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] next: &ResumeApplicationUpgradeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Rolls the running upgrade back to the version before it
    /// (`POST /Applications/{applicationId}/$/RollbackUpgrade`).
    #[fabric_endpoint(
        POST,
        "/Applications/{applicationId}/$/RollbackUpgrade",
        api_version = "6.0",
        operation = "RollbackApplicationUpgrade"
    )]
    async fn rollback_application_upgrade(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ApplicationUpgrades for T {}
