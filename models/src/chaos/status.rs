//! Whether Chaos runs, and what it reported while it ran.

use fabric_rest_runtime::{Paged, kind_enum, open_enum, wire_struct};

use super::ChaosParameters;
use crate::common::Timestamp;

open_enum! {
    /// Whether Chaos runs.
    pub enum ChaosStatus {
        Invalid = "Invalid",
        Running = "Running",
        Stopped = "Stopped",
    }
}

open_enum! {
    /// Where the Chaos schedule stands.
    pub enum ChaosScheduleStatus {
        Invalid = "Invalid",
        /// Stopped; a new schedule must be set to schedule runs again.
        Stopped = "Stopped",
        /// Active: it starts runs as its jobs say.
        Active = "Active",
        /// Past its expiry date.
        Expired = "Expired",
        /// Before its start date.
        Pending = "Pending",
    }
}

open_enum! {
    /// What a Chaos event reports: the `Kind` of a [`ChaosEvent`].
    pub enum ChaosEventKind {
        Invalid = "Invalid",
        Started = "Started",
        ExecutingFaults = "ExecutingFaults",
        Waiting = "Waiting",
        ValidationFailed = "ValidationFailed",
        TestError = "TestError",
        Stopped = "Stopped",
    }
}

wire_struct! {
    /// Whether Chaos runs, with what parameters, and how its schedule stands (GetChaos).
    pub struct Chaos {
        /// The parameters of the current or last run.
        "ChaosParameters" chaos_parameters: Option<ChaosParameters>,
        /// Whether it runs.
        "Status" status: Option<ChaosStatus>,
        /// How its schedule stands.
        "ScheduleStatus" schedule_status: Option<ChaosScheduleStatus>,
    }
}

wire_struct! {
    /// One segment of Chaos's events (GetChaosEvents), at most 100 of them.
    pub struct ChaosEventsSegment {
        /// Where the next segment starts; absent or empty on the last one.
        "ContinuationToken" continuation_token: Option<String>,
        /// The events, oldest first.
        "History" history: Option<Vec<ChaosEventWrapper>>,
    }
}

impl From<ChaosEventsSegment> for Paged<ChaosEvent> {
    fn from(segment: ChaosEventsSegment) -> Paged<ChaosEvent> {
        let events = segment.history.unwrap_or_default();
        Paged::new(
            events.into_iter().map(|wrapper| wrapper.chaos_event).collect(),
            segment.continuation_token,
        )
    }
}

wire_struct! {
    /// The gateway's wrapping of one [`ChaosEvent`] in a list.
    pub struct ChaosEventWrapper {
        /// The event.
        "ChaosEvent" chaos_event: ChaosEvent,
    }
}

kind_enum! {
    /// Something Chaos did or saw, by `Kind`.
    pub enum ChaosEvent by "Kind" {
        Started(StartedChaosEvent) = "Started",
        ExecutingFaults(ExecutingFaultsChaosEvent) = "ExecutingFaults",
        Waiting(WaitingChaosEvent) = "Waiting",
        ValidationFailed(ValidationFailedChaosEvent) = "ValidationFailed",
        TestError(TestErrorChaosEvent) = "TestError",
        Stopped(StoppedChaosEvent) = "Stopped",
    }
}

wire_struct! {
    /// Chaos started.
    pub struct StartedChaosEvent {
        /// When.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// The parameters it runs with.
        "ChaosParameters" chaos_parameters: Option<ChaosParameters>,
    }
}

wire_struct! {
    /// Chaos runs the faults of one iteration.
    pub struct ExecutingFaultsChaosEvent {
        /// When.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// Each fault in words (`ActionType: RestartReplica, ServiceUri: …`).
        "Faults" faults: Option<Vec<String>>,
    }
}

wire_struct! {
    /// Chaos waits for the cluster to become stable before the next iteration.
    pub struct WaitingChaosEvent {
        /// When.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// What it waits for.
        "Reason" reason: Option<String>,
    }
}

wire_struct! {
    /// The cluster did not become stable in time after an iteration.
    pub struct ValidationFailedChaosEvent {
        /// When.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// What was not stable.
        "Reason" reason: Option<String>,
    }
}

wire_struct! {
    /// Chaos itself failed, or the cluster was in a state it cannot fault.
    pub struct TestErrorChaosEvent {
        /// When.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// What went wrong.
        "Reason" reason: Option<String>,
    }
}

wire_struct! {
    /// Chaos stopped: its time ran out, or it was stopped.
    pub struct StoppedChaosEvent {
        /// When.
        "TimeStampUtc" time_stamp_utc: Option<Timestamp>,
        /// Why.
        "Reason" reason: Option<String>,
    }
}
