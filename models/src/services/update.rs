//! Changes to a running service (UpdateService), by `ServiceKind`.
//!
//! `Flags` says which fields the change sets: the gateway ignores a field whose flag is
//! missing. The builder methods set each field together with its flag.

use std::time::Duration;

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::{Percent, kind_enum, wire_struct};

use super::{
    InstanceCount, InstanceLifecycleDescription, MoveCost, NodeTagsDescription, ReplicaLifecycleDescription,
    ReplicaSetSize, ScalingPolicyDescription, ServiceCorrelationDescription, whole_seconds,
};
use crate::common::{ServiceLoadMetricDescription, ServicePlacementPolicyDescription};

kind_enum! {
    /// Changes to a running service, by `ServiceKind`.
    ///
    /// ```
    /// use fabric_rest_models::{InstanceCount, ServiceUpdateDescription, StatelessServiceUpdateDescription};
    ///
    /// let update: ServiceUpdateDescription = StatelessServiceUpdateDescription::new()
    ///     .with_instance_count(InstanceCount::new(5)?)
    ///     .with_placement_constraints("NodeType == Front")
    ///     .into();
    /// assert_eq!(
    ///     serde_json::to_string(&update)?,
    ///     r#"{"ServiceKind":"Stateless","Flags":"33","PlacementConstraints":"NodeType == Front","InstanceCount":5}"#
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub enum ServiceUpdateDescription by "ServiceKind" {
        /// Changes to a stateful service.
        Stateful(StatefulServiceUpdateDescription) = "Stateful",
        /// Changes to a stateless service.
        Stateless(StatelessServiceUpdateDescription) = "Stateless",
    }
}

impl From<StatefulServiceUpdateDescription> for ServiceUpdateDescription {
    fn from(update: StatefulServiceUpdateDescription) -> Self {
        ServiceUpdateDescription::Stateful(update)
    }
}

impl From<StatelessServiceUpdateDescription> for ServiceUpdateDescription {
    fn from(update: StatelessServiceUpdateDescription) -> Self {
        ServiceUpdateDescription::Stateless(update)
    }
}

/// Seconds as the update descriptions write them: decimal text.
fn seconds_text(duration: Duration) -> Int64 {
    Int64::new(whole_seconds(duration) as i64)
}

