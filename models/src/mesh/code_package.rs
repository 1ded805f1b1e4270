//! The containers of Mesh services: images, settings, endpoints, resources and volumes, and
//! what a running container reports. Registry passwords are [`SecretString`]s, never shown by
//! `Debug`.
#![allow(deprecated)]

use fabric_rest_runtime::wire::Decimal;
use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::{DiagnosticsRef, Probe};
use crate::SecretString;
use crate::common::Timestamp;

wire_struct! {
    /// One container of a Mesh service.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ContainerCodePackageProperties {
        /// The code package's name.
        "name" name: String,
        /// The container image.
        "image" image: String,
        /// The account the image is pulled with.
        "imageRegistryCredential" image_registry_credential: Option<ImageRegistryCredential>,
        /// The entry point, replacing the image's.
        "entryPoint" entry_point: Option<String>,
        /// The commands run in the container.
        "commands" commands: Option<Vec<String>>,
        /// Its environment variables.
        "environmentVariables" environment_variables: Option<Vec<EnvironmentVariable>>,
        /// Settings, readable as files in the container.
        "settings" settings: Option<Vec<Setting>>,
        /// Its labels.
        "labels" labels: Option<Vec<ContainerLabel>>,
        /// The endpoints it listens on.
        "endpoints" endpoints: Option<Vec<EndpointProperties>>,
        /// The resources it needs.
        "resources" resources: ResourceRequirements,
        /// The volume resources it mounts.
        "volumeRefs" volume_refs: Option<Vec<VolumeReference>>,
        /// The volumes it mounts that belong to the application.
        "volumes" volumes: Option<Vec<ApplicationScopedVolume>>,
        /// Which diagnostics sinks it uses.
        "diagnostics" diagnostics: Option<DiagnosticsRef>,
        /// The reliable collections it uses.
        "reliableCollectionsRefs" reliable_collections_refs: Option<Vec<ReliableCollectionsRef>>,
        /// What the running container reports (read only).
        "instanceView" instance_view: Option<ContainerInstanceView>,
        /// How its liveness is checked.
        "livenessProbe" liveness_probe: Option<Vec<Probe>>,
        /// How its readiness is checked.
        "readinessProbe" readiness_probe: Option<Vec<Probe>>,
    }
}

impl ContainerCodePackageProperties {
    /// The container `name` running `image` with `resources`.
    pub fn new(
        name: impl Into<String>,
        image: impl Into<String>,
        resources: ResourceRequirements,
    ) -> ContainerCodePackageProperties {
        ContainerCodePackageProperties {
            name: name.into(),
            image: image.into(),
            image_registry_credential: None,
            entry_point: None,
            commands: None,
            environment_variables: None,
            settings: None,
            labels: None,
            endpoints: None,
            resources,
            volume_refs: None,
            volumes: None,
            diagnostics: None,
            reliable_collections_refs: None,
            instance_view: None,
            liveness_probe: None,
            readiness_probe: None,
            unknown_fields: Default::default(),
        }
    }
}

open_enum! {
    /// How a registry password is given.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum ImageRegistryPasswordType {
        ClearText = "ClearText",
        KeyVaultReference = "KeyVaultReference",
        SecretValueReference = "SecretValueReference",
    }
}

wire_struct! {
    /// The account a container image is pulled with.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ImageRegistryCredential {
        /// The registry, `myregistry.azurecr.io`.
        "server" server: String,
        /// The user name.
        "username" username: String,
        /// How the password is given.
        "passwordType" password_type: Option<ImageRegistryPasswordType>,
        /// The password, or a reference to it.
        "password" password: Option<SecretString>,
    }
}

open_enum! {
    /// How an environment variable's value is given.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum EnvironmentVariableType {
        ClearText = "ClearText",
        KeyVaultReference = "KeyVaultReference",
        SecretValueReference = "SecretValueReference",
    }
}

wire_struct! {
    /// An environment variable of a container.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct EnvironmentVariable {
        /// How the value is given.
        "type" value_type: Option<EnvironmentVariableType>,
        /// The variable's name.
        "name" name: Option<String>,
        /// Its value, or a reference to it.
        "value" value: Option<String>,
    }
}

open_enum! {
    /// How a setting's value is given.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum SettingType {
        ClearText = "ClearText",
        KeyVaultReference = "KeyVaultReference",
        SecretValueReference = "SecretValueReference",
    }
}

wire_struct! {
    /// A setting of a container, readable as a file.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct Setting {
        /// How the value is given.
        "type" value_type: Option<SettingType>,
        /// The setting's name.
        "name" name: Option<String>,
        /// Its value, or a reference to it.
        "value" value: Option<String>,
    }
}

wire_struct! {
    /// A label of a container.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ContainerLabel {
        /// The label's name.
        "name" name: String,
        /// Its value.
        "value" value: String,
    }
}

