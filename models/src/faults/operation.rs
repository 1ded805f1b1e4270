//! How fault operations are started and listed: their modes, their kinds and states, the
//! filters of the list, and the durations a start takes.

use std::fmt;
use std::time::Duration;

use fabric_rest_runtime::{IntegerQueryValue, ParamKind, QueryValue, RequestBuilder, open_enum, wire_struct};

use super::OperationId;

open_enum! {
    /// How much data a data loss fault removes (StartDataLoss).
    pub enum DataLossMode {
        Invalid = "Invalid",
        /// Only a quorum of replicas is removed; whether data is lost depends on what was
        /// still being replicated.
        PartialDataLoss = "PartialDataLoss",
        /// Every replica is removed, and with it all data.
        FullDataLoss = "FullDataLoss",
    }
}

open_enum! {
    /// Which replicas a quorum loss fault takes down (StartQuorumLoss).
    pub enum QuorumLossMode {
        Invalid = "Invalid",
        /// Enough replicas to lose quorum.
        QuorumReplicas = "QuorumReplicas",
        /// Every replica but the primary.
        AllReplicas = "AllReplicas",
    }
}

open_enum! {
    /// Which replicas a partition restart restarts (StartPartitionRestart); a stateless
    /// partition takes `AllReplicasOrInstances` only.
    pub enum RestartPartitionMode {
        Invalid = "Invalid",
        /// Every replica or instance, the primary included.
        AllReplicasOrInstances = "AllReplicasOrInstances",
        /// The active secondaries only.
        OnlyActiveSecondaries = "OnlyActiveSecondaries",
    }
}

open_enum! {
    /// Whether a node transition starts or stops a node (StartNodeTransition).
    pub enum NodeTransitionType {
        Invalid = "Invalid",
        /// Starts a stopped node.
        Start = "Start",
        /// Stops a running node.
        Stop = "Stop",
    }
}

open_enum! {
    /// Where a fault operation stands. `Completed`, `Faulted`, `Cancelled` and
    /// `ForceCancelled` are final; `RollingBack` cleans up the system's own state, never the
    /// service's data.
    pub enum OperationState {
        Invalid = "Invalid",
        Running = "Running",
        RollingBack = "RollingBack",
        Completed = "Completed",
        Faulted = "Faulted",
        Cancelled = "Cancelled",
        ForceCancelled = "ForceCancelled",
    }
}

impl OperationState {
    /// Whether the operation is over: `Completed`, `Faulted`, `Cancelled` or
    /// `ForceCancelled`. `Invalid` and values this library does not know are not final,
    /// so a waiter keeps asking until its own deadline.
    pub fn is_final(&self) -> bool {
        matches!(
            self,
            OperationState::Completed
                | OperationState::Faulted
                | OperationState::Cancelled
                | OperationState::ForceCancelled
        )
    }
}

open_enum! {
    /// The kind of a fault operation.
    pub enum OperationType {
        Invalid = "Invalid",
        PartitionDataLoss = "PartitionDataLoss",
        PartitionQuorumLoss = "PartitionQuorumLoss",
        PartitionRestart = "PartitionRestart",
        NodeTransition = "NodeTransition",
    }
}

wire_struct! {
    /// One fault operation of the cluster (GetFaultOperationList).
    pub struct OperationStatus {
        /// The id it was started with.
        "OperationId" operation_id: Option<OperationId>,
        /// Where it stands.
        "State" state: Option<OperationState>,
        /// Its kind.
        "Type" operation_type: Option<OperationType>,
    }
}

