//! Deploying an application package end to end: upload it to the image store, provision
//! its type version, then create the application, or upgrade it when it already runs
//! another version, and wait until it is ready.
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::deploy::{Deployment, deploy_application};
//! use fabric_rest::models::ApplicationName;
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let deployment = Deployment::new("target/VotingPkg", ApplicationName::parse("fabric:/Voting")?)
//!     .with_parameter("Web_InstanceCount", "1");
//! let outcome = deploy_application(&client, &deployment, |event| eprintln!("{event:?}")).await?;
//! println!("{outcome:?}");
//! # Ok(()) }
//! ```

use std::fmt;
use std::path::{Path, PathBuf};

use crate::Error;
use crate::application_types::ApplicationTypes;
use crate::applications::{ApplicationUpgrades, Applications};
use crate::image_store::ImageStore;
use crate::image_store::package::APPLICATION_MANIFEST;
use crate::image_store::upload::{UploadError, UploadOptions, UploadProgress, upload_package};
use crate::models::{
    ApplicationDescription, ApplicationInfo, ApplicationName, ApplicationPackageCleanupPolicy, ApplicationTypeInfo,
    ApplicationUpgradeDescription, ApplicationUpgradeProgressInfo, FailureAction, MonitoringPolicyDescription,
    ProvisionApplicationTypeDescriptionBase, UpgradeMode,
};
use crate::wait::application::{self, ApplicationOutcome, ApplicationUpgradeOutcome, ManualDomains, ProvisionOutcome};
use crate::wait::{Progress, WaitError, WaitOptions};

/// What to deploy, where, and how.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Deployment {
    /// The package folder on disk (with `ApplicationManifest.xml` at its root).
    pub package: PathBuf,
    /// Where it goes in the image store (default: the folder's name).
    pub image_store_path: Option<String>,
    /// The application (`fabric:/MyApp`).
    pub application: ApplicationName,
    /// Application parameters, for a create and for an upgrade alike.
    pub parameters: Vec<(String, String)>,
    /// How an upgrade goes through the domains (default `Monitored`).
    pub upgrade_mode: UpgradeMode,
    /// What a monitored upgrade does when health checks fail (default `Rollback`).
    pub failure_action: FailureAction,
    /// How the package is uploaded.
    pub upload: UploadOptions,
    /// How each long step (provision, create, upgrade) is waited for.
    pub wait: WaitOptions,
    /// Keep the package in the image store after provisioning (default: the cluster
    /// removes it once provisioned).
    pub keep_package: bool,
}

impl Deployment {
    /// The deployment of the package folder `package` as `application`.
    pub fn new(package: impl Into<PathBuf>, application: ApplicationName) -> Deployment {
        Deployment {
            package: package.into(),
            image_store_path: None,
            application,
            parameters: Vec::new(),
            upgrade_mode: UpgradeMode::Monitored,
            failure_action: FailureAction::Rollback,
            upload: UploadOptions::default(),
            wait: WaitOptions::default(),
            keep_package: false,
        }
    }

    /// Adds an application parameter.
    pub fn with_parameter(mut self, key: impl Into<String>, value: impl Into<String>) -> Self {
        self.parameters.push((key.into(), value.into()));
        self
    }

    /// Sets where the package goes in the image store.
    pub fn with_image_store_path(mut self, path: impl Into<String>) -> Self {
        self.image_store_path = Some(path.into());
        self
    }

    /// Sets how an upgrade goes through the domains; `Monitored` uses `failure_action`.
    pub fn with_upgrade_mode(mut self, mode: UpgradeMode) -> Self {
        self.upgrade_mode = mode;
        self
    }

    /// Sets what a monitored upgrade does when health checks fail.
    pub fn with_failure_action(mut self, action: FailureAction) -> Self {
        self.failure_action = action;
        self
    }

    /// Sets how the package is uploaded.
    pub fn with_upload_options(mut self, options: UploadOptions) -> Self {
        self.upload = options;
        self
    }

    /// Sets how each long step is waited for.
    pub fn with_wait_options(mut self, options: WaitOptions) -> Self {
        self.wait = options;
        self
    }

