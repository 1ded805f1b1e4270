//! The server-side time budget of one operation (the `timeout` query parameter).

use std::fmt;
use std::num::NonZeroU32;
use std::str::FromStr;
use std::time::Duration;

/// How long the gateway may work on one operation before it answers `504 FABRIC_E_TIMEOUT`:
/// the `timeout` query parameter, in whole seconds, `1..=4294967295`.
///
/// The gateway silently replaces an unparsable value by 60 and gives up at once on `0`, so
/// the range is enforced here, before anything is sent: a `ServerTimeout` cannot hold 0 or
/// more than `u32::MAX` seconds.
///
/// The client also derives its own deadline from it (server timeout plus a margin), so the
/// client never gives up on an operation the server is still working on.
///
/// ```
/// use fabric_rest_runtime::ServerTimeout;
/// use std::time::Duration;
///
/// // Checked at compile time:
/// const FIVE_MINUTES: ServerTimeout = ServerTimeout::seconds::<300>();
/// // Checked at run time:
/// assert_eq!(ServerTimeout::from_secs(300), Ok(FIVE_MINUTES));
/// assert!(ServerTimeout::from_secs(0).is_err());
/// assert_eq!(ServerTimeout::try_from(Duration::from_millis(1500)).unwrap().as_secs(), 2);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ServerTimeout(NonZeroU32);

/// A [`ServerTimeout`] of a constant number of seconds, refused at compile time, under
/// `cargo check` too, and at the line that wrote it, when it is 0 or above 4294967295.
///
/// ```
/// use fabric_rest_runtime::{ServerTimeout, server_timeout};
///
/// let timeout = server_timeout!(120);
/// assert_eq!(timeout, ServerTimeout::seconds::<120>());
/// ```
///
/// ```compile_fail
/// let never = fabric_rest_runtime::server_timeout!(0);
/// ```
#[macro_export]
macro_rules! server_timeout {
    ($secs:expr) => {{
        const TIMEOUT: $crate::ServerTimeout = match $crate::ServerTimeout::checked($secs) {
            ::core::option::Option::Some(timeout) => timeout,
            ::core::option::Option::None => ::core::panic!("a server timeout must be between 1 and 4294967295 seconds"),
        };
        TIMEOUT
    }};
}

impl ServerTimeout {
    /// The shortest server timeout: one second.
    pub const MIN: ServerTimeout = ServerTimeout::seconds::<1>();
    /// The longest server timeout: 4294967295 seconds.
    pub const MAX: ServerTimeout = ServerTimeout::seconds::<{ u32::MAX as u64 }>();
    /// What the gateway uses when a request carries no `timeout`: 60 seconds.
    pub const DEFAULT: ServerTimeout = ServerTimeout::seconds::<60>();

    /// A server timeout of `N` seconds, checked at compile time: `seconds::<0>()` and values
    /// above `4294967295` do not compile.
    ///
    /// The check runs when the value is built for a program (`cargo build`, `cargo test`),
    /// not under `cargo check`, and the message points into this crate: a generic constant
    /// is evaluated only once the program is assembled. Bind it to a `const` item, or use
    /// [`server_timeout!`](crate::server_timeout!), to have `cargo check` refuse it at your line.
    pub const fn seconds<const N: u64>() -> ServerTimeout {
        const {
            assert!(
                N >= 1 && N <= u32::MAX as u64,
                "a server timeout must be between 1 and 4294967295 seconds"
            )
        };
        match NonZeroU32::new(N as u32) {
            Some(secs) => ServerTimeout(secs),
            None => panic!("unreachable: checked above"),
        }
    }

    /// A server timeout of `secs` seconds, or `None` when `secs` is 0 or above `u32::MAX`;
    /// usable in constants.
    pub const fn checked(secs: u64) -> Option<ServerTimeout> {
        if secs > u32::MAX as u64 {
            return None;
        }
        match NonZeroU32::new(secs as u32) {
            Some(secs) => Some(ServerTimeout(secs)),
            None => None,
        }
    }

    /// A server timeout of `secs` seconds, or an error when `secs` is 0 or above `u32::MAX`.
    pub const fn from_secs(secs: u64) -> Result<ServerTimeout, ServerTimeoutError> {
        if secs > u32::MAX as u64 {
            return Err(ServerTimeoutError::seconds(secs as i128));
        }
        match NonZeroU32::new(secs as u32) {
            Some(secs) => Ok(ServerTimeout(secs)),
            None => Err(ServerTimeoutError::seconds(0)),
        }
    }

    /// A server timeout covering `duration`. The gateway counts whole seconds, so a fraction
    /// rounds *up* (1.2 s becomes 2 s): the server is never given less time than asked for.
    /// Zero and durations above `u32::MAX` seconds are errors.
    pub fn from_duration(duration: Duration) -> Result<ServerTimeout, ServerTimeoutError> {
        let whole = duration.as_secs();
        let secs = if duration.subsec_nanos() > 0 {
            whole.saturating_add(1)
        } else {
            whole
        };
        match ServerTimeout::from_secs(secs) {
            Ok(timeout) if !duration.is_zero() => Ok(timeout),
            _ => Err(ServerTimeoutError {
                requested: Requested::Duration(duration),
            }),
        }
    }

    /// The timeout in seconds, as it goes on the wire.
    pub const fn as_secs(self) -> u32 {
        self.0.get()
    }

    /// The timeout as a [`Duration`].
    pub const fn as_duration(self) -> Duration {
        Duration::from_secs(self.0.get() as u64)
    }
}

impl Default for ServerTimeout {
    /// The gateway's own default, 60 seconds.
    fn default() -> Self {
        ServerTimeout::DEFAULT
    }
}

