//! Shared pieces of the fabric-rest benchmarks: the request every benchmark sends, the
//! hand-written reqwest equivalents, a minimal loopback gateway and an allocation counter.
//!
//! The benchmarks themselves live in `benches/`; the declarative peers (feignhttp, rustify)
//! are declared there, as they are dev-dependencies only.

use std::alloc::{GlobalAlloc, Layout, System};
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

use bytes::Bytes;
use fabric_rest::models::{ClusterConfig, ClusterConfigurationUpgradeDescription, Percent};
use fabric_rest::runtime::REQUEST_ID_HEADER;
use fabric_rest::{Request, ServerTimeout};
use http_body_util::{BodyExt, Empty};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Method, StatusCode};
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;

/// The operation every benchmark sends.
pub const OPERATION: &str = "StartClusterConfigurationUpgrade";

/// Its path, as the gateway sees it.
pub const PATH: &str = "/$/StartClusterConfigurationUpgrade";

/// Its query, with the server timeout every benchmark sends.
pub const QUERY: &str = "api-version=3.0&timeout=60";

/// The server timeout every benchmark sends.
pub const TIMEOUT: ServerTimeout = ServerTimeout::seconds::<60>();

/// The client-side deadline that goes with [`TIMEOUT`]: the runtime's default of the server
/// timeout plus 10 seconds. The hand-written client sets the same one.
pub const DEADLINE: Duration = Duration::from_secs(70);

/// The content type the runtime sends with a JSON body.
pub const JSON_UTF8: &str = "application/json; charset=utf-8";

/// A 500 answer of the gateway to a rejected configuration upgrade, as the emulator sends it.
pub const FABRIC_ERROR_BODY: &str = r#"{"Error":{"Code":"FABRIC_E_CONFIG_UPGRADE_FAILED","Message":"ValidationException: The clusterConfigurationVersion 1.0.0 is the version of the running configuration; a new configuration needs a new version."}}"#;

/// A realistic body: the emulator's three-node sample ClusterConfig.json with a new version,
/// and the health settings a careful operator sets.
pub fn description() -> ClusterConfigurationUpgradeDescription {
    let text = fabric_rest_emulator::SAMPLE_CLUSTER_CONFIG.replace(
        "\"clusterConfigurationVersion\": \"1.0.0\"",
        "\"clusterConfigurationVersion\": \"2.0.0\"",
    );
    let config = ClusterConfig::from_json(text).expect("the sample ClusterConfig is a JSON object");
    assert_eq!(config.config_version().as_deref(), Some("2.0.0"));
    ClusterConfigurationUpgradeDescription::new(config)
        .with_health_check_retry_timeout(Duration::from_secs(600))
        .with_health_check_wait_duration(Duration::from_secs(30))
        .with_health_check_stable_duration(Duration::from_secs(60))
        .with_upgrade_domain_timeout(Duration::from_secs(1800))
        .with_upgrade_timeout(Duration::from_secs(7200))
        .with_max_percent_unhealthy_nodes(Percent::of::<10>())
        .with_max_percent_unhealthy_applications(Percent::of::<0>())
}

/// The JSON body every client must send (the server checks its length).
pub fn description_json() -> Vec<u8> {
    serde_json::to_vec(&description()).expect("the description serializes")
}

/// The declared endpoint, as `#[fabric_endpoint]` registered it.
pub fn declared_endpoint() -> &'static fabric_rest::Endpoint {
    fabric_rest::endpoint(OPERATION).expect("fabric-rest declares StartClusterConfigurationUpgrade")
}

/// The same request built by hand with reqwest: same URL, query, content type, request id,
/// deadline and body as the runtime builds.
pub fn reqwest_by_hand(
    http: &reqwest::Client,
    url: &str,
    description: &ClusterConfigurationUpgradeDescription,
) -> reqwest::RequestBuilder {
    http.post(url)
        .query(&[("api-version", "3.0"), ("timeout", "60")])
        .header(reqwest::header::CONTENT_TYPE, JSON_UTF8)
        .header(REQUEST_ID_HEADER, uuid::Uuid::new_v4().to_string())
        .timeout(DEADLINE)
        .json(description)
}

