//! [`FabricErrorCode`], the `Code` of a gateway error body.
//!
//! The gateway answers a failed call with `{"Error":{"Code":"...","Message":"..."}}`. The spec
//! lists the codes it knows, but servers send others too, so the enum is open: a code this
//! crate does not know is kept verbatim in [`FabricErrorCode::Unknown`].

crate::open_enum! {
    /// A Service Fabric error code, named exactly as it appears on the wire.
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
    #[allow(non_camel_case_types)]
    pub enum FabricErrorCode {
        // BEGIN GENERATED codes by scripts/gen_error_codes.py; do not edit by hand.
        /// The partition key does not fit the service's partitioning scheme.
        FABRIC_E_INVALID_PARTITION_KEY = "FABRIC_E_INVALID_PARTITION_KEY",
        /// The image builder rejected an application or cluster package.
        FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR = "FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR",
        /// An address (endpoint, URI or IP) in the request is not valid.
        FABRIC_E_INVALID_ADDRESS = "FABRIC_E_INVALID_ADDRESS",
        /// The application has no upgrade in progress to act on.
        FABRIC_E_APPLICATION_NOT_UPGRADING = "FABRIC_E_APPLICATION_NOT_UPGRADING",
        /// The application upgrade description failed validation.
        FABRIC_E_APPLICATION_UPGRADE_VALIDATION_ERROR = "FABRIC_E_APPLICATION_UPGRADE_VALIDATION_ERROR",
        /// The cluster has no upgrade in progress to act on.
        FABRIC_E_FABRIC_NOT_UPGRADING = "FABRIC_E_FABRIC_NOT_UPGRADING",
        /// The cluster upgrade description failed validation.
        FABRIC_E_FABRIC_UPGRADE_VALIDATION_ERROR = "FABRIC_E_FABRIC_UPGRADE_VALIDATION_ERROR",
        /// A configuration value in the request is not valid.
        FABRIC_E_INVALID_CONFIGURATION = "FABRIC_E_INVALID_CONFIGURATION",
        /// A Service Fabric name is not a valid `fabric:/` URI.
        FABRIC_E_INVALID_NAME_URI = "FABRIC_E_INVALID_NAME_URI",
        /// A path in the request is longer than allowed.
        FABRIC_E_PATH_TOO_LONG = "FABRIC_E_PATH_TOO_LONG",
        /// A key in the request is larger than allowed.
        FABRIC_E_KEY_TOO_LARGE = "FABRIC_E_KEY_TOO_LARGE",
        /// Service affinity cannot be chained across services.
        FABRIC_E_SERVICE_AFFINITY_CHAIN_NOT_SUPPORTED = "FABRIC_E_SERVICE_AFFINITY_CHAIN_NOT_SUPPORTED",
        /// The atomic group named in the request is not valid.
        FABRIC_E_INVALID_ATOMIC_GROUP = "FABRIC_E_INVALID_ATOMIC_GROUP",
        /// A value that must not be empty was empty.
        FABRIC_E_VALUE_EMPTY = "FABRIC_E_VALUE_EMPTY",
        /// The node does not exist.
        FABRIC_E_NODE_NOT_FOUND = "FABRIC_E_NODE_NOT_FOUND",
        /// The application type is not provisioned.
        FABRIC_E_APPLICATION_TYPE_NOT_FOUND = "FABRIC_E_APPLICATION_TYPE_NOT_FOUND",
        /// The application does not exist.
        FABRIC_E_APPLICATION_NOT_FOUND = "FABRIC_E_APPLICATION_NOT_FOUND",
        /// The service type is not registered.
        FABRIC_E_SERVICE_TYPE_NOT_FOUND = "FABRIC_E_SERVICE_TYPE_NOT_FOUND",
        /// The service does not exist.
        FABRIC_E_SERVICE_DOES_NOT_EXIST = "FABRIC_E_SERVICE_DOES_NOT_EXIST",
        /// No service template exists for the service type.
        FABRIC_E_SERVICE_TYPE_TEMPLATE_NOT_FOUND = "FABRIC_E_SERVICE_TYPE_TEMPLATE_NOT_FOUND",
        /// The configuration section does not exist.
        FABRIC_E_CONFIGURATION_SECTION_NOT_FOUND = "FABRIC_E_CONFIGURATION_SECTION_NOT_FOUND",
        /// The partition does not exist.
        FABRIC_E_PARTITION_NOT_FOUND = "FABRIC_E_PARTITION_NOT_FOUND",
        /// The replica does not exist.
        FABRIC_E_REPLICA_DOES_NOT_EXIST = "FABRIC_E_REPLICA_DOES_NOT_EXIST",
        /// The service group does not exist.
        FABRIC_E_SERVICE_GROUP_DOES_NOT_EXIST = "FABRIC_E_SERVICE_GROUP_DOES_NOT_EXIST",
        /// The configuration parameter does not exist.
        FABRIC_E_CONFIGURATION_PARAMETER_NOT_FOUND = "FABRIC_E_CONFIGURATION_PARAMETER_NOT_FOUND",
        /// The directory does not exist.
        FABRIC_E_DIRECTORY_NOT_FOUND = "FABRIC_E_DIRECTORY_NOT_FOUND",
        /// The Service Fabric version is not provisioned.
        FABRIC_E_FABRIC_VERSION_NOT_FOUND = "FABRIC_E_FABRIC_VERSION_NOT_FOUND",
        /// The file does not exist.
        FABRIC_E_FILE_NOT_FOUND = "FABRIC_E_FILE_NOT_FOUND",
        /// The Service Fabric name does not exist.
        FABRIC_E_NAME_DOES_NOT_EXIST = "FABRIC_E_NAME_DOES_NOT_EXIST",
        /// The property does not exist under the name.
        FABRIC_E_PROPERTY_DOES_NOT_EXIST = "FABRIC_E_PROPERTY_DOES_NOT_EXIST",
        /// There are no more results to enumerate.
        FABRIC_E_ENUMERATION_COMPLETED = "FABRIC_E_ENUMERATION_COMPLETED",
        /// The service manifest does not exist.
        FABRIC_E_SERVICE_MANIFEST_NOT_FOUND = "FABRIC_E_SERVICE_MANIFEST_NOT_FOUND",
        /// The key does not exist.
        FABRIC_E_KEY_NOT_FOUND = "FABRIC_E_KEY_NOT_FOUND",
        /// The health store has no entity of that name.
        FABRIC_E_HEALTH_ENTITY_NOT_FOUND = "FABRIC_E_HEALTH_ENTITY_NOT_FOUND",
        /// The application type is already provisioned.
        FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS = "FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS",
        /// The application already exists.
        FABRIC_E_APPLICATION_ALREADY_EXISTS = "FABRIC_E_APPLICATION_ALREADY_EXISTS",
        /// The application already runs the target version.
        FABRIC_E_APPLICATION_ALREADY_IN_TARGET_VERSION = "FABRIC_E_APPLICATION_ALREADY_IN_TARGET_VERSION",
        /// The application type is still being provisioned.
        FABRIC_E_APPLICATION_TYPE_PROVISION_IN_PROGRESS = "FABRIC_E_APPLICATION_TYPE_PROVISION_IN_PROGRESS",
        /// An upgrade of the application is already running.
        FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS = "FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS",
        /// The service already exists.
        FABRIC_E_SERVICE_ALREADY_EXISTS = "FABRIC_E_SERVICE_ALREADY_EXISTS",
        /// The service group already exists.
        FABRIC_E_SERVICE_GROUP_ALREADY_EXISTS = "FABRIC_E_SERVICE_GROUP_ALREADY_EXISTS",
        /// The application type is still used by an application.
        FABRIC_E_APPLICATION_TYPE_IN_USE = "FABRIC_E_APPLICATION_TYPE_IN_USE",
        /// The cluster already runs the target version.
        FABRIC_E_FABRIC_ALREADY_IN_TARGET_VERSION = "FABRIC_E_FABRIC_ALREADY_IN_TARGET_VERSION",
        /// The Service Fabric version is already provisioned.
        FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS = "FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS",
        /// The Service Fabric version is still in use by the cluster.
        FABRIC_E_FABRIC_VERSION_IN_USE = "FABRIC_E_FABRIC_VERSION_IN_USE",
        /// An upgrade of the cluster is already running.
        FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS = "FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS",
        /// The Service Fabric name already exists.
        FABRIC_E_NAME_ALREADY_EXISTS = "FABRIC_E_NAME_ALREADY_EXISTS",
        /// The Service Fabric name still has properties or children.
        FABRIC_E_NAME_NOT_EMPTY = "FABRIC_E_NAME_NOT_EMPTY",
        /// A property check in a batch did not hold.
        FABRIC_E_PROPERTY_CHECK_FAILED = "FABRIC_E_PROPERTY_CHECK_FAILED",
        /// The service exists with a different description.
        FABRIC_E_SERVICE_METADATA_MISMATCH = "FABRIC_E_SERVICE_METADATA_MISMATCH",
        /// The service exists with a different service type.
        FABRIC_E_SERVICE_TYPE_MISMATCH = "FABRIC_E_SERVICE_TYPE_MISMATCH",
        /// The health report is older than one already stored.
        FABRIC_E_HEALTH_STALE_REPORT = "FABRIC_E_HEALTH_STALE_REPORT",
        /// The sequence number did not match the stored one.
        FABRIC_E_SEQUENCE_NUMBER_CHECK_FAILED = "FABRIC_E_SEQUENCE_NUMBER_CHECK_FAILED",
        /// The node is still stopping.
        FABRIC_E_NODE_HAS_NOT_STOPPED_YET = "FABRIC_E_NODE_HAS_NOT_STOPPED_YET",
        /// The instance id does not match the current instance.
        FABRIC_E_INSTANCE_ID_MISMATCH = "FABRIC_E_INSTANCE_ID_MISMATCH",
        /// A value in the request is larger than allowed.
        FABRIC_E_VALUE_TOO_LARGE = "FABRIC_E_VALUE_TOO_LARGE",
        /// The service has lost write quorum for now; retry later.
        FABRIC_E_NO_WRITE_QUORUM = "FABRIC_E_NO_WRITE_QUORUM",
        /// The replica that received the request is not the primary; retry.
        FABRIC_E_NOT_PRIMARY = "FABRIC_E_NOT_PRIMARY",
        /// The service is not ready yet; retry later.
        FABRIC_E_NOT_READY = "FABRIC_E_NOT_READY",
        /// The service is reconfiguring; retry later.
        FABRIC_E_RECONFIGURATION_PENDING = "FABRIC_E_RECONFIGURATION_PENDING",
        /// The service is offline for now; retry later.
        FABRIC_E_SERVICE_OFFLINE = "FABRIC_E_SERVICE_OFFLINE",
        /// The operation was aborted; retry later.
        E_ABORT = "E_ABORT",
        /// The gateway could not reach a cluster component in time.
        FABRIC_E_COMMUNICATION_ERROR = "FABRIC_E_COMMUNICATION_ERROR",
        /// The operation did not complete within its time budget.
        FABRIC_E_OPERATION_NOT_COMPLETE = "FABRIC_E_OPERATION_NOT_COMPLETE",
        /// The operation timed out on the server.
        FABRIC_E_TIMEOUT = "FABRIC_E_TIMEOUT",
        /// The node is up, so the requested action does not apply.
        FABRIC_E_NODE_IS_UP = "FABRIC_E_NODE_IS_UP",
        /// The operation failed for an unspecified reason.
        E_FAIL = "E_FAIL",
        /// Backup is enabled, which forbids the requested action.
        FABRIC_E_BACKUP_IS_ENABLED = "FABRIC_E_BACKUP_IS_ENABLED",
        /// The backup does not match the partition to restore.
        FABRIC_E_RESTORE_SOURCE_TARGET_PARTITION_MISMATCH = "FABRIC_E_RESTORE_SOURCE_TARGET_PARTITION_MISMATCH",
        /// The operation applies only to stateful services.
        FABRIC_E_INVALID_FOR_STATELESS_SERVICES = "FABRIC_E_INVALID_FOR_STATELESS_SERVICES",
        /// Backup is not enabled for the entity.
        FABRIC_E_BACKUP_NOT_ENABLED = "FABRIC_E_BACKUP_NOT_ENABLED",
        /// The backup policy does not exist.
        FABRIC_E_BACKUP_POLICY_NOT_EXISTING = "FABRIC_E_BACKUP_POLICY_NOT_EXISTING",
        /// The cluster does not run the Fault Analysis Service.
        FABRIC_E_FAULT_ANALYSIS_SERVICE_NOT_EXISTING = "FABRIC_E_FAULT_ANALYSIS_SERVICE_NOT_EXISTING",
        /// A backup of the partition is already running.
        FABRIC_E_BACKUP_IN_PROGRESS = "FABRIC_E_BACKUP_IN_PROGRESS",
        /// A restore of the partition is already running.
        FABRIC_E_RESTORE_IN_PROGRESS = "FABRIC_E_RESTORE_IN_PROGRESS",
        /// The backup policy already exists.
        FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING = "FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING",
        /// The service scaling policy is not valid.
        FABRIC_E_INVALID_SERVICE_SCALING_POLICY = "FABRIC_E_INVALID_SERVICE_SCALING_POLICY",
        /// The request was malformed: bad path, query, api-version, body or duration.
        E_INVALIDARG = "E_INVALIDARG",
        /// The single-instance application already exists.
        FABRIC_E_SINGLE_INSTANCE_APPLICATION_ALREADY_EXISTS = "FABRIC_E_SINGLE_INSTANCE_APPLICATION_ALREADY_EXISTS",
        /// The single-instance application does not exist.
        FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND = "FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND",
        /// The volume resource already exists.
        FABRIC_E_VOLUME_ALREADY_EXISTS = "FABRIC_E_VOLUME_ALREADY_EXISTS",
        /// The volume resource does not exist.
        FABRIC_E_VOLUME_NOT_FOUND = "FABRIC_E_VOLUME_NOT_FOUND",
        /// The server could not serialize or deserialize an object.
        SerializationError = "SerializationError",
        /// A package uses a directory name the image builder reserves.
        FABRIC_E_IMAGEBUILDER_RESERVED_DIRECTORY_ERROR = "FABRIC_E_IMAGEBUILDER_RESERVED_DIRECTORY_ERROR",
        /// The certificate was not found.
        FABRIC_E_CERTIFICATE_NOT_FOUND = "FABRIC_E_CERTIFICATE_NOT_FOUND",
        /// The upgrade service rejected a cluster configuration upgrade; the message says why.
        FABRIC_E_CONFIG_UPGRADE_FAILED = "FABRIC_E_CONFIG_UPGRADE_FAILED",
        /// The caller is not allowed to perform the operation.
        E_ACCESSDENIED = "E_ACCESSDENIED",
        /// The operation is not implemented by this cluster.
        E_NOTIMPL = "E_NOTIMPL",
        /// The gateway could not reach the cluster.
        FABRIC_E_GATEWAY_NOT_REACHABLE = "FABRIC_E_GATEWAY_NOT_REACHABLE",
        /// The client could not be authenticated.
        FABRIC_E_SERVER_AUTHENTICATION_FAILED = "FABRIC_E_SERVER_AUTHENTICATION_FAILED",
        /// The request or its reply is larger than the gateway allows.
        FABRIC_E_MESSAGE_TOO_LARGE = "FABRIC_E_MESSAGE_TOO_LARGE",
        /// The object serving the request was closed; retry later.
        FABRIC_E_OBJECT_CLOSED = "FABRIC_E_OBJECT_CLOSED",
        /// The replication queue is full; retry later.
        FABRIC_E_REPLICATION_QUEUE_FULL = "FABRIC_E_REPLICATION_QUEUE_FULL",
        /// The service is too busy; retry later.
        FABRIC_E_SERVICE_TOO_BUSY = "FABRIC_E_SERVICE_TOO_BUSY",
        // END GENERATED codes
    }
}

