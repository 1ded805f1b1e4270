//! Continuation-token paging: the gateway's `{ContinuationToken, Items}` lists, read page by
//! page or as one stream of items.

use std::collections::HashSet;
use std::future::Future;

pub use futures_core::Stream;
use serde::{Deserialize, Serialize};

use crate::error::Error;

/// One page of a paged list (`PagedNodeInfoList`, `PagedDeployedApplicationInfoList`, ...).
///
/// The gateway sends a non-empty [`continuation_token`](Self::continuation_token) when more
/// results follow; pass it back as the `ContinuationToken` query parameter of the same
/// operation to get the next page. An absent, `null` or empty token ends the list.
///
/// A page is read from a JSON object only (fields in any order, `Items` absent or `null`
/// read as none, other fields skipped); anything else is an error that says a page object
/// was expected.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "PascalCase")]
#[non_exhaustive]
pub struct Paged<T> {
    /// Where the next page starts, if there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub continuation_token: Option<String>,
    /// The results of this page.
    pub items: Vec<T>,
}

/// The fields of a page, read without allocating.
enum PageField {
    ContinuationToken,
    Items,
    Other,
}

impl<'de> Deserialize<'de> for PageField {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct FieldVisitor;
        impl serde::de::Visitor<'_> for FieldVisitor {
            type Value = PageField;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: serde::de::Error>(self, name: &str) -> Result<PageField, E> {
                Ok(match name {
                    "ContinuationToken" => PageField::ContinuationToken,
                    "Items" => PageField::Items,
                    _ => PageField::Other,
                })
            }
        }
        deserializer.deserialize_identifier(FieldVisitor)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Paged<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PageVisitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for PageVisitor<T> {
            type Value = Paged<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a page object with ContinuationToken and Items")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Paged<T>, A::Error> {
                let mut page = Paged::new(Vec::new(), None);
                while let Some(field) = map.next_key::<PageField>()? {
                    match field {
                        PageField::ContinuationToken => page.continuation_token = map.next_value()?,
                        PageField::Items => page.items = map.next_value::<Option<Vec<T>>>()?.unwrap_or_default(),
                        PageField::Other => {
                            map.next_value::<serde::de::IgnoredAny>()?;
                        }
                    }
                }
                Ok(page)
            }
        }
        deserializer.deserialize_map(PageVisitor(std::marker::PhantomData))
    }
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

/// The most pages [`pages`] and [`items`] fetch from one list. A gateway answers at most a
/// few thousand items a page, so this is hundreds of thousands of items or more; a list
/// longer than that ends with a [`Paging`](crate::ErrorKind::Paging) error.
pub const MAX_PAGES: usize = 10_000;

/// The most items [`collect_all`] gathers (1,000,000); [`collect_at_most`] takes a bound
/// of its own.
pub const MAX_ITEMS: usize = 1_000_000;

/// Where the next fetch starts, and the tokens already followed.
struct Cursor {
    next: Next,
    seen: HashSet<String>,
    pages: usize,
}

enum Next {
    First,
    After(String),
    Done,
}

impl Cursor {
    /// What to fetch after a page whose token is `token`: the end, the next page, or an
    /// error for a token already followed (a loop) or a list past [`MAX_PAGES`].
    fn advance(&mut self, token: Option<&str>) -> Result<(), Error> {
        self.pages += 1;
        let Some(token) = token else {
            self.next = Next::Done;
            return Ok(());
        };
        self.next = Next::Done;
        if !self.seen.insert(token.to_owned()) {
            return Err(Error::paging(format!(
                "the gateway handed back the continuation token {token:?} a second time (after {} pages); the list would never end",
                self.pages
            )));
        }
        if self.pages >= MAX_PAGES {
            return Err(Error::paging(format!(
                "the list goes on past {MAX_PAGES} pages; fetch it page by page to read further"
            )));
        }
        self.next = Next::After(token.to_owned());
        Ok(())
    }
}