/// Turns a built runtime [`Request`] into the `reqwest::Request` the client sends, step for
/// step as `fabric_rest::Client` does before handing it to reqwest (that code is private to
/// the runtime, so the benchmark of request building repeats it here).
pub fn runtime_to_reqwest(base: &str, request: &Request, deadline: Duration) -> reqwest::Request {
    let mut url = String::with_capacity(base.len() + request.path_and_query().len());
    url.push_str(base);
    url.push_str(request.path_and_query());
    let url = reqwest::Url::parse(&url).expect("a valid URL");
    let mut outgoing = reqwest::Request::new(request.method(), url);
    *outgoing.headers_mut() = request.headers().clone();
    *outgoing.timeout_mut() = Some(deadline);
    if let Some(body) = request.body() {
        *outgoing.body_mut() = Some(body.clone().into());
    }
    outgoing
}

/// A plain reqwest client, shared by every client under test so they all use the same
/// connection pool settings.
pub fn http_client() -> reqwest::Client {
    reqwest::Client::builder().no_proxy().build().expect("a reqwest client")
}

/// A minimal gateway on `127.0.0.1`: it answers a well-formed StartClusterConfigurationUpgrade
/// with `202 Accepted` and an empty body, anything else with `400`, so a client that sends
/// another request fails the benchmark instead of being measured. It runs on its own thread
/// and runtime, so its work is not on the measured thread.
pub struct Gateway {
    addr: SocketAddr,
    accepted: Arc<AtomicU64>,
    _stop: tokio::sync::oneshot::Sender<()>,
}

