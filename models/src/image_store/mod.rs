//! The models of the image store operations, every operation under `/ImageStore`: its
//! content, copies, upload sessions and chunk ranges, folder sizes and disk usage.

mod content;
mod content_range;
mod upload;

pub use content::*;
pub use content_range::*;
pub use upload::*;
