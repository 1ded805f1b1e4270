//! Starting and stopping Chaos, its schedule, and what it reported.

use crate::models::{Chaos, ChaosEvent, ChaosEventsSegment, ChaosParameters, ChaosScheduleDescription, FileTime};
use crate::paging::{self, Stream};
use crate::{Result, ServerTimeout, Transport, fabric_endpoint};

/// Chaos: faults induced across the cluster for a while, to show that services survive
/// them, run at once or on a schedule.
///
/// Implemented for every [`Transport`].
///
/// ```no_run
/// use std::time::Duration;
/// use fabric_rest::Client;
/// use fabric_rest::chaos::ChaosOperations;
/// use fabric_rest::models::{ChaosParameters, FileTime};
/// use futures_util::StreamExt;
///
/// # async fn run() -> fabric_rest::Result<()> {
/// let client = Client::new("http://127.0.0.1:19080")?;
/// let started = FileTime::now();
/// let parameters = ChaosParameters::new().with_time_to_run(Duration::from_secs(600));
/// client.start_chaos(&parameters, None).await?;
/// let mut events = std::pin::pin!(client.chaos_events(started, FileTime::LATEST, None, None));
/// while let Some(event) = events.next().await {
///     println!("{}", event?.kind());
/// }
/// # Ok(()) }
/// ```
pub trait ChaosOperations: Transport {
    /// Whether Chaos runs, with what parameters, and how its schedule stands
    /// (`GET /Tools/Chaos`).
    #[fabric_endpoint(GET, "/Tools/Chaos", api_version = "6.2", operation = "GetChaos")]
    async fn get_chaos(&self, #[query] timeout: Option<ServerTimeout>) -> Result<Chaos>;

    /// Starts Chaos with `parameters` (`POST /Tools/Chaos/$/Start`); while it runs, a
    /// second start fails with `FABRIC_E_CHAOS_ALREADY_RUNNING`.
    #[fabric_endpoint(POST, "/Tools/Chaos/$/Start", api_version = "6.0", operation = "StartChaos")]
    async fn start_chaos(
        &self,
        #[body] parameters: &ChaosParameters,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;

    /// Stops Chaos from starting new faults and stops its schedule
    /// (`POST /Tools/Chaos/$/Stop`); faults already running finish. A stopped schedule
    /// stays stopped until a new one is set.
    #[fabric_endpoint(
        POST,
        "/Tools/Chaos/$/Stop",
        api_version = "6.0",
        operation = "StopChaos",
        idempotent
    )]
    async fn stop_chaos(&self, #[query] timeout: Option<ServerTimeout>) -> Result<()>;

    /// One segment of Chaos's events, at most 100 (`GET /Tools/Chaos/Events`): the first
    /// one of the time range from `start_time_utc` to `end_time_utc`, or, given the
    /// previous segment's `continuation_token`, the next one. The gateway refuses a call
    /// with both a token and a time range.
    #[fabric_endpoint(GET, "/Tools/Chaos/Events", api_version = "6.2", operation = "GetChaosEvents")]
    async fn get_chaos_events(
        &self,
        #[query("ContinuationToken", keep_escapes)] continuation_token: Option<&str>,
        #[query("StartTimeUtc")] start_time_utc: Option<FileTime>,
        #[query("EndTimeUtc")] end_time_utc: Option<FileTime>,
        #[query("MaxResults", min = 0, default = 0)] max_results: Option<i64>,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<ChaosEventsSegment>;

    /// Every Chaos event from `start_time_utc` to `end_time_utc`, fetching segment after
    /// segment as the stream is read: the first with the time range, the next ones with
    /// the continuation token alone.
    fn chaos_events(
        &self,
        start_time_utc: FileTime,
        end_time_utc: FileTime,
        max_results: Option<i64>,
        timeout: Option<ServerTimeout>,
    ) -> impl Stream<Item = Result<ChaosEvent>> + Send + '_
    where
        Self: Sized,
    {
        paging::items(move |token: Option<String>| async move {
            let range = match token {
                Some(_) => (None, None),
                None => (Some(start_time_utc), Some(end_time_utc)),
            };
            let segment = self
                .get_chaos_events(token.as_deref(), range.0, range.1, max_results, timeout)
                .await?;
            Ok(segment.into())
        })
    }

    /// The Chaos schedule and its version (`GET /Tools/Chaos/Schedule`).
    #[fabric_endpoint(GET, "/Tools/Chaos/Schedule", api_version = "6.2", operation = "GetChaosSchedule")]
    async fn get_chaos_schedule(&self, #[query] timeout: Option<ServerTimeout>) -> Result<ChaosScheduleDescription>;

    /// Replaces the Chaos schedule (`POST /Tools/Chaos/Schedule`), if its version is the
    /// one the service holds; fails while Chaos runs.
    #[fabric_endpoint(POST, "/Tools/Chaos/Schedule", api_version = "6.2", operation = "PostChaosSchedule")]
    async fn post_chaos_schedule(
        &self,
        #[body] schedule: &ChaosScheduleDescription,
        #[query] timeout: Option<ServerTimeout>,
    ) -> Result<()>;
}

impl<T: Transport> ChaosOperations for T {}
