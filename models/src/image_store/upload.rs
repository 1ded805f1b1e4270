//! Upload sessions: a file going up to the image store chunk by chunk.

use fabric_rest_runtime::wire::Int64;
use fabric_rest_runtime::wire_struct;

use crate::common::Timestamp;

wire_struct! {
    /// Upload sessions (GetImageStoreUploadSessionById, GetImageStoreUploadSessionByPath).
    pub struct UploadSession {
        /// The sessions: one when asked by id, any number when asked by path.
        "UploadSessions" upload_sessions: Option<Vec<UploadSessionInfo>>,
    }
}

wire_struct! {
    /// An upload session: a file being uploaded chunk by chunk to one path.
    pub struct UploadSessionInfo {
        /// The file's path, relative to the image store root.
        "StoreRelativePath" store_relative_path: Option<String>,
        /// The session's id (a GUID chosen by the uploader).
        "SessionId" session_id: Option<String>,
        /// When the session was last modified (ISO-8601 UTC).
        "ModifiedDate" modified_date: Option<Timestamp>,
        /// The file's size in bytes.
        "FileSize" file_size: Option<Int64>,
        /// The byte ranges the image store has not received yet.
        "ExpectedRanges" expected_ranges: Option<Vec<UploadChunkRange>>,
    }
}

wire_struct! {
    /// A byte range of a file, both ends included.
    pub struct UploadChunkRange {
        /// The first byte.
        "StartPosition" start_position: Option<Int64>,
        /// The last byte.
        "EndPosition" end_position: Option<Int64>,
    }
}

impl UploadChunkRange {
    /// The first and last byte, when both are present and not negative.
    pub fn bounds(&self) -> Option<(u64, u64)> {
        let start = u64::try_from(self.start_position?.get()).ok()?;
        let end = u64::try_from(self.end_position?.get()).ok()?;
        Some((start, end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunk_range_bounds() {
        let text = r#"{"StartPosition":"730105","EndPosition":2097151}"#;
        let range: UploadChunkRange = serde_json::from_str(text).unwrap();
        assert_eq!(range.bounds(), Some((730105, 2097151)));
        assert_eq!(serde_json::to_string(&range).unwrap(), text);
        assert_eq!(UploadChunkRange::default().bounds(), None);
        let negative: UploadChunkRange = serde_json::from_str(r#"{"StartPosition":-1,"EndPosition":"2"}"#).unwrap();
        assert_eq!(negative.bounds(), None);
    }
}
