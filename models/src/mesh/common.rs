//! What Mesh resources share: their status, operating systems, diagnostics and network
//! references.
#![allow(deprecated)]

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

open_enum! {
    /// Where a Mesh resource stands.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum ResourceStatus {
        StatusUnknown = "Unknown",
        Ready = "Ready",
        Upgrading = "Upgrading",
        Creating = "Creating",
        Deleting = "Deleting",
        Failed = "Failed",
    }
}

open_enum! {
    /// The operating system a Mesh service's containers need.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum OperatingSystemType {
        Linux = "Linux",
        Windows = "Windows",
    }
}

open_enum! {
    /// The kind of a diagnostics sink.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum DiagnosticsSinkKind {
        Invalid = "Invalid",
        AzureInternalMonitoringPipeline = "AzureInternalMonitoringPipeline",
    }
}

wire_struct! {
    /// The diagnostics of a Mesh application: its sinks and which are used by default.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct DiagnosticsDescription {
        /// The sinks diagnostics can go to.
        "sinks" sinks: Option<Vec<DiagnosticsSinkProperties>>,
        /// Whether diagnostics are on.
        "enabled" enabled: Option<bool>,
        /// The sinks used unless a service says otherwise.
        "defaultSinkRefs" default_sink_refs: Option<Vec<String>>,
    }
}

wire_struct! {
    /// Which of the application's diagnostics sinks a service or code package uses.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct DiagnosticsRef {
        /// Whether diagnostics are on.
        "enabled" enabled: Option<bool>,
        /// The sinks' names.
        "sinkRefs" sink_refs: Option<Vec<String>>,
    }
}

kind_enum! {
    /// A diagnostics sink, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum DiagnosticsSinkProperties by "kind" {
        AzureInternalMonitoringPipeline(AzureInternalMonitoringPipelineSinkDescription) = "AzureInternalMonitoringPipeline",
    }
}

wire_struct! {
    /// A sink into the Azure internal monitoring pipeline.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct AzureInternalMonitoringPipelineSinkDescription {
        /// The sink's name, which services refer to.
        "name" name: Option<String>,
        /// A description for people.
        "description" description: Option<String>,
        /// The monitoring account.
        "accountName" account_name: Option<String>,
        /// The monitoring namespace.
        "namespace" namespace: Option<String>,
        /// Where the monitoring agent's configuration is.
        "maConfigUrl" ma_config_url: Option<String>,
        /// Where the fluentd configuration is.
        "fluentdConfigUrl" fluentd_config_url: Option<String>,
        /// Where the agent's authentication configuration is.
        "autoKeyConfigUrl" auto_key_config_url: Option<String>,
    }
}

wire_struct! {
    /// A network a service is attached to, and which of its endpoints the network reaches.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct NetworkRef {
        /// The network resource's name.
        "name" name: Option<String>,
        /// The endpoints reachable on it.
        "endpointRefs" endpoint_refs: Option<Vec<EndpointRef>>,
    }
}

impl NetworkRef {
    /// The network `name`.
    pub fn new(name: impl Into<String>) -> NetworkRef {
        NetworkRef {
            name: Some(name.into()),
            ..NetworkRef::default()
        }
    }
}

wire_struct! {
    /// An endpoint, by name.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct EndpointRef {
        /// The endpoint's name.
        "name" name: Option<String>,
    }
}
