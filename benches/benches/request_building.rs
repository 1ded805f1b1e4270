//! Benchmark 1: building the StartClusterConfigurationUpgrade request, up to the
//! `reqwest::Request` handed to reqwest, with the runtime and by hand with reqwest.
//! Also prints the allocations each variant makes per request.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use fabric_rest::Client;
use fabric_rest::models::ClusterConfigurationUpgradeDescription;
use fabric_rest_benches::building::{BASE, BuildOnly, by_hand, declared_method, runtime_builder};
use fabric_rest_benches::{CountingAllocator, DEADLINE, Paired, allocations_per_call, declared_endpoint, description};

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

/// Rounds and block size of the paired measurement.
const PAIRED_ROUNDS: usize = 300;
const PAIRED_BLOCK: usize = 200;

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
    let transport = BuildOnly::new(client.clone());
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

    let names = [
        "fabric_rest/request_builder",
        "fabric_rest/declared_method",
        "reqwest/by_hand",
    ];
    let mut paired = Paired::new(&names);
    for round in 0..PAIRED_ROUNDS {
        for k in 0..names.len() {
            let i = (round + k) % names.len();
            let start = Instant::now();
            for _ in 0..PAIRED_BLOCK {
                match i {
                    0 => drop(black_box(runtime_builder(&client, endpoint, black_box(&description)))),
                    1 => declared_method(&transport, black_box(&description)),
                    _ => drop(black_box(by_hand(&http, black_box(&description)))),
                }
            }
            paired.record(i, start.elapsed(), PAIRED_BLOCK);
        }
    }
    paired.print("request_building", 2);

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
