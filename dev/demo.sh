#!/usr/bin/env bash
# npm run demo: local Kafka + schema registry + SQLite + shop demo traffic, then Sluice on http://127.0.0.1:3000.
# Ctrl-C stops everything this script started, and nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 KAFKAJS_NO_PARTITIONER_WARNING=1
export DATABASE_URL="${DATABASE_URL:-file:./.data/sluice.db}"
PORT="${PORT:-3000}"
# The first admin, created on the first start (no effect once any user exists).
export SLUICE_ADMIN_EMAIL="${SLUICE_ADMIN_EMAIL:-admin@sluice.local}" SLUICE_ADMIN_PASSWORD="${SLUICE_ADMIN_PASSWORD:-sluice-admin}"
# Marks the demo: only here may the first admin's password be the published one (server/auth/demo-password.ts).
export SLUICE_DEMO=1

started=()
pids=()
cleanup() {
  trap - INT TERM EXIT
  echo
  echo "demo: stopping…"
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]:-}"; do [ -n "$pid" ] && wait "$pid" 2>/dev/null || true; done
  for ((i=${#started[@]}-1; i>=0; i--)); do bash "${started[$i]}" stop || true; done
  echo "demo: stopped"
}
trap cleanup INT TERM EXIT

for script in dev/kafka.sh dev/registry.sh dev/connect.sh; do
  if bash "$script" status >/dev/null 2>&1; then
    echo "demo: $script: already running, leaving it as it is"
  else
    bash "$script" start
    started+=("$script")
  fi
done

node dev/migrate.mjs deploy

node_modules/.bin/tsx dev/demo/shop.ts &
pids+=($!)

# Kafka Connect: one FileStream source connector feeding the topic demo.connect.lines from a file (PUT is idempotent).
CONNECT_URL="http://127.0.0.1:${CONNECT_PORT:-18083}"
mkdir -p .data/demo
[ -f .data/demo/connect-lines.txt ] || seq -f "demo line %g" 1 50 > .data/demo/connect-lines.txt
curl -sf -X PUT -H 'Content-Type: application/json' "$CONNECT_URL/connectors/demo-file-source/config" -d "{
  \"connector.class\": \"org.apache.kafka.connect.file.FileStreamSourceConnector\",
  \"tasks.max\": \"1\", \"file\": \"$PWD/.data/demo/connect-lines.txt\", \"topic\": \"demo.connect.lines\",
  \"topic.creation.default.partitions\": \"1\", \"topic.creation.default.replication.factor\": \"1\"
}" >/dev/null && echo "demo: Kafka Connect connector demo-file-source feeds demo.connect.lines" \
  || echo "demo: could not create the Kafka Connect demo connector (is $CONNECT_URL up?)" >&2

if [ ! -f .next/BUILD_ID ] || [ -n "$(find app components lib server -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]; then
  echo "demo: building Sluice (first run or sources changed)…"
  node node_modules/next/dist/bin/next build >/dev/null
fi

NEXT_MANUAL_SIG_HANDLE=1 node node_modules/next/dist/bin/next start -H 127.0.0.1 -p "$PORT" &
pids+=($!)
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/api/health" >/dev/null && break; sleep 0.5; done
echo
# Teams, users per role, service principals, ACLs and requests waiting for a decision (idempotent).
node_modules/.bin/tsx dev/demo/org.ts "http://127.0.0.1:$PORT" || echo "demo: the demo organisation could not be seeded (see above); Sluice runs without it"
echo "  Sluice is running at http://127.0.0.1:$PORT   (Ctrl-C stops the demo)"
echo "  Sign in as $SLUICE_ADMIN_EMAIL / $SLUICE_ADMIN_PASSWORD (unless an earlier run's users exist)"
echo "  Kafka: 127.0.0.1:${KAFKA_PORT:-19092} (plaintext, super user); SASL/SCRAM-SHA-512 for the users and ACLs"
echo "  managed in Sluice: 127.0.0.1:${KAFKA_SCRAM_PORT:-19096}"
echo "  Kafka Connect: $CONNECT_URL (append to .data/demo/connect-lines.txt to feed demo.connect.lines)"
echo
wait "${pids[-1]}"
