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
# The Worker as deployed, but with room in the rate limiter for every request of this run: without a
# verified token all come from one address, whose 60 a minute the runs below pass many times.
conf=$PROXY_DIR/.bench.toml
nodb=$PROXY_DIR/.bench-no-d1.toml
trap 'stop_all; rm -rf "$state" "$conf" "$nodb"' EXIT
sed -E 's/^simple = \{ limit = [0-9]+, period = 60 \}/simple = { limit = 1000000, period = 60 }/' "$PROXY_DIR/wrangler.toml" >"$conf"
grep -q 'limit = 1000000' "$conf" || { echo "bench: the rate limit in wrangler.toml was not found" >&2; exit 1; }
awk '/^\[\[d1_databases\]\]/ {skip=1; next} /^\[/ {skip=0} !skip' "$conf" >"$nodb"
start_wrangler "$PROXY_DIR" "$upstream/v1/fim/completions" -c "$conf" --persist-to "$state"
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
# Membership: the same request by a member without a quota (token and member remembered by the
# isolate, usage written after the answer), by a member with a daily request quota (one reservation
# statement before forwarding), and open with the FIM_DB binding and no member, against the same
# Worker without the binding. Three wrangler dev side by side, each with a local D1 of its own,
# asked in turns (rounds of 10 requests after a warm-up), so that what else the machine does falls
# on all of them alike; medians over all rounds.
kill "$WRANGLER_PID"; wait "$WRANGLER_PID" 2>/dev/null || true; WRANGLER_PID=
members_state=$(mktemp -d); open_state=$(mktemp -d); nodb_state=$(mktemp -d)
pids=()
trap 'stop_all; for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done; rm -rf "$state" "$conf" "$nodb" "$members_state" "$open_state" "$nodb_state"' EXIT
add_member() { (cd "$PROXY_DIR" && node_modules/.bin/tsx scripts/member.ts add "$@" --local --persist-to "$members_state" | tail -n 1); }
member_token=$(add_member bench)
quota_token=$(add_member bench-quota --daily-requests 1000000)
side_by_side() { # side_by_side CONFIG STATE : sets URL
  start_wrangler "$PROXY_DIR" "$upstream/v1/fim/completions" -c "$1" --persist-to "$2"
  pids+=("$WRANGLER_PID"); WRANGLER_PID=
  URL="http://127.0.0.1:$PROXY_PORT"
}
side_by_side "$conf" "$members_state"; members_url=$URL
side_by_side "$conf" "$open_state"; open_url=$URL
side_by_side "$nodb" "$nodb_state"; nodb_url=$URL
samples=$(mktemp -d)
sample() { # sample NAME URL [TOKEN] : 10 requests after a warm-up, their total_ms appended to NAME
  local out
  out=$(CODESTRAL_API_KEY=bench FIM_PROXY_TOKEN="${3:-bench-open}" "$bin/fim-complete" --endpoint "$2" --kind proxy \
    --prefix $'def add(a, b):\n    ' --max-tokens 32 --json --repeat 11 2>/dev/null) || { echo "fim-complete failed against $2" >&2; exit 1; }
  echo "$out" | tail -n +2 | sed -E 's/.*"total_ms":([0-9.]+).*/\1/' >>"$samples/$1"
}
sample warm "$nodb_url"; sample warm "$members_url" "$member_token"; sample warm "$members_url" "$quota_token"; sample warm "$open_url"
for _ in $(seq $(((n + 9) / 10))); do
  sample nodb "$nodb_url"
  sample member "$members_url" "$member_token"
  sample quota "$members_url" "$quota_token"
  sample open "$open_url"
done
median_of() { sort -n "$samples/$1" | awk '{v[NR]=$1} END {printf "%.2f", v[int((NR+1)/2)]}'; }
nt=$(median_of nodb); dt_member=$(median_of member); qt_member=$(median_of quota); ot=$(median_of open)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%.3f", a/b}'; }
plus() { awk -v a="$1" -v b="$2" 'BEGIN{printf "%+.2f", a-b}'; }
printf '  membership  (%s requests each, in turns) no D1 binding %6.2f ms   member %6.2f ms (%s ms, ratio %s)   open, D1 bound, no member %6.2f ms (%s ms, ratio %s)   member with a request quota %6.2f ms (%s ms, ratio %s)\n' \
  "$(wc -l <"$samples/nodb")" "$nt" "$dt_member" "$(plus "$dt_member" "$nt")" "$(ratio "$dt_member" "$nt")" "$ot" "$(plus "$ot" "$nt")" "$(ratio "$ot" "$nt")" \
  "$qt_member" "$(plus "$qt_member" "$nt")" "$(ratio "$qt_member" "$nt")"
for p in "${pids[@]}"; do kill "$p" 2>/dev/null; wait "$p" 2>/dev/null || true; done
pids=(); rm -rf "$samples"
if [ -n "$seed" ] && [ -f "$seed" ]; then
  start_wrangler "$(seed_worker_dir "$seed")" "$upstream/v1/fim/completions"
  report "seed proxy" "http://127.0.0.1:$PROXY_PORT"
fi
