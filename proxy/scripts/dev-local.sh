#!/usr/bin/env bash
# Started by "packaging/devenv run" next to the playground: the local proxy on 127.0.0.1:8787 (the
# playground's default "Local proxy" profile), or FIM_PROXY_PORT.
#
# CODESTRAL_API_KEY from the environment, if set, reaches wrangler through a file only this user
# can read, named with --env-file: never on a command line, where `ps` would show it to everyone.
# Otherwise proxy/.dev.vars is used, as with "npm run dev".
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false
port=${FIM_PROXY_PORT:-8787}
if curl -sf "http://127.0.0.1:$port/health" >/dev/null 2>&1; then
  echo "proxy: something already answers on 127.0.0.1:$port; using it" >&2
  exit 0
fi
scripts/install.sh >/dev/null
# The team database's tables, so "npm run member -- add NAME --local" and usage work at once.
node_modules/.bin/wrangler d1 migrations apply FIM_DB --local </dev/null >/dev/null 2>&1 ||
  echo "proxy: the local database's migrations could not be applied; member tokens will not work" >&2
args=(dev --ip 127.0.0.1 --port "$port" --log-level warn)
private=""
cleanup() { [ -n "$private" ] && rm -rf "$private"; }
trap cleanup EXIT
trap 'exit 143' TERM INT HUP
if [ -n "${CODESTRAL_API_KEY:-}" ]; then
  private=$(mktemp -d) # 0700
  # printf is a shell builtin: the key is on no command line.
  (umask 077 && printf 'CODESTRAL_API_KEY="%s"\n' "$CODESTRAL_API_KEY" >"$private/codestral.env")
  # With --env-file, .dev.vars is read only when named: keep its other settings (PROXY_TOKEN, ...).
  [ -f .dev.vars ] && args+=(--env-file .dev.vars)
  args+=(--env-file "$private/codestral.env")
elif [ ! -f .dev.vars ]; then
  echo "proxy: no CODESTRAL_API_KEY and no proxy/.dev.vars: the proxy runs, but completions need a key (the playground says how to set one)" >&2
fi
echo "proxy: local proxy on http://127.0.0.1:$port" >&2
# Not exec: the trap removes the key file when wrangler ends.
node_modules/.bin/wrangler "${args[@]}" &
wait $!
