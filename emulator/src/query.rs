//! Query-string reading and the `api-version` / `timeout` rules of the gateway.

/// A query string read the way the gateway reads it: split on `&`, then on the first `=`;
/// names are case-sensitive and the first occurrence of a name wins.
pub(crate) struct Query {
    pairs: Vec<(String, String)>,
}

impl Query {
    /// Reads the raw query (without `?`).
    pub(crate) fn parse(raw: Option<&str>) -> Query {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|part| !part.is_empty())
            .map(|part| {
                let (name, value) = part.split_once('=').unwrap_or((part, ""));
                (percent_decode(name), percent_decode(value))
            })
            .collect();
        Query { pairs }
    }

    /// The value of the first parameter called `name`.
    pub(crate) fn get(&self, name: &str) -> Option<&str> {
        self.pairs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// Decodes `%XX` escapes; malformed escapes are kept as they are, since a lenient read
/// never makes the emulator reject what a real server would take.
fn percent_decode(text: &str) -> String {
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

/// A runtime version, `major.minor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Version {
    pub(crate) major: u32,
    pub(crate) minor: u32,
}

/// The oldest api-version any operation accepts.
const OLDEST: Version = Version { major: 1, minor: 0 };

/// Whether the gateway of a runtime at `runtime` accepts `api-version=value`:
/// `major.minor` with an optional `-preview`, from 1.0 up to the runtime's own version.
pub(crate) fn api_version_accepted(value: &str, runtime: Version) -> bool {
    let number = value.strip_suffix("-preview").unwrap_or(value);
    let Some((major, minor)) = number.split_once('.') else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(major) || !digits(minor) {
        return false;
    }
    match (major.parse(), minor.parse()) {
        (Ok(major), Ok(minor)) => (OLDEST..=runtime).contains(&Version { major, minor }),
        _ => false,
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

    const RUNTIME: Version = Version { major: 9, minor: 1 };

    #[test]
    fn first_occurrence_wins_and_names_are_case_sensitive() {
        let q = Query::parse(Some("api-version=1.0&API-VERSION=2.0&api-version=3.0&flag"));
        assert_eq!(q.get("api-version"), Some("1.0"));
        assert_eq!(q.get("API-VERSION"), Some("2.0"));
        assert_eq!(q.get("flag"), Some(""));
        assert_eq!(q.get("Api-Version"), None);
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

    #[test]
    fn api_version_bounds() {
        for ok in ["1.0", "3.0", "6.0", "9.1", "9.1-preview", "01.0", "8.99"] {
            assert!(api_version_accepted(ok, RUNTIME), "{ok}");
        }
        for bad in [
            "0.9",
            "9.2",
            "10.0",
            "",
            "6",
            "6.",
            ".0",
            "6.0-beta",
            "6.0-preview-preview",
            "+6.0",
            "6.0.0",
            "v6.0",
            "99999999999.0",
            "garbage",
        ] {
            assert!(!api_version_accepted(bad, RUNTIME), "{bad}");
        }
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
