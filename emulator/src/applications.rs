//! Application types and applications of the emulated cluster: provisioning from the image
//! store, creation, deletion, and rolling upgrades through the upgrade domains, each
//! moving on by the emulator's step time as the cluster would.

use std::collections::BTreeMap;
use std::time::{Duration, Instant, SystemTime};

pub use crate::app_upgrade::ApplicationUpgradeOutcome;
pub(crate) use crate::app_upgrade::{Phase, Upgrade, UpgradeRequest};

/// A provisioned (or provisioning) version of an application type.
#[derive(Clone, Debug)]
pub(crate) struct ApplicationType {
    pub(crate) name: String,
    pub(crate) version: String,
    pub(crate) defaults: Vec<(String, String)>,
    pub(crate) available_at: Instant,
}

impl ApplicationType {
    pub(crate) fn status(&self, now: Instant) -> &'static str {
        if now >= self.available_at {
            "Available"
        } else {
            "Provisioning"
        }
    }
}

/// An application.
#[derive(Clone, Debug)]
pub(crate) struct Application {
    pub(crate) name: String,
    pub(crate) type_name: String,
    pub(crate) type_version: String,
    pub(crate) parameters: Vec<(String, String)>,
    pub(crate) ready_at: Instant,
    pub(crate) deleted_at: Option<Instant>,
    pub(crate) upgrade: Option<Upgrade>,
    /// The previous upgrade, ended: what the first progress read after a new start shows.
    pub(crate) previous: Option<Upgrade>,
    /// A progress read happened since the last start.
    pub(crate) read_since_start: bool,
}

impl Application {
    pub(crate) fn status(&self, now: Instant) -> &'static str {
        match (&self.deleted_at, &self.upgrade) {
            (Some(_), _) => "Deleting",
            _ if now < self.ready_at => "Creating",
            (None, Some(upgrade)) if !upgrade.is_final() => "Upgrading",
            _ => "Ready",
        }
    }

    pub(crate) fn health(&self) -> &'static str {
        match &self.upgrade {
            Some(upgrade) if upgrade.failed.is_some() && !upgrade.is_final() => "Error",
            Some(upgrade) if upgrade.phase == Phase::Failed => "Error",
            _ => "Ok",
        }
    }
}

/// An application as [`Emulator::application`](crate::Emulator::application) shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ApplicationState {
    /// `fabric:/MyApp`.
    pub name: String,
    /// Its application type.
    pub type_name: String,
    /// The version it runs.
    pub type_version: String,
    /// `Creating`, `Ready`, `Upgrading` or `Deleting`.
    pub status: &'static str,
    /// Its parameters, as the last create or completed upgrade set them.
    pub parameters: Vec<(String, String)>,
    /// The state of its latest upgrade (`RollingForwardCompleted`, ...), if it had one.
    pub upgrade_state: Option<&'static str>,
}

impl ApplicationState {
    pub(crate) fn of(app: &Application, now: Instant) -> ApplicationState {
        ApplicationState {
            name: app.name.clone(),
            type_name: app.type_name.clone(),
            type_version: app.type_version.clone(),
            status: app.status(now),
            parameters: app.parameters.clone(),
            upgrade_state: app.upgrade.as_ref().map(Upgrade::state),
        }
    }
}

/// A service of an application.
#[derive(Clone, Debug)]
pub(crate) struct Service {
    pub(crate) name: String,
    pub(crate) application: String,
    pub(crate) type_name: String,
    /// `Stateful` or `Stateless`.
    pub(crate) kind: String,
    pub(crate) ready_at: Instant,
    pub(crate) deleted_at: Option<Instant>,
}

impl Service {
    pub(crate) fn status(&self, now: Instant) -> &'static str {
        match self.deleted_at {
            Some(_) => "Deleting",
            None if now < self.ready_at => "Creating",
            None => "Active",
        }
    }
}

