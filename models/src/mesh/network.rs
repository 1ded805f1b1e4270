//! Mesh networks.
#![allow(deprecated)]

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};

use super::ResourceStatus;

open_enum! {
    /// The kind of a network.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum NetworkKind {
        Local = "Local",
    }
}

wire_struct! {
    /// A network resource (MeshNetwork_CreateOrUpdate, MeshNetwork_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct NetworkResourceDescription {
        /// The network's name.
        "name" name: String,
        /// What the network is.
        "properties" properties: NetworkResourceProperties,
    }
}

impl NetworkResourceDescription {
    /// A network `name` local to the cluster, with addresses from `address_prefix`
    /// (`10.0.0.0/22`).
    pub fn local(name: impl Into<String>, address_prefix: impl Into<String>) -> NetworkResourceDescription {
        NetworkResourceDescription {
            name: name.into(),
            properties: NetworkResourceProperties::Local(LocalNetworkResourceProperties {
                network_address_prefix: Some(address_prefix.into()),
                ..LocalNetworkResourceProperties::default()
            }),
            unknown_fields: Default::default(),
        }
    }
}

kind_enum! {
    /// What a network is, by `kind`.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum NetworkResourceProperties by "kind" {
        Local(LocalNetworkResourceProperties) = "Local",
    }
}

wire_struct! {
    /// A network local to the cluster.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct LocalNetworkResourceProperties {
        /// A description for people.
        "description" description: Option<String>,
        /// Where the resource stands (read only).
        "status" status: Option<ResourceStatus>,
        /// Why, for people (read only).
        "statusDetails" status_details: Option<String>,
        /// The address range of the network.
        "networkAddressPrefix" network_address_prefix: Option<String>,
    }
}
