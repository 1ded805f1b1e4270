//! How Chaos runs: its parameters, what it may target, and the context it carries.

use std::collections::BTreeMap;
use std::time::Duration;

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use crate::common::ClusterHealthPolicy;

wire_struct! {
    /// How Chaos runs (StartChaos, GetChaos, the parameters of a schedule).
    ///
    /// Every field is optional; the service's defaults apply to those left `None`. The
    /// builder methods take durations and counts and write them as the service reads them,
    /// whole seconds up to 4294967295 (larger values are sent as that maximum).
    ///
    /// ```
    /// use std::time::Duration;
    /// use fabric_rest_models::{ChaosParameters, ChaosTargetFilter};
    ///
    /// let parameters = ChaosParameters::new()
    ///     .with_time_to_run(Duration::from_secs(3600))
    ///     .with_max_concurrent_faults(3)
    ///     .with_wait_time_between_faults(Duration::from_millis(1500))
    ///     .with_target_filter(ChaosTargetFilter::new().with_node_type("FrontEnd"))
    ///     .with_context("run", "nightly");
    /// assert_eq!(
    ///     serde_json::to_string(&parameters)?,
    ///     concat!(
    ///         r#"{"TimeToRunInSeconds":"3600","MaxConcurrentFaults":3,"#,
    ///         r#""WaitTimeBetweenFaultsInSeconds":1,"Context":{"Map":{"run":"nightly"}},"#,
    ///         r#""ChaosTargetFilter":{"NodeTypeInclusionList":["FrontEnd"]}}"#,
    ///     )
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ChaosParameters {
        /// How long Chaos runs before it stops by itself, in seconds; the service writes it
        /// as a string.
        "TimeToRunInSeconds" time_to_run_in_seconds: Option<Int64>,
        /// How long Chaos waits for the cluster to become stable again before it reports a
        /// validation failure, in seconds.
        "MaxClusterStabilizationTimeoutInSeconds" max_cluster_stabilization_timeout_in_seconds: Option<Int64>,
        /// How many faults may run at once in one iteration.
        "MaxConcurrentFaults" max_concurrent_faults: Option<Int64>,
        /// Whether Chaos moves primary and secondary replicas as well.
        "EnableMoveReplicaFaults" enable_move_replica_faults: Option<bool>,
        /// The pause between two faults of one iteration, in seconds.
        "WaitTimeBetweenFaultsInSeconds" wait_time_between_faults_in_seconds: Option<Int64>,
        /// The pause between two iterations, in seconds.
        "WaitTimeBetweenIterationsInSeconds" wait_time_between_iterations_in_seconds: Option<Int64>,
        /// The health policy by which Chaos judges whether the cluster is stable.
        "ClusterHealthPolicy" cluster_health_policy: Option<ClusterHealthPolicy>,
        /// Pairs of text the caller attaches to the run, returned with its events.
        "Context" context: Option<ChaosContext>,
        /// The nodes and applications Chaos may fault; absent, every one.
        "ChaosTargetFilter" chaos_target_filter: Option<ChaosTargetFilter>,
    }
}

/// `duration` in whole seconds, at most 4294967295: the service's limit for every
/// duration of the Chaos parameters.
fn seconds(duration: Duration) -> i64 {
    duration.as_secs().min(u64::from(u32::MAX)) as i64
}

impl ChaosParameters {
    /// Parameters with every field unset: the service's defaults.
    pub fn new() -> ChaosParameters {
        ChaosParameters::default()
    }

    /// Sets how long Chaos runs before it stops by itself.
    pub fn with_time_to_run(mut self, time_to_run: Duration) -> ChaosParameters {
        self.time_to_run_in_seconds = Some(Int64::new(seconds(time_to_run)));
        self
    }

    /// Sets how long Chaos waits for the cluster to become stable again.
    pub fn with_max_cluster_stabilization_timeout(mut self, timeout: Duration) -> ChaosParameters {
        self.max_cluster_stabilization_timeout_in_seconds = Some(Int64::number(seconds(timeout)));
        self
    }

    /// Sets how many faults may run at once.
    pub fn with_max_concurrent_faults(mut self, faults: u32) -> ChaosParameters {
        self.max_concurrent_faults = Some(Int64::number(i64::from(faults)));
        self
    }

    /// Sets whether Chaos moves replicas as well.
    pub fn with_move_replica_faults(mut self, enabled: bool) -> ChaosParameters {
        self.enable_move_replica_faults = Some(enabled);
        self
    }

    /// Sets the pause between two faults of one iteration.
    pub fn with_wait_time_between_faults(mut self, wait: Duration) -> ChaosParameters {
        self.wait_time_between_faults_in_seconds = Some(Int64::number(seconds(wait)));
        self
    }

    /// Sets the pause between two iterations.
    pub fn with_wait_time_between_iterations(mut self, wait: Duration) -> ChaosParameters {
        self.wait_time_between_iterations_in_seconds = Some(Int64::number(seconds(wait)));
        self
    }

    /// Sets the health policy by which Chaos judges the cluster stable.
    pub fn with_cluster_health_policy(mut self, policy: ClusterHealthPolicy) -> ChaosParameters {
        self.cluster_health_policy = Some(policy);
        self
    }

    /// Attaches `value` under `key` to the run's context, replacing an earlier value.
    pub fn with_context(mut self, key: impl Into<String>, value: impl Into<String>) -> ChaosParameters {
        self.context
            .get_or_insert_with(ChaosContext::default)
            .map
            .get_or_insert_with(BTreeMap::new)
            .insert(key.into(), value.into());
        self
    }

    /// Sets what Chaos may fault.
    pub fn with_target_filter(mut self, filter: ChaosTargetFilter) -> ChaosParameters {
        self.chaos_target_filter = Some(filter);
        self
    }
}

wire_struct! {
    /// Pairs of text attached to a Chaos run.
    pub struct ChaosContext {
        /// The pairs, a JSON object of strings.
        "Map" map: Option<BTreeMap<String, String>>,
    }
}

wire_struct! {
    /// What Chaos may fault: the nodes of the listed node types and the entities of the
    /// listed applications (either list widens what the other allows).
    pub struct ChaosTargetFilter {
        /// Node types whose nodes Chaos may fault (at most 100).
        "NodeTypeInclusionList" node_type_inclusion_list: Option<Vec<String>>,
        /// Applications (`fabric:/App`) whose entities Chaos may fault (at most 1000).
        "ApplicationInclusionList" application_inclusion_list: Option<Vec<String>>,
    }
}

impl ChaosTargetFilter {
    /// A filter that lists nothing yet.
    pub fn new() -> ChaosTargetFilter {
        ChaosTargetFilter::default()
    }

    /// Adds a node type whose nodes Chaos may fault.
    pub fn with_node_type(mut self, node_type: impl Into<String>) -> ChaosTargetFilter {
        self.node_type_inclusion_list
            .get_or_insert_with(Vec::new)
            .push(node_type.into());
        self
    }

    /// Adds an application (`fabric:/App`) whose entities Chaos may fault.
    pub fn with_application(mut self, application: impl Into<String>) -> ChaosTargetFilter {
        self.application_inclusion_list
            .get_or_insert_with(Vec::new)
            .push(application.into());
        self
    }
}
