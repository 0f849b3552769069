#!/usr/bin/env bash
# The main job: install what is missing, build the dashboard's demo page, generate a demo
# repository into the embedded DuckDB (first run only), aggregate, and serve it all.
#
#   npm run demo                       # http://127.0.0.1:8080/
#   PORT=9000 DEMO_SIZE=medium npm run demo
#   REPOSTATS_DB=./data/other.duckdb npm run demo
set -euo pipefail
cd "$(dirname "$0")/.."
export REPOSTATS_DB="${REPOSTATS_DB:-./data/repostats.duckdb}"
PORT="${PORT:-8080}"
HOST="${HOST:-127.0.0.1}"
DEMO_SIZE="${DEMO_SIZE:-small}"
say() { printf '\n==> %s\n' "$1" >&2; }

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "Installing dependencies (npm ci)"
  npm ci --no-fund --no-audit
fi

if [ ! -f server/dist/demo/index.html ] || [ -n "$(find src demo -newer server/dist/demo/index.html -type f -print -quit 2>/dev/null)" ]; then
  say "Building the dashboard demo page"
  npm run --silent build:demo-page
else
  say "Dashboard demo page is up to date (server/dist/demo)"
fi

if [ -f "$REPOSTATS_DB" ]; then
  say "Reusing the demo repository in $REPOSTATS_DB (delete it to start over)"
else
  say "Generating a $DEMO_SIZE demo repository into $REPOSTATS_DB"
  node server/bin/repostats.js demo --size "$DEMO_SIZE"
fi

say "Aggregating (incremental: only new and changed days)"
node server/bin/repostats.js aggregate

say "Serving"
exec node server/bin/repostats.js serve --port "$PORT" --host "$HOST"
