//! Pieces of a service description (replica and instance counts, replica and instance
//! lifecycles), and a service made from an application manifest's template.

use fabric_rest_runtime::wire_struct;

use super::{DescriptionError, ServicePackageActivationMode};
use crate::common::{ApplicationName, ServiceName};

/// The replica counts of a stateful service: the target and the fewest it may run with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReplicaSetSize {
    target: i32,
    min: i32,
}

impl ReplicaSetSize {
    /// The target.
    pub fn target(self) -> i32 {
        self.target
    }

    /// The fewest.
    pub fn min(self) -> i32 {
        self.min
    }

    /// `target` replicas, `min` at the least: `1 <= min <= target`.
    pub fn new(target: u32, min: u32) -> Result<ReplicaSetSize, DescriptionError> {
        if min == 0 || min > target || target > i32::MAX as u32 {
            return Err(DescriptionError::new(format!(
                "replica set sizes target {target}, min {min}: need 1 <= min <= target"
            )));
        }
        Ok(ReplicaSetSize {
            target: target as i32,
            min: min as i32,
        })
    }
}

/// The instance count of a stateless service: a number, or one on every node.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct InstanceCount(i32);

impl InstanceCount {
    /// One instance on every node the placement allows (`-1` on the wire).
    pub const EVERY_NODE: InstanceCount = InstanceCount(-1);

    /// `count` instances, 1 or more.
    pub fn new(count: u32) -> Result<InstanceCount, DescriptionError> {
        if count == 0 || count > i32::MAX as u32 {
            return Err(DescriptionError::new(format!(
                "instance count {count}: need 1 or more (or InstanceCount::EVERY_NODE)"
            )));
        }
        Ok(InstanceCount(count as i32))
    }

    /// The count as sent.
    pub fn get(self) -> i32 {
        self.0
    }
}

wire_struct! {
    /// How a stateful service's replicas behave during upgrades.
    pub struct ReplicaLifecycleDescription {
        /// Whether a replica of a one-replica partition may move during an upgrade.
        "IsSingletonReplicaMoveAllowedDuringUpgrade" is_singleton_replica_move_allowed_during_upgrade: Option<bool>,
        /// Whether replicas go back where they were after an upgrade.
        "RestoreReplicaLocationAfterUpgrade" restore_replica_location_after_upgrade: Option<bool>,
    }
}

wire_struct! {
    /// How a stateless service's instances behave during upgrades.
    pub struct InstanceLifecycleDescription {
        /// Whether instances go back where they were after an upgrade.
        "RestoreReplicaLocationAfterUpgrade" restore_replica_location_after_upgrade: Option<bool>,
    }
}

wire_struct! {
    /// A service made from a service template of the application manifest
    /// (CreateServiceFromTemplate).
    pub struct ServiceFromTemplateDescription {
        /// The application's name.
        "ApplicationName" application_name: String,
        /// The new service's name.
        "ServiceName" service_name: String,
        /// The template's service type.
        "ServiceTypeName" service_type_name: String,
        /// Data handed to every replica or instance when it starts.
        "InitializationData" initialization_data: Option<Vec<u8>>,
        /// Whether its replicas share their package's processes.
        "ServicePackageActivationMode" service_package_activation_mode: Option<ServicePackageActivationMode>,
        /// Its DNS name.
        "ServiceDnsName" service_dns_name: Option<String>,
    }
}

impl ServiceFromTemplateDescription {
    /// The service `name` of `application`, from the template of `service_type`.
    pub fn new(application: &ApplicationName, name: &ServiceName, service_type: impl Into<String>) -> Self {
        ServiceFromTemplateDescription {
            application_name: application.to_string(),
            service_name: name.to_string(),
            service_type_name: service_type.into(),
            initialization_data: None,
            service_package_activation_mode: None,
            service_dns_name: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the initialization data.
    pub fn with_initialization_data(mut self, data: Vec<u8>) -> Self {
        self.initialization_data = Some(data);
        self
    }

    /// Sets whether its replicas share their package's processes.
    pub fn with_activation_mode(mut self, mode: ServicePackageActivationMode) -> Self {
        self.service_package_activation_mode = Some(mode);
        self
    }

    /// Sets its DNS name.
    pub fn with_dns_name(mut self, name: impl Into<String>) -> Self {
        self.service_dns_name = Some(name.into());
        self
    }
}
