//! The `api-version` query parameter every gateway operation requires.

use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// An `api-version` as the gateway accepts it: `major.minor`, optionally followed by
/// `-preview` (`"6.0"`, `"8.2-preview"`).
///
/// Every declared endpoint carries the version it was declared with; a caller may send
/// another one without redeclaring it (see [`Transport::with_api_version`](crate::Transport::with_api_version)).
///
/// ```
/// use fabric_rest_runtime::ApiVersion;
/// assert_eq!("6.0".parse::<ApiVersion>().unwrap().as_str(), "6.0");
/// assert!("6".parse::<ApiVersion>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct ApiVersion(Cow<'static, str>);

impl ApiVersion {
    /// Checks and wraps an api-version.
    pub fn parse(text: &str) -> Result<ApiVersion, ApiVersionError> {
        if is_valid(text) {
            Ok(ApiVersion(Cow::Owned(text.to_owned())))
        } else {
            Err(ApiVersionError { text: text.to_owned() })
        }
    }

    /// The version as it goes on the wire.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Whether `text` is `major.minor` or `major.minor-preview` with decimal numbers.
pub const fn is_valid(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut major = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
        major += 1;
    }
    if major == 0 || major > 5 || i == bytes.len() || bytes[i] != b'.' {
        return false;
    }
    i += 1;
    let mut minor = 0;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
        minor += 1;
    }
    if minor == 0 || minor > 5 {
        return false;
    }
    let rest = bytes.len() - i;
    if rest == 0 {
        return true;
    }
    let suffix = b"-preview";
    if rest != suffix.len() {
        return false;
    }
    let mut j = 0;
    while j < suffix.len() {
        if bytes[i + j] != suffix[j] {
            return false;
        }
        j += 1;
    }
    true
}

impl FromStr for ApiVersion {
    type Err = ApiVersionError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        ApiVersion::parse(text)
    }
}

impl fmt::Display for ApiVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A text that is not an api-version the gateway accepts.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("invalid api-version {text:?}: expected `major.minor` or `major.minor-preview`, such as \"6.0\"")]
pub struct ApiVersionError {
    text: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_gateway_forms() {
        for ok in ["1.0", "3.0", "6.0", "9.1", "10.1", "8.2-preview"] {
            assert_eq!(ApiVersion::parse(ok).unwrap().as_str(), ok);
        }
    }

    #[test]
    fn rejects_other_forms() {
        for bad in [
            "",
            "6",
            "6.",
            ".0",
            "6.0.1",
            "v6.0",
            "6.0-beta",
            "6.0-preview2",
            " 6.0",
            "６.0",
        ] {
            assert_eq!(
                ApiVersion::parse(bad).unwrap_err().to_string(),
                format!(
                    "invalid api-version {bad:?}: expected `major.minor` or `major.minor-preview`, such as \"6.0\""
                )
            );
        }
    }
}
