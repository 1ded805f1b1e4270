//! Service workflows: creating a service in an application and deleting it, each followed
//! with GetServiceInfo until the service is `Active`, or gone.
//!
//! ```no_run
//! use fabric_rest::Client;
//! use fabric_rest::models::{
//!     ApplicationName, InstanceCount, PartitionSchemeDescription, ServiceName, StatelessServiceDescription,
//! };
//! use fabric_rest::wait::{WaitOptions, service};
//!
//! # async fn run() -> Result<(), Box<dyn std::error::Error>> {
//! let client = Client::new("http://127.0.0.1:19080")?;
//! let app = ApplicationName::parse("fabric:/Voting")?;
//! let name = ServiceName::in_application(&app, "Web")?;
//! let web = StatelessServiceDescription::new(&name, "WebType", PartitionSchemeDescription::singleton(), InstanceCount::new(1)?);
//! let outcome = service::create_service_and_wait(&client, &app, &web.into(), WaitOptions::default(), |_| {}).await?;
//! assert!(matches!(outcome, service::ServiceOutcome::Active(_)), "{outcome:?}");
//! # Ok(()) }
//! ```

use crate::models::{ApplicationName, ServiceDescription, ServiceInfo, ServiceName};
use crate::services::Services;
use crate::wait::{Judgement, Progress, Seen, Summary, WaitError, WaitOptions, Workflow, wait};
use crate::{Error, ServerTimeout};

/// How a service's creation or deletion ended.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ServiceOutcome {
    /// The service is `Active` (or already upgrading: it was created).
    Active(Box<ServiceInfo>),
    /// The service is gone.
    Deleted,
    /// Creation or deletion failed.
    Failed(Box<ServiceInfo>),
    /// The service is being deleted, while its creation was waited for.
    Deleting(Box<ServiceInfo>),
    /// The cluster reports a status this library does not know.
    Unrecognised(Box<ServiceInfo>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Way {
    Create,
    Delete,
}

/// A service's creation or deletion, followed with GetServiceInfo.
pub struct ServiceLifecycle<'c, C: ?Sized> {
    client: &'c C,
    application: ApplicationName,
    service: ServiceName,
    way: Way,
}

impl<'c, C: Services + ?Sized> ServiceLifecycle<'c, C> {
    /// The creation of `service` in `application`, followed until it is `Active`.
    pub fn creation(client: &'c C, application: &ApplicationName, service: &ServiceName) -> Self {
        ServiceLifecycle {
            client,
            application: application.clone(),
            service: service.clone(),
            way: Way::Create,
        }
    }

    /// The deletion of `service` of `application`, followed until it is gone.
    pub fn deletion(client: &'c C, application: &ApplicationName, service: &ServiceName) -> Self {
        ServiceLifecycle {
            way: Way::Delete,
            ..ServiceLifecycle::creation(client, application, service)
        }
    }
}

fn status_of(info: &ServiceInfo) -> &str {
    let status = match info {
        ServiceInfo::Stateful(service) => service.service_status.as_ref(),
        ServiceInfo::Stateless(service) => service.service_status.as_ref(),
        ServiceInfo::Unknown(object) => {
            return object
                .get("ServiceStatus")
                .and_then(|s| s.as_str())
                .unwrap_or("Unknown");
        }
        _ => None,
    };
    status.map_or("Unknown", |s| s.as_str())
}

impl<C: Services + ?Sized> Workflow for ServiceLifecycle<'_, C> {
    /// The service, or `None` when the application has none of that name.
    type Status = Option<ServiceInfo>;
    type Outcome = ServiceOutcome;

    fn name(&self) -> String {
        match self.way {
            Way::Create => format!("the creation of service {}", self.service),
            Way::Delete => format!("the deletion of service {}", self.service),
        }
    }

    async fn poll(&mut self, timeout: Option<ServerTimeout>) -> Result<Self::Status, Error> {
        let (app, service) = (self.application.id(), self.service.id());
        self.client
            .get_service_info(app.as_str(), service.as_str(), timeout)
            .await
    }

    fn judge(&mut self, status: &Self::Status, seen: &Seen) -> Judgement<ServiceOutcome> {
        let believed = seen.running || seen.past_grace;
        let Some(info) = status else {
            return match self.way {
                Way::Delete => Judgement::Ended(ServiceOutcome::Deleted),
                Way::Create => Judgement::Running,
            };
        };
        let boxed = || Box::new(info.clone());
        match (self.way, status_of(info)) {
            (Way::Create, "Creating") | (Way::Delete, "Deleting") => Judgement::Running,
            (Way::Create, "Active" | "Upgrading") => Judgement::Ended(ServiceOutcome::Active(boxed())),
            (Way::Create, "Deleting") => Judgement::Ended(ServiceOutcome::Deleting(boxed())),
            // Still there and not deleting: the delete has not shown yet, or it was undone.
            (Way::Delete, "Active" | "Upgrading" | "Creating") if !believed => Judgement::Earlier,
            (_, "Failed") if believed => Judgement::Ended(ServiceOutcome::Failed(boxed())),
            _ if believed => Judgement::Ended(ServiceOutcome::Unrecognised(boxed())),
            _ => Judgement::Earlier,
        }
    }

    fn summary(&self, status: &Self::Status) -> Summary {
        match status {
            None => Summary::new(format!("{} not found", self.service)),
            Some(info) => Summary::new(format!("{} {}", self.service, status_of(info))),
        }
    }
}

fn names<S>(application: &ApplicationName, description: &ServiceDescription) -> Result<ServiceName, WaitError<S>> {
    let text = description.service_name().unwrap_or_default();
    text.parse::<ServiceName>().map_err(|problem| WaitError::Request {
        what: format!("service {text:?} of {application}"),
        error: Error::invalid_argument(format!("{problem}")),
    })
}

/// Creates the service `description` names in `application` and waits until it is `Active`.
pub async fn create_service_and_wait<C: Services + ?Sized>(
    client: &C,
    application: &ApplicationName,
    description: &ServiceDescription,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Option<ServiceInfo>>),
) -> Result<ServiceOutcome, WaitError<Option<ServiceInfo>>> {
    let service = names(application, description)?;
    let workflow = ServiceLifecycle::creation(client, application, &service);
    let id = application.id();
    if let Err(error) = client
        .create_service(id.as_str(), description, options.status_timeout)
        .await
    {
        return Err(WaitError::Request {
            what: workflow.name(),
            error,
        });
    }
    wait(workflow, &options, on_progress).await
}

/// Deletes `service` of `application` (with `force_remove`, without waiting for its replicas
/// to close) and waits until it is gone.
pub async fn delete_service_and_wait<C: Services + ?Sized>(
    client: &C,
    application: &ApplicationName,
    service: &ServiceName,
    force_remove: bool,
    options: WaitOptions,
    on_progress: impl FnMut(&Progress<'_, Option<ServiceInfo>>),
) -> Result<ServiceOutcome, WaitError<Option<ServiceInfo>>> {
    let workflow = ServiceLifecycle::deletion(client, application, service);
    let id = service.id();
    let force = force_remove.then_some(true);
    if let Err(error) = client.delete_service(id.as_str(), force, options.status_timeout).await {
        return Err(WaitError::Request {
            what: workflow.name(),
            error,
        });
    }
    wait(workflow, &options, on_progress).await
}
