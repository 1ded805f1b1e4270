//! Provisioning and unprovisioning application types: from a package in the image store or
//! from an `.sfpkg` at an external address.

use std::fmt;

use fabric_rest_runtime::{kind_enum, open_enum, wire_struct};
use serde::{Deserialize, Serialize};

open_enum! {
    /// What to do with an application package in the image store once it is provisioned.
    pub enum ApplicationPackageCleanupPolicy {
        Invalid = "Invalid",
        /// As the cluster setting `CleanupApplicationPackageOnProvisionSuccess` says.
        Default = "Default",
        /// The cluster removes it after a successful provision.
        Automatic = "Automatic",
        /// The user removes it.
        Manual = "Manual",
    }
}

/// An address from which the cluster downloads something, which may carry a secret: a
/// shared access signature in its query, or a user and password before its host.
///
/// It is sent as it is, but `Debug` and `Display` show only the scheme, host and path, with
/// `<redacted>` in place of the query and of any user information.
///
/// ```
/// use fabric_rest_models::DownloadUri;
///
/// let uri = DownloadUri::new("https://store.example/pkgs/App.sfpkg?sv=2020&sig=c2VjcmV0");
/// assert_eq!(uri.to_string(), "https://store.example/pkgs/App.sfpkg?<redacted>");
/// assert_eq!(format!("{uri:?}"), r#"DownloadUri("https://store.example/pkgs/App.sfpkg?<redacted>")"#);
/// assert!(uri.expose().ends_with("sig=c2VjcmV0"));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DownloadUri(String);

impl DownloadUri {
    /// The address `text`.
    pub fn new(text: impl Into<String>) -> DownloadUri {
        DownloadUri(text.into())
    }

    /// The address in full, secrets included, as it is sent.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The address with its user information, query and fragment replaced by `<redacted>`.
    fn redacted(&self) -> String {
        let text = self.0.as_str();
        let (scheme, rest) = match text.split_once("://") {
            Some((scheme, rest)) => (Some(scheme), rest),
            None => (None, text),
        };
        let (before_query, hidden_tail) = match rest.find(['?', '#']) {
            Some(at) => (&rest[..at], true),
            None => (rest, false),
        };
        let (authority, path) = before_query.split_at(before_query.find('/').unwrap_or(before_query.len()));
        let host = match authority.rsplit_once('@') {
            Some((_, host)) => format!("<redacted>@{host}"),
            None => authority.to_owned(),
        };
        let mut out = String::new();
        if let Some(scheme) = scheme {
            out.push_str(scheme);
            out.push_str("://");
        }
        out.push_str(&host);
        out.push_str(path);
        if hidden_tail {
            out.push_str("?<redacted>");
        }
        out
    }
}

impl fmt::Debug for DownloadUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("DownloadUri").field(&self.redacted()).finish()
    }
}

impl fmt::Display for DownloadUri {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

kind_enum! {
    /// Which application package to provision, by `Kind` (ProvisionApplicationType).
    ///
    /// Both kinds provision asynchronously by default (`Async: true`): the gateway answers
    /// 202 at once and the type's status moves from `Provisioning` to `Available` or
    /// `Failed`, which a caller follows with GetApplicationTypeInfoListByName. A synchronous
    /// provision (`with_async(false)`) holds the request open until it is done, which for a
    /// large package can outlast the server timeout.
    ///
    /// ```
    /// use fabric_rest_models::ProvisionApplicationTypeDescriptionBase as Provision;
    ///
    /// let provision = Provision::image_store_path("MyAppPkg");
    /// assert_eq!(
    ///     serde_json::to_string(&provision)?,
    ///     r#"{"Kind":"ImageStorePath","Async":true,"ApplicationTypeBuildPath":"MyAppPkg"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub enum ProvisionApplicationTypeDescriptionBase by "Kind" {
        /// A package uploaded to the cluster's image store.
        ImageStorePath(ProvisionApplicationTypeDescription) = "ImageStorePath",
        /// An `.sfpkg` the cluster downloads.
        ExternalStore(ExternalStoreProvisionApplicationTypeDescription) = "ExternalStore",
    }
}

