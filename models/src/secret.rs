//! [`SecretString`]: text that must not leak into logs (passwords, account keys, connection
//! strings, secret values), used by the backup storage descriptions, the Compose registry
//! credentials and the Mesh secrets.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A secret as the gateway sends and takes it: a plain JSON string on the wire, hidden from
/// `Debug` (which prints `SecretString(<redacted>)`) and with no `Display` at all, so a
/// model holding one can be logged with `{:?}` without giving the secret away.
///
/// ```
/// use fabric_rest_models::SecretString;
///
/// let password = SecretString::new("abcd1234");
/// assert_eq!(format!("{password:?}"), "SecretString(<redacted>)");
/// assert_eq!(serde_json::to_string(&password)?, r#""abcd1234""#);
/// assert_eq!(password.expose(), "abcd1234");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq)]
pub struct SecretString(String);

impl SecretString {
    /// A secret holding `text`.
    pub fn new(text: impl Into<String>) -> SecretString {
        SecretString(text.into())
    }

    /// The secret itself, for the one place that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The secret itself, taking it out of the wrapper.
    pub fn into_inner(self) -> String {
        self.0
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretString(<redacted>)")
    }
}

impl From<String> for SecretString {
    fn from(text: String) -> SecretString {
        SecretString(text)
    }
}

impl From<&str> for SecretString {
    fn from(text: &str) -> SecretString {
        SecretString(text.to_owned())
    }
}

impl Serialize for SecretString {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for SecretString {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<SecretString, D::Error> {
        String::deserialize(deserializer).map(SecretString)
    }
}

#[cfg(test)]
mod tests {
    use super::SecretString;

    #[test]
    fn debug_hides_the_secret_and_the_wire_holds_it() {
        let secret = SecretString::from("p@ss \"word\"");
        assert_eq!(format!("{secret:?}"), "SecretString(<redacted>)");
        assert_eq!(format!("{secret:#?}"), "SecretString(<redacted>)");
        let json = serde_json::to_string(&secret).unwrap();
        assert_eq!(json, r#""p@ss \"word\"""#);
        let back: SecretString = serde_json::from_str(&json).unwrap();
        assert_eq!(back, secret);
        assert_eq!(back.into_inner(), "p@ss \"word\"");
        assert!(serde_json::from_str::<SecretString>("12").is_err());
    }
}
