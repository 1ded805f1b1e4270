//! Mesh volumes backed by Azure Files. The account key is a [`SecretString`], never shown by
//! `Debug`.
#![allow(deprecated)]

use fabric_rest_runtime::{open_enum, wire_struct};

use super::ResourceStatus;
use crate::SecretString;

open_enum! {
    /// What provides a volume.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub enum VolumeProvider {
        /// An Azure Files share.
        SfAzureFile = "SFAzureFile",
    }
}

wire_struct! {
    /// A volume resource (MeshVolume_CreateOrUpdate, MeshVolume_Get).
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct VolumeResourceDescription {
        /// The volume's name.
        "name" name: String,
        /// What the volume is.
        "properties" properties: VolumeResourceProperties,
    }
}

impl VolumeResourceDescription {
    /// A volume `name` on the Azure Files share `parameters` describes.
    pub fn azure_file(
        name: impl Into<String>,
        parameters: VolumeProviderParametersAzureFile,
    ) -> VolumeResourceDescription {
        VolumeResourceDescription {
            name: name.into(),
            properties: VolumeResourceProperties {
                description: None,
                status: None,
                status_details: None,
                provider: VolumeProvider::SfAzureFile,
                azure_file_parameters: Some(parameters),
                unknown_fields: Default::default(),
            },
            unknown_fields: Default::default(),
        }
    }
}

wire_struct! {
    /// What a volume is.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct VolumeResourceProperties {
        /// A description for people.
        "description" description: Option<String>,
        /// Where the resource stands (read only).
        "status" status: Option<ResourceStatus>,
        /// Why, for people (read only).
        "statusDetails" status_details: Option<String>,
        /// What provides it.
        "provider" provider: VolumeProvider,
        /// The Azure Files share.
        "azureFileParameters" azure_file_parameters: Option<VolumeProviderParametersAzureFile>,
    }
}

wire_struct! {
    /// An Azure Files share.
    #[deprecated(note = "Service Fabric Mesh is retired; kept for compatibility only")]
    pub struct VolumeProviderParametersAzureFile {
        /// The storage account.
        "accountName" account_name: String,
        /// The storage account's key (the gateway answers `null`).
        "accountKey" account_key: Option<SecretString>,
        /// The share.
        "shareName" share_name: String,
    }
}

impl VolumeProviderParametersAzureFile {
    /// The share `share_name` of `account_name`, opened with `account_key`.
    pub fn new(
        account_name: impl Into<String>,
        account_key: impl Into<SecretString>,
        share_name: impl Into<String>,
    ) -> VolumeProviderParametersAzureFile {
        VolumeProviderParametersAzureFile {
            account_name: account_name.into(),
            account_key: Some(account_key.into()),
            share_name: share_name.into(),
            unknown_fields: Default::default(),
        }
    }
}
