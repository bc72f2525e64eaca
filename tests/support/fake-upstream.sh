# Starts the fake upstream process for shell-driven tests and benchmarks.
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
  [ -n "$FAKE_PORT" ] || { echo "fake-upstream did not start" >&2; return 1; }
}
