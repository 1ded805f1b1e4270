//! Benchmark 2: StartClusterConfigurationUpgrade over loopback to a minimal gateway that
//! answers 202, sent by fabric-rest, by hand with reqwest, and through the same endpoint
//! declared with feignhttp and with rustify. One request at a time, then 64 at once.

use std::time::{Duration, Instant};

use criterion::{BenchmarkGroup, Criterion, Throughput, criterion_group, criterion_main, measurement::WallTime};
use fabric_rest_benches::Paired;
use tokio::task::JoinSet;

#[path = "common/peers.rs"]
mod peers;

use peers::{Call, Clients, VARIANTS};

const CONCURRENT: usize = 64;

/// Rounds of the paired measurement; each runs, for every variant, [`PAIRED_BLOCK`]
/// sequential requests and one batch of [`CONCURRENT`].
const PAIRED_ROUNDS: usize = 120;
const PAIRED_BLOCK: usize = 32;

fn round_trip(c: &mut Criterion) {
    let (gateway, clients) = peers::start();
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");

    // Every client must send the request the gateway accepts; it answers anything else 400.
    for (name, call) in VARIANTS {
        let before = gateway.accepted();
        runtime.block_on(call(clients));
        assert_eq!(gateway.accepted(), before + 1, "{name} sent another request");
    }

    let names = VARIANTS.map(|(name, _)| name);
    let mut sequential = Paired::new(&names);
    let mut concurrent = Paired::new(&names);
    runtime.block_on(async {
        for round in 0..PAIRED_ROUNDS {
            for k in 0..VARIANTS.len() {
                let i = (round + k) % VARIANTS.len();
                let call = VARIANTS[i].1;
                let start = Instant::now();
                for _ in 0..PAIRED_BLOCK {
                    call(clients).await;
                }
                sequential.record(i, start.elapsed(), PAIRED_BLOCK);
                let start = Instant::now();
                all_at_once(clients, call).await;
                concurrent.record(i, start.elapsed(), CONCURRENT);
            }
        }
    });
    sequential.print("round_trip/sequential", 1);
    concurrent.print("round_trip/concurrent_64", 1);

    let mut group = c.benchmark_group("round_trip/sequential");
    settings(&mut group);
    for (name, call) in VARIANTS {
        group.bench_function(name, |b| b.to_async(&runtime).iter(|| call(clients)));
    }
    group.finish();

    let mut group = c.benchmark_group("round_trip/concurrent_64");
    settings(&mut group);
    // One iteration is 64 requests; fewer samples keep the group within its time.
    group.sample_size(20);
    group.throughput(Throughput::Elements(CONCURRENT as u64));
    for (name, call) in VARIANTS {
        group.bench_function(name, |b| b.to_async(&runtime).iter(|| all_at_once(clients, call)));
    }
    group.finish();
}

/// Sends [`CONCURRENT`] requests at once and waits for all of them.
async fn all_at_once(clients: &'static Clients, call: Call) {
    let mut tasks = JoinSet::new();
    for _ in 0..CONCURRENT {
        tasks.spawn(call(clients));
    }
    while let Some(done) = tasks.join_next().await {
        done.expect("the request task");
    }
}

fn settings(group: &mut BenchmarkGroup<'_, WallTime>) {
    group.warm_up_time(Duration::from_secs(2));
    group.measurement_time(Duration::from_secs(8));
    group.sample_size(60);
}

criterion_group!(benches, round_trip);
criterion_main!(benches);
