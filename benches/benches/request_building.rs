//! Benchmark 1: building the StartClusterConfigurationUpgrade request, up to the
//! `reqwest::Request` handed to reqwest, with the runtime and by hand with reqwest.
//! Also prints the allocations each variant makes per request.

use std::future::Future;
use std::hint::black_box;
use std::pin::pin;
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use fabric_rest::cluster::ClusterConfigurationUpgrade;
use fabric_rest::models::ClusterConfigurationUpgradeDescription;
use fabric_rest::{Client, Endpoint, Request, RequestBuilder, Response, Transport};
use fabric_rest_benches::{
    CountingAllocator, DEADLINE, PATH, TIMEOUT, allocations_per_call, declared_endpoint, description, reqwest_by_hand,
    runtime_to_reqwest,
};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const BASE: &str = "http://127.0.0.1:19080";

/// The steps `#[fabric_endpoint]` expands StartClusterConfigurationUpgrade into, in the same
/// order, then the conversion `fabric_rest::Client` makes before sending.
fn runtime_builder(
    client: &Client,
    endpoint: &'static Endpoint,
    description: &ClusterConfigurationUpgradeDescription,
) -> reqwest::Request {
    let mut request = RequestBuilder::new(endpoint, client);
    request.path(PATH);
    request.json_body(description);
    request.query("timeout", &Some(TIMEOUT));
    let request = request.build().expect("a valid request");
    runtime_to_reqwest(client.base_url(), &request, client.deadline(request.server_timeout()))
}

/// A transport that converts the request exactly as `fabric_rest::Client` does and answers
/// 202 at once, so the declared method itself (expansion, `call`, `decode`) can be measured
/// without a network.
struct BuildOnly {
    client: Client,
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
fn now<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the future waited"),
    }
}

fn declared_method(transport: &BuildOnly, description: &ClusterConfigurationUpgradeDescription) {
    now(transport.start_cluster_configuration_upgrade(description, Some(TIMEOUT))).expect("202");
}

fn by_hand(http: &reqwest::Client, description: &ClusterConfigurationUpgradeDescription) -> reqwest::Request {
    reqwest_by_hand(http, &format!("{BASE}{PATH}"), description)
        .build()
        .expect("a valid request")
}

fn check_same_request(client: &Client, http: &reqwest::Client, description: &ClusterConfigurationUpgradeDescription) {
    let ours = runtime_builder(client, declared_endpoint(), description);
    let theirs = by_hand(http, description);
    assert_eq!(ours.method(), theirs.method());
    assert_eq!(ours.url(), theirs.url());
    assert_eq!(ours.timeout(), Some(&DEADLINE));
    assert_eq!(ours.timeout(), theirs.timeout());
    let names = |r: &reqwest::Request| {
        let mut names: Vec<String> = r.headers().keys().map(|k| k.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(names(&ours), names(&theirs));
    assert_eq!(ours.headers().get("content-type"), theirs.headers().get("content-type"));
    let body = |r: &reqwest::Request| r.body().and_then(|b| b.as_bytes()).map(<[u8]>::to_vec);
    assert_eq!(body(&ours), body(&theirs));
}

fn request_building(c: &mut Criterion) {
    let description = description();
    let client = Client::builder(BASE)
        .http_client(fabric_rest_benches::http_client())
        .build()
        .expect("a client");
    let http = fabric_rest_benches::http_client();
    let endpoint = declared_endpoint();
    let transport = BuildOnly { client: client.clone() };
    check_same_request(&client, &http, &description);

    let body_len = serde_json::to_vec(&description).map_or(0, |b| b.len());
    println!("request body: {body_len} bytes of JSON");
    println!("allocations per request (count, bytes requested):");
    for (name, (count, bytes)) in [
        (
            "fabric_rest/request_builder",
            allocations_per_call(1000, || runtime_builder(&client, endpoint, &description)),
        ),
        (
            "fabric_rest/declared_method",
            allocations_per_call(1000, || declared_method(&transport, &description)),
        ),
        (
            "reqwest/by_hand",
            allocations_per_call(1000, || by_hand(&http, &description)),
        ),
    ] {
        println!("  {name:<30} {count:>6.1} allocations {bytes:>8.0} bytes");
    }

    let mut group = c.benchmark_group("request_building");
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(6));
    group.sample_size(100);
    group.bench_function("fabric_rest/request_builder", |b| {
        b.iter(|| runtime_builder(&client, endpoint, black_box(&description)))
    });
    group.bench_function("fabric_rest/declared_method", |b| {
        b.iter(|| declared_method(&transport, black_box(&description)))
    });
    group.bench_function("reqwest/by_hand", |b| {
        b.iter(|| by_hand(&http, black_box(&description)))
    });
    group.finish();
}

criterion_group!(benches, request_building);
criterion_main!(benches);
