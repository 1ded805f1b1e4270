//! The processes and containers of applications: exits, and code package restarts Chaos
//! scheduled.

use fabric_rest_runtime::wire::Int64;

use crate::common::Timestamp;

event! {
    /// A container of an application exited.
    pub struct ApplicationContainerInstanceExitedEvent: application {
        /// The service's name (`fabric:/app1/svc1`).
        "ServiceName" service_name: Option<String>,
        /// The service package's name.
        "ServicePackageName" service_package_name: Option<String>,
        /// The service package's activation id; empty when shared.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// Whether the service package is activated exclusively.
        "IsExclusive" is_exclusive: Option<bool>,
        /// The code package's name.
        "CodePackageName" code_package_name: Option<String>,
        /// The kind of entry point (`Exe`, `ContainerHost`, ...).
        "EntryPointType" entry_point_type: Option<String>,
        /// The container image.
        "ImageName" image_name: Option<String>,
        /// The container's name.
        "ContainerName" container_name: Option<String>,
        /// The id of the host process.
        "HostId" host_id: Option<String>,
        /// The exit code.
        "ExitCode" exit_code: Option<Int64>,
        /// Whether it ended unexpectedly.
        "UnexpectedTermination" unexpected_termination: Option<bool>,
        /// When it started.
        "StartTime" start_time: Option<Timestamp>,
    }
}

event! {
    /// A process of an application exited.
    pub struct ApplicationProcessExitedEvent: application {
        /// The service's name (`fabric:/app1/svc1`).
        "ServiceName" service_name: Option<String>,
        /// The service package's name.
        "ServicePackageName" service_package_name: Option<String>,
        /// The service package's activation id; empty when shared.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// Whether the service package is activated exclusively.
        "IsExclusive" is_exclusive: Option<bool>,
        /// The code package's name.
        "CodePackageName" code_package_name: Option<String>,
        /// The kind of entry point (`Exe`, `ContainerHost`, ...).
        "EntryPointType" entry_point_type: Option<String>,
        /// The executable's name.
        "ExeName" exe_name: Option<String>,
        /// The process's id.
        "ProcessId" process_id: Option<Int64>,
        /// The id of the host process.
        "HostId" host_id: Option<String>,
        /// The exit code.
        "ExitCode" exit_code: Option<Int64>,
        /// Whether it ended unexpectedly.
        "UnexpectedTermination" unexpected_termination: Option<bool>,
        /// When it started.
        "StartTime" start_time: Option<Timestamp>,
    }
}

event! {
    /// Chaos scheduled the restart of a code package.
    pub struct ChaosCodePackageRestartScheduledEvent: application {
        /// The id of the group of faults it is part of.
        "FaultGroupId" fault_group_id: Option<String>,
        /// The fault's id.
        "FaultId" fault_id: Option<String>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The code package's name.
        "CodePackageName" code_package_name: Option<String>,
        /// The service package's activation id; empty when shared.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
    }
}
