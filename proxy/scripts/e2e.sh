#!/usr/bin/env bash
# End to end: wrangler dev (loopback only, telemetry off) with its upstream pointed at the C++ fake
# upstream, and the playground's client (fim-complete) through it, streaming and not.
#   e2e.sh BIN_DIR            our Worker (proxy/)
#   e2e.sh BIN_DIR SEED_FILE  the seed's Worker exactly as published
# Exit 77 (skipped) when the seed file is not there.
set -euo pipefail
bin=$1; seed=${2:-}
. "$(dirname "$0")/lib.sh"
trap stop_all EXIT

worker=$PROXY_DIR; label="our proxy"
if [ -n "$seed" ]; then
  [ -f "$seed" ] || { echo "seed file $seed not found: skipped"; exit 77; }
  worker=$(seed_worker_dir "$seed"); label="the seed proxy"
fi
start_fake_upstream "$bin" --chunks 6 --chunk-delay 80
# A state folder of this run's own (local D1, cache): the developer's .wrangler/state is not touched.
state=$(mktemp -d)
trap 'stop_all; rm -rf "$state"' EXIT
# Ours trusts what it read of members for 2 s instead of 30 (MEMBER_CACHE_S), so that a member
# added, rotated or disabled is seen within a short wait here.
extra=(); [ -z "$seed" ] && extra=(--var MEMBER_CACHE_S:2)
start_wrangler "$worker" "http://127.0.0.1:$FAKE_PORT/v1/fim/completions" --persist-to "$state" "${extra[@]}"
proxy="http://127.0.0.1:$PROXY_PORT"
echo "$label on $proxy, fake upstream on 127.0.0.1:$FAKE_PORT"

fail() { echo "FAIL: $*" >&2; echo "--- wrangler log" >&2; cat "$PROXY_LOG" >&2; exit 1; }
check() { # check NAME ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "ok: $1"; else fail "$1: got [$2], expected [$3]"; fi
}
eventually() { # eventually NAME EXPECTED CMD... : CMD prints EXPECTED within 5 s (MEMBER_CACHE_S is 2)
  local name=$1 want=$2 got=""; shift 2
  for _ in $(seq 20); do got=$("$@"); [ "$got" = "$want" ] && break; sleep 0.25; done
  check "$name (within MEMBER_CACHE_S)" "$got" "$want"
}

