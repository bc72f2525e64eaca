#!/usr/bin/env bash
# Builds the "asan" preset (AddressSanitizer + UndefinedBehaviorSanitizer, LeakSanitizer on) and
# runs the test suite under it (the preset leaves out the benchmarks and the .deb).
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
cd "$src"
cmake --preset asan >/dev/null
cmake --build --preset asan
ctest --preset asan --output-on-failure