/// Declares the update of one kind: the fields both kinds have, then the kind's own, and
/// the builder methods of the shared fields.
macro_rules! service_update {
    ($(#[$meta:meta])* $name:ident { $($kind_fields:tt)* }) => {
        wire_struct! {
            $(#[$meta])*
            pub struct $name {
                /// Which fields are set, as a decimal number of flags (see the module).
                "Flags" flags: Option<String>,
                /// The new placement constraint (flag 32).
                "PlacementConstraints" placement_constraints: Option<String>,
                /// The new correlations (flag 128).
                "CorrelationScheme" correlation_scheme: Option<Vec<ServiceCorrelationDescription>>,
                /// The new metrics (flag 256).
                "LoadMetrics" load_metrics: Option<Vec<ServiceLoadMetricDescription>>,
                /// The new placement policies (flag 64).
                "ServicePlacementPolicies" service_placement_policies: Option<Vec<ServicePlacementPolicyDescription>>,
                /// The new move cost (flag 512).
                "DefaultMoveCost" default_move_cost: Option<MoveCost>,
                /// The new scaling policies (flag 1024).
                "ScalingPolicies" scaling_policies: Option<Vec<ScalingPolicyDescription>>,
                /// The new DNS name (flag 131072).
                "ServiceDnsName" service_dns_name: Option<String>,
                /// The new tags needed for placement (flag 1048576).
                "TagsForPlacement" tags_for_placement: Option<NodeTagsDescription>,
                /// The new tags needed to run (flag 2097152).
                "TagsForRunning" tags_for_running: Option<NodeTagsDescription>,
                $($kind_fields)*
            }
        }

        impl $name {
            /// No changes yet.
            pub fn new() -> Self {
                Self::default()
            }

            fn add_flags(&mut self, flags: u32) {
                let now = self.flags.as_deref().and_then(|text| text.parse::<u32>().ok()).unwrap_or(0);
                self.flags = Some((now | flags).to_string());
            }

            /// Sets the placement constraint.
            pub fn with_placement_constraints(mut self, constraints: impl Into<String>) -> Self {
                self.placement_constraints = Some(constraints.into());
                self.add_flags(32);
                self
            }

            /// Replaces the correlations.
            pub fn with_correlations(mut self, correlations: Vec<ServiceCorrelationDescription>) -> Self {
                self.correlation_scheme = Some(correlations);
                self.add_flags(128);
                self
            }

            /// Replaces the metrics.
            pub fn with_load_metrics(mut self, metrics: Vec<ServiceLoadMetricDescription>) -> Self {
                self.load_metrics = Some(metrics);
                self.add_flags(256);
                self
            }

            /// Replaces the placement policies.
            pub fn with_placement_policies(mut self, policies: Vec<ServicePlacementPolicyDescription>) -> Self {
                self.service_placement_policies = Some(policies);
                self.add_flags(64);
                self
            }

            /// Sets the move cost.
            pub fn with_default_move_cost(mut self, cost: MoveCost) -> Self {
                self.default_move_cost = Some(cost);
                self.add_flags(512);
                self
            }

            /// Replaces the scaling policies.
            pub fn with_scaling_policies(mut self, policies: Vec<ScalingPolicyDescription>) -> Self {
                self.scaling_policies = Some(policies);
                self.add_flags(1024);
                self
            }

            /// Sets the DNS name.
            pub fn with_dns_name(mut self, name: impl Into<String>) -> Self {
                self.service_dns_name = Some(name.into());
                self.add_flags(131_072);
                self
            }

            /// Sets the tags needed for placement.
            pub fn with_tags_for_placement(mut self, tags: NodeTagsDescription) -> Self {
                self.tags_for_placement = Some(tags);
                self.add_flags(1_048_576);
                self
            }

            /// Sets the tags needed to run.
            pub fn with_tags_for_running(mut self, tags: NodeTagsDescription) -> Self {
                self.tags_for_running = Some(tags);
                self.add_flags(2_097_152);
                self
            }
        }
    };
}

service_update! {
    /// Changes to a stateful service.
    StatefulServiceUpdateDescription {
        /// The new target replica count (flag 1).
        "TargetReplicaSetSize" target_replica_set_size: Option<i32>,
        /// The new fewest replicas (flag 16).
        "MinReplicaSetSize" min_replica_set_size: Option<i32>,
        /// The new replica restart wait, in seconds as text (flag 2).
        "ReplicaRestartWaitDurationSeconds" replica_restart_wait_duration_seconds: Option<Int64>,
        /// The new quorum loss wait, in seconds as text (flag 4).
        "QuorumLossWaitDurationSeconds" quorum_loss_wait_duration_seconds: Option<Int64>,
        /// The new standby keep duration, in seconds as text (flag 8).
        "StandByReplicaKeepDurationSeconds" stand_by_replica_keep_duration_seconds: Option<Int64>,
        /// The new placement time limit, in seconds as text (flag 2048).
        "ServicePlacementTimeLimitSeconds" service_placement_time_limit_seconds: Option<Int64>,
        /// Whether a moved secondary is dropped first (flag 65536).
        "DropSourceReplicaOnMove" drop_source_replica_on_move: Option<bool>,
        /// How replicas behave during upgrades.
        "ReplicaLifecycleDescription" replica_lifecycle_description: Option<ReplicaLifecycleDescription>,
        /// The new number of auxiliary replicas.
        "AuxiliaryReplicaCount" auxiliary_replica_count: Option<i32>,
    }
}

impl StatefulServiceUpdateDescription {
    /// Sets both replica counts.
    pub fn with_replica_set_size(mut self, size: ReplicaSetSize) -> Self {
        self.target_replica_set_size = Some(size.target());
        self.min_replica_set_size = Some(size.min());
        self.add_flags(1 | 16);
        self
    }

    /// Sets the replica restart wait (whole seconds, at most 4294967295).
    pub fn with_replica_restart_wait(mut self, wait: Duration) -> Self {
        self.replica_restart_wait_duration_seconds = Some(seconds_text(wait));
        self.add_flags(2);
        self
    }

    /// Sets the quorum loss wait.
    pub fn with_quorum_loss_wait(mut self, wait: Duration) -> Self {
        self.quorum_loss_wait_duration_seconds = Some(seconds_text(wait));
        self.add_flags(4);
        self
    }

    /// Sets the standby keep duration.
    pub fn with_stand_by_replica_keep(mut self, keep: Duration) -> Self {
        self.stand_by_replica_keep_duration_seconds = Some(seconds_text(keep));
        self.add_flags(8);
        self
    }

    /// Sets the placement time limit.
    pub fn with_placement_time_limit(mut self, limit: Duration) -> Self {
        self.service_placement_time_limit_seconds = Some(seconds_text(limit));
        self.add_flags(2048);
        self
    }

    /// Sets whether a moved secondary is dropped first.
    pub fn with_drop_source_replica_on_move(mut self, value: bool) -> Self {
        self.drop_source_replica_on_move = Some(value);
        self.add_flags(65_536);
        self
    }

    /// Sets how replicas behave during upgrades.
    pub fn with_replica_lifecycle(mut self, lifecycle: ReplicaLifecycleDescription) -> Self {
        self.replica_lifecycle_description = Some(lifecycle);
        self
    }

    /// Sets the number of auxiliary replicas.
    pub fn with_auxiliary_replica_count(mut self, count: u16) -> Self {
        self.auxiliary_replica_count = Some(i32::from(count));
        self
    }
}

service_update! {
    /// Changes to a stateless service.
    StatelessServiceUpdateDescription {
        /// The new instance count (flag 1).
        "InstanceCount" instance_count: Option<i32>,
        /// The new fewest instances up (flag 4096).
        "MinInstanceCount" min_instance_count: Option<i32>,
        /// The new smallest share up (flag 8192).
        "MinInstancePercentage" min_instance_percentage: Option<Percent>,
        /// The new close delay, in seconds as text (flag 16384).
        "InstanceCloseDelayDurationSeconds" instance_close_delay_duration_seconds: Option<Int64>,
        /// How instances behave during upgrades.
        "InstanceLifecycleDescription" instance_lifecycle_description: Option<InstanceLifecycleDescription>,
        /// The new restart wait, in seconds as text (flag 32768).
        "InstanceRestartWaitDurationSeconds" instance_restart_wait_duration_seconds: Option<Int64>,
    }
}

impl StatelessServiceUpdateDescription {
    /// Sets the instance count.
    pub fn with_instance_count(mut self, count: InstanceCount) -> Self {
        self.instance_count = Some(count.get());
        self.add_flags(1);
        self
    }

    /// Sets the fewest instances that must stay up (at least 1).
    pub fn with_min_instance_count(mut self, count: std::num::NonZeroU16) -> Self {
        self.min_instance_count = Some(i32::from(count.get()));
        self.add_flags(4096);
        self
    }

    /// Sets the smallest share of instances that must stay up.
    pub fn with_min_instance_percentage(mut self, share: Percent) -> Self {
        self.min_instance_percentage = Some(share);
        self.add_flags(8192);
        self
    }

    /// Sets the close delay (whole seconds, at most 4294967295).
    pub fn with_instance_close_delay(mut self, delay: Duration) -> Self {
        self.instance_close_delay_duration_seconds = Some(seconds_text(delay));
        self.add_flags(16_384);
        self
    }

    /// Sets the restart wait.
    pub fn with_instance_restart_wait(mut self, wait: Duration) -> Self {
        self.instance_restart_wait_duration_seconds = Some(seconds_text(wait));
        self.add_flags(32_768);
        self
    }

    /// Sets how instances behave during upgrades.
    pub fn with_instance_lifecycle(mut self, lifecycle: InstanceLifecycleDescription) -> Self {
        self.instance_lifecycle_description = Some(lifecycle);
        self
    }
}
