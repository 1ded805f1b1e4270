//! Query-string reading and the `api-version` / `timeout` rules of the gateway.

use std::cmp::Ordering;
use std::fmt;

/// A query string read the way the gateway reads it: split on `&`, then on `=`, skipping
/// empty pieces; names are case-sensitive and the first non-empty value of a name wins.
pub(crate) struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Reads the raw query (without `?`).
    ///
    /// `api-version==6.0` reads as `api-version` = `6.0` (the empty piece between the two
    /// `=` is skipped); in `a=b=c` the value is `b=c`, so a value holding an unescaped `=`
    /// survives. A piece without a name (`=6.0`) is skipped.
    pub(crate) fn parse(raw: Option<&str>) -> Query {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|part| !part.is_empty())
            .filter_map(|part| {
                let (name, value) = part.split_once('=').unwrap_or((part, ""));
                let value = value.trim_start_matches('=');
                (!name.is_empty()).then(|| (percent_decode(name), percent_decode(value)))
            })
            .collect();
        Query { pairs }
    }

    /// The first non-empty value of the parameter called `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs
            .iter()
            .find(|(n, v)| n == name && !v.is_empty())
            .map(|(_, v)| v.as_str())
    }

    /// Every name the query holds, once each, in the order they first appear.
    pub(crate) fn names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = Vec::new();
        for (name, _) in &self.pairs {
            if !names.contains(&name.as_str()) {
                names.push(name);
            }
        }
        names
    }
}

/// Decodes `%XX` escapes; malformed escapes are kept as they are, since a lenient read
/// never makes the emulator reject what a real server would take.
pub(crate) fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(hi), Some(lo)) = (
                bytes.get(i + 1).and_then(|b| hex(*b)),
                bytes.get(i + 2).and_then(|b| hex(*b)),
            )
        {
            out.push(hi * 16 + lo);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

fn hex(b: u8) -> Option<u8> {
    (b as char).to_digit(16).map(|d| d as u8)
}

/// An `api-version` as the gateway reads it: the decimal number at the start of the text,
/// compared as a number (`6` is `6.0`, `6.0abc` and `6.0-PREVIEW` are `6.0`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Version {
    /// The whole part without leading zeros (`"0"` is `""`), so longer means larger.
    whole: String,
    /// The fraction's digits without trailing zeros, so text order is number order.
    fraction: String,
}

impl Version {
    /// The number at the start of `text`, or `None` when it does not start with a digit.
    pub(crate) fn read(text: &str) -> Option<Version> {
        let digits = |s: &str| s.bytes().take_while(u8::is_ascii_digit).count();
        let whole_len = digits(text);
        if whole_len == 0 {
            return None;
        }
        let whole = text[..whole_len].trim_start_matches('0').to_owned();
        let fraction = match text[whole_len..].strip_prefix('.') {
            Some(rest) => rest[..digits(rest)].trim_end_matches('0').to_owned(),
            None => String::new(),
        };
        Some(Version { whole, fraction })
    }

    /// A runtime's `major.minor`.
    pub(crate) fn of_runtime(major: u32, minor: u32) -> Version {
        Version::read(&format!("{major}.{minor}")).unwrap_or(Version {
            whole: String::new(),
            fraction: String::new(),
        })
    }
}

impl Ord for Version {
    fn cmp(&self, other: &Version) -> Ordering {
        self.whole
            .len()
            .cmp(&other.whole.len())
            .then_with(|| self.whole.cmp(&other.whole))
            .then_with(|| self.fraction.cmp(&other.fraction))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Version) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = if self.whole.is_empty() { "0" } else { &self.whole };
        let fraction = if self.fraction.is_empty() { "0" } else { &self.fraction };
        write!(f, "{whole}.{fraction}")
    }
}

/// The server timeout in seconds: an unparsable or out-of-range value is silently read as
/// the default of 60, like the gateway does.
pub(crate) fn server_timeout(value: Option<&str>) -> u64 {
    value.and_then(|v| v.parse::<u32>().ok()).map_or(60, u64::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_non_empty_occurrence_wins_and_names_are_case_sensitive() {
        let q = Query::parse(Some("api-version=1.0&API-VERSION=2.0&api-version=3.0&flag"));
        assert_eq!(q.get("api-version"), Some("1.0"));
        assert_eq!(q.get("API-VERSION"), Some("2.0"));
        assert_eq!(q.get("flag"), None);
        assert_eq!(q.get("Api-Version"), None);
        assert_eq!(q.names(), ["api-version", "API-VERSION", "flag"]);
        let q = Query::parse(Some("api-version=&api-version=6.0"));
        assert_eq!(q.get("api-version"), Some("6.0"));
    }

    #[test]
    fn empty_pieces_are_skipped() {
        let q = Query::parse(Some("&&api-version==6.0&=7.0&&a=b=c&"));
        assert_eq!(q.get("api-version"), Some("6.0"));
        assert_eq!(q.get("a"), Some("b=c"));
        assert_eq!(q.names(), ["api-version", "a"]);
    }

    #[test]
    fn decodes_escapes_leniently() {
        let q = Query::parse(Some("a=10%2D2017&b=%zz&c=%e2%82%ac&d=%"));
        assert_eq!(q.get("a"), Some("10-2017"));
        assert_eq!(q.get("b"), Some("%zz"));
        assert_eq!(q.get("c"), Some("€"));
        assert_eq!(q.get("d"), Some("%"));
        assert_eq!(Query::parse(Some("x=%ff")).get("x"), Some("\u{fffd}"));
    }

    fn v(text: &str) -> Version {
        Version::read(text).unwrap_or_else(|| panic!("{text} reads as a number"))
    }

    #[test]
    fn api_versions_read_as_numbers() {
        for (text, number) in [
            ("6.0", "6.0"),
            ("6", "6.0"),
            ("6.", "6.0"),
            ("6.0abc", "6.0"),
            ("6.0-preview", "6.0"),
            ("6.0-PREVIEW", "6.0"),
            ("6.0.1", "6.0"),
            ("06.40", "6.4"),
            ("0.9", "0.9"),
            ("99999999999999999999999.5", "99999999999999999999999.5"),
        ] {
            assert_eq!(v(text).to_string(), number, "{text}");
        }
        for unreadable in ["", "garbage", "v6.0", ".5", "+6.0", "-6.0", "６.0"] {
            assert_eq!(Version::read(unreadable), None, "{unreadable}");
        }
    }

    #[test]
    fn api_versions_compare_as_numbers() {
        assert!(v("6.10") < v("6.9"));
        assert!(v("6.4") > v("6.3"));
        assert!(v("10.0") > v("9.1"));
        assert_eq!(v("6"), v("6.00"));
        assert!(v("99999999999999999999.0") > Version::of_runtime(u32::MAX, u32::MAX));
        assert_eq!(Version::of_runtime(9, 1), v("9.1"));
    }

    #[test]
    fn timeouts_fall_back_to_60() {
        assert_eq!(server_timeout(None), 60);
        assert_eq!(server_timeout(Some("abc")), 60);
        assert_eq!(server_timeout(Some("-1")), 60);
        assert_eq!(server_timeout(Some("4294967296")), 60);
        assert_eq!(server_timeout(Some("4294967295")), 4_294_967_295);
        assert_eq!(server_timeout(Some("0")), 0);
        assert_eq!(server_timeout(Some("5")), 5);
    }
}
