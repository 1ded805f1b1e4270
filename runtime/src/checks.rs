//! Compile-time checks that code expanded from `#[fabric_endpoint]` calls: each is a trait
//! bound whose message says what to change when the bound does not hold.

use crate::server_timeout::ServerTimeout;
use crate::transport::Transport;

/// What a trait declaring endpoints must be: a [`Transport`].
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot send requests: a trait that declares `#[fabric_endpoint]` methods needs `Transport` as its supertrait",
    label = "this endpoint's trait is not `: Transport`",
    note = "declare the trait as `pub trait MyOperations: Transport {{ ... }}`"
)]
pub trait DeclaresEndpoints: Transport {}

impl<T: Transport + ?Sized> DeclaresEndpoints for T {}

/// Compiles only when `T` is a [`Transport`].
#[doc(hidden)]
pub const fn require_transport<T: DeclaresEndpoints + ?Sized>() {}

/// What the `timeout` query parameter must be: the gateway's server timeout.
#[diagnostic::on_unimplemented(
    message = "the `timeout` query parameter is the gateway's server timeout, and `{Self}` is not a `ServerTimeout`",
    label = "declare it as `Option<ServerTimeout>`",
    note = "a `ServerTimeout` holds 1 to 4294967295 seconds, and the client's own deadline follows it"
)]
pub trait ServerTimeoutParam {}

impl ServerTimeoutParam for ServerTimeout {}
impl ServerTimeoutParam for Option<ServerTimeout> {}
impl<T: ServerTimeoutParam + ?Sized> ServerTimeoutParam for &T {}

/// Compiles only when `T` is a `ServerTimeout` or an `Option` of one.
#[doc(hidden)]
pub const fn require_server_timeout<T: ServerTimeoutParam + ?Sized>() {}
