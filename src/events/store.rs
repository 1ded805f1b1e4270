//! The events the EventStore keeps, by entity, and the events correlated with one.

use crate::models::{
    ApplicationEvent, ClusterEvent, ContainerInstanceEvent, EventKindFilter, EventTime, FabricEvent, NodeEvent,
    PartitionEvent, ReplicaEvent, ServiceEvent,
};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The EventStore: what happened in the cluster, by entity, over a window of time.
///
/// Implemented for every [`Transport`]. Every list takes its window as two [`EventTime`]s;
/// `events_types_filter` keeps only the kinds it names, `exclude_analysis_events` leaves
/// out the cluster's analyses (such as [`PartitionPrimaryMoveAnalysisEvent`]), and
/// `skip_correlation_lookup` saves the work of setting each event's
/// `has_correlated_events`. Events of kinds the models do not know come whole in their
/// enum's `Unknown` variant.
///
/// [`PartitionPrimaryMoveAnalysisEvent`]: crate::models::PartitionPrimaryMoveAnalysisEvent
///
/// ```no_run
/// use std::time::Duration;
/// use fabric_rest::Client;
/// use fabric_rest::events::EventStore;
/// use fabric_rest::models::{EventKindFilter, EventTime, FabricEventKind, NodeEvent};
///
/// # async fn run() -> fabric_rest::Result<()> {
/// let client = Client::new("http://127.0.0.1:19080")?;
/// let end = EventTime::now();
/// let downs = EventKindFilter::new([FabricEventKind::NodeDown]);
/// let events = client
///     .get_nodes_event_list(end - Duration::from_secs(3600), end, Some(&downs), None, None, None)
///     .await?;
/// for event in events {
///     if let NodeEvent::NodeDown(down) = event {
///         println!("{:?} went down at {:?}", down.node_name, down.time_stamp);
///     }
/// }
/// # Ok(()) }
/// ```
pub trait EventStore: Transport {
    /// The events of the cluster itself in the window
    /// (`GET /EventsStore/Cluster/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Cluster/Events", api_version = "6.4")]
    async fn get_cluster_event_list(
        &self,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ClusterEvent>>;

    /// The events of containers in the window
    /// (`GET /EventsStore/Containers/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Containers/Events", api_version = "6.2-preview")]
    async fn get_containers_event_list(
        &self,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ContainerInstanceEvent>>;

    /// The events of one node in the window
    /// (`GET /EventsStore/Nodes/{nodeName}/$/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Nodes/{nodeName}/$/Events", api_version = "6.4")]
    async fn get_node_event_list(
        &self,
        #[path] node_name: &str,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<NodeEvent>>;

    /// The events of every node in the window
    /// (`GET /EventsStore/Nodes/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Nodes/Events", api_version = "6.4")]
    async fn get_nodes_event_list(
        &self,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<NodeEvent>>;

    /// The events of one application in the window (`application_id` is its name without
    /// `fabric:/`, `myapp~app1` for `fabric:/myapp/app1`)
    /// (`GET /EventsStore/Applications/{applicationId}/$/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Applications/{applicationId}/$/Events", api_version = "6.4")]
    async fn get_application_event_list(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ApplicationEvent>>;

    /// The events of every application in the window
    /// (`GET /EventsStore/Applications/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Applications/Events", api_version = "6.4")]
    async fn get_applications_event_list(
        &self,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ApplicationEvent>>;

    /// The events of one service in the window (`service_id` is its name without
    /// `fabric:/`, `myapp~svc1` for `fabric:/myapp/svc1`)
    /// (`GET /EventsStore/Services/{serviceId}/$/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Services/{serviceId}/$/Events", api_version = "6.4")]
    async fn get_service_event_list(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ServiceEvent>>;

    /// The events of every service in the window
    /// (`GET /EventsStore/Services/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Services/Events", api_version = "6.4")]
    async fn get_services_event_list(
        &self,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ServiceEvent>>;

    /// The events of one partition in the window
    /// (`GET /EventsStore/Partitions/{partitionId}/$/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Partitions/{partitionId}/$/Events", api_version = "6.4")]
    async fn get_partition_event_list(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<PartitionEvent>>;

    /// The events of every partition in the window
    /// (`GET /EventsStore/Partitions/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Partitions/Events", api_version = "6.4")]
    async fn get_partitions_event_list(
        &self,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<PartitionEvent>>;

    /// The events of one replica or instance of a partition in the window
    /// (`GET /EventsStore/Partitions/{partitionId}/$/Replicas/{replicaId}/$/Events`).
    #[fabric_endpoint(
        GET,
        "/EventsStore/Partitions/{partitionId}/$/Replicas/{replicaId}/$/Events",
        api_version = "6.4"
    )]
    async fn get_partition_replica_event_list(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ReplicaEvent>>;

    /// The events of every replica or instance of a partition in the window
    /// (`GET /EventsStore/Partitions/{partitionId}/$/Replicas/Events`).
    #[fabric_endpoint(GET, "/EventsStore/Partitions/{partitionId}/$/Replicas/Events", api_version = "6.4")]
    async fn get_partition_replicas_event_list(
        &self,
        #[path(keep_escapes)] partition_id: &str,
        #[query("StartTimeUtc")] start_time_utc: EventTime,
        #[query("EndTimeUtc")] end_time_utc: EventTime,
        #[query("EventsTypesFilter")] events_types_filter: Option<&EventKindFilter>,
        #[query("ExcludeAnalysisEvents")] exclude_analysis_events: Option<bool>,
        #[query("SkipCorrelationLookup")] skip_correlation_lookup: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<ReplicaEvent>>;

    /// The events correlated with the event `event_instance_id`, of any kind
    /// (`GET /EventsStore/CorrelatedEvents/{eventInstanceId}/$/Events`).
    #[fabric_endpoint(GET, "/EventsStore/CorrelatedEvents/{eventInstanceId}/$/Events", api_version = "6.4")]
    async fn get_correlated_event_list(
        &self,
        #[path] event_instance_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<FabricEvent>>;
}

impl<T: Transport> EventStore for T {}
