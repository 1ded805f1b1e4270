//! The description of a service: what CreateService sends and GetServiceDescription
//! returns, by `ServiceKind`.

use std::time::Duration;

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{Percent, kind_enum, wire_struct};

use super::{
    DescriptionError, InstanceCount, InstanceLifecycleDescription, MoveCost, NodeTagsDescription,
    PartitionSchemeDescription, ReplicaLifecycleDescription, ReplicaSetSize, ScalingPolicyDescription,
    ServiceCorrelationDescription, ServicePackageActivationMode, whole_seconds,
};
use crate::common::{ApplicationName, ServiceLoadMetricDescription, ServiceName, ServicePlacementPolicyDescription};

kind_enum! {
    /// A service to create, or as the cluster describes it, by `ServiceKind`.
    ///
    /// ```
    /// use fabric_rest_models::{
    ///     PartitionSchemeDescription, ReplicaSetSize, ServiceDescription, ServiceName, StatefulServiceDescription,
    /// };
    ///
    /// let name: ServiceName = "fabric:/App/Counter".parse()?;
    /// let service: ServiceDescription = StatefulServiceDescription::new(
    ///     &name,
    ///     "CounterType",
    ///     PartitionSchemeDescription::singleton(),
    ///     ReplicaSetSize::new(3, 2)?,
    ///     true,
    /// )
    /// .into();
    /// assert_eq!(
    ///     serde_json::to_string(&service)?,
    ///     concat!(
    ///         r#"{"ServiceKind":"Stateful","ServiceName":"fabric:/App/Counter","ServiceTypeName":"CounterType","#,
    ///         r#""PartitionDescription":{"PartitionScheme":"Singleton"},"#,
    ///         r#""TargetReplicaSetSize":3,"MinReplicaSetSize":2,"HasPersistedState":true}"#,
    ///     )
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ServiceDescription by "ServiceKind" {
        /// A stateful service.
        Stateful(StatefulServiceDescription) = "Stateful",
        /// A stateless service.
        Stateless(StatelessServiceDescription) = "Stateless",
    }
}

impl ServiceDescription {
    /// The name of the service described, whatever its kind (`ServiceName` of an unknown
    /// kind included).
    pub fn service_name(&self) -> Option<&str> {
        match self {
            ServiceDescription::Stateful(service) => Some(&service.service_name),
            ServiceDescription::Stateless(service) => Some(&service.service_name),
            ServiceDescription::Unknown(object) => object.get("ServiceName").and_then(|name| name.as_str()),
        }
    }
}

impl From<StatefulServiceDescription> for ServiceDescription {
    fn from(description: StatefulServiceDescription) -> Self {
        ServiceDescription::Stateful(description)
    }
}

impl From<StatelessServiceDescription> for ServiceDescription {
    fn from(description: StatelessServiceDescription) -> Self {
        ServiceDescription::Stateless(description)
    }
}

