# Helpers for the benchmark scripts: start the fake upstream, and summarise numbers.
# shellcheck shell=bash

. "$(dirname "${BASH_SOURCE[0]}")/../support/fake-upstream.sh"

# stats < numbers : prints "median p95"
stats() {
  sort -n | awk '{v[NR]=$1} END {m=v[int((NR+1)/2)]; p=v[int(NR*0.95+0.999)]; if (p=="") p=v[NR]; printf "%.3f %.3f\n", m, p}'
}
