#!/usr/bin/env bash
# The migrations in migrations/ must be what drizzle-kit makes of src/db/schema.ts: a schema changed
# without `npm run db:generate` would deploy a Worker whose queries the database cannot answer.
set -euo pipefail
cd "$(dirname "$0")/.."
# drizzle-kit takes the output folder relative to here.
copy=$(basename "$(mktemp -d -p . .migrations-check.XXXXXX)")
trap 'rm -rf "$copy"' EXIT
cp -r migrations/. "$copy/"
said=$(node_modules/.bin/drizzle-kit generate --dialect sqlite --schema src/db/schema.ts --out "$copy" 2>&1 || true)
case "$said" in
  *"No schema changes"*)
    echo "migrations/ matches src/db/schema.ts ($(ls migrations/*.sql | wc -l) migration(s))";;
  *"migration file"*)
    echo "src/db/schema.ts has changes no migration holds: run 'npm run db:generate' in proxy/ and commit migrations/." >&2
    for f in "$copy"/*.sql; do [ -e "migrations/$(basename "$f")" ] || cat "$f" >&2; done
    echo >&2
    exit 1;;
  *)
    echo "drizzle-kit generate failed:" >&2; echo "$said" >&2; exit 1;;
esac