    /// Keeps the package in the image store after provisioning.
    pub fn keep_package(mut self, keep: bool) -> Self {
        self.keep_package = keep;
        self
    }

    /// The image store path: the one set, or the package folder's name.
    fn store_path(&self) -> String {
        self.image_store_path.clone().unwrap_or_else(|| {
            self.package
                .canonicalize()
                .ok()
                .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                .unwrap_or_else(|| "ApplicationPackage".to_owned())
        })
    }
}

/// How a deployment ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum DeployOutcome {
    /// The application did not exist and was created; it is `Ready`.
    Created(Box<ApplicationInfo>),
    /// The application ran another version and was upgraded to this one.
    Upgraded(Box<ApplicationUpgradeProgressInfo>),
    /// The application already ran this version: nothing was started.
    Unchanged(Box<ApplicationInfo>),
}

/// The step a deployment is at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum DeployStep {
    /// Uploading the package.
    Upload,
    /// Provisioning the application type version.
    Provision,
    /// Creating the application.
    Create,
    /// Upgrading the application.
    Upgrade,
}

/// What a deployment reports as it goes.
#[derive(Debug)]
#[non_exhaustive]
pub enum DeployEvent<'a> {
    /// A step begins.
    Step(DeployStep),
    /// The upload moved on.
    Upload(&'a UploadProgress<'a>),
    /// The provision was polled.
    Provision(&'a Progress<'a, Option<ApplicationTypeInfo>>),
    /// The application's creation was polled.
    Create(&'a Progress<'a, Option<ApplicationInfo>>),
    /// The upgrade was polled.
    Upgrade(&'a Progress<'a, ApplicationUpgradeProgressInfo>),
}

/// Why a deployment stopped.
#[derive(Debug)]
#[non_exhaustive]
pub enum DeployError {
    /// The package's `ApplicationManifest.xml` cannot be read, or names no type and version.
    Manifest {
        /// The manifest file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The upload failed; the error names the file and what was already uploaded.
    Upload(UploadError),
    /// A request of a step failed.
    Request {
        /// The step.
        step: DeployStep,
        /// The failure.
        error: Error,
    },
    /// Waiting for the provision failed.
    ProvisionWait(Box<WaitError<Option<ApplicationTypeInfo>>>),
    /// Provisioning ended without the version becoming available.
    Provision(Box<ProvisionOutcome>),
    /// Waiting for the creation failed.
    CreateWait(Box<WaitError<Option<ApplicationInfo>>>),
    /// The creation ended without the application becoming ready.
    Create(Box<ApplicationOutcome>),
    /// Waiting for the upgrade failed.
    UpgradeWait(Box<WaitError<ApplicationUpgradeProgressInfo>>),
    /// The upgrade rolled back or failed; its progress holds the failure reason and the
    /// unhealthy evaluations.
    Upgrade(Box<ApplicationUpgradeOutcome>),
}

impl fmt::Display for DeployError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeployError::Manifest { path, reason } => write!(f, "{}: {reason}", path.display()),
            DeployError::Upload(error) => write!(f, "upload: {error}"),
            DeployError::Request { step, error } => write!(f, "{step:?}: {error}"),
            DeployError::ProvisionWait(error) => write!(f, "provision: {error}"),
            DeployError::Provision(outcome) => write!(f, "provision ended as {outcome:?}"),
            DeployError::CreateWait(error) => write!(f, "create: {error}"),
            DeployError::Create(outcome) => write!(f, "create ended as {outcome:?}"),
            DeployError::UpgradeWait(error) => write!(f, "upgrade: {error}"),
            DeployError::Upgrade(outcome) => write_upgrade_end(f, outcome),
        }
    }
}

