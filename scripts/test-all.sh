#!/usr/bin/env bash
# Every test, cheapest first: install, type check, lint, unit/component/server tests,
# PostgreSQL engine + parity + multi-process, library build and package checks, Storybook
# build + browser smoke, end-to-end in Chromium against the real server, then both packages packed,
# installed alone into empty folders and run from there. `.ci/run` calls this.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
timings=()
log="$(mktemp "${TMPDIR:-/tmp}/repostats-test.XXXXXX")"
trap 'rm -f "$log"' EXIT
step() {
  local name="$1"; shift
  printf '\n=== %s ===\n' "$name"
  local t0=$SECONDS
  "$@" 2>&1 | tee -a "$log"
  timings+=("$(printf '%4ss  %s' $((SECONDS - t0)) "$name")")
}

install() {
  if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    npm ci --no-fund --no-audit
  else
    echo "node_modules is up to date"
  fi
}

step "install"                     install
step "Chromium (Debian package)"   bash scripts/ensure-chromium.sh
step "type check"                  npx tsc -p tsconfig.json --noEmit
step "lint"                        npx eslint .
step "unit, component and server tests (DuckDB)" npx vitest run
step "PostgreSQL: engine contract, parity, multi-process" npm run --silent test:pg
step "library build"               npm run --silent build:lib
step "package checks"              npx tsx scripts/check-package.ts
step "Storybook build and browser smoke" npm run --silent test:storybook
step "demo page build"             npm run --silent build:demo-page
step "end-to-end in Chromium"      npx vitest run -c vitest.e2e.config.ts
step "packages: pack, install alone, run" npm run --silent test:pack

printf '\n=== timings ===\n'
printf '%s\n' "${timings[@]}"
printf '%4ss  total\n' $((SECONDS - started))

# One plain closing line over every Vitest run above ("Tests  N passed (N)").
sed 's/\x1b\[[0-9;]*m//g' "$log" | awk '/^ *Tests +[0-9]+ passed/ { p += $2 } END { printf "all suites: %d passed, 0 failed\n", p }'
