//! Commands and queries for the infrastructure service of a cluster on Azure.

use crate::models::InfrastructureServiceResponse;
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The infrastructure service: commands that change the infrastructure, and queries.
///
/// Implemented for every [`Transport`].
pub trait Infrastructure: Transport {
    /// Sends `command` to the infrastructure service `service_id` (or the only one)
    /// (`POST /$/InvokeInfrastructureCommand`).
    #[fabric_endpoint(POST, "/$/InvokeInfrastructureCommand", api_version = "6.0")]
    async fn invoke_infrastructure_command(
        &self,
        #[query("Command")] command: &str,
        #[query("ServiceId")] service_id: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<InfrastructureServiceResponse>;

    /// Sends the read-only `command` to the infrastructure service
    /// (`GET /$/InvokeInfrastructureQuery`).
    #[fabric_endpoint(GET, "/$/InvokeInfrastructureQuery", api_version = "6.0")]
    async fn invoke_infrastructure_query(
        &self,
        #[query("Command")] command: &str,
        #[query("ServiceId")] service_id: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<InfrastructureServiceResponse>;
}

impl<T: Transport> Infrastructure for T {}
