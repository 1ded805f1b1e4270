//! Benchmark 3: a `500 FABRIC_E_CONFIG_UPGRADE_FAILED` answer to StartClusterConfigurationUpgrade,
//! turned into the runtime's `Error` by `decode`, against a direct `serde_json::from_slice` of
//! the body into a struct.

use std::hint::black_box;
use std::time::Duration;

use bytes::Bytes;
use criterion::{Criterion, criterion_group, criterion_main};
use fabric_rest::runtime::{Accepted, decode};
use fabric_rest::{Client, FabricErrorCode, RequestBuilder, Response, StatusCode};
use fabric_rest_benches::{
    CountingAllocator, FABRIC_ERROR_BODY, TIMEOUT, allocations_per_call, declared_endpoint, description,
};
use serde::Deserialize;

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// What a hand-written client would declare to read the gateway's error body.
#[derive(Debug, Deserialize)]
struct ErrorBody {
    #[serde(rename = "Error")]
    error: ErrorDetail,
}

#[derive(Debug, Deserialize)]
struct ErrorDetail {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message")]
    message: Option<String>,
}

fn error_decoding(c: &mut Criterion) {
    let client = Client::new("http://127.0.0.1:19080").expect("a client");
    let mut request = RequestBuilder::new(declared_endpoint(), &client);
    request.json_body(&description());
    request.query("timeout", &Some(TIMEOUT));
    let request = request.build().expect("a valid request");

    let mut headers = http::HeaderMap::new();
    headers.insert(
        http::header::CONTENT_TYPE,
        http::HeaderValue::from_static("application/json; charset=utf-8"),
    );
    let response = Response::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        headers,
        Bytes::from_static(FABRIC_ERROR_BODY.as_bytes()),
    )
    .with_reason("FABRIC_E_CONFIG_UPGRADE_FAILED");

    let runtime = |response: Response| {
        let error = decode::<Accepted>(&request, response).expect_err("a 500 is an error");
        assert_eq!(error.code(), Some(&FabricErrorCode::FABRIC_E_CONFIG_UPGRADE_FAILED));
        error
    };
    let direct = |body: &[u8]| {
        let body: ErrorBody = serde_json::from_slice(body).expect("a FabricError");
        assert_eq!(body.error.code, "FABRIC_E_CONFIG_UPGRADE_FAILED");
        body
    };
    let direct_parsed = direct(FABRIC_ERROR_BODY.as_bytes());
    assert!(direct_parsed.error.message.is_some());

    println!("allocations per decoded error (count, bytes requested):");
    for (name, (count, bytes)) in [
        (
            "fabric_rest/decode",
            allocations_per_call(1000, || runtime(response.clone())),
        ),
        (
            "serde_json/from_slice",
            allocations_per_call(1000, || direct(FABRIC_ERROR_BODY.as_bytes())),
        ),
    ] {
        println!("  {name:<30} {count:>6.1} allocations {bytes:>8.0} bytes");
    }

    let mut group = c.benchmark_group("error_decoding");
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(4));
    group.sample_size(100);
    group.bench_function("fabric_rest/decode", |b| {
        b.iter_batched(
            || response.clone(),
            |response| runtime(black_box(response)),
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("serde_json/from_slice", |b| {
        b.iter(|| direct(black_box(FABRIC_ERROR_BODY.as_bytes())))
    });
    group.finish();
}

criterion_group!(benches, error_decoding);
criterion_main!(benches);
