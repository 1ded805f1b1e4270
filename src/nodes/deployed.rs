//! What is deployed on a node: applications, service packages, code packages, service
//! types, replicas and containers.
//!
//! Application ids (`MyApp~Frontend`), service type and package names, partition and replica
//! ids are sent with [`ValueEncoding::KeepEscapes`](crate::ValueEncoding::KeepEscapes), as the
//! spec marks them `x-ms-skip-url-encoding`.

use crate::models::{
    ApplicationHealthPolicy, ContainerApiRequestBody, ContainerApiResponse, ContainerLogs,
    DeployServicePackageToNodeDescription, DeployedApplicationHealth, DeployedApplicationInfo, DeployedCodePackageInfo,
    DeployedServicePackageHealth, DeployedServicePackageInfo, DeployedServiceReplicaDetailInfo,
    DeployedServiceReplicaInfo, DeployedServiceTypeInfo, HealthInformation, HealthStateFilter, Paged,
    RestartDeployedCodePackageDescription,
};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Applications and their parts as deployed on one node.
///
/// Implemented for every [`Transport`].
pub trait DeployedOnNode: Transport {
    /// One page of the applications deployed on a node
    /// (`GET /Nodes/{nodeName}/$/GetApplications`).
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetApplications", api_version = "6.1")]
    async fn get_deployed_application_info_list(
        &self,
        #[path] node_name: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[query("IncludeHealthState", default = false)] include_health_state: Option<bool>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
    ) -> Result<Paged<DeployedApplicationInfo>>;

