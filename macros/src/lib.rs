//! The `#[fabric_endpoint]` attribute of fabric-rest. Use it through the `fabric-rest`
//! crate, which re-exports it and documents it.
//!
//! The attribute works in three stages, each a plain function over plain data:
//! `attr` and `ast` parse the attribute and the method into a model, `valid` checks the
//! model and collects every mistake with the span of the tokens at fault, and `expand`
//! writes the provided method.

mod ast;
mod attr;
mod ctxt;
mod expand;
mod path;
mod static_type;
mod suggest;
mod valid;

use proc_macro::TokenStream;

/// Declares one Service Fabric REST operation as a trait method.
///
/// Put it on an `async fn` without a body, in a trait whose supertrait is
/// `fabric_rest::Transport`; it writes the body. (The examples here are compiled as doc tests
/// in the `fabric-rest` crate and its README.)
///
/// ```text
/// pub trait NodeOperations: Transport {
///     #[fabric_endpoint(GET, "/Nodes/{nodeName}", api_version = "6.0")]
///     async fn get_node_info(&self, #[path] node_name: &str, #[query] timeout: Option<ServerTimeout>)
///         -> Result<Option<NodeInfo>>;
/// }
/// impl<T: Transport> NodeOperations for T {}
/// ```
///
/// # Arguments
///
/// - The HTTP method: `GET`, `POST`, `PUT`, `DELETE` or `PATCH`.
/// - The path: starts with `/`; `$` is literal; `{name}` fills a whole segment from a
///   `#[path]` parameter.
/// - `api_version = "x.y"` or `"x.y-preview"` (required). Callers may send another with
///   `Transport::with_api_version`.
/// - `success = 201` or `success = [200, 204]`: the statuses that mean success, when the
///   return type does not say it (`Accepted`: 202; `Option<T>`: 200 and 204; others: 200).
/// - `default_timeout = 600`: the server timeout sent when the caller passes `None`
///   (1 to 4294967295).
/// - `idempotent` / `idempotent = false`: whether retries may re-send it (default: GET, PUT
///   and DELETE are).
/// - `operation = "Name"`: the operation's name (default: the method's name in PascalCase).
///
/// # Parameters
///
/// - `#[path]`, `#[path("name")]`: a `{placeholder}`; `node_name` fills `{nodeName}`. The value
///   is percent-encoded so it can never add a segment; `#[path(keep_escapes)]` keeps `%XX`
///   escapes the caller already wrote.
/// - `#[query]`, `#[query("WireName")]`: a query pair, left out when `None`. Multi-word Rust
///   names must give their wire name (Service Fabric's are PascalCase). Options: `min = N`,
///   `max = N` (checked before sending), `default = ..` (recorded only), `keep_escapes`
///   (text values: `%XX` escapes already in the value are kept, as for `ContinuationToken`).
///   A `ServerTimeout` parameter is the server timeout, and sets the client's deadline.
/// - `#[header("Name")]`: a request header.
/// - `#[body]`: the JSON body (`Option<&T>` sends none when `None`); `#[body(bytes)]`: a raw
///   `application/octet-stream` body.
///
/// # Return type
///
/// `Result<Accepted>`, `Result<()>`, `Result<T>` (JSON), `Result<Option<T>>` (204 or an empty
/// body is `None`) or `Result<StatusCode>` (which success status came back).
///
/// # The method it writes
///
/// Beside the method, the trait gets a constant describing the operation, named as the
/// method in capitals: `get_node_info` gives `GET_NODE_INFO: &'static Endpoint`, the same
/// description `fabric_rest::endpoints()` lists, for tests and tools to name an operation
/// by (`Client::GET_NODE_INFO`).
///
/// The method builds the request when it is called and returns a `Send` future that sends
/// it when polled; an argument that cannot go on the wire makes the future end with an
/// invalid-argument error before anything is sent.
///
/// Every mistake is a compile error at the tokens at fault, saying how to fix it.
#[proc_macro_attribute]
pub fn fabric_endpoint(args: TokenStream, item: TokenStream) -> TokenStream {
    let item = syn::parse_macro_input!(item as syn::TraitItemFn);
    let args = proc_macro2::TokenStream::from(args);
    expand::endpoint(args, item).into()
}