/// `upgrade to 2.0.0 ended RollingBackCompleted (failure: HealthCheck); unhealthy: Event`.
fn write_upgrade_end(f: &mut fmt::Formatter<'_>, outcome: &ApplicationUpgradeOutcome) -> fmt::Result {
    let progress = outcome.progress();
    let state = progress.upgrade_state.as_ref().map_or("Invalid", |s| s.as_str());
    let target = progress.target_application_type_version.as_deref().unwrap_or("?");
    write!(f, "upgrade to {target} ended {state}")?;
    if let Some(reason) = progress.failure_reason.as_ref().filter(|r| r.as_str() != "None") {
        write!(f, " (failure: {})", reason.as_str())?;
    }
    let evaluations = progress.unhealthy_evaluations.as_deref().unwrap_or_default();
    for (i, wrapper) in evaluations.iter().enumerate() {
        let kind = wrapper.health_evaluation.kind().escape_debug();
        write!(f, "{}{kind}", if i == 0 { "; unhealthy: " } else { ", " })?;
    }
    Ok(())
}

impl std::error::Error for DeployError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            DeployError::Upload(error) => Some(error),
            DeployError::Request { error, .. } => Some(error),
            DeployError::ProvisionWait(error) => error.error().map(|e| e as _),
            DeployError::CreateWait(error) => error.error().map(|e| e as _),
            DeployError::UpgradeWait(error) => error.error().map(|e| e as _),
            _ => None,
        }
    }
}

/// The value of attribute `name` in the `ApplicationManifest` element of `xml`.
fn manifest_attribute<'x>(xml: &'x str, name: &str) -> Option<&'x str> {
    let start = xml.find("<ApplicationManifest")?;
    let tag = &xml[start..start + xml[start..].find('>')?];
    let at = tag.match_indices(name).find_map(|(at, _)| {
        let before = tag[..at].chars().next_back()?;
        let rest = tag[at + name.len()..].trim_start().strip_prefix('=')?.trim_start();
        before.is_whitespace().then_some(rest)
    })?;
    let quote = at.chars().next().filter(|q| *q == '"' || *q == '\'')?;
    let value = &at[1..];
    value.find(quote).map(|end| &value[..end])
}

/// The application type name and version the package's manifest declares.
pub fn read_application_type(package: &Path) -> Result<(String, String), DeployError> {
    let path = package.join(APPLICATION_MANIFEST);
    let xml = std::fs::read_to_string(&path).map_err(|e| DeployError::Manifest {
        path: path.clone(),
        reason: e.to_string(),
    })?;
    match (
        manifest_attribute(&xml, "ApplicationTypeName"),
        manifest_attribute(&xml, "ApplicationTypeVersion"),
    ) {
        (Some(name), Some(version)) if !name.is_empty() && !version.is_empty() => {
            Ok((name.to_owned(), version.to_owned()))
        }
        _ => Err(DeployError::Manifest {
            path,
            reason: "the ApplicationManifest element has no ApplicationTypeName and ApplicationTypeVersion".to_owned(),
        }),
    }
}