wire_struct! {
    /// An endpoint a container listens on.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct EndpointProperties {
        /// The endpoint's name.
        "name" name: String,
        /// Its port.
        "port" port: Option<i32>,
    }
}

wire_struct! {
    /// The resources a container requests, and at most uses.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ResourceRequirements {
        /// What it requests.
        "requests" requests: ResourceRequests,
        /// What it may use at most.
        "limits" limits: Option<ResourceLimits>,
    }
}

impl ResourceRequirements {
    /// A request for `memory_in_gb` of memory and `cpu` cores, without limits, both written
    /// as JSON numbers; `None` unless both are finite and not negative.
    pub fn new(memory_in_gb: f64, cpu: f64) -> Option<ResourceRequirements> {
        Some(ResourceRequirements {
            requests: ResourceRequests {
                memory_in_gb: json_number(memory_in_gb)?,
                cpu: json_number(cpu)?,
                unknown_fields: Default::default(),
            },
            limits: None,
            unknown_fields: Default::default(),
        })
    }
}

/// `value` as a [`Decimal`] written as a JSON number, as the spec types these fields.
fn json_number(value: f64) -> Option<Decimal> {
    let number = serde_json::Number::from_f64(value).filter(|_| value >= 0.0)?;
    serde_json::from_value(serde_json::Value::Number(number)).ok()
}

wire_struct! {
    /// The memory and cores a container requests.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ResourceRequests {
        /// Memory, in GB.
        "memoryInGB" memory_in_gb: Decimal,
        /// Cores.
        "cpu" cpu: Decimal,
    }
}

wire_struct! {
    /// The memory and cores a container may use at most.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ResourceLimits {
        /// Memory, in GB.
        "memoryInGB" memory_in_gb: Option<Decimal>,
        /// Cores.
        "cpu" cpu: Option<Decimal>,
    }
}

wire_struct! {
    /// A volume resource a container mounts.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct VolumeReference {
        /// The volume resource's name.
        "name" name: String,
        /// Whether it is mounted read only.
        "readOnly" read_only: Option<bool>,
        /// Where it is mounted.
        "destinationPath" destination_path: String,
    }
}

wire_struct! {
    /// A volume belonging to the application, created with it, that a container mounts.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ApplicationScopedVolume {
        /// The volume's name.
        "name" name: String,
        /// Whether it is mounted read only.
        "readOnly" read_only: Option<bool>,
        /// Where it is mounted.
        "destinationPath" destination_path: String,
        /// How it is created.
        "creationParameters" creation_parameters: ApplicationScopedVolumeCreationParameters,
    }
}

kind_enum! {
    /// How an application's volume is created, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum ApplicationScopedVolumeCreationParameters by "kind" {
        ServiceFabricVolumeDisk(ApplicationScopedVolumeCreationParametersServiceFabricVolumeDisk) = "ServiceFabricVolumeDisk",
    }
}

open_enum! {
    /// The size of a Service Fabric volume disk.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum SizeTypes {
        Small = "Small",
        Medium = "Medium",
        Large = "Large",
    }
}

wire_struct! {
    /// A Service Fabric volume disk.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ApplicationScopedVolumeCreationParametersServiceFabricVolumeDisk {
        /// A description for people.
        "description" description: Option<String>,
        /// Its size.
        "sizeDisk" size_disk: SizeTypes,
    }
}

wire_struct! {
    /// A reliable collection store a container uses.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ReliableCollectionsRef {
        /// The store's name.
        "name" name: String,
        /// Whether its state is kept only in memory.
        "doNotPersistState" do_not_persist_state: Option<bool>,
    }
}

wire_struct! {
    /// What a running container reports.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ContainerInstanceView {
        /// How often it restarted.
        "restartCount" restart_count: Option<i32>,
        /// Its state now.
        "currentState" current_state: Option<ContainerState>,
        /// Its state before.
        "previousState" previous_state: Option<ContainerState>,
        /// What happened to it.
        "events" events: Option<Vec<ContainerEvent>>,
    }
}

wire_struct! {
    /// A state of a container.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ContainerState {
        /// The state, as the container runtime names it.
        "state" state: Option<String>,
        /// When it started.
        "startTime" start_time: Option<Timestamp>,
        /// Its exit code, as text.
        "exitCode" exit_code: Option<String>,
        /// When it finished.
        "finishTime" finish_time: Option<Timestamp>,
        /// Details, for people.
        "detailStatus" detail_status: Option<String>,
    }
}

wire_struct! {
    /// Something that happened to a container.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct ContainerEvent {
        /// The event's name.
        "name" name: Option<String>,
        /// How often it happened.
        "count" count: Option<i32>,
        /// When it first happened.
        "firstTimestamp" first_timestamp: Option<String>,
        /// When it last happened.
        "lastTimestamp" last_timestamp: Option<String>,
        /// What it says.
        "message" message: Option<String>,
        /// Its type.
        "type" event_type: Option<String>,
    }
}
