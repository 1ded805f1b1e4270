//! Runs one variant of a benchmark `n` times, for instruction counts under
//! `valgrind --tool=callgrind`, which are exact where wall-clock times on a busy machine are
//! not. `benches/instructions.sh` runs it twice per variant (`n` and `2n`) and divides the
//! difference by `n`, so start-up costs cancel out.
//!
//!     instructions build (request_builder | declared_method | by_hand) N
//!     instructions round-trip (fabric_rest | reqwest_by_hand | feignhttp | rustify) N

use std::hint::black_box;

use fabric_rest::Client;
use fabric_rest_benches::building::{BASE, BuildOnly, by_hand, declared_method, runtime_builder};
use fabric_rest_benches::{declared_endpoint, description, http_client};

#[path = "../benches/common/peers.rs"]
mod peers;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [what, variant, n] = args.as_slice() else {
        eprintln!("usage: instructions (build | round-trip) VARIANT N");
        std::process::exit(2);
    };
    let n: usize = n.parse().expect("N is a count");
    match what.as_str() {
        "build" => build(variant, n),
        "round-trip" => round_trip(variant, n),
        _ => panic!("unknown benchmark {what}"),
    }
}

fn build(variant: &str, n: usize) {
    let description = description();
    let client = Client::builder(BASE)
        .http_client(http_client())
        .build()
        .expect("a client");
    let http = http_client();
    let endpoint = declared_endpoint();
    let transport = BuildOnly::new(client.clone());
    for _ in 0..n {
        match variant {
            "request_builder" => drop(black_box(runtime_builder(&client, endpoint, black_box(&description)))),
            "declared_method" => declared_method(&transport, black_box(&description)),
            "by_hand" => drop(black_box(by_hand(&http, black_box(&description)))),
            _ => panic!("unknown variant {variant}"),
        }
    }
}

fn round_trip(variant: &str, n: usize) {
    let (gateway, clients) = peers::start();
    let (_, call) = peers::VARIANTS
        .into_iter()
        .find(|(name, _)| *name == variant)
        .unwrap_or_else(|| panic!("unknown variant {variant}"));
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a runtime");
    runtime.block_on(async {
        for _ in 0..n {
            call(clients).await;
        }
    });
    assert_eq!(gateway.accepted(), n as u64);
}