impl Gateway {
    /// Starts the gateway; `body_len` is the length every request body must have.
    pub fn start(body_len: usize) -> Gateway {
        let (addr_tx, addr_rx) = std::sync::mpsc::channel();
        let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
        let accepted = Arc::new(AtomicU64::new(0));
        let counter = accepted.clone();
        std::thread::Builder::new()
            .name("gateway".into())
            .spawn(move || {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .expect("a runtime");
                runtime.block_on(async move {
                    let listener = TcpListener::bind("127.0.0.1:0").await.expect("a loopback port");
                    addr_tx
                        .send(listener.local_addr().expect("an address"))
                        .expect("the caller waits");
                    let serve = async {
                        loop {
                            let Ok((stream, _)) = listener.accept().await else {
                                continue;
                            };
                            let _ = stream.set_nodelay(true);
                            let counter = counter.clone();
                            tokio::spawn(async move {
                                let service = service_fn(move |request| answer(request, body_len, counter.clone()));
                                let _ = http1::Builder::new()
                                    .serve_connection(TokioIo::new(stream), service)
                                    .await;
                            });
                        }
                    };
                    tokio::select! {
                        _ = serve => {}
                        _ = stop_rx => {}
                    }
                });
            })
            .expect("a gateway thread");
        Gateway {
            addr: addr_rx.recv().expect("the gateway binds"),
            accepted,
            _stop: stop_tx,
        }
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// How many requests were answered 202 so far.
    pub fn accepted(&self) -> u64 {
        self.accepted.load(Ordering::Relaxed)
    }
}

async fn answer(
    request: hyper::Request<Incoming>,
    body_len: usize,
    accepted: Arc<AtomicU64>,
) -> Result<hyper::Response<Empty<Bytes>>, Infallible> {
    let well_formed = request.method() == Method::POST
        && request.uri().path() == PATH
        && request.uri().query() == Some(QUERY)
        && request
            .headers()
            .get(hyper::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| v.starts_with("application/json"));
    let body = request.into_body().collect().await.map(|b| b.to_bytes());
    let status = match body {
        Ok(body) if well_formed && body.len() == body_len => {
            accepted.fetch_add(1, Ordering::Relaxed);
            StatusCode::ACCEPTED
        }
        _ => StatusCode::BAD_REQUEST,
    };
    let mut response = hyper::Response::new(Empty::new());
    *response.status_mut() = status;
    Ok(response)
}

/// A global allocator that counts allocations and allocated bytes, for the
/// allocations-per-request figures. Install it with `#[global_allocator]` in a bench binary.
pub struct CountingAllocator;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static ALLOCATED_BYTES: AtomicUsize = AtomicUsize::new(0);
/// Bytes allocated and not freed yet, and the most there were since [`peak_during`] began.
static LIVE_BYTES: AtomicUsize = AtomicUsize::new(0);
static PEAK_BYTES: AtomicUsize = AtomicUsize::new(0);

fn grew(bytes: usize) {
    let live = LIVE_BYTES.fetch_add(bytes, Ordering::Relaxed) + bytes;
    PEAK_BYTES.fetch_max(live, Ordering::Relaxed);
}

fn shrank(bytes: usize) {
    LIVE_BYTES.fetch_sub(bytes, Ordering::Relaxed);
}

// SAFETY: every call is forwarded to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        ALLOCATED_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        grew(layout.size());
        // SAFETY: the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        ALLOCATED_BYTES.fetch_add(layout.size(), Ordering::Relaxed);
        grew(layout.size());
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        shrank(layout.size());
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
        ALLOCATED_BYTES.fetch_add(new_size, Ordering::Relaxed);
        // Old and new block both exist while the contents move.
        grew(new_size);
        shrank(layout.size());
        // SAFETY: as above.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

/// Allocations (reallocations included) and bytes requested per call of `f`, averaged over
/// `rounds` calls. Only meaningful in a binary whose global allocator is
/// [`CountingAllocator`], on a thread that is the only one allocating at the time.
pub fn allocations_per_call<T>(rounds: usize, mut f: impl FnMut() -> T) -> (f64, f64) {
    // One call first, so one-time initialisation is not counted.
    drop(std::hint::black_box(f()));
    let calls = ALLOCATIONS.load(Ordering::Relaxed);
    let bytes = ALLOCATED_BYTES.load(Ordering::Relaxed);
    for _ in 0..rounds {
        drop(std::hint::black_box(f()));
    }
    let calls = ALLOCATIONS.load(Ordering::Relaxed) - calls;
    let bytes = ALLOCATED_BYTES.load(Ordering::Relaxed) - bytes;
    (calls as f64 / rounds as f64, bytes as f64 / rounds as f64)
}

/// `f`'s result and the most bytes it held allocated at once beyond what was allocated
/// when it began. Only meaningful with [`CountingAllocator`], on a thread that is the only
/// one allocating at the time.
pub fn peak_during<T>(f: impl FnOnce() -> T) -> (T, usize) {
    let before = LIVE_BYTES.load(Ordering::Relaxed);
    PEAK_BYTES.store(before, Ordering::Relaxed);
    let value = f();
    (value, PEAK_BYTES.load(Ordering::Relaxed).saturating_sub(before))
}

/// Per-request times of several variants measured in interleaved blocks: every round runs
/// one block of each variant, starting with a different one each round, so a change in the
/// machine's load hits every variant alike. Criterion measures one variant after another;
/// on a busy machine these paired figures are the steadier comparison.
#[derive(Debug)]
pub struct Paired {
    names: Vec<&'static str>,
    /// `per_round[variant][round]`: seconds per request in that round's block.
    per_round: Vec<Vec<f64>>,
}

impl Paired {
    /// An empty record of `names`.
    pub fn new(names: &[&'static str]) -> Paired {
        Paired {
            names: names.to_vec(),
            per_round: vec![Vec::new(); names.len()],
        }
    }

    /// Records one block of `variant` that took `elapsed` for `requests` requests.
    pub fn record(&mut self, variant: usize, elapsed: Duration, requests: usize) {
        self.per_round[variant].push(elapsed.as_secs_f64() / requests as f64);
    }

    /// Prints each variant's median time per request and the median over rounds of its
    /// ratio to variant `baseline` (and to every other variant).
    pub fn print(&self, title: &str, baseline: usize) {
        println!(
            "{title}: paired, interleaved blocks ({} rounds)",
            self.per_round[0].len()
        );
        for (i, name) in self.names.iter().enumerate() {
            let ratios: Vec<String> = self
                .names
                .iter()
                .enumerate()
                .filter(|&(j, _)| j != i)
                .map(|(j, other)| format!("/{other} {:.3}", self.ratio(i, j)))
                .collect();
            println!(
                "  {name:<18} median {:>10.2} µs   {}{}",
                median(&self.per_round[i]) * 1e6,
                ratios.join("  "),
                if i == baseline { "  (baseline)" } else { "" }
            );
        }
    }

    /// The median over rounds of `a`'s time divided by `b`'s in the same round.
    pub fn ratio(&self, a: usize, b: usize) -> f64 {
        let ratios: Vec<f64> = self.per_round[a]
            .iter()
            .zip(&self.per_round[b])
            .map(|(x, y)| x / y)
            .collect();
        median(&ratios)
    }
}

fn median(values: &[f64]) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    match sorted.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => sorted[n / 2],
        n => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
    }
}

