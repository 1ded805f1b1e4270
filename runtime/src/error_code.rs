//! [`FabricErrorCode`], the `Code` of a gateway error body.
//!
//! The gateway answers a failed call with `{"Error":{"Code":"...","Message":"..."}}`. The spec
//! lists the codes it knows, but servers send others too, so the enum is open: a code this
//! crate does not know is kept verbatim in [`FabricErrorCode::Other`].

use std::convert::Infallible;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// Declares the enum and the tables that tie each variant to its wire string and status.
macro_rules! error_codes {
    ($($(#[doc = $doc:literal])* $code:ident => $status:literal,)*) => {
        /// A Service Fabric error code, named exactly as it appears on the wire.
        ///
        /// Compare with `==` against a variant; an [`Other`](FabricErrorCode::Other) holding a
        /// known code's text equals that variant.
        ///
        /// ```
        /// use fabric_rest_runtime::FabricErrorCode;
        ///
        /// let code = FabricErrorCode::from("FABRIC_E_TIMEOUT");
        /// assert_eq!(code, FabricErrorCode::FABRIC_E_TIMEOUT);
        /// assert_eq!(code.http_status(), 504);
        ///
        /// let new = FabricErrorCode::from("FABRIC_E_SOMETHING_NEW");
        /// assert_eq!(new.as_str(), "FABRIC_E_SOMETHING_NEW");
        /// assert!(!new.is_known());
        /// ```
        #[derive(Clone, Debug)]
        #[non_exhaustive]
        #[allow(non_camel_case_types)]
        pub enum FabricErrorCode {
            $($(#[doc = $doc])* $code,)*
            /// A code this crate does not list, kept exactly as the server sent it.
            Other(String),
        }

        impl FabricErrorCode {
            /// The variant spelled `code`, if there is one.
            fn lookup(code: &str) -> Option<FabricErrorCode> {
                match code {
                    $(stringify!($code) => Some(FabricErrorCode::$code),)*
                    _ => None,
                }
            }

            /// The code as the gateway writes it.
            pub fn as_str(&self) -> &str {
                match self {
                    $(FabricErrorCode::$code => stringify!($code),)*
                    FabricErrorCode::Other(text) => text,
                }
            }

            fn known_status(&self) -> Option<u16> {
                match self {
                    $(FabricErrorCode::$code => Some($status),)*
                    FabricErrorCode::Other(_) => None,
                }
            }
        }
    };
}

impl FabricErrorCode {
    /// Whether the code is one this crate lists, however it was constructed.
    pub fn is_known(&self) -> bool {
        !matches!(*self.canonical(), FabricErrorCode::Other(_))
    }

    /// Whether the error is temporary and the same call may succeed later: the codes the
    /// gateway answers with `503 Service Unavailable`.
    pub fn is_transient(&self) -> bool {
        use FabricErrorCode::*;
        matches!(
            *self.canonical(),
            FABRIC_E_NO_WRITE_QUORUM
                | FABRIC_E_NOT_PRIMARY
                | FABRIC_E_NOT_READY
                | FABRIC_E_OBJECT_CLOSED
                | FABRIC_E_SERVICE_OFFLINE
                | E_ABORT
                | FABRIC_E_RECONFIGURATION_PENDING
                | FABRIC_E_REPLICATION_QUEUE_FULL
                | FABRIC_E_SERVICE_TOO_BUSY
        )
    }

    /// The HTTP status the gateway answers with for this code.
    ///
    /// Unknown codes follow the gateway's naming rules: `*_NOT_FOUND` and `*_DOES_NOT_EXIST`
    /// give 404; `*_ALREADY_EXISTS`, `*_IN_PROGRESS` and `*_IN_USE` give 409; anything else 500.
    pub fn http_status(&self) -> u16 {
        if let Some(status) = self.canonical().known_status() {
            return status;
        }
        let code = self.as_str();
        if code.ends_with("_NOT_FOUND") || code.ends_with("_DOES_NOT_EXIST") {
            404
        } else if ["_ALREADY_EXISTS", "_IN_PROGRESS", "_IN_USE"]
            .iter()
            .any(|suffix| code.ends_with(suffix))
        {
            409
        } else {
            500
        }
    }

    /// The listed variant for an `Other` that spells a known code, so that every query
    /// answers the same however the value was built.
    fn canonical(&self) -> std::borrow::Cow<'_, FabricErrorCode> {
        use std::borrow::Cow;
        match self {
            FabricErrorCode::Other(text) => match FabricErrorCode::lookup(text) {
                Some(known) => Cow::Owned(known),
                None => Cow::Borrowed(self),
            },
            known => Cow::Borrowed(known),
        }
    }
}

impl From<&str> for FabricErrorCode {
    fn from(code: &str) -> FabricErrorCode {
        FabricErrorCode::lookup(code).unwrap_or_else(|| FabricErrorCode::Other(code.to_owned()))
    }
}

impl From<String> for FabricErrorCode {
    fn from(code: String) -> FabricErrorCode {
        FabricErrorCode::lookup(&code).unwrap_or(FabricErrorCode::Other(code))
    }
}

impl FromStr for FabricErrorCode {
    type Err = Infallible;

    fn from_str(code: &str) -> Result<FabricErrorCode, Infallible> {
        Ok(FabricErrorCode::from(code))
    }
}

impl fmt::Display for FabricErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq for FabricErrorCode {
    fn eq(&self, other: &FabricErrorCode) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for FabricErrorCode {}

impl Hash for FabricErrorCode {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl serde::Serialize for FabricErrorCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for FabricErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(FabricErrorCode::from)
    }
}

// BEGIN GENERATED by scripts/gen_error_codes.py; do not edit by hand.
error_codes! {
    /// The partition key does not fit the service's partitioning scheme.
    FABRIC_E_INVALID_PARTITION_KEY => 400,
    /// The image builder rejected an application or cluster package.
    FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR => 400,
    /// An address (endpoint, URI or IP) in the request is not valid.
    FABRIC_E_INVALID_ADDRESS => 400,
    /// The application has no upgrade in progress to act on.
    FABRIC_E_APPLICATION_NOT_UPGRADING => 400,
    /// The application upgrade description failed validation.
    FABRIC_E_APPLICATION_UPGRADE_VALIDATION_ERROR => 400,
    /// The cluster has no upgrade in progress to act on.
    FABRIC_E_FABRIC_NOT_UPGRADING => 400,
    /// The cluster upgrade description failed validation.
    FABRIC_E_FABRIC_UPGRADE_VALIDATION_ERROR => 400,
    /// A configuration value in the request is not valid.
    FABRIC_E_INVALID_CONFIGURATION => 400,
    /// A Service Fabric name is not a valid `fabric:/` URI.
    FABRIC_E_INVALID_NAME_URI => 400,
    /// A path in the request is longer than allowed.
    FABRIC_E_PATH_TOO_LONG => 400,
    /// A key in the request is larger than allowed.
    FABRIC_E_KEY_TOO_LARGE => 400,
    /// Service affinity cannot be chained across services.
    FABRIC_E_SERVICE_AFFINITY_CHAIN_NOT_SUPPORTED => 400,
    /// The atomic group named in the request is not valid.
    FABRIC_E_INVALID_ATOMIC_GROUP => 400,
    /// A value that must not be empty was empty.
    FABRIC_E_VALUE_EMPTY => 400,
    /// The node does not exist.
    FABRIC_E_NODE_NOT_FOUND => 404,
    /// The application type is not provisioned.
    FABRIC_E_APPLICATION_TYPE_NOT_FOUND => 404,
    /// The application does not exist.
    FABRIC_E_APPLICATION_NOT_FOUND => 404,
    /// The service type is not registered.
    FABRIC_E_SERVICE_TYPE_NOT_FOUND => 404,
    /// The service does not exist.
    FABRIC_E_SERVICE_DOES_NOT_EXIST => 404,
    /// No service template exists for the service type.
    FABRIC_E_SERVICE_TYPE_TEMPLATE_NOT_FOUND => 404,
    /// The configuration section does not exist.
    FABRIC_E_CONFIGURATION_SECTION_NOT_FOUND => 404,
    /// The partition does not exist.
    FABRIC_E_PARTITION_NOT_FOUND => 404,
    /// The replica does not exist.
    FABRIC_E_REPLICA_DOES_NOT_EXIST => 404,
    /// The service group does not exist.
    FABRIC_E_SERVICE_GROUP_DOES_NOT_EXIST => 404,
    /// The configuration parameter does not exist.
    FABRIC_E_CONFIGURATION_PARAMETER_NOT_FOUND => 404,
    /// The directory does not exist.
    FABRIC_E_DIRECTORY_NOT_FOUND => 404,
    /// The Service Fabric version is not provisioned.
    FABRIC_E_FABRIC_VERSION_NOT_FOUND => 404,
    /// The file does not exist.
    FABRIC_E_FILE_NOT_FOUND => 404,
    /// The Service Fabric name does not exist.
    FABRIC_E_NAME_DOES_NOT_EXIST => 404,
    /// The property does not exist under the name.
    FABRIC_E_PROPERTY_DOES_NOT_EXIST => 404,
    /// There are no more results to enumerate.
    FABRIC_E_ENUMERATION_COMPLETED => 404,
    /// The service manifest does not exist.
    FABRIC_E_SERVICE_MANIFEST_NOT_FOUND => 404,
    /// The key does not exist.
    FABRIC_E_KEY_NOT_FOUND => 404,
    /// The health store has no entity of that name.
    FABRIC_E_HEALTH_ENTITY_NOT_FOUND => 404,
    /// The application type is already provisioned.
    FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS => 409,
    /// The application already exists.
    FABRIC_E_APPLICATION_ALREADY_EXISTS => 409,
    /// The application already runs the target version.
    FABRIC_E_APPLICATION_ALREADY_IN_TARGET_VERSION => 409,
    /// The application type is still being provisioned.
    FABRIC_E_APPLICATION_TYPE_PROVISION_IN_PROGRESS => 409,
    /// An upgrade of the application is already running.
    FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS => 409,
    /// The service already exists.
    FABRIC_E_SERVICE_ALREADY_EXISTS => 409,
    /// The service group already exists.
    FABRIC_E_SERVICE_GROUP_ALREADY_EXISTS => 409,
    /// The application type is still used by an application.
    FABRIC_E_APPLICATION_TYPE_IN_USE => 409,
    /// The cluster already runs the target version.
    FABRIC_E_FABRIC_ALREADY_IN_TARGET_VERSION => 409,
    /// The Service Fabric version is already provisioned.
    FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS => 409,
    /// The Service Fabric version is still in use by the cluster.
    FABRIC_E_FABRIC_VERSION_IN_USE => 409,
    /// An upgrade of the cluster is already running.
    FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS => 409,
    /// The Service Fabric name already exists.
    FABRIC_E_NAME_ALREADY_EXISTS => 409,
    /// The Service Fabric name still has properties or children.
    FABRIC_E_NAME_NOT_EMPTY => 409,
    /// A property check in a batch did not hold.
    FABRIC_E_PROPERTY_CHECK_FAILED => 409,
    /// The service exists with a different description.
    FABRIC_E_SERVICE_METADATA_MISMATCH => 409,
    /// The service exists with a different service type.
    FABRIC_E_SERVICE_TYPE_MISMATCH => 409,
    /// The health report is older than one already stored.
    FABRIC_E_HEALTH_STALE_REPORT => 409,
    /// The sequence number did not match the stored one.
    FABRIC_E_SEQUENCE_NUMBER_CHECK_FAILED => 409,
    /// The node is still stopping.
    FABRIC_E_NODE_HAS_NOT_STOPPED_YET => 409,
    /// The instance id does not match the current instance.
    FABRIC_E_INSTANCE_ID_MISMATCH => 409,
    /// A value in the request is larger than allowed.
    FABRIC_E_VALUE_TOO_LARGE => 413,
    /// The service has lost write quorum for now; retry later.
    FABRIC_E_NO_WRITE_QUORUM => 503,
    /// The replica that received the request is not the primary; retry.
    FABRIC_E_NOT_PRIMARY => 503,
    /// The service is not ready yet; retry later.
    FABRIC_E_NOT_READY => 503,
    /// The service is reconfiguring; retry later.
    FABRIC_E_RECONFIGURATION_PENDING => 503,
    /// The service is offline for now; retry later.
    FABRIC_E_SERVICE_OFFLINE => 503,
    /// The operation was aborted; retry later.
    E_ABORT => 503,
    /// The gateway could not reach a cluster component in time.
    FABRIC_E_COMMUNICATION_ERROR => 504,
    /// The operation did not complete within its time budget.
    FABRIC_E_OPERATION_NOT_COMPLETE => 504,
    /// The operation timed out on the server.
    FABRIC_E_TIMEOUT => 504,
    /// The node is up, so the requested action does not apply.
    FABRIC_E_NODE_IS_UP => 500,
    /// The operation failed for an unspecified reason.
    E_FAIL => 500,
    /// Backup is enabled, which forbids the requested action.
    FABRIC_E_BACKUP_IS_ENABLED => 400,
    /// The backup does not match the partition to restore.
    FABRIC_E_RESTORE_SOURCE_TARGET_PARTITION_MISMATCH => 400,
    /// The operation applies only to stateful services.
    FABRIC_E_INVALID_FOR_STATELESS_SERVICES => 400,
    /// Backup is not enabled for the entity.
    FABRIC_E_BACKUP_NOT_ENABLED => 404,
    /// The backup policy does not exist.
    FABRIC_E_BACKUP_POLICY_NOT_EXISTING => 404,
    /// The cluster does not run the Fault Analysis Service.
    FABRIC_E_FAULT_ANALYSIS_SERVICE_NOT_EXISTING => 404,
    /// A backup of the partition is already running.
    FABRIC_E_BACKUP_IN_PROGRESS => 409,
    /// A restore of the partition is already running.
    FABRIC_E_RESTORE_IN_PROGRESS => 409,
    /// The backup policy already exists.
    FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING => 409,
    /// The service scaling policy is not valid.
    FABRIC_E_INVALID_SERVICE_SCALING_POLICY => 400,
    /// The request was malformed: bad path, query, api-version, body or duration.
    E_INVALIDARG => 400,
    /// The single-instance application already exists.
    FABRIC_E_SINGLE_INSTANCE_APPLICATION_ALREADY_EXISTS => 409,
    /// The single-instance application does not exist.
    FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND => 404,
    /// The volume resource already exists.
    FABRIC_E_VOLUME_ALREADY_EXISTS => 409,
    /// The volume resource does not exist.
    FABRIC_E_VOLUME_NOT_FOUND => 404,
    /// The server could not serialize or deserialize an object.
    SerializationError => 500,
    /// A package uses a directory name the image builder reserves.
    FABRIC_E_IMAGEBUILDER_RESERVED_DIRECTORY_ERROR => 404,
    /// The certificate was not found.
    FABRIC_E_CERTIFICATE_NOT_FOUND => 404,
    /// The upgrade service rejected a cluster configuration upgrade; the message says why.
    FABRIC_E_CONFIG_UPGRADE_FAILED => 500,
    /// The caller is not allowed to perform the operation.
    E_ACCESSDENIED => 403,
    /// The operation is not implemented by this cluster.
    E_NOTIMPL => 501,
    /// The gateway could not reach the cluster.
    FABRIC_E_GATEWAY_NOT_REACHABLE => 502,
    /// The client could not be authenticated.
    FABRIC_E_SERVER_AUTHENTICATION_FAILED => 401,
    /// The request or its reply is larger than the gateway allows.
    FABRIC_E_MESSAGE_TOO_LARGE => 413,
    /// The object serving the request was closed; retry later.
    FABRIC_E_OBJECT_CLOSED => 503,
    /// The replication queue is full; retry later.
    FABRIC_E_REPLICATION_QUEUE_FULL => 503,
    /// The service is too busy; retry later.
    FABRIC_E_SERVICE_TOO_BUSY => 503,
}
// END GENERATED

#[cfg(test)]
mod tests {
    use super::FabricErrorCode::{self, *};
    use std::collections::HashSet;

    /// Every code of the spec's `FabricErrorCodes` enum, in spec order.
    const SPEC_CODES: &str = include_str!("../tests/fixtures/fabric_error_codes.json");

    #[test]
    fn every_spec_code_is_a_known_variant() {
        let codes: Vec<String> = serde_json::from_str(SPEC_CODES).unwrap();
        assert_eq!(codes.len(), 85);
        for text in &codes {
            let code = FabricErrorCode::from(text.as_str());
            assert!(!matches!(code, Other(_)), "{text} decoded as Other");
            assert_eq!(code.as_str(), text);
            let json = format!("\"{text}\"");
            let decoded: FabricErrorCode = serde_json::from_str(&json).unwrap();
            assert!(!matches!(decoded, Other(_)), "{text} deserialized as Other");
            assert_eq!(serde_json::to_string(&decoded).unwrap(), json);
        }
    }

    #[test]
    fn unknown_code_round_trips_through_serde_as_other() {
        let json = r#""FABRIC_E_NOT_IN_ANY_LIST""#;
        let code: FabricErrorCode = serde_json::from_str(json).unwrap();
        assert!(matches!(&code, Other(text) if text == "FABRIC_E_NOT_IN_ANY_LIST"));
        assert_eq!(serde_json::to_string(&code).unwrap(), json);
    }

    #[test]
    fn known_strings_map_to_their_variant() {
        assert!(matches!(FabricErrorCode::from("E_INVALIDARG"), E_INVALIDARG));
        assert!(matches!(
            FabricErrorCode::from(String::from("FABRIC_E_CONFIG_UPGRADE_FAILED")),
            FABRIC_E_CONFIG_UPGRADE_FAILED
        ));
        assert!(matches!(
            "SerializationError".parse::<FabricErrorCode>(),
            Ok(SerializationError)
        ));
    }

    #[test]
    fn unknown_strings_are_kept_verbatim() {
        let code = FabricErrorCode::from("FABRIC_E_BRAND_NEW");
        assert!(matches!(&code, Other(text) if text == "FABRIC_E_BRAND_NEW"));
        assert_eq!(code.to_string(), "FABRIC_E_BRAND_NEW");
        assert!(!code.is_known());
        // Matching is exact: the wire is case-sensitive.
        assert!(matches!(FabricErrorCode::from("fabric_e_timeout"), Other(_)));
        assert!(matches!(FabricErrorCode::from(""), Other(text) if text.is_empty()));
    }

    #[test]
    fn other_spelling_a_known_code_equals_the_variant() {
        let spelled = Other("FABRIC_E_TIMEOUT".into());
        assert_eq!(spelled, FABRIC_E_TIMEOUT);
        assert!(spelled.is_known());
        assert_eq!(spelled.http_status(), 504);
        assert!(Other("E_ABORT".into()).is_transient());
        let set: HashSet<_> = [spelled, FABRIC_E_TIMEOUT].into_iter().collect();
        assert_eq!(set.len(), 1);
    }

    #[test]
    fn transient_codes_are_the_503_set() {
        let transient = [
            FABRIC_E_NO_WRITE_QUORUM,
            FABRIC_E_NOT_PRIMARY,
            FABRIC_E_NOT_READY,
            FABRIC_E_OBJECT_CLOSED,
            FABRIC_E_SERVICE_OFFLINE,
            E_ABORT,
            FABRIC_E_RECONFIGURATION_PENDING,
            FABRIC_E_REPLICATION_QUEUE_FULL,
            FABRIC_E_SERVICE_TOO_BUSY,
        ];
        for code in &transient {
            assert!(code.is_transient(), "{code}");
            assert_eq!(code.http_status(), 503, "{code}");
        }
        for code in [FABRIC_E_TIMEOUT, E_FAIL, FABRIC_E_CONFIG_UPGRADE_FAILED, E_INVALIDARG] {
            assert!(!code.is_transient(), "{code}");
        }
        assert!(!FabricErrorCode::from("FABRIC_E_SOMETHING_BUSY").is_transient());
    }

    #[test]
    fn statuses_follow_the_gateway_table() {
        let cases = [
            ("E_INVALIDARG", 400),
            ("FABRIC_E_INVALID_CONFIGURATION", 400),
            ("FABRIC_E_FABRIC_NOT_UPGRADING", 400),
            ("FABRIC_E_INVALID_PARTITION_KEY", 400),
            ("FABRIC_E_SERVER_AUTHENTICATION_FAILED", 401),
            ("E_ACCESSDENIED", 403),
            ("FABRIC_E_NODE_NOT_FOUND", 404),
            ("FABRIC_E_SERVICE_DOES_NOT_EXIST", 404),
            ("FABRIC_E_VOLUME_NOT_FOUND", 404),
            ("FABRIC_E_BACKUP_POLICY_NOT_EXISTING", 404),
            ("FABRIC_E_APPLICATION_ALREADY_EXISTS", 409),
            ("FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS", 409),
            ("FABRIC_E_FABRIC_VERSION_IN_USE", 409),
            ("FABRIC_E_NAME_NOT_EMPTY", 409),
            ("FABRIC_E_VALUE_TOO_LARGE", 413),
            ("FABRIC_E_MESSAGE_TOO_LARGE", 413),
            ("FABRIC_E_CONFIG_UPGRADE_FAILED", 500),
            ("E_FAIL", 500),
            ("SerializationError", 500),
            ("E_NOTIMPL", 501),
            ("FABRIC_E_GATEWAY_NOT_REACHABLE", 502),
            ("FABRIC_E_TIMEOUT", 504),
            ("FABRIC_E_COMMUNICATION_ERROR", 504),
            ("FABRIC_E_OPERATION_NOT_COMPLETE", 504),
            ("FABRIC_E_WIDGET_NOT_FOUND", 404),
            ("FABRIC_E_WIDGET_DOES_NOT_EXIST", 404),
            ("FABRIC_E_WIDGET_ALREADY_EXISTS", 409),
            ("FABRIC_E_WIDGET_IN_PROGRESS", 409),
            ("FABRIC_E_WIDGET_IN_USE", 409),
            ("FABRIC_E_WIDGET_BROKEN", 500),
            ("", 500),
        ];
        for (code, status) in cases {
            assert_eq!(FabricErrorCode::from(code).http_status(), status, "{code}");
        }
    }

    #[test]
    fn serde_uses_the_wire_string() {
        let json = serde_json::to_string(&FABRIC_E_CONFIG_UPGRADE_FAILED).unwrap();
        assert_eq!(json, r#""FABRIC_E_CONFIG_UPGRADE_FAILED""#);
        let code: FabricErrorCode = serde_json::from_str(r#""E_ACCESSDENIED""#).unwrap();
        assert!(matches!(code, E_ACCESSDENIED));
        let err = serde_json::from_str::<FabricErrorCode>("42").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid type: integer `42`, expected a string at line 1 column 2"
        );
    }
}
