#!/usr/bin/env bash
# Stop a PostgreSQL started by scripts/pg-start.sh and remove its directory.
#   scripts/pg-stop.sh ENV_FILE_OR_DIR
set -euo pipefail

target="${1:?usage: pg-stop.sh ENV_FILE_OR_DIR}"
if [ -d "$target" ]; then
  DIR="$target"
  BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r | head -n1)"
  [ -f "$DIR/env" ] && . "$DIR/env" && BIN="$REPOSTATS_PG_BIN"
else
  . "$target"
  DIR="$REPOSTATS_PG_DIR"
  BIN="$REPOSTATS_PG_BIN"
fi

# Only ever remove a directory pg-start.sh made.
case "$(basename "$DIR")" in
  repostats-pg.*) ;;
  *) printf 'pg-stop: %s is not a pg-start.sh directory\n' "$DIR" >&2; exit 1 ;;
esac

if [ -f "$DIR/data/postmaster.pid" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
  else
    "$BIN/pg_ctl" -D "$DIR/data" -m fast -w stop >/dev/null || true
  fi
fi
rm -rf "$DIR"
[ -f "$target" ] && [ "$target" != "$DIR/env" ] && rm -f "$target"
exit 0
