//! [`ContentRange`], the byte range of one chunk of an upload session.

use std::fmt;

/// The `Content-Range` of one chunk sent with UploadFileChunk: bytes `start` to `end` (both
/// included) of a file of `total` bytes, written `bytes {start}-{end}/{total}`.
///
/// It can only hold a range inside the file, so a wrong range fails where it is made, not
/// at the gateway.
///
/// ```
/// use fabric_rest_models::{ContentRange, ContentRangeError};
///
/// let range = ContentRange::new(300, 5000, 20000)?;
/// assert_eq!(range.to_string(), "bytes 300-5000/20000");
/// assert_eq!(range.len(), 4701);
///
/// // The same range, from where a chunk starts and how long it is.
/// assert_eq!(ContentRange::for_chunk(300, 4701, 20000)?, range);
///
/// assert_eq!(
///     ContentRange::new(0, 20000, 20000),
///     Err(ContentRangeError::EndPastFile { end: 20000, total: 20000 })
/// );
/// # Ok::<(), ContentRangeError>(())
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ContentRange {
    start: u64,
    end: u64,
    total: u64,
}

impl ContentRange {
    /// Bytes `start` to `end`, both included, of a file of `total` bytes. Fails if `start`
    /// comes after `end` or `end` is not inside the file.
    pub const fn new(start: u64, end: u64, total: u64) -> Result<ContentRange, ContentRangeError> {
        if start > end {
            return Err(ContentRangeError::StartAfterEnd { start, end });
        }
        if end >= total {
            return Err(ContentRangeError::EndPastFile { end, total });
        }
        Ok(ContentRange { start, end, total })
    }

    /// The `len` bytes from `offset` on, of a file of `total` bytes: the range of a chunk
    /// read at `offset`. Fails for an empty chunk or one that runs past the file.
    pub const fn for_chunk(offset: u64, len: u64, total: u64) -> Result<ContentRange, ContentRangeError> {
        if len == 0 {
            return Err(ContentRangeError::EmptyChunk);
        }
        match offset.checked_add(len) {
            Some(after) if after <= total => Ok(ContentRange {
                start: offset,
                end: after - 1,
                total,
            }),
            _ => Err(ContentRangeError::ChunkPastFile { offset, len, total }),
        }
    }

    /// The ranges of a file of `total` bytes cut into chunks of `chunk_size` bytes (the last
    /// may be shorter), in order. A chunk is sent as one request body, which the gateway
    /// takes up to 4 MiB ([`MAX_BODY`](fabric_rest_runtime::MAX_BODY)); an empty file has no
    /// chunks.
    ///
    /// ```
    /// use std::num::NonZeroU64;
    /// use fabric_rest_models::ContentRange;
    ///
    /// let ranges: Vec<String> = ContentRange::chunks(10, NonZeroU64::new(4).unwrap())
    ///     .map(|range| range.to_string())
    ///     .collect();
    /// assert_eq!(ranges, ["bytes 0-3/10", "bytes 4-7/10", "bytes 8-9/10"]);
    /// ```
    pub fn chunks(total: u64, chunk_size: std::num::NonZeroU64) -> impl Iterator<Item = ContentRange> {
        let size = chunk_size.get();
        let mut next = (total > 0).then_some(0_u64);
        std::iter::from_fn(move || {
            let start = next?;
            let end = start.saturating_add(size - 1).min(total - 1);
            next = end.checked_add(1).filter(|after| *after < total);
            Some(ContentRange { start, end, total })
        })
    }

    /// The first byte.
    pub const fn start(&self) -> u64 {
        self.start
    }

    /// The last byte.
    pub const fn end(&self) -> u64 {
        self.end
    }

    /// The file's size in bytes.
    pub const fn total(&self) -> u64 {
        self.total
    }

    /// How many bytes the range holds: the length the chunk sent with it must have (a
    /// request whose body differs is refused before it is sent).
    #[allow(clippy::len_without_is_empty)] // never empty
    pub const fn len(&self) -> u64 {
        self.end - self.start + 1
    }

    /// Whether this is the file's last chunk.
    pub const fn is_last(&self) -> bool {
        self.end + 1 == self.total
    }
}

impl fmt::Display for ContentRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bytes {}-{}/{}", self.start, self.end, self.total)
    }
}

/// Sent as the `Content-Range` header: `bytes {start}-{end}/{total}`.
impl fabric_rest_runtime::HeaderArg for ContentRange {
    fn header_value(&self) -> Option<std::borrow::Cow<'_, str>> {
        Some(self.to_string().into())
    }
}

/// Why a [`ContentRange`] could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ContentRangeError {
    /// The first byte comes after the last.
    StartAfterEnd {
        /// The first byte asked for.
        start: u64,
        /// The last byte asked for.
        end: u64,
    },
    /// The last byte is not inside the file.
    EndPastFile {
        /// The last byte asked for.
        end: u64,
        /// The file's size in bytes.
        total: u64,
    },
    /// A chunk of no bytes: every chunk carries at least one.
    EmptyChunk,
    /// A chunk that runs past the end of the file.
    ChunkPastFile {
        /// Where the chunk starts.
        offset: u64,
        /// Its length in bytes.
        len: u64,
        /// The file's size in bytes.
        total: u64,
    },
}

