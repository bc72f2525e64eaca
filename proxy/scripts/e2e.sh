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
start_wrangler "$worker" "http://127.0.0.1:$FAKE_PORT/v1/fim/completions"
proxy="http://127.0.0.1:$PROXY_PORT"
echo "$label on $proxy, fake upstream on 127.0.0.1:$FAKE_PORT"

fail() { echo "FAIL: $*" >&2; echo "--- wrangler log" >&2; cat "$PROXY_LOG" >&2; exit 1; }
check() { # check NAME ACTUAL EXPECTED
  if [ "$2" = "$3" ]; then echo "ok: $1"; else fail "$1: got [$2], expected [$3]"; fi
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
  models=$(curl -sf "$proxy/v1/models")
  check "models" "$(echo "$models" | sed -E 's/.*"id":"([^"]*)".*/\1/')" codestral-latest
  bad=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d 'null' "$proxy/v1/fim/completions")
  check "null body refused" "$bad" 400
  # The edge cache (caches.default in wrangler dev, which keeps it between runs: a prompt of this
  # run's own): a repeatable request twice, then bypassed.
  run=$(date +%s%N)
  repeatable='{"prompt":"def e2e_'$run'():\n    ","temperature":0,"random_seed":11}'
  xcache() { curl -s -D - -o /dev/null -H 'Content-Type: application/json' "$@" -d "$repeatable" "$proxy/v1/fim/completions" |
    tr -d '\r' | sed -n 's/^[Xx]-[Cc]ache: //p'; }
  check "edge cache, first time" "$(xcache)" MISS
  hit=""
  for _ in 1 2 3 4 5; do hit=$(xcache); [ "$hit" = HIT ] && break; sleep 0.2; done # the write is waitUntil work
  check "edge cache, second time" "$hit" HIT
  check "edge cache, no-cache" "$(xcache -H 'Cache-Control: no-cache')" BYPASS
  json=$("$bin/fim-complete" --endpoint "$proxy" --prefix "def e2e_$run():"$'\n    ' --temperature 0 --random-seed 11 --json)
  check "fim-complete sees the edge hit" "$(echo "$json" | sed -E 's/.*"edge_cache":"([A-Z]*)".*/\1/')" HIT
fi
echo "end to end through $label: all checks passed"
