//! Benchmark 7: one page of 5,000 `ApplicationInfo`, as GetApplicationInfoList answers it,
//! read through the declared method (a transport that hands back the same bytes, so only
//! the runtime's decoding is measured beside serde's) against `serde_json::from_slice` of
//! the same bytes into the same model type; and the peak memory each holds while decoding.

use std::hint::black_box;
use std::time::{Duration, Instant};

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use fabric_rest::applications::Applications;
use fabric_rest::models::ApplicationInfo;
use fabric_rest::paging::Paged;
use fabric_rest::{Error, Request, Response, StatusCode, Transport};
use fabric_rest_benches::{CountingAllocator, JSON_UTF8, Paired, peak_during};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Items in the page.
const ITEMS: usize = 5_000;

/// One application as a gateway writes it, numbered.
fn item(i: usize) -> String {
    format!(
        r#"{{"Id":"App{i:05}","Name":"fabric:/App{i:05}","TypeName":"VotingType","TypeVersion":"1.0.{}","Status":"Ready","Parameters":[{{"Key":"Web_InstanceCount","Value":"3"}},{{"Key":"Greeting","Value":"hello {i}"}}],"HealthState":"Ok","ApplicationDefinitionKind":"ServiceFabricApplicationDescription","ManagedApplicationIdentity":{{"TokenServiceEndpoint":"","ManagedIdentities":[]}}}}"#,
        i % 7
    )
}

fn page() -> Bytes {
    let items: Vec<String> = (0..ITEMS).map(item).collect();
    Bytes::from(format!(r#"{{"ContinuationToken":"","Items":[{}]}}"#, items.join(",")))
}

/// A transport that answers every request with the same page.
struct Canned(Bytes);

impl Transport for Canned {
    async fn send(&self, _request: &Request) -> Result<Response, Error> {
        let mut headers = http::HeaderMap::new();
        headers.insert(http::header::CONTENT_TYPE, http::HeaderValue::from_static(JSON_UTF8));
        Ok(Response::new(StatusCode::OK, headers, self.0.clone()))
    }
}

/// Polls a future that never waits (the canned transport answers at once) to its end.
fn now<F: std::future::Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    let mut context = std::task::Context::from_waker(std::task::Waker::noop());
    loop {
        if let std::task::Poll::Ready(value) = future.as_mut().poll(&mut context) {
            return value;
        }
    }
}

fn declared(transport: &Canned) -> Paged<ApplicationInfo> {
    now(transport.get_application_info_list(None, None, None, None, None, None)).expect("the page decodes")
}

fn direct(body: &[u8]) -> Paged<ApplicationInfo> {
    serde_json::from_slice(body).expect("the page decodes")
}

fn list_decoding(c: &mut Criterion) {
    let body = page();
    let transport = Canned(body.clone());
    let ours = declared(&transport);
    assert_eq!(ours.items.len(), ITEMS);
    assert_eq!(ours, direct(&body), "both read the same page");

    let (_, peak_declared) = peak_during(|| black_box(declared(&transport)));
    let (_, peak_direct) = peak_during(|| black_box(direct(&body)));
    let mib = |bytes: usize| bytes as f64 / (1024.0 * 1024.0);
    println!(
        "list_decoding: body {:.2} MiB; most bytes allocated at once (a moving realloc counted twice): declared method {:.2} MiB ({:.2} × the body), serde_json {:.2} MiB ({:.2} ×)",
        mib(body.len()),
        mib(peak_declared),
        peak_declared as f64 / body.len() as f64,
        mib(peak_direct),
        peak_direct as f64 / body.len() as f64
    );

    let names = ["declared_method", "serde_json"];
    let mut paired = Paired::new(&names);
    for round in 0..30 {
        for k in 0..2 {
            let i = (round + k) % 2;
            let start = Instant::now();
            for _ in 0..5 {
                match i {
                    0 => drop(black_box(declared(&transport))),
                    _ => drop(black_box(direct(&body))),
                }
            }
            paired.record(i, start.elapsed(), 5);
        }
    }
    paired.print("list_decoding/5000_applications", 1);

    let mut group = c.benchmark_group("list_decoding/5000_applications");
    group.measurement_time(Duration::from_secs(5)).sample_size(30);
    group.bench_function("declared_method", |b| b.iter(|| declared(&transport)));
    group.bench_function("serde_json", |b| b.iter(|| direct(&body)));
    group.finish();
}

criterion_group!(benches, list_decoding);
criterion_main!(benches);
