//! The gateway's own error body: `{"Error": {"Code": ..., "Message": ...}}`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::error_code::FabricErrorCode;
use crate::escape::Escaped;

/// The error the gateway reports in the body of a failed call:
/// `{"Error": {"Code": "FABRIC_E_TIMEOUT", "Message": "Operation timed out."}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FabricError {
    /// The error code; codes this library does not know are kept as they came.
    pub code: FabricErrorCode,
    /// The message. `None` when the gateway sent none, `null`, or its placeholder `"Null"`.
    pub message: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Envelope<T> {
    #[serde(rename = "Error")]
    error: T,
}

#[derive(Serialize, Deserialize)]
struct WireFabricError {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message", default, skip_serializing_if = "Option::is_none")]
    message: Option<String>,
}

impl FabricError {
    /// Reads a `FabricError` from a response body; `None` when the body is not one.
    pub fn from_body(body: &[u8]) -> Option<FabricError> {
        let body = body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body);
        let wire: Envelope<WireFabricError> = serde_json::from_slice(body).ok()?;
        let message = wire.error.message.filter(|m| m != "Null");
        Some(FabricError {
            code: FabricErrorCode::from(wire.error.code),
            message,
        })
    }

    /// The body the gateway would send for this error.
    pub fn to_body(&self) -> String {
        let wire = Envelope {
            error: WireFabricError {
                code: self.code.as_str().to_owned(),
                message: self.message.clone(),
            },
        };
        serde_json::to_string(&wire).unwrap_or_default()
    }
}

/// `CODE: message`, with control characters of the server's text escaped.
impl fmt::Display for FabricError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use fmt::Write as _;
        let out = &mut Escaped(f);
        match &self.message {
            Some(message) => write!(out, "{}: {}", self.code, message),
            None => write!(out, "{}", self.code),
        }
    }
}
