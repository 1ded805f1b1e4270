//! The health of a service: queries and reports.

use crate::models::{ApplicationHealthPolicy, HealthInformation, HealthStateFilter, ServiceHealth};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The health of services.
///
/// Implemented for every [`Transport`].
pub trait ServiceHealthOperations: Transport {
    /// A service's health, with its partitions' states as the filters select
    /// (`GET /Services/{serviceId}/$/GetHealth`).
    #[fabric_endpoint(GET, "/Services/{serviceId}/$/GetHealth", api_version = "6.0")]
    async fn get_service_health(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("PartitionsHealthStateFilter", default = 0)] partitions_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ServiceHealth>;

    /// A service's health evaluated with `policy`
    /// (`POST /Services/{serviceId}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Services/{serviceId}/$/GetHealth",
        api_version = "6.0",
        operation = "GetServiceHealthUsingPolicy",
        idempotent
    )]
    async fn get_service_health_using_policy(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("PartitionsHealthStateFilter", default = 0)] partitions_filter: Option<HealthStateFilter>,
        #[body] policy: Option<&ApplicationHealthPolicy>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ServiceHealth>;

    /// Sends a health report about a service
    /// (`POST /Services/{serviceId}/$/ReportHealth`).
    #[fabric_endpoint(POST, "/Services/{serviceId}/$/ReportHealth", api_version = "6.0")]
    async fn report_service_health(
        &self,
        #[path(keep_escapes)] service_id: &str,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ServiceHealthOperations for T {}
