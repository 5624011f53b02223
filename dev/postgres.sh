#!/usr/bin/env bash
# A throw-away local PostgreSQL for the PostgreSQL path of Sluice's tests: dev/postgres.sh start|stop|status|url
# Uses Debian's postgresql package (apt-get install postgresql). Data in .data/postgres, port 55432, loopback only.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PG_PORT:-55432}"
DATA="$PWD/.data/postgres"
URL="postgresql://postgres@127.0.0.1:$PORT/sluice"
BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)

as_pg() { if [ "$(id -u)" = 0 ]; then su postgres -s /bin/bash -c "$*"; else bash -c "$*"; fi; }
running() { [ -n "$BIN" ] && [ -f "$DATA/postmaster.pid" ] && as_pg "'$BIN/pg_ctl' -D '$DATA' status" >/dev/null 2>&1; }

case "${1:-}" in
  start)
    [ -n "$BIN" ] || { echo "postgres: no PostgreSQL server installed (apt-get install postgresql)" >&2; exit 1; }
    if running; then echo "postgres: already running at $URL"; exit 0; fi
    if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
      echo "postgres: port $PORT is already in use by another process (another checkout's PostgreSQL?); stop it or set PG_PORT" >&2
      exit 1
    fi
    if [ ! -f "$DATA/PG_VERSION" ]; then
      mkdir -p "$DATA"
      [ "$(id -u)" = 0 ] && chown postgres:postgres "$DATA"
      as_pg "'$BIN/initdb' -D '$DATA' -U postgres --auth=trust -E UTF8" >/dev/null
    fi
    as_pg "'$BIN/pg_ctl' -D '$DATA' -w -t 30 -o \"-p $PORT -k '$DATA' -c listen_addresses=127.0.0.1\" -l '$DATA/log' start" >/dev/null
    as_pg "'$BIN/psql' -h 127.0.0.1 -p $PORT -U postgres -tAc \"select 1 from pg_database where datname='sluice'\"" | grep -q 1 \
      || as_pg "'$BIN/createdb' -h 127.0.0.1 -p $PORT -U postgres sluice"
    echo "postgres: running at $URL"
    ;;
  stop)
    if running; then as_pg "'$BIN/pg_ctl' -D '$DATA' -m fast -w stop" >/dev/null; echo "postgres: stopped"; else echo "postgres: not running"; fi
    ;;
  status) running && echo "postgres: running at $URL" || { echo "postgres: stopped"; exit 1; } ;;
  url) echo "$URL" ;;
  *) echo "usage: dev/postgres.sh start|stop|status|url" >&2; exit 2 ;;
esac