/// The request-building variants, shared by the benchmark and the instruction counts.
pub mod building {
    use std::future::Future;
    use std::hint::black_box;
    use std::pin::pin;
    use std::task::{Context, Poll, Waker};

    use bytes::Bytes;
    use fabric_rest::cluster::ClusterConfigurationUpgrade;
    use fabric_rest::models::ClusterConfigurationUpgradeDescription;
    use fabric_rest::{Client, Endpoint, Request, RequestBuilder, Response, Transport};

    use super::{PATH, TIMEOUT, reqwest_by_hand, runtime_to_reqwest};

    /// The gateway the built requests are addressed to (nothing is sent).
    pub const BASE: &str = "http://127.0.0.1:19080";

    /// The steps `#[fabric_endpoint]` expands StartClusterConfigurationUpgrade into, in the same
    /// order, then the conversion `fabric_rest::Client` makes before sending.
    pub fn runtime_builder(
        client: &Client,
        endpoint: &'static Endpoint,
        description: &ClusterConfigurationUpgradeDescription,
    ) -> reqwest::Request {
        let mut request = RequestBuilder::new(endpoint, client);
        request.json_body(description);
        request.query("timeout", &Some(TIMEOUT));
        let request = request.build().expect("a valid request");
        runtime_to_reqwest(client.base_url(), &request, client.deadline(request.server_timeout()))
    }

    /// A transport that converts the request exactly as `fabric_rest::Client` does and answers
    /// 202 at once, so the declared method itself (expansion, `call`, `decode`) can be measured
    /// without a network.
    pub struct BuildOnly {
        client: Client,
    }

    impl BuildOnly {
        /// Converts requests as `client` would.
        pub fn new(client: Client) -> BuildOnly {
            BuildOnly { client }
        }
    }

    impl Transport for BuildOnly {
        fn send<'a>(&'a self, request: &'a Request) -> impl Future<Output = fabric_rest::Result<Response>> + Send + 'a {
            let outgoing = runtime_to_reqwest(
                self.client.base_url(),
                request,
                self.client.deadline(request.server_timeout()),
            );
            black_box(outgoing);
            std::future::ready(Ok(Response::new(
                http::StatusCode::ACCEPTED,
                http::HeaderMap::new(),
                Bytes::new(),
            )))
        }
    }

    /// Runs a future that never waits (the [`BuildOnly`] transport answers at once).
    pub fn now<F: Future>(future: F) -> F::Output {
        let mut future = pin!(future);
        match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
            Poll::Ready(output) => output,
            Poll::Pending => panic!("the future waited"),
        }
    }

    /// The declared method, called through [`BuildOnly`].
    pub fn declared_method(transport: &BuildOnly, description: &ClusterConfigurationUpgradeDescription) {
        now(transport.start_cluster_configuration_upgrade(description, Some(TIMEOUT))).expect("202");
    }

    /// The same request built by hand with reqwest, URL formatted per call as a person writes it.
    pub fn by_hand(http: &reqwest::Client, description: &ClusterConfigurationUpgradeDescription) -> reqwest::Request {
        reqwest_by_hand(http, &format!("{BASE}{PATH}"), description)
            .build()
            .expect("a valid request")
    }
}
