#!/usr/bin/env bash
# Client overhead per kind: fim-complete versus curl, the same requests (same route, same body) to
# the same local fake server of that kind with a fixed server delay, in the same run. Prints medians,
# p95, the extra milliseconds fim-complete adds and the ratio, for each kind whole and streamed.
# Then the whole process, start-up included, against curl (see the end).
# Usage: client-overhead.sh BIN_DIR [REQUESTS] [DELAY_MS] [KINDS...]
set -euo pipefail
bin=$1; n=${2:-60}; delay=${3:-20}; shift $(( $# < 3 ? $# : 3 ))
kinds=("$@"); [ ${#kinds[@]} -eq 0 ] && kinds=(proxy llamacpp ollama openai)
. "$(dirname "$0")/lib.sh"
prefix=$'def add(a, b):\n    '; suffix=$'\n\nprint(add(1, 2))\n'
model=qwen2.5-coder:1.5b

# The route and the JSON body each kind's server takes, as fim-complete writes it.
route_and_body() { # kind stream
  local s=$2
  case $1 in
    proxy)    echo "/v1/fim/completions" '{"prompt":"def add(a, b):\n    ","suffix":"\n\nprint(add(1, 2))\n","max_tokens":64'"$([ "$s" = true ] && echo ',"stream":true')"'}' ;;
    llamacpp) echo "/infill" '{"input_prefix":"def add(a, b):\n    ","input_suffix":"\n\nprint(add(1, 2))\n","n_predict":64,"stream":'"$s"',"cache_prompt":true}' ;;
    ollama)   echo "/api/generate" '{"model":"'$model'","prompt":"def add(a, b):\n    ","suffix":"\n\nprint(add(1, 2))\n","stream":'"$s"',"options":{"num_predict":64}}' ;;
    openai)   echo "/v1/completions" '{"model":"'$model'","prompt":"def add(a, b):\n    ","suffix":"\n\nprint(add(1, 2))\n","max_tokens":64'"$([ "$s" = true ] && echo ',"stream":true')"'}' ;;
  esac
}

trap 'kill "${FAKE_PID:-}" 2>/dev/null || true' EXIT
for kind in "${kinds[@]}"; do
  shape=$kind; [ "$kind" = proxy ] && shape=codestral
  start_fake_upstream "$bin" --delay "$delay" --shape "$shape"
  url="http://127.0.0.1:$FAKE_PORT"
  for stream in false true; do
    flag=(); [ "$stream" = true ] && flag=(--stream)
    read -r route reqbody <<<"$(route_and_body "$kind" "$stream")"
    # curl: one process, one kept-alive connection, n+1 requests; the first (connection set-up) is dropped.
    args=()
    for _ in $(seq $((n + 1))); do
      args+=(-s -o /dev/null -w '%{time_total}\n' -H 'Content-Type: application/json' -d "$reqbody" "$url$route" --next)
    done
    curl_ms=$(curl "${args[@]::${#args[@]}-1}" | tail -n +2 | awk '{printf "%.3f\n", $1 * 1000}' | stats)
    fim_ms=$("$bin/fim-complete" --endpoint "$url" --kind "$kind" --model "$model" --prefix "$prefix" --suffix "$suffix" \
               --max-tokens 64 --json --repeat $((n + 1)) "${flag[@]}" 2>/dev/null \
             | tail -n +2 | sed -E 's/.*"total_ms":([0-9.]+).*/\1/' | stats)
    read -r cm cp <<<"$curl_ms"; read -r fm fp <<<"$fim_ms"
    printf 'client overhead, kind %s (stream=%s, %d requests, server delay %d ms)\n' "$kind" "$stream" "$n" "$delay"
    printf '  curl          median %8.3f ms   p95 %8.3f ms\n' "$cm" "$cp"
    printf '  fim-complete  median %8.3f ms   p95 %8.3f ms\n' "$fm" "$fp"
    awk -v cm="$cm" -v fm="$fm" -v cp="$cp" -v fp="$fp" \
      'BEGIN {printf "  extra         median %+8.3f ms   p95 %+8.3f ms   ratio %.3f\n", fm-cm, fp-cp, fm/cm}'
  done
  kill "$FAKE_PID" 2>/dev/null || true
  wait "$FAKE_PID" 2>/dev/null || true
done

# The whole process, start-up included: WHOLE sequential completions to a fake proxy answering in
# 10 ms, one fim-complete --repeat WHOLE against one curl sending the same WHOLE requests over one
# kept-alive connection, both started from here, alternating, five rounds; medians of the wall time.
whole=${FIM_BENCH_WHOLE_REQUESTS:-300}; rounds=5
start_fake_upstream "$bin" --delay 10 --shape codestral
url="http://127.0.0.1:$FAKE_PORT"
read -r route reqbody <<<"$(route_and_body proxy false)"
args=()
for _ in $(seq "$whole"); do
  args+=(-s -o /dev/null -H 'Content-Type: application/json' -d "$reqbody" "$url$route" --next)
done
wall_ms() { # wall_ms CMD... : milliseconds from start to exit
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1
  end=$(date +%s%N)
  awk -v d=$((end - start)) 'BEGIN {printf "%.3f\n", d / 1e6}'
}
: >"${TMPDIR:-/tmp}/whole-curl.$$"; : >"${TMPDIR:-/tmp}/whole-fim.$$"
for _ in $(seq "$rounds"); do
  wall_ms curl "${args[@]::${#args[@]}-1}" >>"${TMPDIR:-/tmp}/whole-curl.$$"
  wall_ms "$bin/fim-complete" --endpoint "$url" --kind proxy --prefix "$prefix" --suffix "$suffix" --max-tokens 64 \
    --repeat "$whole" >>"${TMPDIR:-/tmp}/whole-fim.$$"
done
read -r wc _ <<<"$(stats <"${TMPDIR:-/tmp}/whole-curl.$$")"; read -r wf _ <<<"$(stats <"${TMPDIR:-/tmp}/whole-fim.$$")"
rm -f "${TMPDIR:-/tmp}/whole-curl.$$" "${TMPDIR:-/tmp}/whole-fim.$$"
printf 'whole process, start-up included: %d sequential completions, kind proxy, server delay 10 ms, %d rounds alternating\n' "$whole" "$rounds"
printf '  curl          median %9.1f ms\n' "$wc"
printf '  fim-complete  median %9.1f ms\n' "$wf"
awk -v c="$wc" -v f="$wf" -v n="$whole" 'BEGIN {printf "  extra         median %+9.1f ms (%+.3f ms a request)   ratio %.3f\n", f-c, (f-c)/n, f/c}'
kill "$FAKE_PID" 2>/dev/null || true
wait "$FAKE_PID" 2>/dev/null || true
