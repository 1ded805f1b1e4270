//! Health reports: the one a watchdog sends, and the event the cluster keeps of it.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use super::{HealthState, IsoDuration, Timestamp};

wire_struct! {
    /// A health report to send about an entity (ReportClusterHealth, ReportNodeHealth, ...).
    ///
    /// ```
    /// use fabric_rest_models::{HealthInformation, HealthState};
    ///
    /// let report = HealthInformation::new("Watchdog", "Disk", HealthState::Warning);
    /// assert_eq!(
    ///     serde_json::to_string(&report)?,
    ///     r#"{"SourceId":"Watchdog","Property":"Disk","HealthState":"Warning"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct HealthInformation {
        /// Who reports: a watchdog or system component name.
        "SourceId" source_id: String,
        /// What the report is about; with `source_id` it identifies the report.
        "Property" property: String,
        /// The reported state.
        "HealthState" health_state: HealthState,
        /// How long the report stays valid, as an ISO-8601 duration (`PT10M`); absent: forever.
        "TimeToLiveInMilliSeconds" time_to_live: Option<IsoDuration>,
        /// Free text shown with the report.
        "Description" description: Option<String>,
        /// Orders reports of one source and property; the gateway assigns one when absent.
        "SequenceNumber" sequence_number: Option<Int64>,
        /// Whether the report disappears when it expires, rather than turning into an error.
        "RemoveWhenExpired" remove_when_expired: Option<bool>,
        /// A code for automated processing of the report.
        "HealthReportId" health_report_id: Option<String>,
    }
}

impl HealthInformation {
    /// A report of `health_state` from `source_id` about `property`.
    pub fn new(source_id: impl Into<String>, property: impl Into<String>, health_state: HealthState) -> Self {
        HealthInformation {
            source_id: source_id.into(),
            property: property.into(),
            health_state,
            time_to_live: None,
            description: None,
            sequence_number: None,
            remove_when_expired: None,
            health_report_id: None,
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// A health report as stored by the cluster, with its history.
    pub struct HealthEvent {
        /// Who reported.
        "SourceId" source_id: Option<String>,
        /// What the report is about.
        "Property" property: Option<String>,
        /// The reported state.
        "HealthState" health_state: Option<HealthState>,
        /// How long the report stays valid (ISO-8601 duration).
        "TimeToLiveInMilliSeconds" time_to_live: Option<IsoDuration>,
        /// Free text.
        "Description" description: Option<String>,
        /// The report's sequence number.
        "SequenceNumber" sequence_number: Option<Int64>,
        /// Whether the report disappears when it expires.
        "RemoveWhenExpired" remove_when_expired: Option<bool>,
        /// A code for automated processing.
        "HealthReportId" health_report_id: Option<String>,
        /// Whether the report has expired.
        "IsExpired" is_expired: Option<bool>,
        /// When the source sent it (ISO-8601 UTC).
        "SourceUtcTimestamp" source_utc_timestamp: Option<Timestamp>,
        /// When the cluster last changed it.
        "LastModifiedUtcTimestamp" last_modified_utc_timestamp: Option<Timestamp>,
        /// When it last turned `Ok`.
        "LastOkTransitionAt" last_ok_transition_at: Option<Timestamp>,
        /// When it last turned `Warning`.
        "LastWarningTransitionAt" last_warning_transition_at: Option<Timestamp>,
        /// When it last turned `Error`.
        "LastErrorTransitionAt" last_error_transition_at: Option<Timestamp>,
    }
}