/// Declares a service description of one kind: the fields every service has, then the
/// kind's own.
macro_rules! service_description {
    ($(#[$meta:meta])* $name:ident { $($kind_fields:tt)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// The application's name (`fabric:/App`).
                "ApplicationName" application_name: Option<String>,
                /// The service's name (`fabric:/App/Service`).
                "ServiceName" service_name: String,
                /// Its service type, from the application's service manifests.
                "ServiceTypeName" service_type_name: String,
                /// Data handed to every replica or instance when it starts.
                "InitializationData" initialization_data: Option<Vec<u8>>,
                /// How it is partitioned.
                "PartitionDescription" partition_description: PartitionSchemeDescription,
                /// The placement constraint, an expression over node properties
                /// (`NodeType == Front`).
                "PlacementConstraints" placement_constraints: Option<String>,
                /// Correlations with other services.
                "CorrelationScheme" correlation_scheme: Option<Vec<ServiceCorrelationDescription>>,
                /// The metrics it balances on.
                "ServiceLoadMetrics" service_load_metrics: Option<Vec<ServiceLoadMetricDescription>>,
                /// Its placement policies.
                "ServicePlacementPolicies" service_placement_policies: Option<Vec<ServicePlacementPolicyDescription>>,
                /// What moving it costs.
                "DefaultMoveCost" default_move_cost: Option<MoveCost>,
                /// Whether `DefaultMoveCost` is set.
                "IsDefaultMoveCostSpecified" is_default_move_cost_specified: Option<bool>,
                /// Whether its replicas share their package's processes.
                "ServicePackageActivationMode" service_package_activation_mode: Option<ServicePackageActivationMode>,
                /// Its DNS name; needs the cluster's DNS service.
                "ServiceDnsName" service_dns_name: Option<String>,
                /// Its scaling policies.
                "ScalingPolicies" scaling_policies: Option<Vec<ScalingPolicyDescription>>,
                /// The node tags it needs to be placed.
                "TagsRequiredToPlace" tags_required_to_place: Option<NodeTagsDescription>,
                /// The node tags it needs to run.
                "TagsRequiredToRun" tags_required_to_run: Option<NodeTagsDescription>,
                $($kind_fields)*
            }
        }

        impl $name {
            /// Sets the application's name.
            pub fn with_application_name(mut self, name: &ApplicationName) -> Self {
                self.application_name = Some(name.to_string());
                self
            }

            /// Sets the data handed to every replica or instance when it starts.
            pub fn with_initialization_data(mut self, data: Vec<u8>) -> Self {
                self.initialization_data = Some(data);
                self
            }

            /// Sets the placement constraint.
            pub fn with_placement_constraints(mut self, constraints: impl Into<String>) -> Self {
                self.placement_constraints = Some(constraints.into());
                self
            }

            /// Adds a correlation with another service.
            pub fn with_correlation(mut self, correlation: ServiceCorrelationDescription) -> Self {
                self.correlation_scheme.get_or_insert_with(Vec::new).push(correlation);
                self
            }

            /// Adds a metric to balance on.
            pub fn with_load_metric(mut self, metric: ServiceLoadMetricDescription) -> Self {
                self.service_load_metrics.get_or_insert_with(Vec::new).push(metric);
                self
            }

            /// Adds a placement policy.
            pub fn with_placement_policy(mut self, policy: ServicePlacementPolicyDescription) -> Self {
                self.service_placement_policies.get_or_insert_with(Vec::new).push(policy);
                self
            }

            /// Sets what moving it costs (and marks it set).
            pub fn with_default_move_cost(mut self, cost: MoveCost) -> Self {
                self.default_move_cost = Some(cost);
                self.is_default_move_cost_specified = Some(true);
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

            /// Adds a scaling policy.
            pub fn with_scaling_policy(mut self, policy: ScalingPolicyDescription) -> Self {
                self.scaling_policies.get_or_insert_with(Vec::new).push(policy);
                self
            }

            /// Sets the node tags it needs to be placed.
            pub fn with_tags_required_to_place(mut self, tags: NodeTagsDescription) -> Self {
                self.tags_required_to_place = Some(tags);
                self
            }

            /// Sets the node tags it needs to run.
            pub fn with_tags_required_to_run(mut self, tags: NodeTagsDescription) -> Self {
                self.tags_required_to_run = Some(tags);
                self
            }

            fn add_flags(&mut self, flags: i32) {
                self.flags = Some(self.flags.unwrap_or(0) | flags);
            }
        }
    };
}

