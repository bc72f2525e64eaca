#!/usr/bin/env bash
# packaging/devenv run, as a newcomer runs it (the window offscreen, quitting after its first paint):
# - the window starts only once the local proxy's /health answers;
# - CODESTRAL_API_KEY reaches the proxy (its /health says it has a key) but is on no command line;
# - when the window is gone, nothing of the proxy (wrangler, workerd) is left running.
# Usage: devenv-run.sh PRESET   (the preset whose fim-playground is already built)
set -euo pipefail
src=$(cd "$(dirname "$0")/../.." && pwd)
preset=${1:-ci}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
port=$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')
key="sk-devenv-run-test-$RANDOM$RANDOM"
fail() { echo "FAIL: $*" >&2; exit 1; }
# Every process's command line, one a line (what ps shows to every user), from /proc itself.
command_lines() {
  local f
  for f in /proc/[0-9]*/cmdline; do
    { tr '\0' ' ' <"$f"; echo; } 2>/dev/null || true
  done
}
[ "$(command_lines | grep -c .)" -gt 2 ] || fail "cannot read the processes' command lines"

printf '%s\n' "$key" >"$scratch/key" # the pattern: on no grep's command line either
# Watches every process's command line and the proxy's health while devenv run runs.
(
  while :; do
    command_lines | grep -F -f "$scratch/key" >>"$scratch/seen-on-command-lines" || true
    curl -sf "http://127.0.0.1:$port/health" >>"$scratch/health" 2>/dev/null && echo >>"$scratch/health"
    sleep 0.1
  done
) &
watcher=$!

status=0
CODESTRAL_API_KEY=$key FIM_RUN_PRESET=$preset FIM_PROXY_PORT=$port QT_QPA_PLATFORM=offscreen \
  FIM_EXIT_AFTER_FIRST_PAINT=1 XDG_CONFIG_HOME=$scratch/config XDG_STATE_HOME=$scratch/state \
  XDG_DATA_HOME=$scratch/data "$src/packaging/devenv" run >"$scratch/out" 2>&1 || status=$?
kill "$watcher" 2>/dev/null || true
wait "$watcher" 2>/dev/null || true
cat "$scratch/out"
[ "$status" -eq 0 ] || fail "devenv run exited with $status"

grep -q "local proxy ready on http://127.0.0.1:$port" "$scratch/out" || fail "the window did not wait for the proxy"
grep -q '"upstream_key":true' "$scratch/health" || fail "the proxy did not get the key: $(head -c 300 "$scratch/health")"
[ ! -s "$scratch/seen-on-command-lines" ] || fail "the key was on a command line: $(head -c 300 "$scratch/seen-on-command-lines")"
sleep 0.5
if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then fail "the proxy still answers after the window closed"; fi
left=$(command_lines | grep -E "wrangler|workerd" | grep -- "--port $port" || true)
[ -z "$left" ] || fail "left running: $left"
echo "devenv run: waited for the proxy, key on no command line, nothing left running"
echo "1 passed, 0 failed"
