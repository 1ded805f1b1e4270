//! Mesh gateways: how traffic from one network reaches services on another.
//!
//! The runtime no longer has `/Resources/Gateways`: a current cluster refuses these
//! requests. The models stay for compatibility with older clusters.
#![allow(deprecated)]

use fabric_rest_runtime::{open_enum, wire_struct};

use super::{NetworkRef, ResourceStatus};

wire_struct! {
    /// A gateway resource (MeshGateway_CreateOrUpdate, MeshGateway_Get). Removed from the
    /// Service Fabric runtime.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct GatewayResourceDescription {
        /// The gateway's name.
        "name" name: String,
        /// What the gateway is.
        "properties" properties: GatewayResourceProperties,
    }
}

impl GatewayResourceDescription {
    /// A gateway `name` from the network `source` (usually `Open`, the internet) to
    /// `destination`, with no routes yet.
    pub fn new(name: impl Into<String>, source: NetworkRef, destination: NetworkRef) -> GatewayResourceDescription {
        GatewayResourceDescription {
            name: name.into(),
            properties: GatewayResourceProperties {
                description: None,
                source_network: source,
                destination_network: destination,
                tcp: None,
                http: None,
                status: None,
                status_details: None,
                ip_address: None,
                unknown_fields: Default::default(),
            },
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// What a gateway is.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct GatewayResourceProperties {
        /// A description for people.
        "description" description: Option<String>,
        /// The network traffic comes from.
        "sourceNetwork" source_network: NetworkRef,
        /// The network traffic goes to.
        "destinationNetwork" destination_network: NetworkRef,
        /// TCP routes.
        "tcp" tcp: Option<Vec<TcpConfig>>,
        /// HTTP routes.
        "http" http: Option<Vec<HttpConfig>>,
        /// Where the resource stands (read only).
        "status" status: Option<ResourceStatus>,
        /// Why, for people (read only).
        "statusDetails" status_details: Option<String>,
        /// The gateway's address (read only).
        "ipAddress" ip_address: Option<String>,
    }
}

wire_struct! {
    /// A TCP port of a gateway and the endpoint it forwards to.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct TcpConfig {
        /// The route's name.
        "name" name: String,
        /// The port the gateway listens on.
        "port" port: i32,
        /// Where traffic goes.
        "destination" destination: GatewayDestination,
    }
}

wire_struct! {
    /// An HTTP port of a gateway and its routes by host.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct HttpConfig {
        /// The route's name.
        "name" name: String,
        /// The port the gateway listens on.
        "port" port: i32,
        /// The routes, by host name.
        "hosts" hosts: Vec<HttpHostConfig>,
    }
}

wire_struct! {
    /// The HTTP routes of one host name.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct HttpHostConfig {
        /// The host name.
        "name" name: String,
        /// Its routes, tried in order.
        "routes" routes: Vec<HttpRouteConfig>,
    }
}

wire_struct! {
    /// One HTTP route: which requests, and where they go.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct HttpRouteConfig {
        /// The route's name.
        "name" name: String,
        /// Which requests it takes.
        "match" match_rule: HttpRouteMatchRule,
        /// Where they go.
        "destination" destination: GatewayDestination,
    }
}

wire_struct! {
    /// Which requests an HTTP route takes.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct HttpRouteMatchRule {
        /// The path they have.
        "path" path: HttpRouteMatchPath,
        /// The headers they have.
        "headers" headers: Option<Vec<HttpRouteMatchHeader>>,
    }
}

open_enum! {
    /// How a request's path is matched.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum PathMatchType {
        Prefix = "prefix",
    }
}

wire_struct! {
    /// The path an HTTP route takes, and what it is rewritten to.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct HttpRouteMatchPath {
        /// The path.
        "value" value: String,
        /// What the matched part is replaced with.
        "rewrite" rewrite: Option<String>,
        /// How it is matched.
        "type" match_type: PathMatchType,
    }
}

open_enum! {
    /// How a request header is matched.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum HeaderMatchType {
        Exact = "exact",
    }
}

wire_struct! {
    /// A header an HTTP route requires.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct HttpRouteMatchHeader {
        /// The header's name.
        "name" name: String,
        /// Its value.
        "value" value: Option<String>,
        /// How it is matched.
        "type" match_type: Option<HeaderMatchType>,
    }
}

wire_struct! {
    /// The endpoint of a Mesh service that gateway traffic goes to.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct GatewayDestination {
        /// The application resource's name.
        "applicationName" application_name: String,
        /// The service resource's name.
        "serviceName" service_name: String,
        /// The endpoint's name.
        "endpointName" endpoint_name: String,
    }
}
