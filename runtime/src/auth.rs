//! Bearer tokens for clusters secured with Azure Active Directory (Microsoft Entra ID).

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

/// A bearer token, sent as `Authorization: Bearer <token>`. Its `Debug` never shows it.
#[derive(Clone, PartialEq, Eq)]
pub struct BearerToken(String);

impl BearerToken {
    /// A token as issued (without the `Bearer ` prefix).
    pub fn new(token: impl Into<String>) -> BearerToken {
        BearerToken(token.into())
    }

    /// The token text.
    pub fn secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("BearerToken(<redacted>)")
    }
}

/// Why a token provider could not give a token.
pub type TokenError = Box<dyn StdError + Send + Sync>;

/// Gives the client a bearer token for every request.
///
/// The client asks before each request with `force_refresh` false, so a provider caches
/// its token and renews it when it nears expiry. When the gateway answers 401 or 403, the
/// client asks once more with `force_refresh` true and sends the request again with the new
/// token. [`StaticToken`] is the provider of a fixed token.
///
/// ```
/// use fabric_rest_runtime::{BearerToken, TokenError, TokenProvider};
///
/// struct FromEnvironment;
///
/// impl TokenProvider for FromEnvironment {
///     async fn token(&self, _force_refresh: bool) -> Result<BearerToken, TokenError> {
///         Ok(BearerToken::new(std::env::var("SF_TOKEN")?))
///     }
/// }
/// ```
pub trait TokenProvider: Send + Sync + 'static {
    /// A token to send; a fresh one (not from a cache) when `force_refresh` is true.
    fn token(&self, force_refresh: bool) -> impl Future<Output = Result<BearerToken, TokenError>> + Send;
}

/// A token that never changes: refreshing gives the same token.
#[derive(Clone)]
pub struct StaticToken(BearerToken);

impl StaticToken {
    /// A provider of `token`.
    pub fn new(token: impl Into<String>) -> StaticToken {
        StaticToken(BearerToken::new(token))
    }
}

impl fmt::Debug for StaticToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("StaticToken").field(&self.0).finish()
    }
}

impl TokenProvider for StaticToken {
    async fn token(&self, _force_refresh: bool) -> Result<BearerToken, TokenError> {
        Ok(self.0.clone())
    }
}

type TokenFuture<'a> = Pin<Box<dyn Future<Output = Result<BearerToken, TokenError>> + Send + 'a>>;

/// The object-safe form of [`TokenProvider`] the client keeps.
pub(crate) trait DynTokenProvider: Send + Sync {
    fn token(&self, force_refresh: bool) -> TokenFuture<'_>;
}

impl<T: TokenProvider> DynTokenProvider for T {
    fn token(&self, force_refresh: bool) -> TokenFuture<'_> {
        Box::pin(TokenProvider::token(self, force_refresh))
    }
}
