#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (preset "fuzz") and runs each for SECONDS (default 10).
# The documented long run: tests/fuzz/run-libfuzzer.sh 600
set -euo pipefail
seconds=${1:-10}
src=$(cd "$(dirname "$0")/../.." && pwd)
command -v clang++ >/dev/null || { echo "clang++ not found: libFuzzer run skipped"; exit 0; }
cd "$src"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzz_sseparser fuzz_parsers fuzz_textfile fuzz_ndjson
for target in sseparser parsers textfile ndjson; do
  corpus=$(mktemp -d)
  cp "$src/tests/fuzz/corpus/${target/sseparser/sse}"/* "$corpus"/
  echo "fuzzing $target for $seconds s"
  "$src/build/fuzz/bin/fuzz_$target" -max_total_time="$seconds" -rss_limit_mb=2048 -print_final_stats=1 "$corpus" 2>&1 \
    | grep -E "stat::number_of_executed_units|Done|ERROR|SUMMARY|crash" || true
  test "${PIPESTATUS[0]}" -eq 0
  rm -rf "$corpus"
done
