#!/usr/bin/env bash
# npm test: every suite against real services, then one closing line "N passed, N failed".
#   unit (vitest) · integration (vitest, real Kafka + registry + SQLite) · postgres (vitest, when PostgreSQL is
#   installed) · e2e (Playwright + Debian chromium against `next start`)
# Runs against its own broker and registry (dev/test-stack.env: own ports, data in .data/test/), never the demo's.
# A test broker this script starts begins from empty data and is pre-loaded with more than 1,000 topics and 100
# consumer groups (dev/preload-cluster.mjs), so no test can assume a small cluster. Starts the test broker,
# registry and PostgreSQL if they are not running, and stops only what it started.
# The 3-broker variant (dev/kafka.sh --brokers 3, KAFKA3_* in dev/test-stack.env, cluster "local3") is needed only by
# the replica placement tests: it is started in the background while the unit tests run (~30 s, 384 MB heap per
# node) and awaited before the integration tests; SLUICE_TEST_KAFKA3=0 skips it (those tests then fail, saying so).
set -uo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 KAFKAJS_NO_PARTITIONER_WARNING=1 CHECKPOINT_DISABLE=1
# The test stack's variables; any already set in the environment win.
while IFS='=' read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  [[ -n "${!key:-}" ]] || export "$key=$value"
done < dev/test-stack.env
mkdir -p test-results .data
rm -f test-results/*.json

started=()
cleanup() {
  # What the two-replica e2e started, if the run died before its own teardown (pids one a line).
  [[ -s .data/test/replicas-proxy/pids ]] && while read -r pid; do kill -9 -- "-$pid" 2>/dev/null; done < .data/test/replicas-proxy/pids
  for ((i=${#started[@]}-1; i>=0; i--)); do
    if [[ "${started[$i]}" == dev/kafka3.sh ]]; then bash dev/kafka.sh --brokers 3 stop >/dev/null 2>&1 || true
    else bash "${started[$i]}" stop >/dev/null 2>&1 || true; fi
  done
}
trap cleanup EXIT
ensure() {
  # SLUICE_EXTERNAL_INFRA=1: the broker and registry are already running, started from another checkout.
  # The Connect worker is this checkout's own (against the broker on KAFKA_PORT), started either way.
  if [[ "${SLUICE_EXTERNAL_INFRA:-}" == 1 && "$1" != dev/postgres.sh && "$1" != dev/connect.sh ]]; then return 0; fi
  if ! bash "$1" status >/dev/null 2>&1; then
    # A test broker we start begins empty: nothing from an earlier run leaks into this one.
    [[ "$1" == dev/kafka.sh ]] && bash dev/kafka.sh reset >/dev/null
    bash "$1" start || { echo "test: could not start $1" >&2; return 1; }
    started+=("$1")
    if [[ "$1" == dev/kafka.sh && "${SLUICE_TEST_PRELOAD:-1}" == 1 ]]; then
      node dev/preload-cluster.mjs "127.0.0.1:$KAFKA_PORT" || { echo "test: could not pre-load the test broker" >&2; return 1; }
    fi
  fi
}

status=0
expected=()
# Tests that stop and restart the broker run only when this script owns the infrastructure.
[[ "${SLUICE_EXTERNAL_INFRA:-}" == 1 ]] || export SLUICE_DISRUPTIVE_TESTS=1
ensure dev/kafka.sh || status=1
ensure dev/registry.sh || status=1
# The Kafka Connect worker needs the broker. A broker this script reset has lost the worker's internal topics, so
# a worker still running from before is restarted.
[[ " ${started[*]} " == *" dev/kafka.sh "* ]] && bash dev/connect.sh stop >/dev/null 2>&1
ensure dev/connect.sh || status=1

# The 3-broker variant, started alongside the unit tests; "dev/kafka3.sh" in started[] stops it at the end.
kafka3_pid=""
if [[ "${SLUICE_EXTERNAL_INFRA:-}" != 1 && "${SLUICE_TEST_KAFKA3:-1}" == 1 ]] && ! bash dev/kafka.sh --brokers 3 status >/dev/null 2>&1; then
  (bash dev/kafka.sh --brokers 3 reset >/dev/null && bash dev/kafka.sh --brokers 3 start) > test-results/kafka3-start.log 2>&1 &
  kafka3_pid=$!
  started+=(dev/kafka3.sh)
fi
await_kafka3() {
  [[ -n "$kafka3_pid" ]] || return 0
  wait "$kafka3_pid" || { tail -20 test-results/kafka3-start.log; echo "test: could not start the 3-broker variant" >&2; status=1; }
  kafka3_pid=""
}

run_vitest() { # project, json file, extra env...
  local project=$1 out=$2; shift 2
  expected+=("$(basename "$out")")
  env "$@" node_modules/.bin/vitest run --project "$project" --reporter=default --reporter=json --outputFile.json="$out" || status=1
}

echo "== unit + integration (vitest)"
run_vitest unit test-results/vitest-unit.json
await_kafka3
run_vitest integration test-results/vitest-integration.json DATABASE_URL=file:./.data/test.db

if ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1; then
  echo "== postgres (vitest)"
  expected+=(vitest-postgres.json)
  if ensure dev/postgres.sh; then
    PG_URL=$(bash dev/postgres.sh url)
    DATABASE_URL="$PG_URL" node dev/migrate.mjs deploy || status=1
    run_vitest postgres test-results/vitest-postgres.json DATABASE_URL="$PG_URL"
  else
    status=1
  fi
else
  echo "== postgres: skipped (no PostgreSQL server installed; apt-get install postgresql)"
fi

echo "== build"
if node node_modules/next/dist/bin/next build > test-results/next-build.log 2>&1; then
  echo "== e2e (playwright)"
  expected+=(playwright.json)
  PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json node_modules/.bin/playwright test --reporter=list,json || status=1
  # Two standalone replicas on PostgreSQL behind Debian's nginx (e2e/replicas-proxy/): one is killed mid-stream.
  if command -v nginx >/dev/null && bash dev/postgres.sh status >/dev/null 2>&1; then
    echo "== e2e: two replicas behind nginx (playwright)"
    expected+=(playwright-replicas.json)
    # An absolute path: Playwright resolves a relative one against the config file's folder.
    PLAYWRIGHT_JSON_OUTPUT_NAME="$PWD/test-results/playwright-replicas.json" node_modules/.bin/playwright test -c e2e/replicas-proxy/playwright.config.ts --reporter=list,json || status=1
  else
    echo "== e2e two replicas: skipped (needs nginx and PostgreSQL; apt-get install nginx postgresql)"
  fi
else
  tail -40 test-results/next-build.log
  echo "next build failed: e2e not run" >&2
  expected+=(playwright.json)
  command -v nginx >/dev/null && expected+=(playwright-replicas.json)
  status=1
fi

node dev/test-summary.mjs test-results "${expected[@]}" || status=1
exit $status
