# Helpers for the proxy scripts: free ports, the fake upstream, wrangler dev on loopback.
# shellcheck shell=bash

PROXY_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export WRANGLER_SEND_METRICS=false

# A free port on 127.0.0.1; with FIM_TEST_PORTS=LOW-HIGH, one in that range (a machine where each
# user of it has ports of their own).
free_port() {
  node -e '
    const net = require("net");
    const [low, high] = (process.argv[1] || "0-0").split("-").map(Number);
    const span = high - low + 1;
    const start = low > 0 ? Math.floor(Math.random() * span) : 0;
    const attempt = (i) => {
      if (low > 0 && i >= span) { console.error("no free port in " + process.argv[1]); process.exit(1); }
      const port = low > 0 ? low + ((start + i) % span) : 0;
      const s = net.createServer().once("error", () => attempt(i + 1))
        .listen(port, "127.0.0.1", () => { console.log(s.address().port); s.close(); });
    };
    attempt(0);' "${FIM_TEST_PORTS:-}"
}

# start_fake_upstream BIN_DIR ARGS... (the fake upstream lives with the C++ tests)
. "$PROXY_DIR/../tests/support/fake-upstream.sh"
if [ -n "${FIM_TEST_PORTS:-}" ]; then
  eval "$(declare -f start_fake_upstream | sed '1s/start_fake_upstream/start_fake_upstream_on/')"
  start_fake_upstream() { local bin=$1; shift; start_fake_upstream_on "$bin" --port "$(free_port)" "$@"; }
fi

# start_wrangler DIR UPSTREAM_URL [EXTRA_ARGS...] : wrangler dev on 127.0.0.1; sets WRANGLER_PID,
# PROXY_PORT, PROXY_LOG (PROXY_LOG_LEVEL=info: with a line per request). The upstream key is a
# placeholder: the fake upstream takes any.
start_wrangler() {
  local dir=$1 upstream=$2; shift 2
  PROXY_PORT=$(free_port)
  PROXY_LOG=$(mktemp)
  local inspector=() port
  if [ -n "${FIM_TEST_PORTS:-}" ]; then
    port=$(free_port); while [ "$port" = "$PROXY_PORT" ]; do port=$(free_port); done
    inspector=(--inspector-port "$port")
  fi
  (cd "$dir" && exec "$PROXY_DIR/node_modules/.bin/wrangler" dev --ip 127.0.0.1 --port "$PROXY_PORT" "${inspector[@]}" \
      --var "CODESTRAL_FIM_URL:$upstream" --var "CODESTRAL_API_KEY:e2e-placeholder-key" \
      --log-level "${PROXY_LOG_LEVEL:-warn}" "$@") >"$PROXY_LOG" 2>&1 &
  WRANGLER_PID=$!
  for _ in $(seq 240); do
    if curl -sf "http://127.0.0.1:$PROXY_PORT/health" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$WRANGLER_PID" 2>/dev/null; then break; fi
    sleep 0.25
  done
  echo "wrangler dev did not come up; its log:" >&2
  cat "$PROXY_LOG" >&2
  return 1
}

stop_all() {
  [ -n "${WRANGLER_PID:-}" ] && kill "$WRANGLER_PID" 2>/dev/null && wait "$WRANGLER_PID" 2>/dev/null
  [ -n "${FAKE_PID:-}" ] && kill "$FAKE_PID" 2>/dev/null
  true
}

# The seed proxy exactly as published, from shared/seeds beside the clone, in a scratch folder
# that uses our node_modules (it needs only hono). Prints the folder.
seed_worker_dir() {
  local seed=$1 dir
  dir=$(mktemp -d)
  mkdir -p "$dir/src"
  awk '/Create `src\/index.ts` with the following code:/ {found=1; next}
       found && /^```typescript/ {inside=1; next}
       inside && /^```/ {exit}
       inside {print}' "$seed" >"$dir/src/index.ts"
  [ -s "$dir/src/index.ts" ] || { echo "no Worker code found in $seed" >&2; return 1; }
  cat >"$dir/wrangler.toml" <<'TOML'
name = "cloudflare-backend"
main = "src/index.ts"
compatibility_date = "2024-11-24"
[vars]
CODESTRAL_FIM_URL = "https://codestral.mistral.ai/v1/fim/completions"
FIM_MODEL = "codestral-latest"
TOML
  ln -s "$PROXY_DIR/node_modules" "$dir/node_modules"
  echo "$dir"
}