impl fmt::Display for ContentRangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ContentRangeError::StartAfterEnd { start, end } => write!(
                f,
                "content range starts at byte {start} but ends at byte {end}: the start must not come after the end"
            ),
            ContentRangeError::EndPastFile { end, total } => write!(
                f,
                "content range ends at byte {end}, which is not inside a {total}-byte file (bytes are numbered from 0)"
            ),
            ContentRangeError::EmptyChunk => {
                f.write_str("a chunk of 0 bytes has no content range: every chunk carries at least one byte")
            }
            ContentRangeError::ChunkPastFile { offset, len, total } => write!(
                f,
                "a {len}-byte chunk at offset {offset} runs past the end of a {total}-byte file"
            ),
        }
    }
}

impl std::error::Error for ContentRangeError {}

/// An invalid range is an invalid argument, so `?` works in functions returning
/// [`fabric_rest_runtime::Result`].
impl From<ContentRangeError> for fabric_rest_runtime::Error {
    fn from(error: ContentRangeError) -> fabric_rest_runtime::Error {
        fabric_rest_runtime::Error::invalid_argument(error.to_string())
    }
}

#[cfg(test)]
mod tests {
    use std::num::NonZeroU64;

    use super::*;

    #[test]
    fn content_range_text_is_the_header_value() {
        let range = ContentRange::new(0, 0, 1).unwrap();
        assert_eq!(range.to_string(), "bytes 0-0/1");
        assert_eq!(range.len(), 1);
        assert!(range.is_last());
        let range = ContentRange::new(300, 5000, 20000).unwrap();
        assert_eq!(
            fabric_rest_runtime::HeaderArg::header_value(&range).as_deref(),
            Some("bytes 300-5000/20000")
        );
        assert!(!range.is_last());
        let last = ContentRange::new(u64::MAX - 1, u64::MAX - 1, u64::MAX).unwrap();
        assert_eq!(last.to_string(), format!("bytes {0}-{0}/{1}", u64::MAX - 1, u64::MAX));
        assert!(last.is_last());
    }

    #[test]
    fn content_range_refuses_ranges_outside_the_file() {
        assert_eq!(
            ContentRange::new(10, 4, 20),
            Err(ContentRangeError::StartAfterEnd { start: 10, end: 4 })
        );
        assert_eq!(
            ContentRange::new(10, 4, 20).unwrap_err().to_string(),
            "content range starts at byte 10 but ends at byte 4: the start must not come after the end"
        );
        assert_eq!(
            ContentRange::new(0, 20, 20).unwrap_err().to_string(),
            "content range ends at byte 20, which is not inside a 20-byte file (bytes are numbered from 0)"
        );
        assert_eq!(
            ContentRange::new(0, 0, 0),
            Err(ContentRangeError::EndPastFile { end: 0, total: 0 })
        );
    }

    #[test]
    fn content_range_for_a_chunk() {
        assert_eq!(ContentRange::for_chunk(4, 4, 10), ContentRange::new(4, 7, 10));
        assert_eq!(ContentRange::for_chunk(6, 4, 10), ContentRange::new(6, 9, 10));
        assert_eq!(
            ContentRange::for_chunk(7, 4, 10).unwrap_err().to_string(),
            "a 4-byte chunk at offset 7 runs past the end of a 10-byte file"
        );
        assert_eq!(
            ContentRange::for_chunk(u64::MAX, 2, u64::MAX),
            Err(ContentRangeError::ChunkPastFile {
                offset: u64::MAX,
                len: 2,
                total: u64::MAX
            })
        );
        assert_eq!(
            ContentRange::for_chunk(0, 0, 10).unwrap_err().to_string(),
            "a chunk of 0 bytes has no content range: every chunk carries at least one byte"
        );
    }

    #[test]
    fn a_file_cut_into_chunks() {
        let size = |n| NonZeroU64::new(n).unwrap();
        let texts = |total, chunk| {
            ContentRange::chunks(total, size(chunk))
                .map(|r| r.to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(8, 4), ["bytes 0-3/8", "bytes 4-7/8"]);
        assert_eq!(texts(3, 4), ["bytes 0-2/3"]);
        assert_eq!(texts(1, 1), ["bytes 0-0/1"]);
        assert!(texts(0, 4).is_empty());
        let huge: Vec<_> = ContentRange::chunks(u64::MAX, size(u64::MAX / 2 + 1)).collect();
        assert_eq!(huge.len(), 2);
        assert_eq!(huge[1].end(), u64::MAX - 1);
        assert!(huge[1].is_last());
        let lens: u64 = ContentRange::chunks(10_000_001, size(4 << 20)).map(|r| r.len()).sum();
        assert_eq!(lens, 10_000_001);
    }

    #[test]
    fn an_invalid_range_is_an_invalid_argument() {
        let error = fabric_rest_runtime::Error::from(ContentRangeError::EmptyChunk);
        assert!(error.is_invalid_argument());
        assert!(
            error
                .to_string()
                .contains("a chunk of 0 bytes has no content range: every chunk carries at least one byte"),
            "{error}"
        );
    }
}
