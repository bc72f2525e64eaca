#!/usr/bin/env bash
# Client overhead: fim-complete versus curl, the same requests to the same local fake upstream with a
# fixed server delay, in the same run. Prints medians, p95 and the extra milliseconds fim-complete
# adds. Usage: client-overhead.sh BIN_DIR [REQUESTS] [DELAY_MS]
set -euo pipefail
bin=$1; n=${2:-60}; delay=${3:-20}
. "$(dirname "$0")/lib.sh"
start_fake_upstream "$bin" --delay "$delay"
trap 'kill $FAKE_PID 2>/dev/null || true' EXIT
url="http://127.0.0.1:$FAKE_PORT"
body='{"prompt":"def add(a, b):\n    ","suffix":"\n\nprint(add(1, 2))\n","max_tokens":64}'

for stream in false true; do
  flag=(); [ "$stream" = true ] && flag=(--stream)
  reqbody=$body; [ "$stream" = true ] && reqbody=${body%\}}',"stream":true}'
  # curl: one process, one kept-alive connection, n+1 requests; the first (connection set-up) is dropped.
  args=()
  for _ in $(seq $((n + 1))); do
    args+=(-s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$reqbody" "$url/v1/fim/completions" --next)
  done
  curl_ms=$(curl "${args[@]::${#args[@]}-1}" | tail -n +2 | awk '{printf "%.3f\n", $1 * 1000}' | stats)
  fim_ms=$("$bin/fim-complete" --endpoint "$url" --prefix $'def add(a, b):\n    ' --suffix $'\n\nprint(add(1, 2))\n' \
             --max-tokens 64 --json --repeat $((n + 1)) "${flag[@]}" 2>/dev/null \
           | tail -n +2 | sed -E 's/.*"total_ms":([0-9.]+).*/\1/' | stats)
  read -r cm cp <<<"$curl_ms"; read -r fm fp <<<"$fim_ms"
  printf 'client overhead (stream=%s, %d requests, server delay %d ms)\n' "$stream" "$n" "$delay"
  printf '  curl          median %8.3f ms   p95 %8.3f ms\n' "$cm" "$cp"
  printf '  fim-complete  median %8.3f ms   p95 %8.3f ms\n' "$fm" "$fp"
  awk -v cm="$cm" -v fm="$fm" -v cp="$cp" -v fp="$fp" \
    'BEGIN {printf "  extra         median %+8.3f ms   p95 %+8.3f ms   ratio %.3f\n", fm-cm, fp-cp, fm/cm}'
done