service_description! {
    /// A stateful service's description.
    StatefulServiceDescription {
        /// The number of replicas wanted.
        "TargetReplicaSetSize" target_replica_set_size: i32,
        /// The fewest replicas it may run with.
        "MinReplicaSetSize" min_replica_set_size: i32,
        /// Whether its replicas keep their state on disk.
        "HasPersistedState" has_persisted_state: bool,
        /// Which of the durations and `DropSourceReplicaOnMove` are set: 1 replica restart
        /// wait, 2 quorum loss wait, 4 standby keep, 8 placement time limit, 16 drop source
        /// replica on move. The builder methods keep it right.
        "Flags" flags: Option<i32>,
        /// How long a down replica is waited for before a new one is made, in seconds.
        "ReplicaRestartWaitDurationSeconds" replica_restart_wait_duration_seconds: Option<Int64>,
        /// How long the partition may stay in quorum loss, in seconds.
        "QuorumLossWaitDurationSeconds" quorum_loss_wait_duration_seconds: Option<Int64>,
        /// How long standby replicas are kept, in seconds.
        "StandByReplicaKeepDurationSeconds" stand_by_replica_keep_duration_seconds: Option<Int64>,
        /// How long replicas may stay in build before it is reported stuck, in seconds.
        "ServicePlacementTimeLimitSeconds" service_placement_time_limit_seconds: Option<Int64>,
        /// Whether a moved secondary is dropped before its replacement is built.
        "DropSourceReplicaOnMove" drop_source_replica_on_move: Option<bool>,
        /// How replicas behave during upgrades.
        "ReplicaLifecycleDescription" replica_lifecycle_description: Option<ReplicaLifecycleDescription>,
        /// The number of auxiliary replicas.
        "AuxiliaryReplicaCount" auxiliary_replica_count: Option<i32>,
    }
}

impl StatefulServiceDescription {
    /// The stateful service `name` of `service_type`, partitioned by `partition`, with
    /// `replicas`, keeping its state on disk when `has_persisted_state`.
    pub fn new(
        name: &ServiceName,
        service_type: impl Into<String>,
        partition: PartitionSchemeDescription,
        replicas: ReplicaSetSize,
        has_persisted_state: bool,
    ) -> Self {
        StatefulServiceDescription {
            application_name: None,
            service_name: name.to_string(),
            service_type_name: service_type.into(),
            initialization_data: None,
            partition_description: partition,
            placement_constraints: None,
            correlation_scheme: None,
            service_load_metrics: None,
            service_placement_policies: None,
            default_move_cost: None,
            is_default_move_cost_specified: None,
            service_package_activation_mode: None,
            service_dns_name: None,
            scaling_policies: None,
            tags_required_to_place: None,
            tags_required_to_run: None,
            target_replica_set_size: replicas.target(),
            min_replica_set_size: replicas.min(),
            has_persisted_state,
            flags: None,
            replica_restart_wait_duration_seconds: None,
            quorum_loss_wait_duration_seconds: None,
            stand_by_replica_keep_duration_seconds: None,
            service_placement_time_limit_seconds: None,
            drop_source_replica_on_move: None,
            replica_lifecycle_description: None,
            auxiliary_replica_count: None,
            unknown_fields: Default::default(),
        }
    }

    /// How long a down replica is waited for (whole seconds, at most 4294967295).
    pub fn with_replica_restart_wait(mut self, wait: Duration) -> Self {
        self.replica_restart_wait_duration_seconds = Some(Int64::number(whole_seconds(wait) as i64));
        self.add_flags(1);
        self
    }

    /// How long the partition may stay in quorum loss.
    pub fn with_quorum_loss_wait(mut self, wait: Duration) -> Self {
        self.quorum_loss_wait_duration_seconds = Some(Int64::number(whole_seconds(wait) as i64));
        self.add_flags(2);
        self
    }

    /// How long standby replicas are kept.
    pub fn with_stand_by_replica_keep(mut self, keep: Duration) -> Self {
        self.stand_by_replica_keep_duration_seconds = Some(Int64::number(whole_seconds(keep) as i64));
        self.add_flags(4);
        self
    }

    /// How long replicas may stay in build before it is reported stuck.
    pub fn with_placement_time_limit(mut self, limit: Duration) -> Self {
        self.service_placement_time_limit_seconds = Some(Int64::number(whole_seconds(limit) as i64));
        self.add_flags(8);
        self
    }

    /// Whether a moved secondary is dropped before its replacement is built.
    pub fn with_drop_source_replica_on_move(mut self, value: bool) -> Self {
        self.drop_source_replica_on_move = Some(value);
        self.add_flags(16);
        self
    }

