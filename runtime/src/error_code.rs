//! Temporary stand-in until the generated list lands.
#![allow(missing_docs, non_camel_case_types)]

use std::fmt;

#[derive(Clone, Debug, Eq, Hash)]
#[non_exhaustive]
pub enum FabricErrorCode {
    E_INVALIDARG,
    FABRIC_E_TIMEOUT,
    FABRIC_E_CONFIG_UPGRADE_FAILED,
    Other(String),
}

impl FabricErrorCode {
    pub fn as_str(&self) -> &str {
        match self {
            Self::E_INVALIDARG => "E_INVALIDARG",
            Self::FABRIC_E_TIMEOUT => "FABRIC_E_TIMEOUT",
            Self::FABRIC_E_CONFIG_UPGRADE_FAILED => "FABRIC_E_CONFIG_UPGRADE_FAILED",
            Self::Other(s) => s,
        }
    }
    pub fn is_transient(&self) -> bool {
        false
    }
}
impl PartialEq for FabricErrorCode {
    fn eq(&self, o: &Self) -> bool {
        self.as_str() == o.as_str()
    }
}
impl From<&str> for FabricErrorCode {
    fn from(s: &str) -> Self {
        match s {
            "E_INVALIDARG" => Self::E_INVALIDARG,
            "FABRIC_E_TIMEOUT" => Self::FABRIC_E_TIMEOUT,
            "FABRIC_E_CONFIG_UPGRADE_FAILED" => Self::FABRIC_E_CONFIG_UPGRADE_FAILED,
            s => Self::Other(s.to_owned()),
        }
    }
}
impl From<String> for FabricErrorCode {
    fn from(s: String) -> Self {
        Self::from(s.as_str())
    }
}
impl fmt::Display for FabricErrorCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}
impl<'de> serde::Deserialize<'de> for FabricErrorCode {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Self::from)
    }
}
impl serde::Serialize for FabricErrorCode {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}
