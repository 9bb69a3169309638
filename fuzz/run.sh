#!/usr/bin/env bash
# Runs every fuzz target in turn, RUNS executions each (default 1 000 000), on the seed
# corpus (./seed.sh) plus what earlier runs found, and prints libFuzzer's closing line per
# target. Extra arguments go to libFuzzer, e.g. `-max_total_time=600`.
# Needs cargo-fuzz and a nightly toolchain, or RUSTC_BOOTSTRAP=1 with stable (README).
# SANITIZER=none builds without AddressSanitizer (3-6x faster; Taliq's code has no
# `unsafe`, so panics and assertion failures, which libFuzzer catches either way, are
# what is looked for). MAX_LEN=1024 caps inputs lower (the web-page targets run ~3x faster).
# NO_TRACE_COMPARES=1 drops the comparison tracing (about half the time of an execution
# of the web-page targets goes to it; coverage guidance is coarser).
set -uo pipefail
cd "$(dirname "$0")/.."
runs="${RUNS:-1000000}"
targets="${TARGETS:-journal sidecar extract decode html}"
[ -d fuzz/corpus/decode ] || bash fuzz/seed.sh
status=0
for t in $targets; do
  start=$(date +%s)
  log="fuzz/$t.log"
  ${CARGO:-cargo +nightly} fuzz run "$t" ${SANITIZER:+-s "$SANITIZER"} ${NO_TRACE_COMPARES:+--no-trace-compares} --codegen-units 16 -- -runs="$runs" -max_len="${MAX_LEN:-4096}" \
    -print_final_stats=1 "$@" > "$log" 2>&1
  rc=$?
  echo "$t: exit $rc, $(($(date +%s) - start)) s, $(grep -E '^stat::number_of_executed_units' "$log" | tail -1), crashes: $(ls fuzz/artifacts/$t 2>/dev/null | wc -l)"
  [ $rc -eq 0 ] || status=1
done
exit $status
