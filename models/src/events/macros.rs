//! The two declarations every event kind goes through: `event!`, a [`wire_struct!`] with
//! the fields every event of its category has, and `event_enum!`, a [`kind_enum!`] of event
//! kinds with accessors to those shared fields.
//!
//! [`wire_struct!`]: fabric_rest_runtime::wire_struct
//! [`kind_enum!`]: fabric_rest_runtime::kind_enum

/// Declares one event kind: `pub struct NodeDownEvent: node { fields }` adds the fields of
/// every event and of its category (`cluster`, `node`, `application`, `service`,
/// `partition`, `replica`) before the kind's own; `: node + health_report` adds the fields
/// of a health report after them.
macro_rules! event {
    ($(#[$meta:meta])* pub struct $name:ident: $category:ident $(+ $extra:ident)? { $($fields:tt)* }) => {
        event!(@category $category {[$(#[$meta])*] $name} [$($fields)*] [$($extra)?]);
    };

    (@category cluster $head:tt [$($f:tt)*] $extra:tt) => {
        event!(@extra $extra $head [$($f)*]);
    };
    (@category node $head:tt [$($f:tt)*] $extra:tt) => {
        event!(@extra $extra $head [
            /// The node's name.
            "NodeName" node_name: Option<String>,
            $($f)*
        ]);
    };
    (@category application $head:tt [$($f:tt)*] $extra:tt) => {
        event!(@extra $extra $head [
            /// The application's id: its name without `fabric:/` (`app1`).
            "ApplicationId" application_id: Option<String>,
            $($f)*
        ]);
    };
    (@category service $head:tt [$($f:tt)*] $extra:tt) => {
        event!(@extra $extra $head [
            /// The service's id: its name without `fabric:/` (`app1/svc1`).
            "ServiceId" service_id: Option<String>,
            $($f)*
        ]);
    };
    (@category partition $head:tt [$($f:tt)*] $extra:tt) => {
        event!(@extra $extra $head [
            /// The partition's id (a GUID).
            "PartitionId" partition_id: Option<String>,
            $($f)*
        ]);
    };
    (@category replica $head:tt [$($f:tt)*] $extra:tt) => {
        event!(@extra $extra $head [
            /// The partition's id (a GUID).
            "PartitionId" partition_id: Option<String>,
            /// The replica's or instance's id.
            "ReplicaId" replica_id: Option<::fabric_rest_runtime::wire::Int64>,
            $($f)*
        ]);
    };

    (@extra [] $head:tt [$($f:tt)*]) => {
        event!(@emit $head [$($f)*]);
    };
    (@extra [health_report] $head:tt [$($f:tt)*]) => {
        event!(@emit $head [
            $($f)*
            /// Who reported.
            "SourceId" source_id: Option<String>,
            /// What the report is about.
            "Property" property: Option<String>,
            /// The reported state.
            "HealthState" health_state: Option<$crate::common::HealthState>,
            /// How long the report stays valid, in milliseconds.
            "TimeToLiveMs" time_to_live_ms: Option<::fabric_rest_runtime::wire::Int64>,
            /// The report's sequence number.
            "SequenceNumber" sequence_number: Option<::fabric_rest_runtime::wire::Int64>,
            /// The report in words.
            "Description" description: Option<String>,
            /// Whether the report disappears when it expires.
            "RemoveWhenExpired" remove_when_expired: Option<bool>,
            /// When the source sent it.
            "SourceUtcTimestamp" source_utc_timestamp: Option<$crate::common::Timestamp>,
        ]);
    };

    (@emit {[$(#[$meta:meta])*] $name:ident} [$($f:tt)*]) => {
        ::fabric_rest_runtime::wire_struct! {
            $(#[$meta])*
            ///
            /// Every field is optional, so that an event of an older or newer cluster
            /// lacking one still reads.
            pub struct $name {
                /// The event's id, by which its correlated events are asked for.
                "EventInstanceId" event_instance_id: Option<String>,
                /// The event's category (`Operational`, ...).
                "Category" category: Option<String>,
                /// When it happened.
                "TimeStamp" time_stamp: Option<$crate::common::Timestamp>,
                /// Whether it has correlated events.
                "HasCorrelatedEvents" has_correlated_events: Option<bool>,
                $($f)*
            }
        }
    };
}

/// Declares an enum of event kinds by `Kind` with [`kind_enum!`], plus accessors to the
/// fields every event has; `=> FabricEvent` after the name adds the conversion into
/// [`FabricEvent`](super::FabricEvent), whose variants bear the same names.
///
/// [`kind_enum!`]: fabric_rest_runtime::kind_enum
macro_rules! event_enum {
    (@into $name:ident $all:ident [$($variant:ident)+]) => {
        impl From<$name> for super::$all {
            /// The same event. One of a kind this category does not list is read again
            /// among every kind, and kept whole if that fails too.
            fn from(event: $name) -> super::$all {
                match event {
                    $($name::$variant(event) => super::$all::$variant(event),)+
                    $name::Unknown(object) => ::serde_json::from_value(object.clone())
                        .unwrap_or(super::$all::Unknown(object)),
                }
            }
        }
    };

    (
        $(#[$meta:meta])*
        pub enum $name:ident => $all:ident {
            $($variant:ident($ty:ty) = $kind:literal,)+
        }
    ) => {
        event_enum! {
            $(#[$meta])*
            pub enum $name {
                $($variant($ty) = $kind,)+
            }
        }
        event_enum!(@into $name $all [$($variant)+]);
    };

    (
        $(#[$meta:meta])*
        pub enum $name:ident {
            $($variant:ident($ty:ty) = $kind:literal,)+
        }
    ) => {
        ::fabric_rest_runtime::kind_enum! {
            $(#[$meta])*
            pub enum $name by "Kind" {
                $($variant($ty) = $kind,)+
            }
        }

        impl $name {
            /// The event's id, by which its correlated events are asked for.
            pub fn event_instance_id(&self) -> Option<&str> {
                match self {
                    $($name::$variant(event) => event.event_instance_id.as_deref(),)+
                    $name::Unknown(object) => object.get("EventInstanceId").and_then(|id| id.as_str()),
                }
            }

            /// When it happened.
            pub fn time_stamp(&self) -> Option<$crate::common::Timestamp> {
                match self {
                    $($name::$variant(event) => event.time_stamp.clone(),)+
                    $name::Unknown(object) => object
                        .get("TimeStamp")
                        .and_then(|at| at.as_str())
                        .map($crate::common::Timestamp::new),
                }
            }

            /// Whether it has correlated events.
            pub fn has_correlated_events(&self) -> Option<bool> {
                match self {
                    $($name::$variant(event) => event.has_correlated_events,)+
                    $name::Unknown(object) => object.get("HasCorrelatedEvents").and_then(|has| has.as_bool()),
                }
            }
        }
    };
}