impl FabricErrorCode {
    /// Whether the code is one this crate lists.
    pub fn is_known(&self) -> bool {
        !matches!(self, FabricErrorCode::Unknown(_))
    }

    /// Whether the error is temporary and the same call may succeed later: the codes the
    /// gateway answers with `503 Service Unavailable`.
    pub fn is_transient(&self) -> bool {
        self.listed_status() == Some(503)
    }

    /// The HTTP status the gateway answers with for this code.
    ///
    /// Unknown codes follow the gateway's naming rules: `*_NOT_FOUND` and `*_DOES_NOT_EXIST`
    /// give 404; `*_ALREADY_EXISTS`, `*_IN_PROGRESS` and `*_IN_USE` give 409; anything else 500.
    pub fn http_status(&self) -> u16 {
        if let Some(status) = self.listed_status() {
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

    /// The status the gateway's table gives a listed code; `None` for an unknown one.
    #[rustfmt::skip]
    fn listed_status(&self) -> Option<u16> {
        use FabricErrorCode::*;
        let status = match self {
            // BEGIN GENERATED statuses by scripts/gen_error_codes.py; do not edit by hand.
            FABRIC_E_INVALID_PARTITION_KEY | FABRIC_E_IMAGEBUILDER_VALIDATION_ERROR | FABRIC_E_INVALID_ADDRESS
                | FABRIC_E_APPLICATION_NOT_UPGRADING | FABRIC_E_APPLICATION_UPGRADE_VALIDATION_ERROR
                | FABRIC_E_FABRIC_NOT_UPGRADING | FABRIC_E_FABRIC_UPGRADE_VALIDATION_ERROR
                | FABRIC_E_INVALID_CONFIGURATION | FABRIC_E_INVALID_NAME_URI | FABRIC_E_PATH_TOO_LONG
                | FABRIC_E_KEY_TOO_LARGE | FABRIC_E_SERVICE_AFFINITY_CHAIN_NOT_SUPPORTED | FABRIC_E_INVALID_ATOMIC_GROUP
                | FABRIC_E_VALUE_EMPTY | FABRIC_E_BACKUP_IS_ENABLED | FABRIC_E_RESTORE_SOURCE_TARGET_PARTITION_MISMATCH
                | FABRIC_E_INVALID_FOR_STATELESS_SERVICES | FABRIC_E_INVALID_SERVICE_SCALING_POLICY | E_INVALIDARG
                => 400,
            FABRIC_E_SERVER_AUTHENTICATION_FAILED => 401,
            E_ACCESSDENIED => 403,
            FABRIC_E_NODE_NOT_FOUND | FABRIC_E_APPLICATION_TYPE_NOT_FOUND | FABRIC_E_APPLICATION_NOT_FOUND
                | FABRIC_E_SERVICE_TYPE_NOT_FOUND | FABRIC_E_SERVICE_DOES_NOT_EXIST
                | FABRIC_E_SERVICE_TYPE_TEMPLATE_NOT_FOUND | FABRIC_E_CONFIGURATION_SECTION_NOT_FOUND
                | FABRIC_E_PARTITION_NOT_FOUND | FABRIC_E_REPLICA_DOES_NOT_EXIST | FABRIC_E_SERVICE_GROUP_DOES_NOT_EXIST
                | FABRIC_E_CONFIGURATION_PARAMETER_NOT_FOUND | FABRIC_E_DIRECTORY_NOT_FOUND
                | FABRIC_E_FABRIC_VERSION_NOT_FOUND | FABRIC_E_FILE_NOT_FOUND | FABRIC_E_NAME_DOES_NOT_EXIST
                | FABRIC_E_PROPERTY_DOES_NOT_EXIST | FABRIC_E_ENUMERATION_COMPLETED
                | FABRIC_E_SERVICE_MANIFEST_NOT_FOUND | FABRIC_E_KEY_NOT_FOUND | FABRIC_E_HEALTH_ENTITY_NOT_FOUND
                | FABRIC_E_BACKUP_NOT_ENABLED | FABRIC_E_BACKUP_POLICY_NOT_EXISTING
                | FABRIC_E_FAULT_ANALYSIS_SERVICE_NOT_EXISTING | FABRIC_E_SINGLE_INSTANCE_APPLICATION_NOT_FOUND
                | FABRIC_E_VOLUME_NOT_FOUND | FABRIC_E_IMAGEBUILDER_RESERVED_DIRECTORY_ERROR
                | FABRIC_E_CERTIFICATE_NOT_FOUND => 404,
            FABRIC_E_APPLICATION_TYPE_ALREADY_EXISTS | FABRIC_E_APPLICATION_ALREADY_EXISTS
                | FABRIC_E_APPLICATION_ALREADY_IN_TARGET_VERSION | FABRIC_E_APPLICATION_TYPE_PROVISION_IN_PROGRESS
                | FABRIC_E_APPLICATION_UPGRADE_IN_PROGRESS | FABRIC_E_SERVICE_ALREADY_EXISTS
                | FABRIC_E_SERVICE_GROUP_ALREADY_EXISTS | FABRIC_E_APPLICATION_TYPE_IN_USE
                | FABRIC_E_FABRIC_ALREADY_IN_TARGET_VERSION | FABRIC_E_FABRIC_VERSION_ALREADY_EXISTS
                | FABRIC_E_FABRIC_VERSION_IN_USE | FABRIC_E_FABRIC_UPGRADE_IN_PROGRESS | FABRIC_E_NAME_ALREADY_EXISTS
                | FABRIC_E_NAME_NOT_EMPTY | FABRIC_E_PROPERTY_CHECK_FAILED | FABRIC_E_SERVICE_METADATA_MISMATCH
                | FABRIC_E_SERVICE_TYPE_MISMATCH | FABRIC_E_HEALTH_STALE_REPORT | FABRIC_E_SEQUENCE_NUMBER_CHECK_FAILED
                | FABRIC_E_NODE_HAS_NOT_STOPPED_YET | FABRIC_E_INSTANCE_ID_MISMATCH | FABRIC_E_BACKUP_IN_PROGRESS
                | FABRIC_E_RESTORE_IN_PROGRESS | FABRIC_E_BACKUP_POLICY_ALREADY_EXISTING
                | FABRIC_E_SINGLE_INSTANCE_APPLICATION_ALREADY_EXISTS | FABRIC_E_VOLUME_ALREADY_EXISTS => 409,
            FABRIC_E_VALUE_TOO_LARGE | FABRIC_E_MESSAGE_TOO_LARGE => 413,
            FABRIC_E_NODE_IS_UP | E_FAIL | SerializationError | FABRIC_E_CONFIG_UPGRADE_FAILED => 500,
            E_NOTIMPL => 501,
            FABRIC_E_GATEWAY_NOT_REACHABLE => 502,
            FABRIC_E_NO_WRITE_QUORUM | FABRIC_E_NOT_PRIMARY | FABRIC_E_NOT_READY | FABRIC_E_RECONFIGURATION_PENDING
                | FABRIC_E_SERVICE_OFFLINE | E_ABORT | FABRIC_E_OBJECT_CLOSED | FABRIC_E_REPLICATION_QUEUE_FULL
                | FABRIC_E_SERVICE_TOO_BUSY => 503,
            FABRIC_E_COMMUNICATION_ERROR | FABRIC_E_OPERATION_NOT_COMPLETE | FABRIC_E_TIMEOUT => 504,
            // END GENERATED statuses
            Unknown(_) => return None,
        };
        Some(status)
    }
}

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
            assert!(!matches!(code, Unknown(_)), "{text} decoded as Unknown");
            assert_eq!(code.as_str(), text);
            let json = format!("\"{text}\"");
            let decoded: FabricErrorCode = serde_json::from_str(&json).unwrap();
            assert!(!matches!(decoded, Unknown(_)), "{text} deserialized as Unknown");
            assert_eq!(serde_json::to_string(&decoded).unwrap(), json);
        }
    }

    #[test]
    fn unknown_code_round_trips_through_serde_as_unknown() {
        let json = r#""FABRIC_E_NOT_IN_ANY_LIST""#;
        let code: FabricErrorCode = serde_json::from_str(json).unwrap();
        assert!(matches!(&code, Unknown(text) if text.as_str() == "FABRIC_E_NOT_IN_ANY_LIST"));
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
        assert!(matches!(&code, Unknown(text) if text.as_str() == "FABRIC_E_BRAND_NEW"));
        assert_eq!(code.to_string(), "FABRIC_E_BRAND_NEW");
        assert!(!code.is_known());
        // Matching is exact: the wire is case-sensitive.
        assert!(matches!(FabricErrorCode::from("fabric_e_timeout"), Unknown(_)));
        assert!(matches!(FabricErrorCode::from(""), Unknown(text) if text.as_str().is_empty()));
    }

    #[test]
    fn a_known_code_is_its_variant_however_it_is_read() {
        let json = r#""FABRIC_E_TIMEOUT""#;
        for read in [
            FabricErrorCode::from("FABRIC_E_TIMEOUT"),
            FabricErrorCode::from(String::from("FABRIC_E_TIMEOUT")),
            "FABRIC_E_TIMEOUT".parse().unwrap(),
            serde_json::from_str(json).unwrap(),
            serde_json::from_reader(json.as_bytes()).unwrap(),
            serde_json::from_value(serde_json::Value::from("FABRIC_E_TIMEOUT")).unwrap(),
        ] {
            assert!(matches!(read, FABRIC_E_TIMEOUT), "{read:?}");
            assert!(read.is_known());
            assert_eq!(read.http_status(), 504);
        }
        assert!(FabricErrorCode::from(String::from("E_ABORT")).is_transient());
        let set: HashSet<_> = [FabricErrorCode::from("FABRIC_E_TIMEOUT"), FABRIC_E_TIMEOUT]
            .into_iter()
            .collect();
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
