//! Percent-encoding of path segments and query values: strict, or keeping the `%XX`
//! escapes a value already holds, and the checks that keep a value inside its own segment.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use crate::endpoint::ValueEncoding;

/// Characters written as they are in path segments and query values: RFC 3986's unreserved
/// set. Everything else is percent-encoded, so a value can never end a segment or start a
/// new query pair (the gateway splits the query on `&` and `=`).
pub(crate) const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'.').remove(b'_').remove(b'~');

/// Writes one percent-encoded path segment.
#[derive(Debug)]
pub struct PathSegment<'a> {
    pub(crate) out: &'a mut String,
    pub(crate) encoding: ValueEncoding,
    /// A `%XX` escape of `/`, `\`, `?` or `#` that `KeepEscapes` was asked to keep.
    pub(crate) kept_delimiter: Option<String>,
}

impl PathSegment<'_> {
    /// Appends `text`, percent-encoding everything outside RFC 3986's unreserved set (and,
    /// with [`ValueEncoding::KeepEscapes`], keeping `%XX` escapes already in `text`).
    pub fn push_str(&mut self, text: &str) {
        match self.encoding {
            ValueEncoding::KeepEscapes => {
                if self.kept_delimiter.is_none() {
                    self.kept_delimiter = escaped_delimiter(text);
                }
                push_keeping_escapes(self.out, text);
            }
            _ => push_strict(self.out, text),
        }
    }
}

/// The first `%XX` escape in `text` that decodes to a character ending a path segment, the
/// path or the query (`%2F`, `%5C`, `%3F`, `%23`, in any case).
fn escaped_delimiter(text: &str) -> Option<String> {
    text.as_bytes().windows(3).find_map(|w| {
        let escape = std::str::from_utf8(w).ok()?;
        let upper = escape.to_ascii_uppercase();
        matches!(upper.as_str(), "%2F" | "%5C" | "%3F" | "%23").then(|| escape.to_owned())
    })
}

/// What makes a written path segment unsafe to send, if anything: empty, or a value the
/// gateway would read as more than this one segment's text.
pub(crate) fn segment_problem(segment: &str, kept_delimiter: Option<String>) -> Option<String> {
    if segment.is_empty() {
        return Some("is empty; the gateway would read another path".to_owned());
    }
    if let Some(escape) = kept_delimiter {
        return Some(format!(
            "holds the escape `{escape}`, which decodes to a path or query delimiter; keep_escapes keeps only escapes of ordinary characters, so pass the character itself (it is then encoded)"
        ));
    }
    // The gateway decodes the segment and may split it on `/` or `\`: no piece of it may be
    // `.` or `..`, which URL handling removes together with the segment before it
    // (`/ImageStore/a%2F..%2F..` would reach `/`).
    let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
    decoded
        .split(['/', '\\'])
        .any(|piece| piece == "." || piece == "..")
        .then(|| {
            format!(
                "is `{segment}`, which holds a `.` or `..` step that a URL reads as the same or the parent folder; the gateway would read another path"
            )
        })
}

/// Encodes `text` strictly, except for `%` followed by two hex digits, copied as they are.
pub(crate) fn push_keeping_escapes(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        push_strict(out, &rest[..at]);
        let escape = rest.as_bytes().get(at..at + 3);
        match escape {
            Some([b'%', high, low]) if high.is_ascii_hexdigit() && low.is_ascii_hexdigit() => {
                out.push_str(&rest[at..at + 3]);
                rest = &rest[at + 3..];
            }
            _ => {
                out.push_str("%25");
                rest = &rest[at + 1..];
            }
        }
    }
    push_strict(out, rest);
}

/// Appends `text` with every byte outside RFC 3986's unreserved set percent-encoded. Names
/// and most values need no escape at all, and are copied as they are.
pub(crate) fn push_strict(out: &mut String, text: &str) {
    let unreserved = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~');
    if text.bytes().all(unreserved) {
        out.push_str(text);
    } else {
        out.extend(utf8_percent_encode(text, UNRESERVED));
    }
}
