//! Mesh services, their replicas, how they run and how they scale.
#![allow(deprecated)]

use fabric_rest_runtime::wire::Decimal;
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::{ContainerCodePackageProperties, DiagnosticsRef, NetworkRef, OperatingSystemType, ResourceStatus};
use crate::common::HealthState;

wire_struct! {
    /// A service of a Mesh application (MeshService_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ServiceResourceDescription {
        /// The service's name.
        "name" name: String,
        /// What the service is.
        "properties" properties: ServiceResourceProperties,
    }
}

impl ServiceResourceDescription {
    /// A service `name` running `code_packages` on `os_type`.
    pub fn new(
        name: impl Into<String>,
        os_type: OperatingSystemType,
        code_packages: Vec<ContainerCodePackageProperties>,
    ) -> ServiceResourceDescription {
        ServiceResourceDescription {
            name: name.into(),
            properties: ServiceResourceProperties {
                os_type,
                code_packages,
                network_refs: None,
                diagnostics: None,
                description: None,
                replica_count: None,
                execution_policy: None,
                auto_scaling_policies: None,
                status: None,
                status_details: None,
                health_state: None,
                unhealthy_evaluation: None,
                identity_refs: None,
                dns_name: None,
                unknown_fields: Default::default(),
            },
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// What a Mesh service is.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ServiceResourceProperties {
        /// The operating system its containers need.
        "osType" os_type: OperatingSystemType,
        /// Its containers.
        "codePackages" code_packages: Vec<ContainerCodePackageProperties>,
        /// The networks it is attached to.
        "networkRefs" network_refs: Option<Vec<NetworkRef>>,
        /// Which diagnostics sinks it uses.
        "diagnostics" diagnostics: Option<DiagnosticsRef>,
        /// A description for people.
        "description" description: Option<String>,
        /// How many replicas it runs.
        "replicaCount" replica_count: Option<i32>,
        /// How it runs: for ever, or until it completes.
        "executionPolicy" execution_policy: Option<ExecutionPolicy>,
        /// How it scales.
        "autoScalingPolicies" auto_scaling_policies: Option<Vec<AutoScalingPolicy>>,
        /// Where the resource stands (read only).
        "status" status: Option<ResourceStatus>,
        /// Why, for people (read only).
        "statusDetails" status_details: Option<String>,
        /// Its health (read only).
        "healthState" health_state: Option<HealthState>,
        /// Why it is unhealthy, for people (read only).
        "unhealthyEvaluation" unhealthy_evaluation: Option<String>,
        /// The application identities it uses.
        "identityRefs" identity_refs: Option<Vec<ServiceIdentity>>,
        /// Its DNS name.
        "dnsName" dns_name: Option<String>,
    }
}

wire_struct! {
    /// One replica of a Mesh service (MeshServiceReplica_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ServiceReplicaDescription {
        /// The operating system its containers need.
        "osType" os_type: OperatingSystemType,
        /// Its containers.
        "codePackages" code_packages: Vec<ContainerCodePackageProperties>,
        /// The networks it is attached to.
        "networkRefs" network_refs: Option<Vec<NetworkRef>>,
        /// Which diagnostics sinks it uses.
        "diagnostics" diagnostics: Option<DiagnosticsRef>,
        /// The replica's name.
        "replicaName" replica_name: String,
    }
}

wire_struct! {
    /// An application identity a service uses, under a name of its own.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ServiceIdentity {
        /// The name the service knows it by.
        "name" name: Option<String>,
        /// The application identity's name.
        "identityRef" identity_ref: Option<String>,
    }
}

open_enum! {
    /// How a service runs.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum ExecutionPolicyType {
        Default = "Default",
        RunToCompletion = "RunToCompletion",
    }
}

open_enum! {
    /// When a run-to-completion service restarts.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum RestartPolicy {
        OnFailure = "OnFailure",
        Never = "Never",
    }
}

kind_enum! {
    /// How a service runs, by `type`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum ExecutionPolicy by "type" {
        Default(DefaultExecutionPolicy) = "Default",
        RunToCompletion(RunToCompletionExecutionPolicy) = "RunToCompletion",
    }
}

wire_struct! {
    /// The service runs for ever, restarted when it exits.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct DefaultExecutionPolicy {}
}

wire_struct! {
    /// The service runs until its code packages complete.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct RunToCompletionExecutionPolicy {
        /// When it restarts.
        "restart" restart: RestartPolicy,
    }
}

wire_struct! {
    /// When and how a service scales.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct AutoScalingPolicy {
        /// The policy's name.
        "name" name: String,
        /// When it scales.
        "trigger" trigger: AutoScalingTrigger,
        /// How it scales.
        "mechanism" mechanism: AutoScalingMechanism,
    }
}

kind_enum! {
    /// When a service scales, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum AutoScalingTrigger by "kind" {
        AverageLoad(AverageLoadScalingTrigger) = "AverageLoad",
    }
}

wire_struct! {
    /// Scales when a metric's average load leaves a band.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct AverageLoadScalingTrigger {
        /// The metric.
        "metric" metric: AutoScalingMetric,
        /// Below this load the service scales in.
        "lowerLoadThreshold" lower_load_threshold: Decimal,
        /// Above this load the service scales out.
        "upperLoadThreshold" upper_load_threshold: Decimal,
        /// How often the load is checked, in seconds (60 or more).
        "scaleIntervalInSeconds" scale_interval_in_seconds: i32,
    }
}

kind_enum! {
    /// The metric a trigger watches, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum AutoScalingMetric by "kind" {
        Resource(AutoScalingResourceMetric) = "Resource",
    }
}

open_enum! {
    /// A resource whose use a trigger watches.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum AutoScalingResourceMetricName {
        Cpu = "cpu",
        MemoryInGb = "memoryInGB",
    }
}

wire_struct! {
    /// The use of a resource the service's containers request.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct AutoScalingResourceMetric {
        /// The resource.
        "name" name: AutoScalingResourceMetricName,
    }
}

kind_enum! {
    /// How a service scales, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum AutoScalingMechanism by "kind" {
        AddRemoveReplica(AddRemoveReplicaScalingMechanism) = "AddRemoveReplica",
    }
}

wire_struct! {
    /// Scales by adding and removing replicas.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct AddRemoveReplicaScalingMechanism {
        /// The fewest replicas.
        "minCount" min_count: i32,
        /// The most replicas.
        "maxCount" max_count: i32,
        /// How many replicas one step adds or removes.
        "scaleIncrement" scale_increment: i32,
    }
}
