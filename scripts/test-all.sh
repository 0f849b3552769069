#!/usr/bin/env bash
# Every test, in order of speed: type check, lint, unit/component/server tests.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\n=== %s ===\n' "$1"; }
step "type check";   npx tsc -p tsconfig.json --noEmit
step "lint";         npx eslint .
step "unit, component and server tests"; npx vitest run
step "PostgreSQL engine, parity and multi-process tests"; npm run test:pg
