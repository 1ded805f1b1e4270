//! The events of services: their creation, deletion and health reports.

use fabric_rest_runtime::wire::Int64;

event_enum! {
    /// An event of a service (GetServiceEventList, GetServicesEventList), by `Kind`.
    pub enum ServiceEvent => FabricEvent {
        ServiceCreated(ServiceCreatedEvent) = "ServiceCreated",
        ServiceDeleted(ServiceDeletedEvent) = "ServiceDeleted",
        ServiceHealthReportExpired(ServiceHealthReportExpiredEvent) = "ServiceHealthReportExpired",
        ServiceNewHealthReport(ServiceNewHealthReportEvent) = "ServiceNewHealthReport",
    }
}

event! {
    /// A service was created.
    pub struct ServiceCreatedEvent: service {
        /// The service type's name.
        "ServiceTypeName" service_type_name: Option<String>,
        /// The application's name (`fabric:/app1`).
        "ApplicationName" application_name: Option<String>,
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The service's instance id.
        "ServiceInstance" service_instance: Option<Int64>,
        /// Whether the service is stateful.
        "IsStateful" is_stateful: Option<bool>,
        /// How many partitions the service has.
        "PartitionCount" partition_count: Option<Int64>,
        /// The replica set size it aims for.
        "TargetReplicaSetSize" target_replica_set_size: Option<Int64>,
        /// The smallest replica set it accepts.
        "MinReplicaSetSize" min_replica_set_size: Option<Int64>,
        /// The service package's version.
        "ServicePackageVersion" service_package_version: Option<String>,
        /// One of its partitions.
        "PartitionId" partition_id: Option<String>,
    }
}

event! {
    /// A service was deleted.
    pub struct ServiceDeletedEvent: service {
        /// The service type's name.
        "ServiceTypeName" service_type_name: Option<String>,
        /// The application's name (`fabric:/app1`).
        "ApplicationName" application_name: Option<String>,
        /// The application type's name.
        "ApplicationTypeName" application_type_name: Option<String>,
        /// The service's instance id.
        "ServiceInstance" service_instance: Option<Int64>,
        /// Whether the service is stateful.
        "IsStateful" is_stateful: Option<bool>,
        /// How many partitions the service has.
        "PartitionCount" partition_count: Option<Int64>,
        /// The replica set size it aims for.
        "TargetReplicaSetSize" target_replica_set_size: Option<Int64>,
        /// The smallest replica set it accepts.
        "MinReplicaSetSize" min_replica_set_size: Option<Int64>,
        /// The service package's version.
        "ServicePackageVersion" service_package_version: Option<String>,
    }
}

event! {
    /// A health report about a service expired.
    pub struct ServiceHealthReportExpiredEvent: service + health_report {
        /// The service's instance id.
        "InstanceId" instance_id: Option<Int64>,
    }
}

event! {
    /// A health report about a service arrived.
    pub struct ServiceNewHealthReportEvent: service + health_report {
        /// The service's instance id.
        "InstanceId" instance_id: Option<Int64>,
    }
}
