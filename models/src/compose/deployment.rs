//! Compose deployments: creating one, its status, and the registry credentials its images
//! are pulled with.

use fabric_rest_runtime::{open_enum, wire_struct};

use crate::SecretString;

open_enum! {
    /// Where a Compose deployment stands.
    pub enum ComposeDeploymentStatus {
        Invalid = "Invalid",
        Provisioning = "Provisioning",
        Creating = "Creating",
        Ready = "Ready",
        Unprovisioning = "Unprovisioning",
        Deleting = "Deleting",
        Failed = "Failed",
        Upgrading = "Upgrading",
    }
}

wire_struct! {
    /// The account a deployment's container images are pulled with. The password is a
    /// [`SecretString`], never shown by `Debug`.
    pub struct RegistryCredential {
        /// The registry user name.
        "RegistryUserName" registry_user_name: Option<String>,
        /// The registry password, in clear or encrypted with the cluster's certificate.
        "RegistryPassword" registry_password: Option<SecretString>,
        /// Whether the password is encrypted.
        "PasswordEncrypted" password_encrypted: Option<bool>,
    }
}

impl RegistryCredential {
    /// `user_name` with a clear-text `password`.
    pub fn new(user_name: impl Into<String>, password: impl Into<SecretString>) -> RegistryCredential {
        RegistryCredential {
            registry_user_name: Some(user_name.into()),
            registry_password: Some(password.into()),
            password_encrypted: Some(false),
            unknown_fields: Default::default(),
        }
    }

    /// `user_name` with a password encrypted with the cluster's certificate
    /// (`Invoke-ServiceFabricEncryptText`).
    pub fn encrypted(user_name: impl Into<String>, encrypted_password: impl Into<SecretString>) -> RegistryCredential {
        RegistryCredential {
            password_encrypted: Some(true),
            ..RegistryCredential::new(user_name, encrypted_password)
        }
    }
}

wire_struct! {
    /// A Compose deployment to create (CreateComposeDeployment).
    pub struct CreateComposeDeploymentDescription {
        /// The deployment's name.
        "DeploymentName" deployment_name: String,
        /// The Docker Compose file, as text.
        "ComposeFileContent" compose_file_content: String,
        /// The account its images are pulled with.
        "RegistryCredential" registry_credential: Option<RegistryCredential>,
    }
}

impl CreateComposeDeploymentDescription {
    /// The deployment `deployment_name` of the Compose file `compose_file_content`.
    pub fn new(
        deployment_name: impl Into<String>,
        compose_file_content: impl Into<String>,
    ) -> CreateComposeDeploymentDescription {
        CreateComposeDeploymentDescription {
            deployment_name: deployment_name.into(),
            compose_file_content: compose_file_content.into(),
            registry_credential: None,
            unknown_fields: Default::default(),
        }
    }

    /// Sets the account the images are pulled with.
    pub fn with_registry_credential(mut self, credential: RegistryCredential) -> Self {
        self.registry_credential = Some(credential);
        self
    }
}

wire_struct! {
    /// A Compose deployment and where it stands (GetComposeDeploymentStatus).
    pub struct ComposeDeploymentStatusInfo {
        /// The deployment's name.
        "Name" name: Option<String>,
        /// The application it created (`fabric:/...`).
        "ApplicationName" application_name: Option<String>,
        /// Where it stands.
        "Status" status: Option<ComposeDeploymentStatus>,
        /// Why, for people.
        "StatusDetails" status_details: Option<String>,
    }
}
