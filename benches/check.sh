#!/usr/bin/env bash
# Whole-process wall time (mean over RUNS runs) and peak memory of `senshin-lint check` on one draft,
# release build. Usage: benches/check.sh [FILE]   (default: the published report)
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
bin=target/release/senshin-lint
file=${1:-examples/r6/report.yaml}
runs=${RUNS:-300}
"$bin" check "$file" >/dev/null || true # warm the page cache
start=$(date +%s%N)
for _ in $(seq "$runs"); do "$bin" check "$file" >/dev/null || true; done
end=$(date +%s%N)
echo "file: $file ($(wc -c <"$file") bytes)"
echo "runs: $runs, mean wall time per process: $(( (end - start) / runs / 1000 )) µs"
/usr/bin/time -f "peak RSS: %M KiB" "$bin" check "$file" >/dev/null 2>/tmp/senshin-bench-time || true
tail -n 1 /tmp/senshin-bench-time
