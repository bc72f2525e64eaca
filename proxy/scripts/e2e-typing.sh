#!/usr/bin/env bash
# The playground against this Worker under wrangler dev (its wrangler.toml: 60 completions a minute
# per member), as a member typing at 15 suggestions a minute with the next one asked ahead, for
# SECONDS (60): no request of any kind refused with 429, and the Health panel's /v1/usage read at
# most once a minute (and once a burst of requests has ended). The window is driven by
# tst_proxytyping; what reached the Worker is counted from wrangler's request log.
#   e2e-typing.sh BIN_DIR [SECONDS]
set -euo pipefail
bin=$1; seconds=${2:-60}
. "$(dirname "$0")/lib.sh"
trap stop_all EXIT
[ -x "$bin/tst_proxytyping" ] || { echo "$bin/tst_proxytyping not built"; exit 1; }
start_fake_upstream "$bin" --delay 250
state=$(mktemp -d)
trap 'stop_all; rm -rf "$state"' EXIT
token=$(cd "$PROXY_DIR" && node_modules/.bin/tsx scripts/member.ts add typist --local --persist-to "$state" | tail -n 1)
PROXY_LOG_LEVEL=info start_wrangler "$PROXY_DIR" "http://127.0.0.1:$FAKE_PORT/v1/fim/completions" --persist-to "$state"
proxy="http://127.0.0.1:$PROXY_PORT"
echo "our proxy on $proxy, fake upstream (250 ms) on 127.0.0.1:$FAKE_PORT, $seconds s of typing"
status=0
FIM_E2E_PROXY=$proxy FIM_PROXY_TOKEN=$token FIM_E2E_SECONDS=$seconds QT_QPA_PLATFORM=offscreen \
  "$bin/tst_proxytyping" || status=$?
count() { grep -cE "$1" "$PROXY_LOG" || true; }
completions=$(count 'POST /v1/fim/completions')
usage=$(count 'GET /v1/usage')
limited=$(count 'POST /v1/fim/completions 429|GET /v1/[a-z]+ 429')
echo "reached the Worker: $completions completions, $usage usage reads, $limited refused with 429"
used=$(curl -sf -H "Authorization: Bearer $token" "$proxy/v1/usage" | sed -E 's/.*"today":\{[^}]*"requests":([0-9]+).*/\1/')
echo "the member's usage today: $used requests"
if [ "$limited" != 0 ]; then echo "FAIL: $limited requests refused with 429"; grep -E ' 429 ' "$PROXY_LOG" | head -5; status=1; fi
# The first check, then at most once a minute: ceil(seconds / 60) more at the most.
most=$((1 + (seconds + 59) / 60))
if [ "$usage" -gt "$most" ]; then echo "FAIL: $usage reads of /v1/usage in $seconds s (at most $most)"; status=1; fi
[ "$status" = 0 ] && echo "typing through the team proxy: no 429, $usage usage reads"
exit "$status"
