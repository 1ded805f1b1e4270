//! What a test learns about requests that did not fit an operation's description.

use std::fmt;

use fabric_rest_runtime::Endpoint;

use crate::record::RecordedRequest;

/// A request that did not fit the operation it was meant for, as
/// [`Emulator::unmatched`](crate::Emulator::unmatched) reports it.
///
/// The emulator answers such a request the way the gateway would (see [`Problem`]) and
/// keeps a record of it, so a test can tell a wrongly declared operation (a misspelt query
/// name, an api-version the cluster does not know, a JSON body that is not JSON) from a
/// client that merely got an error.
///
/// ```
/// # use fabric_rest_emulator::{Emulator, Problem};
/// # async fn check(emulator: &Emulator) {
/// for mismatch in emulator.unmatched() {
///     // e.g. `GET /Nodes?api-version=6.0: GetNodeInfoList: api-version 6.0 is outside 6.3 to 9.1`
///     eprintln!("{mismatch}");
/// }
/// assert!(emulator.unmatched().iter().all(|m| !m.problem.is_refusal()));
/// # }
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Mismatch {
    /// The request, as [`Emulator::requests`](crate::Emulator::requests) records it.
    pub request: RecordedRequest,
    /// The operation whose path the request has, when one has it.
    pub operation: Option<&'static Endpoint>,
    /// What did not fit.
    pub problem: Problem,
}

/// What did not fit in a [`Mismatch`], and how the gateway answers it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// No operation the emulator serves or was told about has this path: 400
    /// `E_INVALIDARG`, as the gateway answers (never 404).
    UnknownPath,
    /// An operation has this path, but not this method: 400 `E_INVALIDARG` (never 405).
    WrongMethod,
    /// The query has no non-empty `api-version`: 400 `E_INVALIDARG`.
    MissingApiVersion,
    /// The `api-version` does not start with a number: 400 `E_INVALIDARG`.
    UnreadableApiVersion {
        /// The value as sent.
        sent: String,
    },
    /// The `api-version` is below the operation's own version or above the emulated
    /// runtime's: 400 `E_INVALIDARG`.
    ApiVersionOutOfRange {
        /// The value as sent.
        sent: String,
        /// The lowest version the operation takes.
        minimum: String,
        /// The highest: the emulated runtime's version.
        maximum: String,
    },
    /// A query parameter the operation requires is missing or empty: 400 `E_INVALIDARG`.
    MissingQueryParameter {
        /// Its name.
        name: &'static str,
    },
    /// The operation requires a body and the request has none: 400 `E_INVALIDARG`.
    MissingBody,
    /// The body is declared JSON and is not (the gateway's reader is lenient: whatever
    /// follows the first complete JSON value is ignored): 400 `E_INVALIDARG`.
    UnreadableBody,
    /// The body is larger than [`MAX_BODY_BYTES`](crate::MAX_BODY_BYTES): 413
    /// `FABRIC_E_MESSAGE_TOO_LARGE`.
    BodyTooLarge,
    /// A scripted operation has no answer left, and nothing else answers it: 400
    /// `E_INVALIDARG`, with a message that says so.
    NoAnswerLeft,
    /// A query parameter the operation does not declare. The gateway ignores it and answers
    /// normally, and so does the emulator; this is how a misspelt optional parameter, which
    /// silently has no effect on a cluster, shows up in a test.
    UnknownQueryParameter {
        /// Its name, percent-decoded.
        name: String,
    },
}

impl Problem {
    /// Whether the request was answered with an error for it; `false` for
    /// [`UnknownQueryParameter`](Self::UnknownQueryParameter), which the gateway ignores.
    pub fn is_refusal(&self) -> bool {
        !matches!(self, Problem::UnknownQueryParameter { .. })
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Problem::UnknownPath => f.write_str("no operation has this path"),
            Problem::WrongMethod => f.write_str("the operation has this path, but not this method"),
            Problem::MissingApiVersion => f.write_str("no api-version"),
            Problem::UnreadableApiVersion { sent } => write!(f, "api-version {sent:?} is not a number"),
            Problem::ApiVersionOutOfRange { sent, minimum, maximum } => {
                write!(f, "api-version {sent} is outside {minimum} to {maximum}")
            }
            Problem::MissingQueryParameter { name } => write!(f, "the required query parameter {name} is missing"),
            Problem::MissingBody => f.write_str("the required body is missing"),
            Problem::UnreadableBody => f.write_str("the body is not JSON"),
            Problem::BodyTooLarge => f.write_str("the body is over 4 MiB"),
            Problem::NoAnswerLeft => f.write_str("the script has no answer left"),
            Problem::UnknownQueryParameter { name } => {
                write!(
                    f,
                    "the operation has no query parameter {name:?} (the gateway ignores it)"
                )
            }
        }
    }
}

impl fmt::Display for Mismatch {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}: ", self.request.method, self.request.target)?;
        if let Some(operation) = self.operation {
            write!(f, "{}: ", operation.operation())?;
        }
        write!(f, "{}", self.problem)
    }
}
