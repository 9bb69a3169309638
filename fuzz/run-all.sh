#!/usr/bin/env bash
# Runs every fuzz target in turn for N executions each (the first argument, default
# 1000000) and prints, per target, libFuzzer's executions, its time, the final coverage
# (cov, ft) and the crashes saved in fuzz/artifacts/TARGET/. Arguments after N go to
# libFuzzer (e.g. `-max_total_time=600`). A target's full output is in fuzz/TARGET.log.
#
# Works with stable Rust: RUSTC_BOOTSTRAP=1 lets stable rustc take cargo-fuzz's -Z flags.
# Needs `cargo install cargo-fuzz`. Environment:
#   TARGETS="import_conll detect"  only these targets (default: all, `cargo fuzz list`)
#   SANITIZER=address              AddressSanitizer (default none: Taliq's code has no
#                                  `unsafe`; panics are caught either way, 3-6x faster)
#   MAX_LEN=4096                   cap on input length (default: libFuzzer's, at least the
#                                  largest seed)
#   NO_TRACE_COMPARES=1            no comparison tracing (faster, coarser guidance)
# The decode, html, sidecar, journal and extract targets are seeded by ./seed.sh (run it
# by hand first: it builds the app); the importer and detect targets have the committed
# seeds written by examples/seeds.rs.
set -uo pipefail
cd "$(dirname "$0")"
runs="${1:-1000000}"
shift || true
export RUSTC_BOOTSTRAP=1
targets="${TARGETS:-$(cargo fuzz list)}"
status=0
for t in $targets; do
  mkdir -p "corpus/$t"
  start=$(date +%s)
  cargo fuzz run "$t" -s "${SANITIZER:-none}" ${NO_TRACE_COMPARES:+--no-trace-compares} \
    --codegen-units 16 -- -runs="$runs" -rss_limit_mb=2048 -timeout=10 \
    ${MAX_LEN:+-max_len="$MAX_LEN"} -print_final_stats=1 "$@" > "$t.log" 2>&1
  rc=$?
  wall=$(($(date +%s) - start))
  # libFuzzer's own time (the wall time also counts cargo's build)
  secs=$(grep -oE '^Done [0-9]+ runs in [0-9]+ second' "$t.log" | tail -1 | awk '{print $5}')
  execs=$(grep -E '^stat::number_of_executed_units' "$t.log" | tail -1 | awk '{print $2}')
  cov=$(grep -E '^#[0-9]+.*cov: ' "$t.log" | tail -1 | grep -oE 'cov: [0-9]+ ft: [0-9]+')
  crashes=$(find "artifacts/$t" -type f 2>/dev/null | wc -l)
  echo "$t: exit $rc, ${execs:-?} executions, ${secs:-?} s fuzzing (${wall} s in all), ${cov:-cov ?}, crashes: $crashes"
  [ "$rc" -eq 0 ] || status=1
done
exit $status