    /// Every application deployed on a node, page after page.
    fn deployed_applications<'a>(
        &'a self,
        node_name: &'a str,
        include_health_state: Option<bool>,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<DeployedApplicationInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            self.get_deployed_application_info_list(
                node_name,
                timeout,
                include_health_state,
                token.as_deref(),
                max_results,
            )
            .await
        })
    }

    /// One application on a node, or `None` when it is not deployed there
    /// (`GET /Nodes/{nodeName}/$/GetApplications/{applicationId}`).
    #[fabric_endpoint(GET, "/Nodes/{nodeName}/$/GetApplications/{applicationId}", api_version = "6.1")]
    async fn get_deployed_application_info(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[query("IncludeHealthState", default = false)] include_health_state: Option<bool>,
    ) -> Result<Option<DeployedApplicationInfo>>;

    /// The health of an application on a node
    /// (`GET /Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetHealth`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetHealth",
        api_version = "6.0"
    )]
    async fn get_deployed_application_health(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("DeployedServicePackagesHealthStateFilter", default = 0)] packages_filter: Option<HealthStateFilter>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<DeployedApplicationHealth>;

    /// The health of an application on a node, evaluated with `policy`
    /// (`POST /Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetHealth",
        api_version = "6.0",
        operation = "GetDeployedApplicationHealthUsingPolicy",
        idempotent
    )]
    async fn get_deployed_application_health_using_policy(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query("DeployedServicePackagesHealthStateFilter", default = 0)] packages_filter: Option<HealthStateFilter>,
        #[body] policy: Option<&ApplicationHealthPolicy>,
        #[query("ExcludeHealthStatistics", default = false)] exclude_health_statistics: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<DeployedApplicationHealth>;

    /// Sends a health report about an application on a node
    /// (`POST /Nodes/{nodeName}/$/GetApplications/{applicationId}/$/ReportHealth`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/ReportHealth",
        api_version = "6.0"
    )]
    async fn report_deployed_application_health(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The service types an application registered on a node
    /// (`GET /Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServiceTypes`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServiceTypes",
        api_version = "6.0"
    )]
    async fn get_deployed_service_type_info_list(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("ServiceManifestName")] service_manifest_name: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<DeployedServiceTypeInfo>>;

    /// One service type on a node, or `None` when it is not registered there
    /// (`GET .../$/GetServiceTypes/{serviceTypeName}`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServiceTypes/{serviceTypeName}",
        api_version = "6.0"
    )]
    async fn get_deployed_service_type_info_by_name(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[path(keep_escapes)] service_type_name: &str,
        #[query("ServiceManifestName")] service_manifest_name: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<Vec<DeployedServiceTypeInfo>>>;

    /// The replicas and instances of an application on a node, or `None` when there are
    /// none (`GET .../$/GetReplicas`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetReplicas",
        api_version = "6.0"
    )]
    async fn get_deployed_service_replica_info_list(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("PartitionId")] partition_id: Option<&str>,
        #[query("ServiceManifestName")] service_manifest_name: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<Vec<DeployedServiceReplicaInfo>>>;

    /// The details of one replica on a node
    /// (`GET /Nodes/{nodeName}/$/GetPartitions/{partitionId}/$/GetReplicas/{replicaId}/$/GetDetail`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetPartitions/{partitionId}/$/GetReplicas/{replicaId}/$/GetDetail",
        api_version = "6.0"
    )]
    async fn get_deployed_service_replica_detail_info(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<DeployedServiceReplicaDetailInfo>;

    /// The details of the replica of a partition on a node
    /// (`GET /Nodes/{nodeName}/$/GetPartitions/{partitionId}/$/GetReplicas`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetPartitions/{partitionId}/$/GetReplicas",
        api_version = "6.0"
    )]
    async fn get_deployed_service_replica_detail_info_by_partition_id(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<DeployedServiceReplicaDetailInfo>;

    /// Restarts a replica on a node (`POST .../$/GetReplicas/{replicaId}/$/Restart`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetPartitions/{partitionId}/$/GetReplicas/{replicaId}/$/Restart",
        api_version = "6.0"
    )]
    async fn restart_replica(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Removes a replica from a node; with `force_remove`, without closing it gracefully
    /// (`POST .../$/GetReplicas/{replicaId}/$/Delete`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetPartitions/{partitionId}/$/GetReplicas/{replicaId}/$/Delete",
        api_version = "6.0"
    )]
    async fn remove_replica(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] partition_id: &str,
        #[path(keep_escapes)] replica_id: &str,
        #[query("ForceRemove")] force_remove: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The service packages of an application on a node (`GET .../$/GetServicePackages`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServicePackages",
        api_version = "6.0"
    )]
    async fn get_deployed_service_package_info_list(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<DeployedServicePackageInfo>>;

    /// One service package on a node, or `None` when it is not deployed there
    /// (`GET .../$/GetServicePackages/{servicePackageName}`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServicePackages/{servicePackageName}",
        api_version = "6.0"
    )]
    async fn get_deployed_service_package_info_list_by_name(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[path(keep_escapes)] service_package_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Option<Vec<DeployedServicePackageInfo>>>;

    /// The health of a service package on a node
    /// (`GET .../$/GetServicePackages/{servicePackageName}/$/GetHealth`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServicePackages/{servicePackageName}/$/GetHealth",
        api_version = "6.0"
    )]
    async fn get_deployed_service_package_health(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[path(keep_escapes)] service_package_name: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<DeployedServicePackageHealth>;

    /// The health of a service package on a node, evaluated with `policy`
    /// (`POST .../$/GetServicePackages/{servicePackageName}/$/GetHealth`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServicePackages/{servicePackageName}/$/GetHealth",
        api_version = "6.0",
        operation = "GetDeployedServicePackageHealthUsingPolicy",
        idempotent
    )]
    async fn get_deployed_service_package_health_using_policy(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[path(keep_escapes)] service_package_name: &str,
        #[query("EventsHealthStateFilter", default = 0)] events_filter: Option<HealthStateFilter>,
        #[body] policy: Option<&ApplicationHealthPolicy>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<DeployedServicePackageHealth>;

    /// Sends a health report about a service package on a node
    /// (`POST .../$/GetServicePackages/{servicePackageName}/$/ReportHealth`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetServicePackages/{servicePackageName}/$/ReportHealth",
        api_version = "6.0"
    )]
    async fn report_deployed_service_package_health(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[path(keep_escapes)] service_package_name: &str,
        #[body] report: &HealthInformation,
        #[query("Immediate", default = false)] immediate: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Downloads a service package to a node ahead of time
    /// (`POST /Nodes/{nodeName}/$/DeployServicePackage`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/DeployServicePackage",
        api_version = "6.0",
        operation = "DeployServicePackageToNode"
    )]
    async fn deploy_service_package_to_node(
        &self,
        #[path] node_name: &str,
        #[body] description: &DeployServicePackageToNodeDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The code packages of an application on a node (`GET .../$/GetCodePackages`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetCodePackages",
        api_version = "6.0"
    )]
    async fn get_deployed_code_package_info_list(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("ServiceManifestName")] service_manifest_name: Option<&str>,
        #[query("CodePackageName")] code_package_name: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<Vec<DeployedCodePackageInfo>>;

    /// Restarts a code package on a node (`POST .../$/GetCodePackages/$/Restart`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetCodePackages/$/Restart",
        api_version = "6.0"
    )]
    async fn restart_deployed_code_package(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[body] description: &RestartDeployedCodePackageDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// The logs of a container on a node; `tail` is a number of lines, or `all`
    /// (`GET .../$/GetCodePackages/$/ContainerLogs`).
    #[fabric_endpoint(
        GET,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetCodePackages/$/ContainerLogs",
        api_version = "6.2",
        operation = "GetContainerLogsDeployedOnNode"
    )]
    async fn get_container_logs_deployed_on_node(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("ServiceManifestName")] service_manifest_name: &str,
        #[query("CodePackageName")] code_package_name: &str,
        #[query("Tail")] tail: Option<&str>,
        #[query("Previous", default = false)] previous: Option<bool>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ContainerLogs>;

    /// Calls the Docker API of a container on a node
    /// (`POST .../$/GetCodePackages/$/ContainerApi`).
    #[fabric_endpoint(
        POST,
        "/Nodes/{nodeName}/$/GetApplications/{applicationId}/$/GetCodePackages/$/ContainerApi",
        api_version = "6.2"
    )]
    async fn invoke_container_api(
        &self,
        #[path] node_name: &str,
        #[path(keep_escapes)] application_id: &str,
        #[query("ServiceManifestName")] service_manifest_name: &str,
        #[query("CodePackageName")] code_package_name: &str,
        #[query("CodePackageInstanceId")] code_package_instance_id: &str,
        #[query] timeout: Option<ServerTimeout>,
        #[body] request: &ContainerApiRequestBody,
    ) -> Result<ContainerApiResponse>;
}

impl<T: Transport> DeployedOnNode for T {}
