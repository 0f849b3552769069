#!/usr/bin/env bash
# Run a command against a throwaway PostgreSQL: start it, export REPOSTATS_TEST_PG_URL, run, stop.
#   scripts/with-pg.sh npx vitest run -c vitest.pg.config.ts
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
env_file="$(mktemp "${TMPDIR:-/tmp}/repostats-pg-env.XXXXXX")"
trap 'bash "$here/pg-stop.sh" "$env_file" || true; rm -f "$env_file"' EXIT
PG_ENV_FILE="$env_file" bash "$here/pg-start.sh" >/dev/null
. "$env_file"
export REPOSTATS_TEST_PG_URL="$REPOSTATS_PG_URL"
"$@"
