#!/usr/bin/env bash
# Proxy overhead: the same requests to the fake upstream (fixed 20 ms delay) directly and through
# wrangler dev — our proxy and the seed's — streaming and not, in one run. Prints medians of total
# time and time to first byte, and the milliseconds each proxy adds.
#   bench.sh BIN_DIR [REQUESTS] [SEED_FILE]
set -euo pipefail
bin=$1; n=${2:-60}; seed=${3:-}
. "$(dirname "$0")/lib.sh"
trap stop_all EXIT
start_fake_upstream "$bin" --delay 20 --chunks 8
upstream="http://127.0.0.1:$FAKE_PORT"

stats() { # field < json lines : median of a field over the lines after the first (warm-up)
  tail -n +2 | sed -E "s/.*\"$1\":([0-9.]+).*/\\1/" | sort -n | awk '{v[NR]=$1} END {printf "%.2f", v[int((NR+1)/2)]}'
}
measure() { # measure URL KIND STREAM : sets RESULT to "total first_byte"
  local flags=(--endpoint "$1" --kind "$2" --prefix $'def add(a, b):\n    ' --max-tokens 32 --json --repeat $((n + 1)))
  [ "$3" = yes ] && flags+=(--stream)
  flags+=("${EXTRA[@]}")
  local out
  # A token of its own for each run: our proxy rate-limits per token (60 a minute).
  if ! out=$(CODESTRAL_API_KEY=bench FIM_PROXY_TOKEN="${TOKEN:-bench-$RANDOM$RANDOM}" "$bin/fim-complete" "${flags[@]}" 2>/dev/null); then
    echo "fim-complete failed against $1 (stream=$3)" >&2
    exit 1
  fi
  RESULT="$(echo "$out" | stats total_ms) $(echo "$out" | stats first_byte_ms)"
}

EXTRA=()
declare -A direct
for stream in no yes; do
  measure "$upstream" codestral $stream
  direct[$stream]=$RESULT
done

report() { # report LABEL PROXY_URL
  for stream in no yes; do
    read -r dt db <<<"${direct[$stream]}"
    measure "$2" proxy $stream
    read -r pt pb <<<"$RESULT"
    printf '  %-11s stream=%-3s direct %6.2f ms (first byte %6.2f)   proxied %6.2f ms (first byte %6.2f)   adds %+5.2f ms (ratio %.3f)\n' \
      "$1" "$stream" "$dt" "$db" "$pt" "$pb" "$(awk -v a="$pt" -v b="$dt" 'BEGIN{print a-b}')" "$(awk -v a="$pt" -v b="$dt" 'BEGIN{print a/b}')"
  done
}

echo "proxy overhead: $n requests each, fake upstream with a 20 ms delay, medians"
state=$(mktemp -d) # the local D1 and cache of this run alone
nodb=$PROXY_DIR/.bench-no-d1.toml
trap 'stop_all; rm -rf "$state" "$nodb"' EXIT
start_wrangler "$PROXY_DIR" "$upstream/v1/fim/completions" --persist-to "$state"
report "our proxy" "http://127.0.0.1:$PROXY_PORT"
# The edge cache: a repeatable request (temperature 0, a seed) answered from caches.default after
# the warm-up, against the same request without a seed, which goes upstream every time.
EXTRA=(--temperature 0 --random-seed 5)
measure "http://127.0.0.1:$PROXY_PORT" proxy no
read -r ht hb <<<"$RESULT"
EXTRA=(--temperature 0)
measure "http://127.0.0.1:$PROXY_PORT" proxy no
read -r mt mb <<<"$RESULT"
EXTRA=()
printf '  edge cache  hit %6.2f ms   upstream %6.2f ms   (ratio %.3f)\n' "$ht" "$mt" "$(awk -v a="$ht" -v b="$mt" 'BEGIN{print a/b}')"
# Usage accounting: the same request by a member (token looked up in D1, usage written after the
# answer) against the same Worker without the FIM_DB binding, and open with the binding but no member.
measure "http://127.0.0.1:$PROXY_PORT" proxy no
read -r ot _ <<<"$RESULT"
TOKEN=$(cd "$PROXY_DIR" && node_modules/.bin/tsx scripts/member.ts add bench --local --persist-to "$state" | tail -n 1)
measure "http://127.0.0.1:$PROXY_PORT" proxy no
read -r dt_member _ <<<"$RESULT"
TOKEN=
kill "$WRANGLER_PID"; wait "$WRANGLER_PID" 2>/dev/null || true; WRANGLER_PID=
awk '/^\[\[d1_databases\]\]/ {skip=1; next} /^\[/ {skip=0} !skip' "$PROXY_DIR/wrangler.toml" >"$nodb"
start_wrangler "$PROXY_DIR" "$upstream/v1/fim/completions" -c "$nodb" --persist-to "$state"
measure "http://127.0.0.1:$PROXY_PORT" proxy no
read -r nt _ <<<"$RESULT"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", a/b}'; }
printf '  usage       member with D1 %6.2f ms   open, D1 bound, no member %6.2f ms   no D1 binding %6.2f ms   (ratios %s, %s)\n' \
  "$dt_member" "$ot" "$nt" "$(ratio "$dt_member" "$nt")" "$(ratio "$ot" "$nt")"
kill "$WRANGLER_PID"; wait "$WRANGLER_PID" 2>/dev/null || true; WRANGLER_PID=
if [ -n "$seed" ] && [ -f "$seed" ]; then
  start_wrangler "$(seed_worker_dir "$seed")" "$upstream/v1/fim/completions"
  report "seed proxy" "http://127.0.0.1:$PROXY_PORT"
fi
