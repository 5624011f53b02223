#!/usr/bin/env bash
# Local schema registry: Apicurio Registry 3.3.3 (prebuilt Quarkus app from Maven Central),
# in-memory H2 storage (empty on every start). Confluent-compatible API:
#   http://127.0.0.1:18081/apis/ccompat/v7
#
#   dev/registry.sh start|stop|status|reset|fetch     (fetch: only download + unpack the app)
#
# Apicurio 3.3.x is compiled for Java 21 (class file 65): the default Java 17 cannot run it.
# The script picks the first Java >= 21 from $REGISTRY_JAVA, $JAVA_HOME, PATH, /usr/lib/jvm/*.
#
# Env: REGISTRY_PORT (default 18081), REGISTRY_MGMT_PORT (Quarkus management interface with
#      /health, default 19001), REGISTRY_START_TIMEOUT (s, default 90), REGISTRY_JAVA (path to
#      a java >= 21 binary).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
VERSION="3.3.3"
ARTIFACT="io.apicurio:apicurio-registry-app:${VERSION}:tar.gz:all"
DIST="$ROOT/.data/registry-dist"
TARBALL="$DIST/apicurio-registry-app-${VERSION}-all.tar.gz"
APP="$ROOT/.data/registry-app"
APP_MARKER="$APP/.unpacked"
RUN_DIR="$ROOT/.data/registry"
PID_FILE="$RUN_DIR/registry.pid"
LOG_FILE="$RUN_DIR/registry.log"
PORT="${REGISTRY_PORT:-18081}"
MGMT_PORT="${REGISTRY_MGMT_PORT:-19001}"
START_TIMEOUT="${REGISTRY_START_TIMEOUT:-90}"
STOP_TIMEOUT=30
URL="http://127.0.0.1:$PORT"
READY_URL="$URL/apis/ccompat/v7/subjects"

