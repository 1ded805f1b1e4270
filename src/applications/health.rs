//! The health of an application: queries and reports.

use crate::models::{ApplicationHealth, ApplicationHealthPolicy, HealthInformation, HealthStateFilter};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The health of applications.
///
/// Implemented for every [`Transport`].
pub trait ApplicationHealthOperations: Transport {
    /// An application's health, with its services' and deployments' states as the filters
    /// select (`GET /Applications/{applicationId}/$/GetHealth`).
    #[fabric_endpoint(GET, "/Applications/{applicationId}/$/GetHealth", api_version = "6.0")]
    async fn get_application_health(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("DeployedApplicationsHealthStateFilter", default = 0)] deployed_applications_filter: Option<
            HealthStateFilter,
        >,
        #[query("ServicesHealthStateFilter", default = 0)] services_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ApplicationHealth>;

    /// An application's health evaluated with `policy` instead of its manifest's
    /// (`POST /Applications/{applicationId}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Applications/{applicationId}/$/GetHealth",
        api_version = "6.0",
        operation = "GetApplicationHealthUsingPolicy",
        idempotent
    )]
    async fn get_application_health_using_policy(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("DeployedApplicationsHealthStateFilter", default = 0)] deployed_applications_filter: Option<
            HealthStateFilter,
        >,
        #[query("ServicesHealthStateFilter", default = 0)] services_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[body] policy: Option<&ApplicationHealthPolicy>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ApplicationHealth>;

    /// Sends a health report about an application; with `immediate`, the gateway sends it
    /// on at once instead of batching it
    /// (`POST /Applications/{applicationId}/$/ReportHealth`).
    #[fabric_endpoint(POST, "/Applications/{applicationId}/$/ReportHealth", api_version = "6.0")]
    async fn report_application_health(
        &self,
        #[path(keep_escapes)] application_id: &str,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ApplicationHealthOperations for T {}
