//! The properties stored under a Service Fabric name, one at a time or in batches.

use crate::models::{
    PagedPropertyInfoList, PropertyBatchDescriptionList, PropertyBatchInfo, PropertyDescription, PropertyInfo,
};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// The named properties under a Service Fabric name: small values (bytes, numbers, text,
/// GUIDs) that programs share through the naming service.
///
/// Implemented for every [`Transport`]. `name_id` is the name without its `fabric:/`
/// scheme, as for [`Names`](super::Names).
pub trait Properties: Transport {
    /// One page of the properties under the name, with their values when
    /// `include_values` (`GET /Names/{nameId}/$/GetProperties`). Pass the previous page's
    /// `continuation_token` to get the next.
    #[fabric_endpoint(GET, "/Names/{nameId}/$/GetProperties", api_version = "6.0")]
    async fn get_property_info_list(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[query("IncludeValues", default = false)] include_values: Option<bool>,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PagedPropertyInfoList>;

    /// Every property under the name, fetching page after page as the stream is read.
    fn properties<'a>(
        &'a self,
        name_id: &'a str,
        include_values: Option<bool>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<PropertyInfo>> + Send + 'a
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            let page = self
                .get_property_info_list(name_id, include_values, token.as_deref(), timeout)
                .await?;
            Ok(page.into())
        })
    }

    /// Creates or replaces a property under the name
    /// (`PUT /Names/{nameId}/$/GetProperty`).
    #[fabric_endpoint(PUT, "/Names/{nameId}/$/GetProperty", api_version = "6.0")]
    async fn put_property(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[body] property: &PropertyDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// One property, its value and metadata (`GET /Names/{nameId}/$/GetProperty`).
    #[fabric_endpoint(GET, "/Names/{nameId}/$/GetProperty", api_version = "6.0")]
    async fn get_property_info(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[query("PropertyName")] property_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PropertyInfo>;

    /// Deletes a property (`DELETE /Names/{nameId}/$/GetProperty`).
    #[fabric_endpoint(DELETE, "/Names/{nameId}/$/GetProperty", api_version = "6.0")]
    async fn delete_property(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[query("PropertyName")] property_name: &str,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Runs a batch of property operations, committing all or none
    /// (`POST /Names/{nameId}/$/GetProperties/$/SubmitBatch`).
    ///
    /// A batch whose check failed is not an error: the gateway answers `409 Conflict` with
    /// a [`PropertyBatchInfo::Failed`] that names the operation, and nothing is committed.
    /// A committed batch is [`PropertyBatchInfo::Successful`], with what its `Get`
    /// operations read.
    #[fabric_endpoint(
        POST,
        "/Names/{nameId}/$/GetProperties/$/SubmitBatch",
        api_version = "6.0",
        success = [200, 409]
    )]
    async fn submit_property_batch(
        &self,
        #[path(keep_escapes)] name_id: &str,
        #[body] batch: &PropertyBatchDescriptionList,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<PropertyBatchInfo>;
}

impl<T: Transport> Properties for T {}
