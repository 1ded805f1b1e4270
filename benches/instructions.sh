#!/usr/bin/env bash
# Instructions per request of every variant of benchmarks 1 and 2, counted by callgrind.
# Each variant runs N and 2N times; (Ir(2N) - Ir(N)) / N is the cost of one request, with
# start-up and the first connection cancelled out. The round trip counts both threads,
# client and gateway; the gateway's share is the same for every client. How often the two
# threads wake each other depends on timing, which moves a round trip's count by up to 2 %
# from run to run, so each round-trip figure is the median of ROUNDS runs (default 5), the
# variants taking turns.
#
#     benches/instructions.sh [N]        (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-200}
target=${CARGO_TARGET_DIR:-target}
cargo build --quiet --release -p fabric-rest-benches --example instructions
bin="$target/release/examples/instructions"

count() { # what variant n -> total instructions
  valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" "$1" "$2" "$3" 2>&1 \
    | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}

per_request() {
  local one two
  one=$(count "$1" "$2" "$n")
  two=$(count "$1" "$2" $((2 * n)))
  echo $(((two - one) / n))
}

printf '%-12s %-18s %12s\n' benchmark variant instructions/request
for variant in request_builder declared_method by_hand; do
  printf '%-12s %-18s %12s\n' build "$variant" "$(per_request build "$variant")"
done
rounds=${ROUNDS:-5}
variants="fabric_rest reqwest_by_hand feignhttp rustify"
declare -A runs
for _ in $(seq "$rounds"); do
  for variant in $variants; do
    runs[$variant]+="$(per_request round-trip "$variant") "
  done
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
for variant in $variants; do
  printf '%-12s %-18s %12s   (runs: %s)\n' round-trip "$variant" "$(echo "${runs[$variant]}" | median)" "${runs[$variant]}"
done
