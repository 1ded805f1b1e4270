//! The models of the EventStore operations: `/EventsStore/…` (the events of the cluster,
//! nodes, applications, services, partitions, replicas and containers).
//!
//! Events are polymorphic by `Kind`. Each category has an enum of its kinds
//! ([`ClusterEvent`], [`NodeEvent`], [`ApplicationEvent`], [`ServiceEvent`],
//! [`PartitionEvent`], [`ReplicaEvent`]) and [`FabricEvent`] holds every kind; an event of
//! a kind they do not list is kept whole in their `Unknown` variant, and every field of a
//! known kind is optional, so one event unlike the others never fails a whole list.
//! Integers are [`Int64`](crate::Int64)s (sequence numbers and instance ids exceed 2^53),
//! fractions [`Decimal`](crate::Decimal)s, moments [`Timestamp`](crate::Timestamp)s.
//!
//! A query's window is two [`EventTime`]s, and an [`EventKindFilter`] selects kinds.

#[macro_use]
mod macros;

mod application;
mod application_health;
mod application_process;
mod cluster;
mod fabric_event;
mod node;
mod partition;
mod query;
mod replica;
mod service;

pub use application::*;
pub use application_health::*;
pub use application_process::*;
pub use cluster::*;
pub use fabric_event::*;
pub use node::*;
pub use partition::*;
pub use query::*;
pub use replica::*;
pub use service::*;

/// The spec's name for what GetClusterEventList returns.
pub type ClusterEventList = Vec<ClusterEvent>;
/// The spec's name for what GetNodeEventList and GetNodesEventList return.
pub type NodeEventList = Vec<NodeEvent>;
/// The spec's name for what GetApplicationEventList and GetApplicationsEventList return.
pub type ApplicationEventList = Vec<ApplicationEvent>;
/// The spec's name for what GetServiceEventList and GetServicesEventList return.
pub type ServiceEventList = Vec<ServiceEvent>;
/// The spec's name for what GetPartitionEventList and GetPartitionsEventList return.
pub type PartitionEventList = Vec<PartitionEvent>;
/// The spec's name for what GetPartitionReplicaEventList and GetPartitionReplicasEventList
/// return.
pub type ReplicaEventList = Vec<ReplicaEvent>;
/// The spec's name for what GetContainersEventList returns.
pub type ContainerInstanceEventList = Vec<ContainerInstanceEvent>;
/// The spec's name for what GetCorrelatedEventList returns.
pub type EventList = Vec<FabricEvent>;
