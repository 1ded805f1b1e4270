//! The events of applications: their creation, deletion and upgrades.

use fabric_rest_runtime::wire::Decimal;

use super::{
    ApplicationContainerInstanceExitedEvent, ApplicationHealthReportExpiredEvent, ApplicationNewHealthReportEvent,
    ApplicationProcessExitedEvent, ChaosCodePackageRestartScheduledEvent, DeployedApplicationHealthReportExpiredEvent,
    DeployedApplicationNewHealthReportEvent, DeployedServicePackageHealthReportExpiredEvent,
    DeployedServicePackageNewHealthReportEvent,
};
use crate::common::{FailureAction, UpgradeMode};

event_enum! {
    /// An event of an application (GetApplicationEventList, GetApplicationsEventList), by
    /// `Kind`: of the application itself, of what it deployed on nodes, or of its processes
    /// and containers.
    pub enum ApplicationEvent => FabricEvent {
        ApplicationContainerInstanceExited(ApplicationContainerInstanceExitedEvent) = "ApplicationContainerInstanceExited",
        ApplicationCreated(ApplicationCreatedEvent) = "ApplicationCreated",
        ApplicationDeleted(ApplicationDeletedEvent) = "ApplicationDeleted",
        ApplicationHealthReportExpired(ApplicationHealthReportExpiredEvent) = "ApplicationHealthReportExpired",
        ApplicationNewHealthReport(ApplicationNewHealthReportEvent) = "ApplicationNewHealthReport",
        ApplicationProcessExited(ApplicationProcessExitedEvent) = "ApplicationProcessExited",
        ApplicationUpgradeCompleted(ApplicationUpgradeCompletedEvent) = "ApplicationUpgradeCompleted",
        ApplicationUpgradeDomainCompleted(ApplicationUpgradeDomainCompletedEvent) = "ApplicationUpgradeDomainCompleted",
        ApplicationUpgradeRollbackCompleted(ApplicationUpgradeRollbackCompletedEvent) = "ApplicationUpgradeRollbackCompleted",
        ApplicationUpgradeRollbackStarted(ApplicationUpgradeRollbackStartedEvent) = "ApplicationUpgradeRollbackStarted",
        ApplicationUpgradeStarted(ApplicationUpgradeStartedEvent) = "ApplicationUpgradeStarted",
        ChaosCodePackageRestartScheduled(ChaosCodePackageRestartScheduledEvent) = "ChaosCodePackageRestartScheduled",
        DeployedApplicationHealthReportExpired(DeployedApplicationHealthReportExpiredEvent) = "DeployedApplicationHealthReportExpired",
        DeployedApplicationNewHealthReport(DeployedApplicationNewHealthReportEvent) = "DeployedApplicationNewHealthReport",
        DeployedServicePackageHealthReportExpired(DeployedServicePackageHealthReportExpiredEvent) = "DeployedServicePackageHealthReportExpired",
        DeployedServicePackageNewHealthReport(DeployedServicePackageNewHealthReportEvent) = "DeployedServicePackageNewHealthReport",
    }
}

event! {
    /// An application was created.
    pub struct ApplicationCreatedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
        /// How the application was defined: `ServiceFabricApplicationDescription` or `Compose`.
        "ApplicationDefinitionKind" application_definition_kind: Option<String>,
    }
}

event! {
    /// An application was deleted.
    pub struct ApplicationDeletedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
    }
}

event! {
    /// An application upgrade completed.
    pub struct ApplicationUpgradeCompletedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
        /// How long the whole upgrade took, in milliseconds.
        "OverallUpgradeElapsedTimeInMs" overall_upgrade_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// An application upgrade completed upgrade domains.
    pub struct ApplicationUpgradeDomainCompletedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The version the application runs before the upgrade.
        "CurrentApplicationTypeVersion" current_application_type_version: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
        /// Where the upgrade stands (`RollingForward`, ...).
        "UpgradeState" upgrade_state: Option<String>,
        /// The upgrade domains completed (`(0 1 2)`).
        "UpgradeDomains" upgrade_domains: Option<String>,
        /// How long the upgrade domains took, in milliseconds.
        "UpgradeDomainElapsedTimeInMs" upgrade_domain_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// An application upgrade's rollback completed.
    pub struct ApplicationUpgradeRollbackCompletedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
        /// Why it failed (`HealthCheck`, `UpgradeDomainTimeout`, ...).
        "FailureReason" failure_reason: Option<String>,
        /// How long the whole upgrade took, in milliseconds.
        "OverallUpgradeElapsedTimeInMs" overall_upgrade_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// An application upgrade started rolling back.
    pub struct ApplicationUpgradeRollbackStartedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The version the application runs before the upgrade.
        "CurrentApplicationTypeVersion" current_application_type_version: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
        /// Why it failed (`HealthCheck`, `UpgradeDomainTimeout`, ...).
        "FailureReason" failure_reason: Option<String>,
        /// How long the whole upgrade took, in milliseconds.
        "OverallUpgradeElapsedTimeInMs" overall_upgrade_elapsed_time_in_ms: Option<Decimal>,
    }
}

event! {
    /// An application upgrade started.
    pub struct ApplicationUpgradeStartedEvent: application {
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The version the application runs before the upgrade.
        "CurrentApplicationTypeVersion" current_application_type_version: Option<String>,
        /// The application type's version.
        "ApplicationTypeVersion" application_type_version: Option<String>,
        /// The kind of upgrade (`Rolling`).
        "UpgradeType" upgrade_type: Option<String>,
        /// How the upgrade moves through upgrade domains.
        "RollingUpgradeMode" rolling_upgrade_mode: Option<UpgradeMode>,
        /// What the upgrade does when health checks fail.
        "FailureAction" failure_action: Option<FailureAction>,
    }
}
