#!/usr/bin/env bash
# Runs Sluice's standalone build (next.config.js: output "standalone") exactly as deploy/Dockerfile's image does,
# without Docker: the same files in the same layout, the same start command.
#   bash dev/standalone.sh prepare <dir>   copy the build into <dir> as the Dockerfile's COPY lines do (needs next build)
#   bash dev/standalone.sh start <dir>     in <dir>: node dev/migrate.mjs deploy && exec node server.js (foreground)
# Settings come from the environment, as in the container: PORT, HOSTNAME, DATABASE_URL, SLUICE_CONFIG,
# SLUICE_AUTH_SECRET, SLUICE_PUBLIC_URL... (relative paths resolve against <dir>); SLUICE_BIND: the listening address.
set -euo pipefail
cd "$(dirname "$0")/.."
cmd=${1:-}; dir=${2:-}
[[ -n "$cmd" && -n "$dir" ]] || { echo "usage: dev/standalone.sh prepare|start <dir>" >&2; exit 2; }

case "$cmd" in
  prepare)
    [[ -f .next/standalone/server.js ]] || { echo "standalone: .next/standalone/server.js is missing; run next build first" >&2; exit 1; }
    rm -rf "$dir" && mkdir -p "$dir/.next" "$dir/dev"
    # The Dockerfile's run stage, line by line.
    cp -a .next/standalone/. "$dir/"
    cp -a .next/static "$dir/.next/static"
    cp -a public "$dir/public"
    cp -a prisma "$dir/prisma"
    cp -a dist "$dir/dist"
    cp dev/migrate.mjs "$dir/dev/migrate.mjs"
    for m in dotenv @prisma/schema-engine-wasm @prisma/driver-adapter-utils @prisma/debug piscina; do
      mkdir -p "$dir/node_modules/$m" && cp -a "node_modules/$m/." "$dir/node_modules/$m/"
    done
    mkdir -p "$dir/.data"
    ;;
  start)
    cd "$dir"
    # NEXT_MANUAL_SIG_HANDLE: SIGTERM drains the server (server/shut-down.ts) instead of Next exiting at once.
    export NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1 NEXT_MANUAL_SIG_HANDLE=1
    # HOSTNAME is the address server.js binds (the image sets 0.0.0.0); SLUICE_BIND overrides it here, since a shell
    # has its own HOSTNAME (the machine name).
    export HOSTNAME=${SLUICE_BIND:-0.0.0.0} PORT=${PORT:-3000} SLUICE_DATA_DIR=${SLUICE_DATA_DIR:-$PWD/.data}
    # The Dockerfile's CMD.
    exec sh -c "node dev/migrate.mjs deploy && exec node server.js"
    ;;
  *) echo "usage: dev/standalone.sh prepare|start <dir>" >&2; exit 2 ;;
esac