health=$(curl -sf "$proxy/health")
check "health status" "$(echo "$health" | sed -E 's/.*"status":"([^"]*)".*/\1/')" ok
check "health service" "$(echo "$health" | sed -E 's/.*"service":"([^"]*)".*/\1/')" cloudflare-backend

plain=$("$bin/fim-complete" --endpoint "$proxy" --prefix $'def add(a, b):\n    ' --suffix $'\n' --max-tokens 20)
check "completion through the proxy" "$plain" "return a + b"

json=$("$bin/fim-complete" --endpoint "$proxy" --prefix 'x' --json)
check "HTTP status" "$(echo "$json" | sed -E 's/.*"status":([0-9]+).*/\1/')" 200
check "finish reason" "$(echo "$json" | sed -E 's/.*"finish_reason":"([^"]*)".*/\1/')" stop

streamed=$("$bin/fim-complete" --endpoint "$proxy" --prefix 'x' --stream --json)
text=$(echo "$streamed" | sed -E 's/.*"text":"([^"]*)".*/\1/')
if [ -n "$seed" ]; then
  # The seed ignores "stream" and answers with one JSON body; the client copes.
  check "stream asked, seed answers JSON" "$text" "return a + b"
else
  check "streamed text" "$text" "tok0 tok1 tok2 tok3 tok4 tok5 "
  first=$(echo "$streamed" | sed -E 's/.*"first_token_ms":([0-9.]+).*/\1/')
  total=$(echo "$streamed" | sed -E 's/.*"total_ms":([0-9.]+).*/\1/')
  # Five gaps of 80 ms follow the first chunk: unbuffered passthrough shows it early.
  if awk -v f="$first" -v t="$total" 'BEGIN {exit !(t - f >= 300)}'; then
    echo "ok: SSE passes through unbuffered (first token at $first ms, end at $total ms)"
  else
    fail "SSE looks buffered: first token at $first ms, end at $total ms"
  fi
  check "health edge cache" "$(echo "$health" | sed -E 's/.*"edge_cache":"([^"]*)".*/\1/')" active
  models=$(curl -sf "$proxy/v1/models")
  check "models" "$(echo "$models" | sed -E 's/.*"id":"([^"]*)".*/\1/')" codestral-latest
  bad=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d 'null' "$proxy/v1/fim/completions")
  check "null body refused" "$bad" 400
  # The edge cache (caches.default in wrangler dev, which keeps it between runs: a prompt of this
  # run's own): a repeatable request twice, then bypassed.
  run=$(date +%s%N)
  repeatable='{"prompt":"def e2e_'$run'():\n    ","max_tokens":128,"temperature":0,"random_seed":11}' # fim-complete's default max_tokens: the same cache key
  xcache() { curl -s -D - -o /dev/null -H 'Content-Type: application/json' "$@" -d "$repeatable" "$proxy/v1/fim/completions" |
    tr -d '\r' | sed -n 's/^[Xx]-[Cc]ache: //p'; }
  check "edge cache, first time" "$(xcache)" MISS
  hit=""
  for _ in 1 2 3 4 5; do hit=$(xcache); [ "$hit" = HIT ] && break; sleep 0.2; done # the write is waitUntil work
  check "edge cache, second time" "$hit" HIT
  check "edge cache, no-cache" "$(xcache -H 'Cache-Control: no-cache')" BYPASS
  json=$("$bin/fim-complete" --endpoint "$proxy" --prefix "def e2e_$run():"$'\n    ' --temperature 0 --random-seed 11 --json)
  check "fim-complete sees the edge hit" "$(echo "$json" | sed -E 's/.*"edge_cache":"([A-Z]*)".*/\1/')" HIT

  # A team: a member added with the management script to the local D1 wrangler dev is using.
  member() { (cd "$PROXY_DIR" && node_modules/.bin/tsx scripts/member.ts "$@" --local --persist-to "$state"); }
  out=$(member add e2e-alice --daily-requests 3) || fail "member add: $out"
  token=$(echo "$out" | tail -n 1)
  case "$token" in fim_*) echo "ok: member added, token on the last line";; *) fail "no token on the last line: $out";; esac
  status() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
  eventually "a member exists: no token refused" 401 status "$proxy/v1/models"
  check "an unknown token refused" "$(status -H 'Authorization: Bearer fim_nobody' "$proxy/v1/models")" 401
  for i in 1 2 3; do
    text=$(FIM_PROXY_TOKEN=$token "$bin/fim-complete" --endpoint "$proxy" --prefix "def m$i():" --max-tokens 20)
    check "member completion $i of 3" "$text" "return a + b"
  done
  used=""; prompt=""
  for _ in $(seq 20); do # usage is waitUntil work, written in batches (USAGE_BATCH_MS, 1 s)
    today=$(curl -sf -H "Authorization: Bearer $token" "$proxy/v1/usage")
    used=$(echo "$today" | sed -E 's/.*"today":\{[^}]*"requests":([0-9]+).*/\1/')
    prompt=$(echo "$today" | sed -E 's/.*"today":\{[^}]*"prompt_tokens":([0-9]+).*/\1/')
    [ "$used" = 3 ] && [ "$prompt" = 36 ] && break; sleep 0.2
  done
  check "GET /v1/usage counts today's requests" "$used" 3
  check "usage counts the upstream's tokens" "$prompt" 36
  over=$(curl -s -D - -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"prompt":"x"}' "$proxy/v1/fim/completions" | tr -d '\r')
  check "over the daily quota: 429" "$(echo "$over" | sed -n 's/^HTTP[^ ]* \([0-9]*\).*/\1/p' | head -1)" 429
  case "$over" in *"daily request quota (3 of 3 requests)"*) echo "ok: the 429 names the quota";; *) fail "429 text: $over";; esac
  wait_s=$(echo "$over" | sed -n 's/^[Rr]etry-[Aa]fter: //p')
  now=$(date -u +%s); midnight=$(date -u -d 'tomorrow 00:00' +%s)
  if [ $((midnight - now - wait_s)) -le 5 ] && [ $((midnight - now - wait_s)) -ge -5 ]; then
    echo "ok: Retry-After $wait_s s is the time to UTC midnight"
  else fail "Retry-After $wait_s, UTC midnight in $((midnight - now)) s"; fi
  if FIM_PROXY_TOKEN=$token "$bin/fim-complete" --endpoint "$proxy" --prefix x 2>"$state/err.txt"; then fail "fim-complete over quota succeeded"; fi
  grep -q "daily request quota" "$state/err.txt" && echo "ok: fim-complete says the quota" || fail "fim-complete said: $(cat "$state/err.txt")"
  # What the playground's Health panel shows for this member (fim-complete --health reads it the same way).
  health=$(FIM_PROXY_TOKEN=$token "$bin/fim-complete" --endpoint "$proxy" --health || true)
  grep -qx 'Member: e2e-alice' <<<"$health" && grep -qx 'Requests today: 3 of 3, used up' <<<"$health" &&
    grep -qx 'Tokens today: 51 (no daily quota)' <<<"$health" && echo "ok: the Health panel's usage lines" ||
    fail "health for the member: $health"
  listed=$(member list)
  grep -q 'e2e-alice  active  3 / 3' <<<"$listed" && echo "ok: member list shows 3 / 3" || fail "member list: $listed"
  # A stream the client leaves after its first events (the playground does on every keystroke):
  # Codestral's count never comes, so the tokens are estimated and shown apart.
  bob=$(member add e2e-bob | tail -n 1)
  # (Left once its first bytes are in: curl stops writing to a closed pipe at the next chunk, 80 ms
  # later, whatever the machine's load; a fixed --max-time could end before the answer began.)
  # workerd may never tell the Worker that such a client left: the prompt's estimate is recorded as
  # the headers go out (usage.ts, meterUsage), so it is there whatever the runtime does next.
  curl -s -N --max-time 5 -H "Authorization: Bearer $bob" -H 'Content-Type: application/json' \
    -d '{"prompt":"def left_early():\n    ","stream":true}' "$proxy/v1/fim/completions" | head -c 1 >/dev/null || true
  estimated=""
  for _ in $(seq 25); do
    estimated=$(curl -sf -H "Authorization: Bearer $bob" "$proxy/v1/usage" | sed -E 's/.*"today":\{[^}]*"estimated_prompt_tokens":([0-9]+).*/\1/')
    [ -n "$estimated" ] && [ "$estimated" != 0 ] && break; sleep 0.2
  done
  check "a stream left early: its prompt's tokens estimated (22 characters)" "$estimated" 6
  listed=$(member list)
  grep -qE '^e2e-bob +active +1 +[0-9]+ +[1-9][0-9]* ' <<<"$listed" && echo "ok: member list shows bob's estimated tokens apart" || fail "member list: $listed"
  new=$(member rotate e2e-alice | tail -n 1)
  eventually "the old token after rotate" 401 status -H "Authorization: Bearer $token" "$proxy/v1/models"
  check "the new token" "$(status -H "Authorization: Bearer $new" "$proxy/v1/models")" 200
  member disable e2e-alice >/dev/null
  eventually "a disabled member" 401 status -H "Authorization: Bearer $new" "$proxy/v1/models"
  health=$(FIM_PROXY_TOKEN=$new "$bin/fim-complete" --endpoint "$proxy" --health || true)
  grep -qx 'State: unauthorized' <<<"$health" && grep -q 'disabled' <<<"$health" &&
    echo "ok: the Health panel says the token is refused though /health is open" || fail "health when disabled: $health"
fi
echo "end to end through $label: all checks passed"
