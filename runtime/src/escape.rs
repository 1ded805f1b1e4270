//! Showing text that came from a server: control characters escaped, so it can neither
//! forge log lines nor drive a terminal.

use std::fmt;

/// Writes text with every control character escaped (`\n`, `\u{1b}`, ...), and the
/// bidirectional overrides that reorder how a terminal shows a line, so a message from the
/// server cannot forge log lines or drive a terminal.
pub(crate) struct Escaped<'a, 'b>(pub(crate) &'a mut fmt::Formatter<'b>);

/// Whether `c` must not reach a log line or a terminal as it is.
fn needs_escape(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

impl fmt::Write for Escaped<'_, '_> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text;
        while let Some(at) = rest.find(needs_escape) {
            self.0.write_str(&rest[..at])?;
            let c = rest[at..].chars().next().unwrap_or_default();
            write!(self.0, "{}", c.escape_debug())?;
            rest = &rest[at + c.len_utf8()..];
        }
        self.0.write_str(rest)
    }
}
