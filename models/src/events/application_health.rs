//! Health reports about applications, and about what they deployed on nodes.

use fabric_rest_runtime::wire::Int64;

event! {
    /// A health report about an application expired.
    pub struct ApplicationHealthReportExpiredEvent: application + health_report {
        /// The application's instance id.
        "ApplicationInstanceId" application_instance_id: Option<Int64>,
    }
}

event! {
    /// A health report about an application arrived.
    pub struct ApplicationNewHealthReportEvent: application + health_report {
        /// The application's instance id.
        "ApplicationInstanceId" application_instance_id: Option<Int64>,
    }
}

event! {
    /// A health report about an application deployed on a node expired.
    pub struct DeployedApplicationHealthReportExpiredEvent: application + health_report {
        /// The application's instance id.
        "ApplicationInstanceId" application_instance_id: Option<Int64>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
    }
}

event! {
    /// A health report about an application deployed on a node arrived.
    pub struct DeployedApplicationNewHealthReportEvent: application + health_report {
        /// The application's instance id.
        "ApplicationInstanceId" application_instance_id: Option<Int64>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
    }
}

event! {
    /// A health report about a service package deployed on a node expired.
    pub struct DeployedServicePackageHealthReportExpiredEvent: application + health_report {
        /// The service manifest's name.
        "ServiceManifest" service_manifest: Option<String>,
        /// The service package's instance id.
        "ServicePackageInstanceId" service_package_instance_id: Option<Int64>,
        /// The service package's activation id; empty when shared.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
    }
}

event! {
    /// A health report about a service package deployed on a node arrived.
    pub struct DeployedServicePackageNewHealthReportEvent: application + health_report {
        /// The service manifest's name.
        "ServiceManifestName" service_manifest_name: Option<String>,
        /// The service package's instance id.
        "ServicePackageInstanceId" service_package_instance_id: Option<Int64>,
        /// The service package's activation id; empty when shared.
        "ServicePackageActivationId" service_package_activation_id: Option<String>,
        /// The node's name.
        "NodeName" node_name: Option<String>,
    }
}
