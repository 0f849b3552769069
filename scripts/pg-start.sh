#!/usr/bin/env bash
# Start a throwaway PostgreSQL (Debian's package) on a free loopback port, for tests and CI.
#
#   scripts/pg-start.sh            # prints postgres://USER@127.0.0.1:PORT/DB on stdout
#   PG_ENV_FILE=/tmp/pg.env scripts/pg-start.sh
#
# Installs `postgresql` with apt-get when absent. Runs the server as the `postgres` user when
# invoked as root (PostgreSQL refuses to run as root), as the current user otherwise. Writes a
# sourceable env file (REPOSTATS_PG_URL, REPOSTATS_PG_DIR, REPOSTATS_PG_BIN) to $PG_ENV_FILE, or
# to DIR/env; `scripts/pg-stop.sh ENV_FILE_OR_DIR` stops the server and removes DIR.
# Durability is switched off (fsync, synchronous_commit, full_page_writes): the data is disposable.
set -euo pipefail

DB_NAME="${PG_DB_NAME:-repostats}"
DB_USER="postgres"

log() { printf 'pg-start: %s\n' "$*" >&2; }

find_bindir() {
  local dir
  for dir in /usr/lib/postgresql/15/bin $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$dir/pg_ctl" ] && [ -x "$dir/initdb" ]; then
      printf '%s\n' "$dir"
      return 0
    fi
  done
  return 1
}

if ! BIN="$(find_bindir)"; then
  if [ "$(id -u)" -ne 0 ]; then
    log "PostgreSQL is not installed and installing it needs root: apt-get install postgresql"
    exit 1
  fi
  log "PostgreSQL not found; installing Debian's postgresql package (apt-get)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
  BIN="$(find_bindir)" || { log "postgresql installed but no pg_ctl found"; exit 1; }
fi

# Run PostgreSQL's tools as an unprivileged user: `postgres` when we are root.
if [ "$(id -u)" -eq 0 ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

DIR="$(mktemp -d "${TMPDIR:-/tmp}/repostats-pg.XXXXXX")"
chmod 755 "$DIR"
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR"
mkdir -p "$DIR/sock"
[ "$(id -u)" -eq 0 ] && chown postgres: "$DIR/sock"

cleanup_on_error() {
  as_pg "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup_on_error ERR

# C collation and UTF-8, so text sorts by code point exactly as DuckDB sorts it.
as_pg "$BIN/initdb" -D "$DIR/data" -U "$DB_USER" --auth=trust -E UTF8 --locale=C >"$DIR/initdb.log" 2>&1 \
  || { cat "$DIR/initdb.log" >&2; false; }

free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# A port picked free can be taken before the server binds it; try a few.
started=""
for _ in 1 2 3 4 5; do
  PORT="$(free_port)"
  if as_pg "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 start \
    -o "-p $PORT -k $DIR/sock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null; then
    started=1
    break
  fi
done
if [ -z "$started" ]; then
  log "could not start PostgreSQL; server log follows"
  cat "$DIR/server.log" >&2 || true
  false
fi

as_pg "$BIN/createdb" -h 127.0.0.1 -p "$PORT" -U "$DB_USER" "$DB_NAME"

URL="postgres://$DB_USER@127.0.0.1:$PORT/$DB_NAME"
ENV_FILE="${PG_ENV_FILE:-$DIR/env}"
cat >"$ENV_FILE" <<ENV
REPOSTATS_PG_URL='$URL'
REPOSTATS_PG_DIR='$DIR'
REPOSTATS_PG_BIN='$BIN'
ENV
log "PostgreSQL $("$BIN/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$PORT, data in $DIR, env in $ENV_FILE"
printf '%s\n' "$URL"
