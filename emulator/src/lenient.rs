//! The gateway's lenient JSON reader, for the bodies of the operations the emulator serves
//! itself.
//!
//! The server reads a body into its model field by field: field names are case-sensitive
//! and unknown ones skipped; `null` and `""` mean "not given"; a number may come quoted
//! (`"10"`), a string that is no number reads as 0, a fraction where an integer belongs is
//! truncated, and a number where a string belongs is read as its text; whatever follows
//! the root value is never read. A key given twice is read twice, in order: the first
//! occurrence that cannot be read fails the request, and the last one is the value.

use std::fmt;

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::Number;

/// Why a body was refused; the gateway reports every case as `E_INVALIDARG`, the text only
/// helps someone reading the emulator's code or tests.
pub(crate) type Invalid = &'static str;

/// A JSON value whose objects keep every key in order, repeated ones included.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The first JSON value of `body`, or `None` when it does not start with one.
    pub(crate) fn read(body: &[u8]) -> Option<Json> {
        serde_json::Deserializer::from_slice(body)
            .into_iter::<Json>()
            .next()?
            .ok()
    }
}

/// Reads every occurrence of field `name` with `read`; the last value read wins.
pub(crate) fn field<'a, T>(
    entries: &'a [(String, Json)],
    name: &str,
    read: impl Fn(&'a Json) -> Result<Option<T>, Invalid>,
) -> Result<Option<T>, Invalid> {
    let mut value = None;
    for (_, json) in entries.iter().filter(|(key, _)| key == name) {
        if let Some(read) = read(json)? {
            value = Some(read);
        }
    }
    Ok(value)
}

/// A string field: a number reads as its text.
pub(crate) fn string(json: &Json) -> Result<Option<String>, Invalid> {
    match json {
        Json::Null => Ok(None),
        Json::String(text) if text.is_empty() => Ok(None),
        Json::String(text) => Ok(Some(text.clone())),
        Json::Number(number) => Ok(Some(number.to_string())),
        _ => Err("not a string"),
    }
}

/// An integer field: quoted numbers are read, other strings read as 0, fractions are
/// truncated.
pub(crate) fn integer(json: &Json) -> Result<Option<i64>, Invalid> {
    let number = |text: &str| -> i64 {
        text.trim()
            .parse::<i64>()
            .ok()
            .or_else(|| {
                text.trim()
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map(|f| f as i64)
            })
            .unwrap_or(0)
    };
    match json {
        Json::Null => Ok(None),
        Json::String(text) if text.is_empty() => Ok(None),
        Json::String(text) => Ok(Some(number(text))),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => Ok(Some(i)),
            (None, Some(f)) if f.is_finite() && f.abs() < 9.2e18 => Ok(Some(f as i64)),
            _ => Err("number out of range"),
        },
        _ => Err("not a number"),
    }
}

/// A boolean field.
pub(crate) fn boolean(json: &Json) -> Result<Option<bool>, Invalid> {
    match json {
        Json::Null => Ok(None),
        Json::Bool(flag) => Ok(Some(*flag)),
        Json::String(text) if text.is_empty() => Ok(None),
        Json::String(text) if text.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Json::String(text) if text.eq_ignore_ascii_case("false") => Ok(Some(false)),
        _ => Err("not a boolean"),
    }
}

/// An object field, as its entries.
pub(crate) fn object(json: &Json) -> Result<Option<&[(String, Json)]>, Invalid> {
    match json {
        Json::Null => Ok(None),
        Json::Object(entries) => Ok(Some(entries)),
        _ => Err("not an object"),
    }
}

impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Json, D::Error> {
        deserializer.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        // Only finite numbers come out of a JSON text.
        Ok(Number::from_f64(v).map_or(Json::Null, Json::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::String(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Json::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry::<String, Json>()? {
            entries.push(entry);
        }
        Ok(Json::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn root(text: &str) -> Vec<(String, Json)> {
        match Json::read(text.as_bytes()) {
            Some(Json::Object(entries)) => entries,
            other => panic!("not an object: {other:?}"),
        }
    }

    #[test]
    fn keeps_repeated_keys_and_ignores_what_follows() {
        let entries = root(r#"{"a": 1, "a": "two"} and then some"#);
        assert_eq!(entries.len(), 2);
        assert_eq!(field(&entries, "a", string), Ok(Some("two".to_owned())));
        let failing_first = root(r#"{"a": [], "a": "two"}"#);
        assert_eq!(field(&failing_first, "a", string), Err("not a string"));
        assert_eq!(field(&entries, "A", string), Ok(None));
        assert_eq!(Json::read(b"  "), None);
        assert_eq!(Json::read(b"{\"a\":"), None);
    }

    #[test]
    fn numbers_and_strings_read_like_the_gateways_reader() {
        let read = |text: &str| integer(&Json::read(text.as_bytes()).expect("JSON"));
        assert_eq!(read("50"), Ok(Some(50)));
        assert_eq!(read("50.9"), Ok(Some(50)));
        assert_eq!(read(r#""10""#), Ok(Some(10)));
        assert_eq!(read(r#""10.5""#), Ok(Some(10)));
        assert_eq!(read(r#""ten""#), Ok(Some(0)));
        assert_eq!(read(r#""""#), Ok(None));
        assert_eq!(read("null"), Ok(None));
        assert_eq!(read("99999999999999999999999"), Err("number out of range"));
        assert_eq!(Json::read(b"1e400"), None);
        assert_eq!(read("true"), Err("not a number"));
        assert_eq!(read("[1]"), Err("not a number"));
        let text = |text: &str| string(&Json::read(text.as_bytes()).expect("JSON"));
        assert_eq!(text("600"), Ok(Some("600".to_owned())));
        assert_eq!(text("1.5"), Ok(Some("1.5".to_owned())));
        assert_eq!(text("{}"), Err("not a string"));
        assert_eq!(text("false"), Err("not a string"));
        let flag = |text: &str| boolean(&Json::read(text.as_bytes()).expect("JSON"));
        assert_eq!(flag("true"), Ok(Some(true)));
        assert_eq!(flag(r#""False""#), Ok(Some(false)));
        assert_eq!(flag("1"), Err("not a boolean"));
    }

    #[test]
    fn deep_nesting_is_refused_not_a_crash() {
        let deep = "[".repeat(100_000);
        assert_eq!(Json::read(deep.as_bytes()), None);
    }
}
