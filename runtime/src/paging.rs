//! Continuation-token paging: the gateway's `{ContinuationToken, Items}` lists, read page by
//! page or as one stream of items.

use std::future::Future;

pub use futures_core::Stream;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// One page of a paged list (`PagedNodeInfoList`, `PagedDeployedApplicationInfoList`, ...).
///
/// The gateway sends a non-empty [`continuation_token`](Self::continuation_token) when more
/// results follow; pass it back as the `ContinuationToken` query parameter of the same
/// operation to get the next page. An absent, `null` or empty token ends the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Paged<T> {
    /// Where the next page starts, if there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continuation_token: Option<String>,
    /// The results of this page.
    #[serde(default = "Vec::new")]
    pub items: Vec<T>,
}

impl<T> Paged<T> {
    /// A page of `items`, followed by the page at `continuation_token` if it is `Some`.
    pub fn new(items: Vec<T>, continuation_token: Option<String>) -> Paged<T> {
        Paged {
            continuation_token,
            items,
        }
    }

    /// The token of the next page; `None` on the last page (an empty token counts as none).
    pub fn next_token(&self) -> Option<&str> {
        self.continuation_token.as_deref().filter(|token| !token.is_empty())
    }
}

enum Cursor {
    First,
    After(String),
    Done,
}

/// Every page of a paged operation, as a stream: `fetch` is called with `None` for the first
/// page and with each page's token for the next, until a page comes without one.
///
/// The stream ends after the first error (which it yields), and after a page whose token is
/// the one that fetched it, so a gateway repeating itself cannot make it loop forever.
///
/// ```no_run
/// use fabric_rest_runtime::paging::{Paged, pages};
/// # async fn list(token: Option<String>) -> Result<Paged<String>, fabric_rest_runtime::Error> {
/// #     Ok(Paged::new(token.into_iter().collect(), None))
/// # }
/// let all_pages = pages(|token| list(token));
/// ```
pub fn pages<T, F, Fut>(fetch: F) -> impl Stream<Item = Result<Paged<T>, Error>>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Paged<T>, Error>>,
{
    futures_util::stream::unfold((fetch, Cursor::First), |(mut fetch, cursor)| async move {
        let token = match cursor {
            Cursor::First => None,
            Cursor::After(token) => Some(token),
            Cursor::Done => return None,
        };
        match fetch(token.clone()).await {
            Ok(page) => {
                let next = match page.next_token() {
                    Some(next) if Some(next) != token.as_deref() => Cursor::After(next.to_owned()),
                    _ => Cursor::Done,
                };
                Some((Ok(page), (fetch, next)))
            }
            Err(error) => Some((Err(error), (fetch, Cursor::Done))),
        }
    })
}

/// Every item of a paged operation, as a stream: [`pages`] flattened.
pub fn items<T, F, Fut>(fetch: F) -> impl Stream<Item = Result<T, Error>>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Paged<T>, Error>>,
{
    use futures_util::StreamExt as _;
    pages(fetch).flat_map(|page| {
        let items: Vec<Result<T, Error>> = match page {
            Ok(page) => page.items.into_iter().map(Ok).collect(),
            Err(error) => vec![Err(error)],
        };
        futures_util::stream::iter(items)
    })
}

/// Every item of a paged operation, collected: stops at the first error.
pub async fn collect_all<T, F, Fut>(fetch: F) -> Result<Vec<T>, Error>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Paged<T>, Error>>,
{
    use futures_util::StreamExt as _;
    let mut all = Vec::new();
    let mut stream = std::pin::pin!(pages(fetch));
    while let Some(page) = stream.next().await {
        all.extend(page?.items);
    }
    Ok(all)
}