/// Deploys `deployment`: uploads the package, provisions its type version (an already
/// provisioned one is fine), then creates the application when the cluster has none of that
/// name, or upgrades it when it runs another version, and waits until the application is
/// ready or the upgrade completed. A rolled-back or failed upgrade is an error holding the
/// upgrade's last progress (failure reason, unhealthy evaluations).
pub async fn deploy_application<C>(
    client: &C,
    deployment: &Deployment,
    mut on_event: impl FnMut(DeployEvent<'_>) + Send,
) -> Result<DeployOutcome, DeployError>
where
    C: ImageStore + ApplicationTypes + Applications + ApplicationUpgrades + ?Sized,
{
    let (type_name, type_version) = read_application_type(&deployment.package)?;
    let store_path = deployment.store_path();
    on_event(DeployEvent::Step(DeployStep::Upload));
    let upload = &deployment.upload;
    upload_package(client, &deployment.package, &store_path, upload.clone(), |p| {
        on_event(DeployEvent::Upload(p))
    })
    .await
    .map_err(DeployError::Upload)?;

    on_event(DeployEvent::Step(DeployStep::Provision));
    let cleanup = match deployment.keep_package {
        true => ApplicationPackageCleanupPolicy::Manual,
        false => ApplicationPackageCleanupPolicy::Automatic,
    };
    let provision = ProvisionApplicationTypeDescriptionBase::image_store_path(store_path)
        .with_async(true)
        .with_cleanup_policy(cleanup);
    let wait = &deployment.wait;
    let provisioned = application::provision_application_type_and_wait(
        client,
        &provision,
        &type_name,
        &type_version,
        wait.clone(),
        |p| on_event(DeployEvent::Provision(p)),
    )
    .await
    .map_err(|e| DeployError::ProvisionWait(Box::new(e)))?;
    if !provisioned.is_available() {
        return Err(DeployError::Provision(Box::new(provisioned)));
    }

    let id = deployment.application.id();
    let existing = client
        .get_application_info(id.as_str(), Some(true), wait.status_timeout)
        .await
        .map_err(|error| DeployError::Request {
            step: DeployStep::Create,
            error,
        })?;
    match existing {
        None => create(client, deployment, &type_name, &type_version, &mut on_event).await,
        Some(info) if info.type_version.as_deref() == Some(type_version.as_str()) => {
            Ok(DeployOutcome::Unchanged(Box::new(info)))
        }
        Some(_) => upgrade(client, deployment, &type_version, &mut on_event).await,
    }
}

async fn create<C: Applications + ?Sized>(
    client: &C,
    deployment: &Deployment,
    type_name: &str,
    type_version: &str,
    on_event: &mut (impl FnMut(DeployEvent<'_>) + Send),
) -> Result<DeployOutcome, DeployError> {
    on_event(DeployEvent::Step(DeployStep::Create));
    let description = deployment.parameters.iter().fold(
        ApplicationDescription::new(&deployment.application, type_name, type_version),
        |d, (k, v)| d.with_parameter(k, v),
    );
    let created = application::create_application_and_wait(client, &description, deployment.wait.clone(), |p| {
        on_event(DeployEvent::Create(p))
    })
    .await
    .map_err(|e| DeployError::CreateWait(Box::new(e)))?;
    match created {
        ApplicationOutcome::Ready(info) => Ok(DeployOutcome::Created(Box::new(info))),
        other => Err(DeployError::Create(Box::new(other))),
    }
}

async fn upgrade<C: ApplicationUpgrades + ?Sized>(
    client: &C,
    deployment: &Deployment,
    type_version: &str,
    on_event: &mut (impl FnMut(DeployEvent<'_>) + Send),
) -> Result<DeployOutcome, DeployError> {
    on_event(DeployEvent::Step(DeployStep::Upgrade));
    let mut description = ApplicationUpgradeDescription::new(&deployment.application, type_version);
    description = match deployment.upgrade_mode {
        UpgradeMode::Monitored => {
            description.monitored(MonitoringPolicyDescription::new(deployment.failure_action.clone()))
        }
        ref mode => description.with_mode(mode.clone()),
    };
    for (key, value) in &deployment.parameters {
        description = description.with_parameter(key, value);
    }
    let ended = application::upgrade_application_and_wait(
        client,
        &description,
        ManualDomains::Approve,
        deployment.wait.clone(),
        |p| on_event(DeployEvent::Upgrade(p)),
    )
    .await
    .map_err(|e| DeployError::UpgradeWait(Box::new(e)))?;
    match ended {
        ApplicationUpgradeOutcome::Completed(progress) => Ok(DeployOutcome::Upgraded(Box::new(progress))),
        other => Err(DeployError::Upgrade(Box::new(other))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_manifest_names_the_type_in_either_quote() {
        let xml = r#"<?xml version="1.0"?>
<ApplicationManifest xmlns="http://schemas.microsoft.com/2011/01/fabric"
    ApplicationTypeVersion='2.0.0' ApplicationTypeName="VotingType"><Parameters/></ApplicationManifest>"#;
        assert_eq!(manifest_attribute(xml, "ApplicationTypeName"), Some("VotingType"));
        assert_eq!(manifest_attribute(xml, "ApplicationTypeVersion"), Some("2.0.0"));
        // A longer attribute name that ends the same is not the one asked for.
        let other = r#"<ApplicationManifest XApplicationTypeName="no" ApplicationTypeName="yes">"#;
        assert_eq!(manifest_attribute(other, "ApplicationTypeName"), Some("yes"));
        assert_eq!(
            manifest_attribute("<ServiceManifest Name='x'>", "ApplicationTypeName"),
            None
        );
    }
}
