#!/usr/bin/env bash
# Started by "packaging/devenv run" next to the playground: the local proxy on 127.0.0.1:8787 (the
# playground's default "Local proxy" profile). CODESTRAL_API_KEY from the environment, if set, is
# passed to it; otherwise proxy/.dev.vars is used, as with "npm run dev".
set -euo pipefail
cd "$(dirname "$0")/.."
export WRANGLER_SEND_METRICS=false
if curl -sf http://127.0.0.1:8787/health >/dev/null 2>&1; then
  echo "proxy: something already answers on 127.0.0.1:8787; using it" >&2
  exit 0
fi
scripts/install.sh >/dev/null
args=(dev --ip 127.0.0.1 --port 8787 --log-level warn)
[ -n "${CODESTRAL_API_KEY:-}" ] && args+=(--var "CODESTRAL_API_KEY:$CODESTRAL_API_KEY")
if [ -z "${CODESTRAL_API_KEY:-}" ] && [ ! -f .dev.vars ]; then
  echo "proxy: no CODESTRAL_API_KEY and no proxy/.dev.vars: completions will answer 500 until one is set" >&2
fi
echo "proxy: local proxy on http://127.0.0.1:8787" >&2
exec node_modules/.bin/wrangler "${args[@]}"
