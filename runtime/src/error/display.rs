//! How an [`Error`] reads: one line of its own context for `Display`, the same with the
//! innermost cause for [`Error::display_chain`], and everything for `Debug`. Server text is
//! escaped in all of them.

use std::error::Error as StdError;
use std::fmt::{self, Write as _};

use super::{Error, ErrorKind, SNIPPET};
use crate::escape::Escaped;

impl Error {
    fn write_body(&self, out: &mut Escaped<'_, '_>) -> fmt::Result {
        let body = self.0.body.as_deref().unwrap_or_default();
        if body.iter().all(u8::is_ascii_whitespace) {
            return out.write_str("empty body");
        }
        let end = floor_char_boundary(body, SNIPPET);
        let text = String::from_utf8_lossy(&body[..end]);
        let more = if body.len() > end || self.0.body_truncated {
            "..."
        } else {
            ""
        };
        write!(out, "body {:?}{more}", text.trim())
    }

    /// The error on one line with its causes, ready for a log that shows no error chains:
    /// `GET /Nodes: cannot connect to the gateway: Connection refused (os error 111) [request id …]`.
    ///
    /// [`Display`](fmt::Display) shows only this error's own context and leaves the cause
    /// to [`source`](StdError::source), as error reporters (`anyhow`, `eyre`, `tracing`)
    /// expect; this form adds the innermost cause, which names what actually failed.
    pub fn display_chain(&self) -> impl fmt::Display + '_ {
        Chain(self)
    }

    /// Writes the error; `with_cause` adds the innermost cause of `source`.
    fn write(&self, f: &mut fmt::Formatter<'_>, with_cause: bool) -> fmt::Result {
        // Everything goes through the escaper: server text (messages, reason phrases,
        // headers) must not be able to break the line or send terminal control sequences.
        let out = &mut Escaped(f);
        let inner = &*self.0;
        if let Some(request) = &inner.request {
            write!(out, "{} {}: ", request.method, request.path)?;
        }
        self.write_kind(out)?;
        // A decode error's detail already says what its serde error says.
        if with_cause
            && inner.kind != ErrorKind::Decode
            && let Some(source) = &inner.source
        {
            let source: &(dyn StdError + 'static) = &**source;
            write!(out, ": {}", root_cause(source))?;
        }
        if inner.attempts > 1 {
            write!(out, " (after {} attempts)", inner.attempts)?;
        }
        if inner.kind == ErrorKind::InvalidArgument || (inner.kind == ErrorKind::Credentials && inner.attempts == 0) {
            out.write_str("; nothing was sent")?;
        }
        match &inner.request {
            Some(request) if !self.never_sent() => write!(out, " [request id {}]", request.attempt_id(inner.attempts)),
            _ => Ok(()),
        }
    }

    /// What went wrong, without the request line, the cause or the request id.
    fn write_kind(&self, out: &mut Escaped<'_, '_>) -> fmt::Result {
        let inner = &*self.0;
        let detail = inner.detail.as_deref();
        match inner.kind {
            ErrorKind::InvalidArgument => write!(out, "invalid argument: {}", detail.unwrap_or("unknown")),
            ErrorKind::Credentials => write!(out, "no credentials: {}", detail.unwrap_or("unknown")),
            ErrorKind::Timeout => write!(out, "timed out: {}", detail.unwrap_or("no response")),
            ErrorKind::Paging => write!(out, "paged list: {}", detail.unwrap_or("it does not end")),
            ErrorKind::Connect | ErrorKind::Transport => {
                out.write_str(match inner.kind {
                    ErrorKind::Connect => "cannot connect to the gateway",
                    _ => "connection failed",
                })?;
                match detail {
                    Some(detail) => write!(out, ": {detail}"),
                    None => Ok(()),
                }
            }
            ErrorKind::Status | ErrorKind::Decode => {
                let status = inner.status.map(|s| s.as_u16()).unwrap_or_default();
                write!(out, "{status}")?;
                match (&inner.fabric, inner.kind) {
                    (Some(fabric), ErrorKind::Status) => write!(out, " {fabric}"),
                    _ => {
                        if let Some(reason) = self.reason() {
                            write!(out, " {reason}")?;
                        }
                        if let Some(detail) = detail {
                            write!(out, ": {detail}")?;
                        }
                        out.write_str(": ")?;
                        self.write_body(out)
                    }
                }
            }
        }
    }
}

/// [`Error::display_chain`].
struct Chain<'e>(&'e Error);

impl fmt::Display for Chain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write(f, true)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write(f, false)
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &*self.0;
        let mut d = f.debug_struct("Error");
        d.field("kind", &inner.kind);
        if let Some(request) = &inner.request {
            d.field("operation", &request.operation)
                .field("method", &request.method)
                .field("path", &request.path)
                .field("request_id", &request.request_id);
        }
        if let Some(status) = inner.status {
            d.field("status", &status.as_u16()).field("reason", &self.reason());
        }
        if let Some(fabric) = &inner.fabric {
            d.field("fabric_error", fabric);
        }
        if let Some(detail) = &inner.detail {
            d.field("detail", detail);
        }
        if let Some(body) = &inner.body {
            let end = body.len().min(SNIPPET);
            d.field("body", &String::from_utf8_lossy(&body[..end]));
        }
        if let Some(source) = &inner.source {
            d.field("source", source);
        }
        if inner.attempts > 1 {
            d.field("attempts", &inner.attempts);
        }
        d.finish()
    }
}

/// The largest index at most `limit` that does not split a UTF-8 sequence of `body`, so a
/// quoted snippet never ends in a replacement character it did not have.
fn floor_char_boundary(body: &[u8], limit: usize) -> usize {
    let mut end = body.len().min(limit);
    // A UTF-8 sequence is at most four bytes: at most three continuation bytes to skip.
    for _ in 0..3 {
        if end == 0 || end == body.len() || body[end] & 0xc0 != 0x80 {
            break;
        }
        end -= 1;
    }
    end
}

fn root_cause<'e>(error: &'e (dyn StdError + 'static)) -> &'e (dyn StdError + 'static) {
    let mut cause = error;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause
}