impl fmt::Display for ServerTimeout {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} s", self.0)
    }
}

impl TryFrom<u64> for ServerTimeout {
    type Error = ServerTimeoutError;
    fn try_from(secs: u64) -> Result<Self, Self::Error> {
        ServerTimeout::from_secs(secs)
    }
}

impl TryFrom<u32> for ServerTimeout {
    type Error = ServerTimeoutError;
    fn try_from(secs: u32) -> Result<Self, Self::Error> {
        ServerTimeout::from_secs(secs.into())
    }
}

impl TryFrom<i64> for ServerTimeout {
    type Error = ServerTimeoutError;
    fn try_from(secs: i64) -> Result<Self, Self::Error> {
        u64::try_from(secs)
            .map_err(|_| ServerTimeoutError::seconds(secs.into()))
            .and_then(ServerTimeout::from_secs)
    }
}

impl TryFrom<Duration> for ServerTimeout {
    type Error = ServerTimeoutError;
    fn try_from(duration: Duration) -> Result<Self, Self::Error> {
        ServerTimeout::from_duration(duration)
    }
}

impl FromStr for ServerTimeout {
    type Err = ServerTimeoutError;

    /// Parses whole seconds, such as a command-line argument `"300"`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.trim().parse::<i128>() {
            Ok(secs) => u64::try_from(secs)
                .map_err(|_| ServerTimeoutError::seconds(secs))
                .and_then(ServerTimeout::from_secs),
            Err(_) => Err(ServerTimeoutError {
                requested: Requested::Text(text.to_owned()),
            }),
        }
    }
}

/// A server timeout outside `1..=4294967295` seconds was asked for. Nothing was sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ServerTimeoutError {
    requested: Requested,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Requested {
    Seconds(i128),
    Duration(Duration),
    Text(String),
}

impl ServerTimeoutError {
    const fn seconds(secs: i128) -> Self {
        ServerTimeoutError {
            requested: Requested::Seconds(secs),
        }
    }
}

impl fmt::Display for ServerTimeoutError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.requested {
            Requested::Seconds(secs) => write!(f, "server timeout of {secs} s is out of range")?,
            Requested::Duration(d) => write!(f, "server timeout of {d:?} is out of range")?,
            Requested::Text(text) => write!(f, "server timeout {text:?} is not a whole number of seconds")?,
        }
        f.write_str(": it must be between 1 and 4294967295 seconds")
    }
}

impl std::error::Error for ServerTimeoutError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_in_seconds() {
        assert_eq!(
            ServerTimeout::from_secs(0).unwrap_err().to_string(),
            "server timeout of 0 s is out of range: it must be between 1 and 4294967295 seconds"
        );
        assert_eq!(ServerTimeout::from_secs(1).unwrap().as_secs(), 1);
        assert_eq!(ServerTimeout::from_secs(4_294_967_295).unwrap().as_secs(), u32::MAX);
        assert_eq!(
            ServerTimeout::from_secs(4_294_967_296).unwrap_err().to_string(),
            "server timeout of 4294967296 s is out of range: it must be between 1 and 4294967295 seconds"
        );
        assert_eq!(ServerTimeout::MIN.as_secs(), 1);
        assert_eq!(ServerTimeout::MAX.as_secs(), 4_294_967_295);
        assert_eq!(ServerTimeout::default().as_secs(), 60);
    }

    #[test]
    fn conversions_from_integers() {
        assert_eq!(ServerTimeout::try_from(60u32).unwrap().as_secs(), 60);
        assert!(ServerTimeout::try_from(0u32).is_err());
        assert!(ServerTimeout::try_from(u64::MAX).is_err());
        assert_eq!(
            ServerTimeout::try_from(-5i64).unwrap_err().to_string(),
            "server timeout of -5 s is out of range: it must be between 1 and 4294967295 seconds"
        );
    }

    #[test]
    fn durations_round_up_to_whole_seconds() {
        let secs = |d| ServerTimeout::from_duration(d).map(ServerTimeout::as_secs);
        assert_eq!(secs(Duration::from_secs(90)), Ok(90));
        assert_eq!(secs(Duration::from_millis(1)), Ok(1));
        assert_eq!(secs(Duration::from_millis(1500)), Ok(2));
        assert_eq!(secs(Duration::from_secs(4_294_967_295)), Ok(u32::MAX));
        assert!(secs(Duration::ZERO).is_err());
        assert_eq!(
            ServerTimeout::from_duration(Duration::new(4_294_967_295, 1))
                .unwrap_err()
                .to_string(),
            "server timeout of 4294967295.000000001s is out of range: it must be between 1 and 4294967295 seconds"
        );
        assert!(secs(Duration::MAX).is_err());
    }

    #[test]
    fn parses_text() {
        assert_eq!("300".parse::<ServerTimeout>().unwrap().as_secs(), 300);
        assert_eq!(
            "0".parse::<ServerTimeout>().unwrap_err().to_string(),
            "server timeout of 0 s is out of range: it must be between 1 and 4294967295 seconds"
        );
        assert_eq!(
            "ten".parse::<ServerTimeout>().unwrap_err().to_string(),
            "server timeout \"ten\" is not a whole number of seconds: it must be between 1 and 4294967295 seconds"
        );
        assert!("99999999999999999999999999".parse::<ServerTimeout>().is_err());
    }

    #[test]
    fn displays_and_converts() {
        let t = ServerTimeout::seconds::<120>();
        assert_eq!(t.to_string(), "120 s");
        assert_eq!(t.as_duration(), Duration::from_secs(120));
    }
}