/// Every page of a paged operation, as a stream: `fetch` is called with `None` for the first
/// page and with each page's token for the next, until a page comes without one.
///
/// The stream ends after the first error, which it yields. A gateway handing back a token
/// it gave before (which would make the list loop forever) and a list of more than
/// [`MAX_PAGES`] pages end it with a [`Paging`](crate::ErrorKind::Paging) error after the
/// page that did it.
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
    let cursor = Cursor {
        next: Next::First,
        seen: HashSet::new(),
        pages: 0,
    };
    let state = (fetch, cursor, None::<Error>);
    futures_util::stream::unfold(state, |(mut fetch, mut cursor, pending)| async move {
        if let Some(error) = pending {
            return Some((Err(error), (fetch, cursor, None)));
        }
        let token = match std::mem::replace(&mut cursor.next, Next::Done) {
            Next::First => None,
            Next::After(token) => Some(token),
            Next::Done => return None,
        };
        match fetch(token).await {
            Ok(page) => {
                let pending = cursor.advance(page.next_token()).err();
                Some((Ok(page), (fetch, cursor, pending)))
            }
            Err(error) => Some((Err(error), (fetch, cursor, None))),
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

/// Every item of a paged operation, collected: stops at the first error, and with a
/// [`Paging`](crate::ErrorKind::Paging) error past [`MAX_ITEMS`] items.
pub async fn collect_all<T, F, Fut>(fetch: F) -> Result<Vec<T>, Error>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Paged<T>, Error>>,
{
    collect_at_most(fetch, MAX_ITEMS).await
}

/// As [`collect_all`], with a bound of `limit` items of its own: a longer list is a
/// [`Paging`](crate::ErrorKind::Paging) error rather than memory without end.
pub async fn collect_at_most<T, F, Fut>(fetch: F, limit: usize) -> Result<Vec<T>, Error>
where
    F: FnMut(Option<String>) -> Fut,
    Fut: Future<Output = Result<Paged<T>, Error>>,
{
    use futures_util::StreamExt as _;
    let mut all = Vec::new();
    let mut stream = std::pin::pin!(pages(fetch));
    while let Some(page) = stream.next().await {
        let page = page?;
        if page.items.len() > limit - all.len() {
            return Err(Error::paging(format!(
                "the list holds more than {limit} items; read it as a stream (paging::items) instead"
            )));
        }
        all.extend(page.items);
    }
    Ok(all)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_read_from_an_object_only() {
        let page: Paged<u32> =
            serde_json::from_str(r#"{"Items":[1,2],"Extra":{"a":[1]},"ContinuationToken":"t"}"#).unwrap();
        assert_eq!(page, Paged::new(vec![1, 2], Some("t".to_owned())));
        let empty: Paged<u32> = serde_json::from_str(r#"{"ContinuationToken":null,"Items":null}"#).unwrap();
        assert_eq!(empty, Paged::new(Vec::new(), None));
        // A bare list where the page object belongs says so, instead of reading the first
        // item as the continuation token.
        let error = serde_json::from_str::<Paged<serde_json::Value>>(r#"[{"Name":"vm0"}]"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: sequence, expected a page object with ContinuationToken and Items at line 1 column 0"
        );
        let error = serde_json::from_str::<Paged<u32>>(r#"{"Items":["x"]}"#).unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid type: string \"x\", expected u32 at line 1 column 13"
        );
    }

    #[test]
    fn a_page_writes_back_as_it_reads() {
        let page = Paged::new(vec![1u32], Some("t".to_owned()));
        assert_eq!(
            serde_json::to_string(&page).unwrap(),
            r#"{"ContinuationToken":"t","Items":[1]}"#
        );
        let last = Paged::new(Vec::<u32>::new(), None);
        assert_eq!(serde_json::to_string(&last).unwrap(), r#"{"Items":[]}"#);
    }
}