impl ProvisionApplicationTypeDescriptionBase {
    /// Provision the package at `build_path` in the image store (the folder the package
    /// was uploaded to, relative to the image store root), asynchronously.
    pub fn image_store_path(build_path: impl Into<String>) -> Self {
        Self::ImageStorePath(ProvisionApplicationTypeDescription {
            r#async: true,
            application_type_build_path: build_path.into(),
            application_package_cleanup_policy: None,
            unknown_fields: Default::default(),
        })
    }

    /// Provision the `.sfpkg` at `download_uri`, which must hold the application type
    /// `type_name` in `type_version`, asynchronously.
    pub fn external_store(
        download_uri: DownloadUri,
        type_name: impl Into<String>,
        type_version: impl Into<String>,
    ) -> Self {
        Self::ExternalStore(ExternalStoreProvisionApplicationTypeDescription {
            r#async: true,
            application_package_download_uri: download_uri,
            application_type_name: type_name.into(),
            application_type_version: type_version.into(),
            unknown_fields: Default::default(),
        })
    }

    /// Whether the gateway answers at once (`true`, the default here) or once the
    /// provision is done.
    pub fn with_async(mut self, value: bool) -> Self {
        match &mut self {
            Self::ImageStorePath(description) => description.r#async = value,
            Self::ExternalStore(description) => description.r#async = value,
            Self::Unknown(object) => {
                object["Async"] = value.into();
            }
        }
        self
    }

    /// Image store packages only: what to do with the package once provisioned.
    pub fn with_cleanup_policy(mut self, policy: ApplicationPackageCleanupPolicy) -> Self {
        if let Self::ImageStorePath(description) = &mut self {
            description.application_package_cleanup_policy = Some(policy);
        }
        self
    }
}

wire_struct! {
    /// The fields of provisioning from the image store.
    pub struct ProvisionApplicationTypeDescription {
        /// Whether the gateway answers before the provision is done.
        "Async" r#async: bool,
        /// The package's folder, relative to the image store root.
        "ApplicationTypeBuildPath" application_type_build_path: String,
        /// What to do with the package afterwards.
        "ApplicationPackageCleanupPolicy" application_package_cleanup_policy: Option<ApplicationPackageCleanupPolicy>,
    }
}

wire_struct! {
    /// The fields of provisioning from an external store.
    pub struct ExternalStoreProvisionApplicationTypeDescription {
        /// Whether the gateway answers before the provision is done.
        "Async" r#async: bool,
        /// Where the cluster downloads the `.sfpkg` (a GET must fetch it); shown redacted.
        "ApplicationPackageDownloadUri" application_package_download_uri: DownloadUri,
        /// The application type the package holds.
        "ApplicationTypeName" application_type_name: String,
        /// Its version.
        "ApplicationTypeVersion" application_type_version: String,
    }
}

wire_struct! {
    /// Which version of an application type to unprovision (UnprovisionApplicationType).
    ///
    /// ```
    /// use fabric_rest_models::UnprovisionApplicationTypeDescriptionInfo;
    ///
    /// let unprovision = UnprovisionApplicationTypeDescriptionInfo::new("1.0.0").with_async(true);
    /// assert_eq!(
    ///     serde_json::to_string(&unprovision)?,
    ///     r#"{"ApplicationTypeVersion":"1.0.0","Async":true}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct UnprovisionApplicationTypeDescriptionInfo {
        /// The version to unprovision.
        "ApplicationTypeVersion" application_type_version: String,
        /// Whether the gateway answers before the unprovision is done (the gateway's
        /// default: no).
        "Async" r#async: Option<bool>,
    }
}

impl UnprovisionApplicationTypeDescriptionInfo {
    /// Unprovision `version`, the gateway's default for `Async`.
    pub fn new(version: impl Into<String>) -> Self {
        UnprovisionApplicationTypeDescriptionInfo {
            application_type_version: version.into(),
            r#async: None,
            unknown_fields: Default::default(),
        }
    }

    /// Whether the gateway answers before the unprovision is done.
    pub fn with_async(mut self, value: bool) -> Self {
        self.r#async = Some(value);
        self
    }
}