    /// How replicas behave during upgrades.
    pub fn with_replica_lifecycle(mut self, lifecycle: ReplicaLifecycleDescription) -> Self {
        self.replica_lifecycle_description = Some(lifecycle);
        self
    }

    /// The number of auxiliary replicas.
    pub fn with_auxiliary_replica_count(mut self, count: u16) -> Self {
        self.auxiliary_replica_count = Some(i32::from(count));
        self
    }
}

service_description! {
    /// A stateless service's description.
    StatelessServiceDescription {
        /// The number of instances; `-1` for one on every node.
        "InstanceCount" instance_count: i32,
        /// The fewest instances that must stay up during upgrades and deactivations.
        "MinInstanceCount" min_instance_count: Option<i32>,
        /// The smallest share of `InstanceCount` that must stay up.
        "MinInstancePercentage" min_instance_percentage: Option<Percent>,
        /// Which durations are set: 1 instance close delay, 2 instance restart wait. The
        /// builder methods keep it right.
        "Flags" flags: Option<i32>,
        /// How long an instance waits before closing, to drain requests, in seconds.
        "InstanceCloseDelayDurationSeconds" instance_close_delay_duration_seconds: Option<Int64>,
        /// How instances behave during upgrades.
        "InstanceLifecycleDescription" instance_lifecycle_description: Option<InstanceLifecycleDescription>,
        /// How long a down instance is waited for before a new one is made, in seconds.
        "InstanceRestartWaitDurationSeconds" instance_restart_wait_duration_seconds: Option<Int64>,
    }
}

impl StatelessServiceDescription {
    /// The stateless service `name` of `service_type`, partitioned by `partition`, with
    /// `instances` per partition.
    pub fn new(
        name: &ServiceName,
        service_type: impl Into<String>,
        partition: PartitionSchemeDescription,
        instances: InstanceCount,
    ) -> Self {
        StatelessServiceDescription {
            application_name: None,
            service_name: name.to_string(),
            service_type_name: service_type.into(),
            initialization_data: None,
            partition_description: partition,
            placement_constraints: None,
            correlation_scheme: None,
            service_load_metrics: None,
            service_placement_policies: None,
            default_move_cost: None,
            is_default_move_cost_specified: None,
            service_package_activation_mode: None,
            service_dns_name: None,
            scaling_policies: None,
            tags_required_to_place: None,
            tags_required_to_run: None,
            instance_count: instances.get(),
            min_instance_count: None,
            min_instance_percentage: None,
            flags: None,
            instance_close_delay_duration_seconds: None,
            instance_lifecycle_description: None,
            instance_restart_wait_duration_seconds: None,
            unknown_fields: Default::default(),
        }
    }

    /// The fewest instances that must stay up (1 or more) and the smallest share of the
    /// instance count; the larger of the two applies.
    pub fn with_min_instances(mut self, count: u16, share: Percent) -> Result<Self, DescriptionError> {
        if count == 0 {
            return Err(DescriptionError::new("the minimum instance count is 1 or more"));
        }
        self.min_instance_count = Some(i32::from(count));
        self.min_instance_percentage = Some(share);
        Ok(self)
    }

    /// How long an instance waits before closing (whole seconds, at most 4294967295).
    pub fn with_instance_close_delay(mut self, delay: Duration) -> Self {
        self.instance_close_delay_duration_seconds = Some(Int64::number(whole_seconds(delay) as i64));
        self.add_flags(1);
        self
    }

    /// How long a down instance is waited for.
    pub fn with_instance_restart_wait(mut self, wait: Duration) -> Self {
        self.instance_restart_wait_duration_seconds = Some(Int64::number(whole_seconds(wait) as i64));
        self.add_flags(2);
        self
    }

    /// How instances behave during upgrades.
    pub fn with_instance_lifecycle(mut self, lifecycle: InstanceLifecycleDescription) -> Self {
        self.instance_lifecycle_description = Some(lifecycle);
        self
    }
}
