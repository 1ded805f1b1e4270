//! Service Fabric names: creating, checking, deleting and listing them.

use crate::models::{NameDescription, PagedSubNameInfoList};
use crate::paging::{self, Stream};
use crate::{FabricErrorCode, Result, ServerTimeout, Transport, fabric_endpoint};

/// Service Fabric names, the hierarchy (`fabric:/samples/apps`) under which applications,
/// services and properties live.
///
/// Implemented for every [`Transport`]. A `name_id` is a name without its `fabric:/`
/// scheme (`samples/apps` for `fabric:/samples/apps`); it fills one path segment, so its
/// `/` are sent as `%2F`, which the gateway reads back.
pub trait Names: Transport {
    /// Creates the name in `description` (`POST /Names/$/Create`); the gateway answers
    /// `201 Created`.
    #[fabric_endpoint(POST, "/Names/$/Create", api_version = "6.0", success = 201)]
    async fn create_name(
        &self,
        #[body] description: &NameDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Succeeds when the name exists (`GET /Names/{nameId}`); a name that does not fails
    /// with `FABRIC_E_NAME_DOES_NOT_EXIST`. [`name_exists`](Self::name_exists) reads that
    /// as `false`.
    #[fabric_endpoint(GET, "/Names/{nameId}", api_version = "6.0")]
    async fn get_name_exists_info(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Whether the name exists (`GET /Names/{nameId}`): any error but
    /// `FABRIC_E_NAME_DOES_NOT_EXIST` stays an error.
    ///
    /// ```no_run
    /// use fabric_rest::Client;
    /// use fabric_rest::names::Names;
    ///
    /// # async fn run() -> fabric_rest::Result<()> {
    /// let client = Client::new("http://127.0.0.1:19080")?;
    /// if !client.name_exists("samples/apps", None).await? {
    ///     let name = fabric_rest::models::NameDescription::new("fabric:/samples/apps");
    ///     client.create_name(&name, None).await?;
    /// }
    /// # Ok(()) }
    /// ```
    fn name_exists<'a>(
        &'a self,
        name_id: &'a str,
        timeout: Option<ServerTimeout>,
    ) -> impl Future<Output = Result<bool>> + Send + 'a
    where
        Self: Sized,
    {
        let exists = self.get_name_exists_info(name_id, timeout);
        async move {
            match exists.await {
                Ok(()) => Ok(true),
                Err(error) if error.code() == Some(&FabricErrorCode::FABRIC_E_NAME_DOES_NOT_EXIST) => Ok(false),
                Err(error) => Err(error),
            }
        }
    }

    /// Deletes the name (`DELETE /Names/{nameId}`); a name that still has properties is
    /// not deleted.
    #[fabric_endpoint(DELETE, "/Names/{nameId}", api_version = "6.0")]
    async fn delete_name(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// One page of the names directly under the name, or every name below it when
    /// `recursive` (`GET /Names/{nameId}/$/GetSubNames`). Pass the previous page's
    /// `continuation_token` to get the next.
    #[fabric_endpoint(GET, "/Names/{nameId}/$/GetSubNames", api_version = "6.0")]
    async fn get_sub_name_info_list(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[query("Recursive", default = false)] recursive: Option<bool>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PagedSubNameInfoList>;

    /// Every name under the name (below it, when `recursive`), fetching page after page
    /// as the stream is read.
    fn sub_names<'a>(
        &'a self,
        name_id: &'a str,
        recursive: Option<bool>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<String>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            let page = self
                .get_sub_name_info_list(name_id, recursive, token.as_deref(), timeout)
                .await?;
            Ok(page.into())
        })
    }
}

impl<T: Transport> Names for T {}
