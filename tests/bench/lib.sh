# Helpers for the benchmark scripts: start the fake upstream, and summarise numbers.
# shellcheck shell=bash

# start_fake_upstream BIN_DIR ARGS... : sets FAKE_PID and FAKE_PORT
start_fake_upstream() {
  local bin=$1; shift
  local portfile
  portfile=$(mktemp)
  "$bin/fake-upstream" "$@" >"$portfile" &
  FAKE_PID=$!
  for _ in $(seq 100); do
    FAKE_PORT=$(head -n1 "$portfile")
    [ -n "$FAKE_PORT" ] && break
    sleep 0.05
  done
  rm -f "$portfile"
  [ -n "$FAKE_PORT" ] || { echo "fake-upstream did not start" >&2; exit 1; }
}

# stats < numbers : prints "median p95"
stats() {
  sort -n | awk '{v[NR]=$1} END {m=v[int((NR+1)/2)]; p=v[int(NR*0.95+0.999)]; if (p=="") p=v[NR]; printf "%.3f %.3f\n", m, p}'
}
