//! [`ClusterConfig`], a standalone cluster's ClusterConfig.json carried as a JSON string.

use std::fmt;

use serde::{Deserialize, Serialize};

/// The whole ClusterConfig.json document of a standalone cluster.
///
/// The gateway takes it as a JSON *string* holding the document's text, not as a nested
/// object, so this type keeps the text itself and serializes as one escaped string.
///
/// Built by [`from_json`](ClusterConfig::from_json) or [`from_value`](ClusterConfig::from_value),
/// it always holds a JSON object. Deserializing is lenient instead: whatever string the peer
/// sent is kept verbatim, even when it is not JSON, because judging a configuration is the
/// upgrade service's job (it answers `FABRIC_E_CONFIG_UPGRADE_FAILED` with its own message)
/// and a decoded value must not lose what was on the wire. [`to_value`](ClusterConfig::to_value)
/// reports such text as an error.
///
/// ```
/// use fabric_rest_models::ClusterConfig;
///
/// let config = ClusterConfig::from_json(r#"{"name":"demo","clusterConfigurationVersion":"2.0.0"}"#)?;
/// assert_eq!(config.config_version().as_deref(), Some("2.0.0"));
/// assert_eq!(
///     serde_json::to_string(&config)?,
///     r#""{\"name\":\"demo\",\"clusterConfigurationVersion\":\"2.0.0\"}""#
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ClusterConfig(String);

/// Why a value cannot be used as a [`ClusterConfig`].
#[derive(Debug)]
#[non_exhaustive]
pub enum ClusterConfigError {
    /// The text is not valid JSON.
    NotJson(serde_json::Error),
    /// The text is JSON, but not an object.
    NotAnObject {
        /// The kind of JSON value found instead (`an array`, `a string`, ...).
        found: &'static str,
    },
    /// The value given to [`ClusterConfig::from_value`] could not be serialized.
    Serialize(serde_json::Error),
}

impl fmt::Display for ClusterConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ClusterConfigError::NotJson(e) => {
                write!(f, "cluster configuration is not valid JSON: {e}")
            }
            ClusterConfigError::NotAnObject { found } => {
                write!(f, "cluster configuration must be a JSON object, found {found}")
            }
            ClusterConfigError::Serialize(e) => {
                write!(f, "cluster configuration could not be serialized: {e}")
            }
        }
    }
}

impl std::error::Error for ClusterConfigError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            ClusterConfigError::NotJson(e) | ClusterConfigError::Serialize(e) => Some(e),
            ClusterConfigError::NotAnObject { .. } => None,
        }
    }
}

/// The two top-level fields callers most often need, read without building a whole tree.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Header {
    #[serde(default)]
    name: Option<String>,
    #[serde(default)]
    cluster_configuration_version: Option<String>,
}

impl ClusterConfig {
    /// Takes the document's text as is, after checking that it is a JSON object.
    pub fn from_json(text: impl Into<String>) -> Result<ClusterConfig, ClusterConfigError> {
        let text = text.into();
        let value: serde_json::Value = serde_json::from_str(&text).map_err(ClusterConfigError::NotJson)?;
        if !value.is_object() {
            return Err(ClusterConfigError::NotAnObject { found: kind_of(&value) });
        }
        Ok(ClusterConfig(text))
    }

    /// Serializes `value` (a struct, map or [`serde_json::Value`]) into compact JSON text,
    /// which must be an object. Fields keep the order `value` writes them in.
    pub fn from_value<T: Serialize + ?Sized>(value: &T) -> Result<ClusterConfig, ClusterConfigError> {
        let text = serde_json::to_string(value).map_err(ClusterConfigError::Serialize)?;
        // Compact serde_json output starts with the token that names the value's kind.
        let found = match text.as_bytes().first() {
            Some(b'{') => return Ok(ClusterConfig(text)),
            Some(b'[') => "an array",
            Some(b'"') => "a string",
            Some(b't' | b'f') => "a boolean",
            Some(b'n') => "null",
            _ => "a number",
        };
        Err(ClusterConfigError::NotAnObject { found })
    }

    /// Keeps text a peer sent, unchecked; see the type's documentation for why.
    pub(crate) fn received(text: String) -> ClusterConfig {
        ClusterConfig(text)
    }

    /// The document's text, exactly as it goes on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The document's text, by value.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The document parsed into a JSON tree.
    ///
    /// Fails only for text received from a peer that is not JSON.
    pub fn to_value(&self) -> Result<serde_json::Value, ClusterConfigError> {
        serde_json::from_str(&self.0).map_err(ClusterConfigError::NotJson)
    }

    /// The `clusterConfigurationVersion` field, which must change with every upgrade.
    ///
    /// `None` when it is absent, not a string, or the text is not a JSON object.
    pub fn config_version(&self) -> Option<String> {
        self.header().and_then(|h| h.cluster_configuration_version)
    }

    /// The cluster's `name` field; `None` as for [`config_version`](Self::config_version).
    pub fn name(&self) -> Option<String> {
        self.header().and_then(|h| h.name)
    }

    fn header(&self) -> Option<Header> {
        serde_json::from_str(&self.0).ok()
    }
}

fn kind_of(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

impl Serialize for ClusterConfig {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ClusterConfig {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(ClusterConfig::received)
    }
}