macro_rules! flag_filter {
    ($(#[$meta:meta])* $name:ident { $($(#[$flag_meta:meta])* $flag:ident = $bits:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub struct $name(u32);

        impl $name {
            $($(#[$flag_meta])* pub const $flag: $name = $name($bits);)+
            /// `65535`: every one, the gateway's default.
            pub const ALL: $name = $name(65535);

            /// The flags as the integer sent.
            pub const fn bits(self) -> u32 {
                self.0
            }
        }

        impl Default for $name {
            /// [`ALL`](Self::ALL).
            fn default() -> $name {
                $name::ALL
            }
        }

        impl std::ops::BitOr for $name {
            type Output = $name;
            fn bitor(self, other: $name) -> $name {
                $name(self.0 | other.0)
            }
        }

        impl QueryValue for $name {
            const KIND: ParamKind = ParamKind::Integer;
            fn as_integer(&self) -> Option<i128> {
                Some(i128::from(self.0))
            }
            fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
                request.append_query(name, &self.0.to_string());
            }
        }
    };
}

flag_filter! {
    /// Which kinds of fault operation GetFaultOperationList returns: flags sent as one
    /// integer (`PARTITION_DATA_LOSS | NODE_TRANSITION` is 9).
    OperationTypeFilter {
        /// `1`: data losses.
        PARTITION_DATA_LOSS = 1,
        /// `2`: quorum losses.
        PARTITION_QUORUM_LOSS = 2,
        /// `4`: partition restarts.
        PARTITION_RESTART = 4,
        /// `8`: node transitions.
        NODE_TRANSITION = 8,
    }
}

flag_filter! {
    /// Which states of fault operation GetFaultOperationList returns: flags sent as one
    /// integer (`COMPLETED | FAULTED` is 24).
    OperationStateFilter {
        /// `1`: running.
        RUNNING = 1,
        /// `2`: rolling back.
        ROLLING_BACK = 2,
        /// `8`: completed.
        COMPLETED = 8,
        /// `16`: faulted.
        FAULTED = 16,
        /// `32`: cancelled.
        CANCELLED = 32,
        /// `64`: force-cancelled.
        FORCE_CANCELLED = 64,
    }
}

/// How long a fault lasts, in whole seconds from 0 to 2147483647 (the gateway reads a
/// 32-bit integer): the `QuorumLossDuration` of StartQuorumLoss and the
/// `StopDurationInSeconds` of StartNodeTransition.
///
/// ```
/// use std::time::Duration;
/// use fabric_rest_models::FaultDuration;
///
/// assert_eq!(FaultDuration::seconds::<60>().as_secs(), 60);
/// assert_eq!(FaultDuration::try_from(Duration::from_millis(90_500))?.as_secs(), 90);
/// assert!(FaultDuration::from_secs(1 << 31).is_err());
/// # Ok::<(), fabric_rest_models::FaultDurationError>(())
/// ```
///
/// A constant out of range does not compile:
///
/// ```compile_fail
/// let _ = fabric_rest_models::FaultDuration::seconds::<2147483648>();
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FaultDuration(u32);

impl FaultDuration {
    /// The longest: 2147483647 seconds.
    pub const MAX: FaultDuration = FaultDuration(i32::MAX as u32);

    /// `N` seconds, checked at compile time.
    pub const fn seconds<const N: u32>() -> FaultDuration {
        const { assert!(N <= i32::MAX as u32, "a FaultDuration is at most 2147483647 seconds") };
        FaultDuration(N)
    }

    /// `seconds` seconds, checked at run time.
    pub fn from_secs(seconds: u64) -> Result<FaultDuration, FaultDurationError> {
        u32::try_from(seconds)
            .ok()
            .filter(|seconds| *seconds <= i32::MAX as u32)
            .map(FaultDuration)
            .ok_or(FaultDurationError { seconds })
    }

    /// The whole seconds sent.
    pub const fn as_secs(self) -> u32 {
        self.0
    }
}

/// Whole seconds; a fraction of a second is dropped.
impl TryFrom<Duration> for FaultDuration {
    type Error = FaultDurationError;

    fn try_from(duration: Duration) -> Result<FaultDuration, FaultDurationError> {
        FaultDuration::from_secs(duration.as_secs())
    }
}

impl From<FaultDuration> for Duration {
    fn from(duration: FaultDuration) -> Duration {
        Duration::from_secs(u64::from(duration.0))
    }
}

impl QueryValue for FaultDuration {
    const KIND: ParamKind = ParamKind::Integer;
    fn as_integer(&self) -> Option<i128> {
        Some(i128::from(self.0))
    }
    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.0.to_string());
    }
}

impl IntegerQueryValue for FaultDuration {}

/// A duration above 2147483647 seconds was offered as a [`FaultDuration`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FaultDurationError {
    seconds: u64,
}

impl fmt::Display for FaultDurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a fault lasts at most 2147483647 seconds; {} seconds is too long",
            self.seconds
        )
    }
}

impl std::error::Error for FaultDurationError {}