/// Why a request on the applications was refused: an HTTP status, an error code, a message.
pub(crate) type Refusal = (u16, &'static str, String);

/// Every application type and application.
#[derive(Debug)]
pub(crate) struct Applications {
    pub(crate) types: BTreeMap<(String, String), ApplicationType>,
    pub(crate) apps: BTreeMap<String, Application>,
    /// Services by name.
    pub(crate) services: BTreeMap<String, Service>,
    pub(crate) step: Duration,
    pub(crate) next_outcome: ApplicationUpgradeOutcome,
    pub(crate) domains: Vec<String>,
}

/// The REST id of an application name: `fabric:/App/Sub` is `App~Sub`.
pub(crate) fn id_of(name: &str) -> String {
    name.strip_prefix("fabric:/").unwrap_or(name).replace('/', "~")
}

impl Applications {
    pub(crate) fn new(step: Duration, domains: Vec<String>) -> Applications {
        Applications {
            types: BTreeMap::new(),
            apps: BTreeMap::new(),
            services: BTreeMap::new(),
            step,
            next_outcome: ApplicationUpgradeOutcome::Succeed,
            domains,
        }
    }

    /// Moves every application on to `now`: creations, deletions, upgrades.
    pub(crate) fn settle(&mut self, now: Instant) {
        let step = self.step;
        self.apps
            .retain(|_, app| app.deleted_at.is_none_or(|at| now.saturating_duration_since(at) < step));
        let apps = &self.apps;
        self.services.retain(|_, service| {
            apps.contains_key(&service.application)
                && service
                    .deleted_at
                    .is_none_or(|at| now.saturating_duration_since(at) < step)
        });
        for app in self.apps.values_mut() {
            let Some(upgrade) = app.upgrade.as_mut() else { continue };
            let was_final = upgrade.is_final();
            upgrade.advance(now, step);
            if !was_final && upgrade.phase == Phase::Completed {
                app.type_version = upgrade.target_version.clone();
                app.parameters = upgrade.target_parameters.clone();
            }
        }
    }

    /// The application whose REST id is `id`.
    pub(crate) fn by_id(&mut self, id: &str) -> Option<&mut Application> {
        self.apps.values_mut().find(|app| id_of(&app.name) == id)
    }

    pub(crate) fn provision(
        &mut self,
        now: Instant,
        (name, version): (String, String),
        defaults: Vec<(String, String)>,
        asynchronous: bool,
    ) -> Result<(), Refusal> {
        if self.types.contains_key(&(name.clone(), version.clone())) {
            return Err((
                400,
                "FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS",
                format!("Application type {name} version {version} is already provisioned."),
            ));
        }
        let available_at = if asynchronous { now + self.step } else { now };
        let key = (name.clone(), version.clone());
        let provisioned = ApplicationType {
            name,
            version,
            defaults,
            available_at,
        };
        self.types.insert(key, provisioned);
        Ok(())
    }

    pub(crate) fn create(
        &mut self,
        now: Instant,
        app: (String, String, String),
        parameters: Vec<(String, String)>,
    ) -> Result<(), Refusal> {
        let (name, type_name, type_version) = app;
        let available = self
            .types
            .get(&(type_name.clone(), type_version.clone()))
            .is_some_and(|t| t.status(now) == "Available");
        if !available {
            return Err((
                404,
                "FABRIC_E_APPLICATION_TYPE_NOT_FOUND",
                format!("Application type {type_name} version {type_version} is not provisioned."),
            ));
        }
        if self.apps.contains_key(&name) {
            return Err((
                409,
                "FABRIC_E_APPLICATION_ALREADY_EXISTS",
                format!("Application {name} already exists."),
            ));
        }
        let app = Application {
            name: name.clone(),
            type_name,
            type_version,
            parameters,
            ready_at: now + self.step,
            deleted_at: None,
            upgrade: None,
            previous: None,
            read_since_start: false,
        };
        self.apps.insert(name, app);
        Ok(())
    }

    pub(crate) fn upgrade(&mut self, now: Instant, id: &str, request: UpgradeRequest) -> Result<(), Refusal> {
        let outcome = self.next_outcome;
        let domains = self.domains.clone();
        let known = |name: &str, version: &str| self.types.contains_key(&(name.to_owned(), version.to_owned()));
        let type_name = match self.apps.values().find(|a| id_of(&a.name) == id) {
            Some(app) => app.type_name.clone(),
            None => return Err(not_found(id)),
        };
        if !known(&type_name, &request.target_version) {
            return Err((
                404,
                "FABRIC_E_APPLICATION_TYPE_NOT_FOUND",
                format!(
                    "Application type {type_name} version {} is not provisioned.",
                    request.target_version
                ),
            ));
        }
        let app = self.by_id(id).ok_or_else(|| not_found(id))?;
        if app.upgrade.as_ref().is_some_and(|u| !u.is_final()) {
            return Err((
                400,
                "FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS",
                format!("Application {} is upgrading.", app.name),
            ));
        }
        if app.type_version == request.target_version {
            return Err((
                400,
                "FABRIC_E_APPLICATION_ALREADY_IN_TARGET_VERSION",
                format!("Application {} is already at version {}.", app.name, app.type_version),
            ));
        }
        let upgrade = Upgrade {
            target_version: request.target_version,
            target_parameters: request.parameters,
            mode: request.mode,
            failure_action: request.failure_action,
            outcome,
            domains,
            done: 0,
            phase: Phase::Forward { index: 0, since: now },
            started: SystemTime::now(),
            failed: None,
        };
        app.previous = app.upgrade.replace(upgrade);
        app.read_since_start = false;
        self.next_outcome = ApplicationUpgradeOutcome::Succeed;
        Ok(())
    }

    /// MoveToNextUpgradeDomain: starts the pending domain of a manual upgrade.
    pub(crate) fn resume(&mut self, now: Instant, id: &str, domain: &str) -> Result<(), Refusal> {
        let app = self.by_id(id).ok_or_else(|| not_found(id))?;
        let upgrade = app.upgrade.as_mut().filter(|u| !u.is_final()).ok_or((
            400,
            "FABRIC_E_APPLICATION_NOT_UPGRADING",
            "The application is not upgrading.".to_owned(),
        ))?;
        match upgrade.phase {
            Phase::Pending { index } if upgrade.domains.get(index).map(String::as_str) == Some(domain) => {
                upgrade.phase = Phase::Forward { index, since: now };
                Ok(())
            }
            _ => Err((
                400,
                "FABRIC_E_INVALID_ARGUMENT",
                format!("Upgrade domain {domain} is not the one the upgrade waits for."),
            )),
        }
    }

    pub(crate) fn delete(&mut self, now: Instant, id: &str) -> Result<(), Refusal> {
        let app = self.by_id(id).ok_or_else(|| not_found(id))?;
        app.deleted_at.get_or_insert(now);
        Ok(())
    }

    /// CreateService: the service `name` of `kind` in the application whose id is `app_id`.
    pub(crate) fn create_service(
        &mut self,
        now: Instant,
        app_id: &str,
        service: (String, String, String),
    ) -> Result<(), Refusal> {
        let (name, type_name, kind) = service;
        let application = match self.by_id(app_id) {
            Some(app) if app.deleted_at.is_none() => app.name.clone(),
            _ => return Err(not_found(app_id)),
        };
        if !name.starts_with(&format!("{application}/")) {
            return Err((
                400,
                "FABRIC_E_INVALID_NAME_URI",
                format!("Service {name} is not a name inside {application}."),
            ));
        }
        if self.services.contains_key(&name) {
            return Err((
                409,
                "FABRIC_E_SERVICE_ALREADY_EXISTS",
                format!("Service {name} already exists."),
            ));
        }
        let service = Service {
            name: name.clone(),
            application,
            type_name,
            kind,
            ready_at: now + self.step,
            deleted_at: None,
        };
        self.services.insert(name, service);
        Ok(())
    }

    /// The service whose REST id is `id`.
    pub(crate) fn service_by_id(&mut self, id: &str) -> Option<&mut Service> {
        self.services.values_mut().find(|service| id_of(&service.name) == id)
    }

    /// DeleteService: the service is `Deleting` for a step, then gone.
    pub(crate) fn delete_service(&mut self, now: Instant, id: &str) -> Result<(), Refusal> {
        let service = self.service_by_id(id).ok_or_else(|| {
            (
                404,
                "FABRIC_E_SERVICE_DOES_NOT_EXIST",
                format!("Service {id} does not exist."),
            )
        })?;
        service.deleted_at.get_or_insert(now);
        Ok(())
    }

    pub(crate) fn unprovision(&mut self, name: &str, version: &str) -> Result<(), Refusal> {
        if self
            .apps
            .values()
            .any(|a| a.type_name == name && a.type_version == version)
        {
            return Err((
                400,
                "FABRIC_E_APPLICATION_TYPE_IN_USE",
                format!("Application type {name} version {version} is in use."),
            ));
        }
        match self.types.remove(&(name.to_owned(), version.to_owned())) {
            Some(_) => Ok(()),
            None => Err((
                404,
                "FABRIC_E_APPLICATION_TYPE_NOT_FOUND",
                format!("Application type {name} version {version} is not provisioned."),
            )),
        }
    }
}

fn not_found(id: &str) -> Refusal {
    (
        404,
        "FABRIC_E_APPLICATION_NOT_FOUND",
        format!("Application {id} does not exist."),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEP: Duration = Duration::from_millis(100);

    fn cluster() -> (Applications, Instant) {
        let mut apps = Applications::new(STEP, vec!["UD0".into(), "UD1".into(), "UD2".into()]);
        let t0 = Instant::now();
        for version in ["1.0", "2.0"] {
            apps.provision(t0, ("AppType".into(), version.into()), vec![], false)
                .unwrap();
        }
        apps.create(t0, ("fabric:/App".into(), "AppType".into(), "1.0".into()), vec![])
            .unwrap();
        (apps, t0)
    }

    fn request(action: &str, mode: &str) -> UpgradeRequest {
        UpgradeRequest {
            target_version: "2.0".into(),
            parameters: vec![("P".into(), "2".into())],
            mode: mode.into(),
            failure_action: action.into(),
        }
    }

    fn states(apps: &mut Applications, t0: Instant, steps: u32) -> Vec<&'static str> {
        (0..steps)
            .map(|k| {
                apps.settle(t0 + STEP * k + STEP / 2);
                apps.apps["fabric:/App"].upgrade.as_ref().unwrap().state()
            })
            .collect()
    }

    #[test]
    fn a_successful_upgrade_walks_the_domains_and_lands_on_the_target() {
        let (mut apps, t0) = cluster();
        apps.upgrade(t0, "App", request("Rollback", "Monitored")).unwrap();
        let seen = states(&mut apps, t0, 4);
        assert_eq!(
            seen,
            [
                "RollingForwardInProgress",
                "RollingForwardInProgress",
                "RollingForwardInProgress",
                "RollingForwardCompleted"
            ]
        );
        let app = &apps.apps["fabric:/App"];
        assert_eq!((app.type_version.as_str(), app.parameters.len()), ("2.0", 1));
    }

    #[test]
    fn a_failed_health_check_rolls_back_to_where_it_came_from() {
        let (mut apps, t0) = cluster();
        apps.next_outcome = ApplicationUpgradeOutcome::FailHealthCheck;
        apps.upgrade(t0, "App", request("Rollback", "Monitored")).unwrap();
        let seen = states(&mut apps, t0, 5);
        assert_eq!(
            seen,
            [
                "RollingForwardInProgress",
                "RollingForwardInProgress",
                "RollingBackInProgress",
                "RollingBackInProgress",
                "RollingBackCompleted"
            ]
        );
        assert_eq!(apps.apps["fabric:/App"].type_version, "1.0");
        // The next upgrade succeeds again.
        assert_eq!(apps.next_outcome, ApplicationUpgradeOutcome::Succeed);
    }

    #[test]
    fn manual_upgrades_wait_for_each_domain() {
        let (mut apps, t0) = cluster();
        apps.upgrade(t0, "App", request("Rollback", "UnmonitoredManual"))
            .unwrap();
        assert_eq!(
            states(&mut apps, t0, 3),
            [
                "RollingForwardInProgress",
                "RollingForwardPending",
                "RollingForwardPending"
            ]
        );
        let now = t0 + STEP * 3;
        assert!(apps.resume(now, "App", "UD2").is_err());
        apps.resume(now, "App", "UD1").unwrap();
        apps.settle(now + STEP / 2);
        assert_eq!(
            apps.apps["fabric:/App"].upgrade.as_ref().unwrap().state(),
            "RollingForwardInProgress"
        );
    }

    #[test]
    fn refusals_say_why() {
        let (mut apps, t0) = cluster();
        let mut wrong = request("Rollback", "Monitored");
        wrong.target_version = "3.0".into();
        assert_eq!(
            apps.upgrade(t0, "App", wrong).unwrap_err().1,
            "FABRIC_E_APPLICATION_TYPE_NOT_FOUND"
        );
        assert_eq!(
            apps.upgrade(t0, "Nope", request("Rollback", "Monitored"))
                .unwrap_err()
                .1,
            "FABRIC_E_APPLICATION_NOT_FOUND"
        );
        apps.upgrade(t0, "App", request("Rollback", "Monitored")).unwrap();
        assert_eq!(
            apps.upgrade(t0, "App", request("Rollback", "Monitored")).unwrap_err().1,
            "FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS"
        );
        assert_eq!(
            apps.unprovision("AppType", "1.0").unwrap_err().1,
            "FABRIC_E_APPLICATION_TYPE_IN_USE"
        );
        let again = apps.provision(t0, ("AppType".into(), "1.0".into()), vec![], true);
        assert_eq!(again.unwrap_err().1, "FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS");
    }

    #[test]
    fn services_are_created_and_deleted_in_a_step_and_go_with_their_application() {
        let (mut apps, t0) = cluster();
        let web = (
            "fabric:/App/Web".to_owned(),
            "WebType".to_owned(),
            "Stateless".to_owned(),
        );
        apps.create_service(t0, "App", web.clone()).unwrap();
        assert_eq!(
            apps.create_service(t0, "App", web).unwrap_err().1,
            "FABRIC_E_SERVICE_ALREADY_EXISTS"
        );
        let elsewhere = (
            "fabric:/Other/Web".to_owned(),
            "WebType".to_owned(),
            "Stateless".to_owned(),
        );
        assert_eq!(
            apps.create_service(t0, "App", elsewhere).unwrap_err().1,
            "FABRIC_E_INVALID_NAME_URI"
        );
        let none = (
            "fabric:/Nope/Web".to_owned(),
            "WebType".to_owned(),
            "Stateless".to_owned(),
        );
        assert_eq!(
            apps.create_service(t0, "Nope", none).unwrap_err().1,
            "FABRIC_E_APPLICATION_NOT_FOUND"
        );
        assert_eq!(apps.services["fabric:/App/Web"].status(t0), "Creating");
        assert_eq!(apps.services["fabric:/App/Web"].status(t0 + STEP), "Active");
        apps.delete_service(t0 + STEP, "App~Web").unwrap();
        apps.settle(t0 + STEP + STEP / 2);
        assert_eq!(apps.services["fabric:/App/Web"].status(t0 + STEP), "Deleting");
        apps.settle(t0 + STEP * 2);
        assert!(apps.services.is_empty());
        assert_eq!(
            apps.delete_service(t0, "App~Web").unwrap_err().1,
            "FABRIC_E_SERVICE_DOES_NOT_EXIST"
        );
        // An application's deletion takes its services along.
        let db = ("fabric:/App/Db".to_owned(), "DbType".to_owned(), "Stateful".to_owned());
        apps.create_service(t0, "App", db).unwrap();
        apps.delete(t0, "App").unwrap();
        apps.settle(t0 + STEP);
        assert!(apps.services.is_empty());
    }

    #[test]
    fn deleted_applications_are_gone_after_a_step() {
        let (mut apps, t0) = cluster();
        apps.delete(t0, "App").unwrap();
        apps.settle(t0 + STEP / 2);
        assert_eq!(apps.apps["fabric:/App"].status(t0 + STEP / 2), "Deleting");
        apps.settle(t0 + STEP);
        assert!(apps.apps.is_empty());
    }
}
