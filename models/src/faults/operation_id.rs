//! [`OperationId`], the GUID a caller chooses for each fault operation it starts.

use std::collections::hash_map::RandomState;
use std::fmt;
use std::hash::{BuildHasher, Hasher};
use std::str::FromStr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use fabric_rest_runtime::{ParamKind, QueryValue, RequestBuilder};
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize, Serializer};

/// The id of one fault operation (a data loss, quorum loss, partition restart or node
/// transition): a GUID the caller chooses when starting it, and passes again to follow it
/// and to cancel it.
///
/// [`OperationId::new`] makes a fresh random one (version 4). Starting a second operation
/// with an id already used fails with `FABRIC_E_TEST_COMMAND_OPERATION_ID_ALREADY_EXISTS`:
/// after a start whose answer was lost, that error means the first start went through.
///
/// ```
/// use fabric_rest_models::OperationId;
///
/// let id: OperationId = "7216486C-1EE9-4B00-99B2-92B26FCB07F5".parse()?;
/// assert_eq!(id.to_string(), "7216486c-1ee9-4b00-99b2-92b26fcb07f5");
/// assert_ne!(OperationId::new(), OperationId::new());
/// assert!("not a guid".parse::<OperationId>().is_err());
/// # Ok::<(), fabric_rest_models::OperationIdError>(())
/// ```
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OperationId(u128);

impl OperationId {
    /// A fresh random id (a version 4 GUID).
    ///
    /// Its 122 random bits come from the standard library's per-process random hash keys,
    /// mixed with a counter and the clock, so two ids of one process never repeat and ids
    /// of different processes collide with negligible probability.
    #[allow(clippy::new_without_default)]
    pub fn new() -> OperationId {
        const VERSION_MASK: u128 = 0xF << 76;
        const VARIANT_MASK: u128 = 0b11 << 62;
        let bits = random_u128();
        OperationId((bits & !VERSION_MASK & !VARIANT_MASK) | (0x4 << 76) | (0b10 << 62))
    }

    /// The GUID whose 128 bits, read as a big-endian number, are `bits`.
    pub const fn from_u128(bits: u128) -> OperationId {
        OperationId(bits)
    }

    /// The 128 bits, as [`from_u128`](Self::from_u128) takes them.
    pub const fn as_u128(self) -> u128 {
        self.0
    }

    /// Reads a GUID as `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` (any case), also inside
    /// braces or without the hyphens.
    pub fn parse(text: &str) -> Result<OperationId, OperationIdError> {
        let inner = text
            .strip_prefix('{')
            .and_then(|rest| rest.strip_suffix('}'))
            .unwrap_or(text);
        let hyphenated = inner.len() == 36
            && inner
                .char_indices()
                .all(|(at, c)| matches!(at, 8 | 13 | 18 | 23) == (c == '-'));
        let digits: String = if hyphenated {
            inner.chars().filter(|c| *c != '-').collect()
        } else {
            inner.to_owned()
        };
        if digits.len() != 32 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(OperationIdError { text: text.into() });
        }
        u128::from_str_radix(&digits, 16)
            .map(OperationId)
            .map_err(|_| OperationIdError { text: text.into() })
    }
}

/// 128 bits no other call of this process returns.
fn random_u128() -> u128 {
    static CALLS: AtomicU64 = AtomicU64::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let clock = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_nanos());
    let half = |salt: u64| {
        // Each RandomState has keys of its own, drawn from the operating system's
        // randomness once per thread and changed for every new one.
        let mut hasher = RandomState::new().build_hasher();
        hasher.write_u64(call);
        hasher.write_u128(clock);
        hasher.write_u64(salt);
        hasher.finish()
    };
    (u128::from(half(0)) << 64) | u128::from(half(1))
}

/// Text that is not a GUID was offered as an [`OperationId`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OperationIdError {
    text: Box<str>,
}

impl fmt::Display for OperationIdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a GUID such as \"7216486c-1ee9-4b00-99b2-92b26fcb07f5\"",
            self.text
        )
    }
}

impl std::error::Error for OperationIdError {}

impl FromStr for OperationId {
    type Err = OperationIdError;

    fn from_str(text: &str) -> Result<OperationId, OperationIdError> {
        OperationId::parse(text)
    }
}

/// Lowercase and hyphenated, as the gateway writes GUIDs.
impl fmt::Display for OperationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hex = format!("{:032x}", self.0);
        write!(
            f,
            "{}-{}-{}-{}-{}",
            &hex[..8],
            &hex[8..12],
            &hex[12..16],
            &hex[16..20],
            &hex[20..]
        )
    }
}

impl fmt::Debug for OperationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "OperationId({self})")
    }
}

impl Serialize for OperationId {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for OperationId {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<OperationId, D::Error> {
        struct Guid;

        impl Visitor<'_> for Guid {
            type Value = OperationId;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a GUID")
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<OperationId, E> {
                OperationId::parse(text).map_err(E::custom)
            }
        }

        deserializer.deserialize_str(Guid)
    }
}

/// The `OperationId` query parameter of the fault operations.
impl QueryValue for OperationId {
    const KIND: ParamKind = ParamKind::String;

    fn write_query(&self, name: &'static str, request: &mut RequestBuilder) {
        request.append_query(name, &self.to_string());
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn fresh_ids_are_version_4_and_never_repeat() {
        let ids: HashSet<OperationId> = (0..10_000).map(|_| OperationId::new()).collect();
        assert_eq!(ids.len(), 10_000);
        for id in &ids {
            let text = id.to_string();
            assert_eq!(&text[14..15], "4", "{text}");
            assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"), "{text}");
            assert_eq!(text.parse::<OperationId>(), Ok(*id));
        }
    }

    #[test]
    fn every_guid_form_reads_and_others_do_not() {
        let id = OperationId::from_u128(0x7216486c_1ee9_4b00_99b2_92b26fcb07f5);
        for text in [
            "7216486c-1ee9-4b00-99b2-92b26fcb07f5",
            "7216486C-1EE9-4B00-99B2-92B26FCB07F5",
            "{7216486c-1ee9-4b00-99b2-92b26fcb07f5}",
            "7216486c1ee94b0099b292b26fcb07f5",
        ] {
            assert_eq!(OperationId::parse(text), Ok(id), "{text}");
        }
        for text in [
            "",
            "7216486c-1ee9-4b00-99b2-92b26fcb07f",
            "7216486c-1ee9-4b00-99b2-92b26fcb07f5a",
            "7216486c-1ee94-b00-99b2-92b26fcb07f5",
            "7216486g-1ee9-4b00-99b2-92b26fcb07f5",
            "+216486c1ee94b0099b292b26fcb07f5",
            "{7216486c-1ee9-4b00-99b2-92b26fcb07f5",
        ] {
            let error = OperationId::parse(text).unwrap_err();
            assert_eq!(
                error.to_string(),
                format!("{text:?} is not a GUID such as \"7216486c-1ee9-4b00-99b2-92b26fcb07f5\"")
            );
        }
    }

    #[test]
    fn serde_writes_the_gateways_form() {
        let id = OperationId::from_u128(0x10);
        assert_eq!(
            serde_json::to_string(&id).unwrap(),
            r#""00000000-0000-0000-0000-000000000010""#
        );
        assert_eq!(
            serde_json::from_str::<OperationId>(r#""00000000-0000-0000-0000-000000000010""#).unwrap(),
            id
        );
        let error = serde_json::from_str::<OperationId>("16").unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: integer `16`, expected a GUID at line 1 column 2"
        );
        assert_eq!(format!("{id:?}"), "OperationId(00000000-0000-0000-0000-000000000010)");
    }
}
