//! The PUT of a Mesh resource, which answers the resource (200, 201) or nothing at all
//! (202).
//!
//! `#[fabric_endpoint]` reads an optional body only for operations that may answer 204, so
//! each `…_CreateOrUpdate` is declared with the attribute as a hidden method answering its
//! status, and the public method sends the same request through that declaration and reads
//! the body with [`JsonOrNoContent`]: `None` on a 202 without a body.

use std::future::Future;

use crate::runtime::{FromResponse, JsonOrNoContent, RequestBuilder, call};
use crate::{Endpoint, Result, Transport};

/// Sends the PUT that `endpoint` describes to the resource the `path` values name, with the
/// JSON body `write_body` adds, and reads the answer as an optional `R`.
pub(crate) fn put_resource<'a, T, R, W>(
    transport: &'a T,
    endpoint: &'static Endpoint,
    path: &[(&'static str, &str)],
    write_body: W,
) -> impl Future<Output = Result<Option<R>>> + Send + use<'a, T, R, W>
where
    T: Transport + ?Sized,
    W: FnOnce(&mut RequestBuilder),
    JsonOrNoContent<R>: FromResponse<Output = Option<R>>,
    R: Send + 'a,
{
    let mut request = RequestBuilder::new(endpoint, transport);
    for (name, value) in path {
        request.path_param(name, *value);
    }
    write_body(&mut request);
    call::<T, JsonOrNoContent<R>>(transport, request.build())
}