usage() {
  echo "usage: $(basename "$0") start|stop|status|reset|fetch" >&2
  exit 2
}
[[ $# -eq 1 ]] || usage
CMD="$1"

java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

# Print the path of a java binary with major version >= 21, or fail.
find_java() {
  local j m cands=()
  [[ -n "${REGISTRY_JAVA:-}" ]] && cands+=("$REGISTRY_JAVA")
  [[ -n "${JAVA_HOME:-}" ]] && cands+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null && cands+=("$(command -v java)")
  for j in /usr/lib/jvm/*/bin/java; do [[ -x "$j" ]] && cands+=("$j"); done
  for j in "${cands[@]}"; do
    [[ -x "$j" ]] || continue
    m="$(java_major "$j")"
    if [[ -n "$m" && "$m" -ge 21 ]]; then echo "$j"; return 0; fi
  done
  echo "no Java >= 21 found (Apicurio Registry $VERSION needs it); set REGISTRY_JAVA=/path/to/java" >&2
  return 1
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
ready() { curl -sf -o /dev/null --max-time 3 "$READY_URL"; }

# PID from the pid file if it is a live registry JVM started from our unpacked app.
reg_pid() {
  [[ -s "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' < "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "-jar $APP/quarkus-run.jar" || return 1
  echo "$pid"
}

clean_stale_pid() {
  if [[ -e "$PID_FILE" ]] && ! reg_pid >/dev/null; then
    echo "removing stale pid file (pid $(tr -dc '0-9' < "$PID_FILE") is not a running registry)"
    rm -f "$PID_FILE"
  fi
}

ensure_app() {
  if [[ -f "$APP_MARKER" && "$(cat "$APP_MARKER")" == "$VERSION" && -f "$APP/quarkus-run.jar" ]]; then
    return 0
  fi
  if [[ ! -s "$TARBALL" ]]; then
    echo "downloading $ARTIFACT from Maven Central (~159 MB, first run only) ..."
    local t0=$SECONDS
    mkdir -p "$DIST"
    mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=$ARTIFACT" "-DoutputDirectory=$DIST" > "$DIST/mvn.log" 2>&1 \
      || { cat "$DIST/mvn.log" >&2; echo "mvn failed fetching $ARTIFACT" >&2; exit 1; }
    echo "downloaded in $((SECONDS - t0))s"
  fi
  echo "unpacking ${TARBALL#"$ROOT/"} into ${APP#"$ROOT/"}/ ..."
  rm -rf "$APP"
  mkdir -p "$APP"
  tar -xzf "$TARBALL" -C "$APP"
  # 3.3.x keeps quarkus-run.jar at the archive root; older 3.x had it under quarkus-app/
  if [[ ! -f "$APP/quarkus-run.jar" ]]; then
    local found
    found="$(find "$APP" -name quarkus-run.jar -print -quit)"
    [[ -n "$found" ]] || { echo "quarkus-run.jar not found in $TARBALL" >&2; exit 1; }
    local dir
    dir="$(dirname "$found")"
    (shopt -s dotglob; mv "$dir"/* "$APP"/)
  fi
  echo "$VERSION" > "$APP_MARKER"
}

stop_registry() {
  local pid
  if ! pid="$(reg_pid)"; then
    clean_stale_pid
    return 1
  fi
  echo "SIGTERM registry pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  local t0=$SECONDS
  while kill -0 "$pid" 2>/dev/null && (( SECONDS - t0 < STOP_TIMEOUT )); do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "still alive after ${STOP_TIMEOUT}s, SIGKILL pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  rm -f "$PID_FILE"
  echo "registry stopped in $((SECONDS - t0))s"
}

cmd_status() {
  local pid
  if pid="$(reg_pid)"; then
    if ready; then
      echo "registry: running (pid $pid), ccompat API $URL/apis/ccompat/v7"
      return 0
    fi
    echo "registry: starting/unhealthy (pid $pid, $READY_URL not answering)"
    return 1
  fi
  echo "registry: stopped"
  return 1
}

cmd_start() {
  if reg_pid >/dev/null && ready; then
    echo "registry already running"
    echo "ccompat API: $URL/apis/ccompat/v7"
    return 0
  fi
  clean_stale_pid
  local pid started=0
  if ! pid="$(reg_pid)"; then
    for p in "$PORT" "$MGMT_PORT"; do
      if port_open "$p"; then
        echo "port $p is already in use by another process; not starting the registry" >&2
        exit 1
      fi
    done
    local java
    java="$(find_java)" || exit 1
    local java_ver
    java_ver="$(java_major "$java")"
    ensure_app
    mkdir -p "$RUN_DIR"
    [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
    # setsid: the JVM outlives this script; the inner bash writes its PID, then execs java.
    setsid bash -c 'echo $$ > "$1"; cd "$2"; shift 2; exec "$@"' _ "$PID_FILE" "$RUN_DIR" \
      "$java" -Xms128m -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      -Dquarkus.http.host=127.0.0.1 "-Dquarkus.http.port=$PORT" \
      -Dquarkus.management.host=127.0.0.1 "-Dquarkus.management.port=$MGMT_PORT" \
      -jar "$APP/quarkus-run.jar" > "$LOG_FILE" 2>&1 < /dev/null &
    local n=0
    until [[ -s "$PID_FILE" ]]; do
      sleep 0.1; n=$((n + 1))
      [[ $n -lt 50 ]] || { echo "registry: no pid file written" >&2; exit 1; }
    done
    pid="$(cat "$PID_FILE")"; started=1
    echo "registry: started pid $pid on $URL (management/health 127.0.0.1:$MGMT_PORT), log ${LOG_FILE#"$ROOT/"}"
    echo "registry: java $java_ver ($java)"
  else
    echo "registry: pid $pid alive but not ready yet; waiting"
  fi

  local t0=$SECONDS
  until ready; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "----- last 50 lines of ${LOG_FILE#"$ROOT/"} -----" >&2
      tail -n 50 "$LOG_FILE" >&2 || true
      rm -f "$PID_FILE"
      echo "registry exited during startup" >&2
      exit 1
    fi
    if (( SECONDS - t0 >= START_TIMEOUT )); then
      echo "----- last 50 lines of ${LOG_FILE#"$ROOT/"} -----" >&2
      tail -n 50 "$LOG_FILE" >&2 || true
      echo "registry did not become ready within ${START_TIMEOUT}s" >&2
      [[ $started == 1 ]] && stop_registry >&2 || true
      exit 1
    fi
    sleep 0.5
  done
  echo "registry ready in $((SECONDS - t0))s"
  echo "ccompat API: $URL/apis/ccompat/v7"
}

cmd_stop() {
  stop_registry || echo "registry not running"
}

cmd_reset() {
  cmd_stop
  rm -rf "$RUN_DIR"
  echo "removed ${RUN_DIR#"$ROOT/"}/ (storage is in-memory; the unpacked app is kept)"
}

case "$CMD" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  fetch)
    ensure_app
    echo "registry app ready in ${APP#"$ROOT/"}/"
    find_java >/dev/null || exit 1 ;;
  *) usage ;;
esac
