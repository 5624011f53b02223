#!/usr/bin/env bash
# Local schema registry: Apicurio Registry (prebuilt Quarkus app from Maven Central), in-memory H2
# storage (empty on every start). Confluent-compatible API:
#   http://127.0.0.1:18081/apis/ccompat/v7
#
#   dev/registry.sh start|stop|status|reset|fetch     (fetch: only download + unpack the app)
#
# Two versions, chosen on start/fetch:
#   3.3.3         default. Compiled for Java 21 (class file 65): Java 17 cannot run it.
#                 Health on the Quarkus management port (REGISTRY_MGMT_PORT, default 19001).
#   2.6.13.Final  fallback, used when no Java >= 21 is found (or when REGISTRY_VERSION=2.6.13.Final).
#                 Needs Java 17 (its Quarkus 3.15 classes are class file 61). Health at /health/ready
#                 on the main port; no management port.
# Java: if REGISTRY_JAVA is set, only that binary is used (a Java 17-20 there selects 2.6.13.Final);
# otherwise the first suitable one from $JAVA_HOME, PATH, /usr/lib/jvm/*. 3.3.3 takes the first
# Java >= 21; 2.6.13.Final prefers a Java 17-21 (the LTS range its Quarkus supports).
# stop/status act on whichever version runs, whatever REGISTRY_VERSION says.
#
# Env: REGISTRY_VERSION (3.3.3 or 2.6.13.Final; default: 3.3.3 if a Java >= 21 is found, else
#      2.6.13.Final), REGISTRY_PORT (default 18081), REGISTRY_MGMT_PORT (3.3.3 only, default 19001),
#      REGISTRY_START_TIMEOUT (s, default 90), REGISTRY_JAVA (path to a java binary),
#      REGISTRY_RUN_DIR (pid and log, relative to the repo root; default .data/registry).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source=dev/lib/stop-pid.sh
. "$SCRIPT_DIR/lib/stop-pid.sh"
V3="3.3.3"
V2="2.6.13.Final"
REQ_VERSION="${REGISTRY_VERSION:-}"
RUN_DIR="$ROOT/${REGISTRY_RUN_DIR:-.data/registry}"
PID_FILE="$RUN_DIR/registry.pid"
LOG_FILE="$RUN_DIR/registry.log"
PORT="${REGISTRY_PORT:-18081}"
MGMT_PORT="${REGISTRY_MGMT_PORT:-19001}"
START_TIMEOUT="${REGISTRY_START_TIMEOUT:-90}"
STOP_TIMEOUT=30
URL="http://127.0.0.1:$PORT"
READY_URL="$URL/apis/ccompat/v7/subjects"

# Per-version layout. The two versions never share a download or unpack directory; 3.3.3 keeps the
# original paths. The run directory (pid, log) is shared: only one registry runs on $PORT anyway.
dist_dir() { if [[ $1 == "$V3" ]]; then echo "$ROOT/.data/registry-dist"; else echo "$ROOT/.data/registry-dist-$1"; fi; }
app_dir() { if [[ $1 == "$V3" ]]; then echo "$ROOT/.data/registry-app"; else echo "$ROOT/.data/registry-app-$1"; fi; }
jar_name() { if [[ $1 == "$V3" ]]; then echo "quarkus-run.jar"; else echo "apicurio-registry-app-$1-runner.jar"; fi; }
min_java() { if [[ $1 == "$V3" ]]; then echo 21; else echo 17; fi; }
dl_size() { if [[ $1 == "$V3" ]]; then echo "~159 MB"; else echo "~142 MB"; fi; }
health_url() {
  if [[ $1 == "$V3" ]]; then echo "http://127.0.0.1:$MGMT_PORT/health/ready"; else echo "$URL/health/ready"; fi
}

usage() {
  echo "usage: $(basename "$0") start|stop|status|reset|fetch" >&2
  exit 2
}
[[ $# -eq 1 ]] || usage
CMD="$1"

java_major() {
  "$1" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1
}

java_candidates() {
  if [[ -n "${REGISTRY_JAVA:-}" ]]; then echo "$REGISTRY_JAVA"; return 0; fi
  local j
  [[ -n "${JAVA_HOME:-}" ]] && echo "$JAVA_HOME/bin/java"
  command -v java || true
  for j in /usr/lib/jvm/*/bin/java; do [[ -x "$j" ]] && echo "$j"; done
  return 0
}

# Print the first candidate java whose major version is in [min, max], or fail.
pick_java() {
  local min=$1 max=${2:-999} j m
  while IFS= read -r j; do
    [[ -x "$j" ]] || continue
    m="$(java_major "$j")"
    if [[ -n "$m" ]] && (( m >= min && m <= max )); then echo "$j"; return 0; fi
  done < <(java_candidates)
  return 1
}

java_for() { # version -> java binary
  if [[ $1 == "$V3" ]]; then pick_java 21; else pick_java 17 21 || pick_java 17; fi
}

# Only start and fetch look at REGISTRY_VERSION; stop and status act on whatever runs.
check_version_env() {
  case "$REQ_VERSION" in
    ""|"$V3"|"$V2") ;;
    *) echo "REGISTRY_VERSION=$REQ_VERSION is not supported (use $V3 or $V2, or leave it unset)" >&2; return 1 ;;
  esac
}

# Sets VERSION and JAVA from REGISTRY_VERSION and the Javas available, or fails with a message.
resolve_version() {
  check_version_env || return 1
  local where="in \$JAVA_HOME, PATH or /usr/lib/jvm"
  if [[ -n "${REGISTRY_JAVA:-}" ]]; then
    local m=""
    [[ -x "$REGISTRY_JAVA" ]] && m="$(java_major "$REGISTRY_JAVA")"
    where="(REGISTRY_JAVA=$REGISTRY_JAVA is ${m:+Java }${m:-not a usable java})"
  fi
  if [[ -n "$REQ_VERSION" ]]; then
    VERSION="$REQ_VERSION"
    JAVA="$(java_for "$VERSION")" && return 0
    echo "no Java >= $(min_java "$VERSION") found $where; Apicurio Registry $VERSION needs it (point REGISTRY_JAVA at one$([[ $VERSION == "$V3" ]] && echo ", or unset REGISTRY_VERSION to fall back to $V2"))" >&2
    return 1
  fi
  VERSION="$V3"
  JAVA="$(java_for "$V3")" && return 0
  VERSION="$V2"
  if JAVA="$(java_for "$V2")"; then
    echo "registry: no Java >= 21 found $where, so falling back to Apicurio Registry $V2" >&2
    return 0
  fi
  echo "no Java >= 21 (Apicurio Registry $V3) or >= 17 (fallback $V2) found $where; set REGISTRY_JAVA=/path/to/java" >&2
  return 1
}

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }
ready() { curl -sf -o /dev/null --max-time 3 "$READY_URL"; }

# Which version a registry JVM runs, from its /proc/<pid>/cmdline (our unpacked jar of that version).
pid_version() {
  local cmd v
  cmd="$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null)" || return 1
  for v in "$V3" "$V2"; do
    if [[ "$cmd" == *"-jar $(app_dir "$v")/$(jar_name "$v") "* ]]; then echo "$v"; return 0; fi
  done
  return 1
}

# PID from the pid file if it is a live registry JVM started from one of our unpacked apps.
reg_pid() {
  [[ -s "$PID_FILE" ]] || return 1
  local pid
  pid="$(tr -dc '0-9' < "$PID_FILE")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  pid_version "$pid" >/dev/null || return 1
  echo "$pid"
}

clean_stale_pid() {
  if [[ -e "$PID_FILE" ]] && ! reg_pid >/dev/null; then
    echo "removing stale pid file (pid $(tr -dc '0-9' < "$PID_FILE") is not a running registry)"
    rm -f "$PID_FILE"
  fi
}

ensure_app() { # version
  local v=$1 dist app jar artifact tarball
  dist="$(dist_dir "$v")"; app="$(app_dir "$v")"; jar="$(jar_name "$v")"
  artifact="io.apicurio:apicurio-registry-app:${v}:tar.gz:all"
  tarball="$dist/apicurio-registry-app-${v}-all.tar.gz"
  if [[ -f "$app/.unpacked" && "$(cat "$app/.unpacked")" == "$v" && -f "$app/$jar" ]]; then
    return 0
  fi
  if [[ ! -s "$tarball" ]]; then
    echo "downloading $artifact from Maven Central ($(dl_size "$v"), first run only) ..."
    local t0=$SECONDS
    mkdir -p "$dist"
    mvn -B -q -Dstyle.color=never org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
      "-Dartifact=$artifact" "-DoutputDirectory=$dist" > "$dist/mvn.log" 2>&1 \
      || { cat "$dist/mvn.log" >&2; echo "mvn failed fetching $artifact" >&2; exit 1; }
    echo "downloaded in $((SECONDS - t0))s"
  fi
  echo "unpacking ${tarball#"$ROOT/"} into ${app#"$ROOT/"}/ ..."
  rm -rf "$app"
  mkdir -p "$app"
  tar -xzf "$tarball" -C "$app"
  # 3.3.x keeps quarkus-run.jar at the archive root (older 3.x had it under quarkus-app/); 2.6.x has
  # the *-runner.jar and lib/ at the root. Move the jar's directory up if it is nested.
  if [[ ! -f "$app/$jar" ]]; then
    local found
    found="$(find "$app" -name "$jar" -print -quit)"
    [[ -n "$found" ]] || { echo "$jar not found in $tarball" >&2; exit 1; }
    local dir
    dir="$(dirname "$found")"
    (shopt -s dotglob; mv "$dir"/* "$app"/)
  fi
  echo "$v" > "$app/.unpacked"
}

stop_registry() {
  local pid
  if ! pid="$(reg_pid)"; then
    clean_stale_pid
    return 1
  fi
  echo "SIGTERM registry pid $pid (Apicurio Registry $(pid_version "$pid"))"
  stop_pid registry "$pid" "$STOP_TIMEOUT"
  rm -f "$PID_FILE"
  echo "registry stopped in ${STOPPED_AFTER}s"
}

cmd_status() {
  local pid v
  if pid="$(reg_pid)"; then
    v="$(pid_version "$pid")"
    if ready; then
      echo "registry: running (Apicurio Registry $v, pid $pid), ccompat API $URL/apis/ccompat/v7"
      return 0
    fi
    echo "registry: starting/unhealthy (Apicurio Registry $v, pid $pid, $READY_URL not answering)"
    return 1
  fi
  echo "registry: stopped"
  return 1
}

cmd_start() {
  local pid v
  check_version_env || exit 1
  if pid="$(reg_pid)"; then
    v="$(pid_version "$pid")"
    if [[ -n "$REQ_VERSION" && "$REQ_VERSION" != "$v" ]]; then
      echo "Apicurio Registry $v is already running (pid $pid); stop it before starting REGISTRY_VERSION=$REQ_VERSION" >&2
      exit 1
    fi
    if ready; then
      echo "registry already running (Apicurio Registry $v, pid $pid)"
      echo "ccompat API: $URL/apis/ccompat/v7"
      return 0
    fi
  fi
  clean_stale_pid
  local started=0
  if ! pid="$(reg_pid)"; then
    local VERSION JAVA
    resolve_version || exit 1
    v="$VERSION"
    local ports=("$PORT")
    [[ $v == "$V3" ]] && ports+=("$MGMT_PORT")
    for p in "${ports[@]}"; do
      if port_open "$p"; then
        echo "port $p is already in use by another process; not starting the registry" >&2
        exit 1
      fi
    done
    local java_ver
    java_ver="$(java_major "$JAVA")"
    ensure_app "$v"
    local args=(-Xms128m -Xmx512m -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
      -Dquarkus.http.host=127.0.0.1 "-Dquarkus.http.port=$PORT")
    if [[ $v == "$V3" ]]; then
      args+=(-Dquarkus.management.host=127.0.0.1 "-Dquarkus.management.port=$MGMT_PORT")
    else
      # 2.6.x: no management interface (health is on the main port). Pin in-memory H2 so a
      # REGISTRY_DATASOURCE_URL in the environment cannot redirect the storage.
      args+=(-Dquarkus.datasource.jdbc.url=jdbc:h2:mem:registry_db)
    fi
    mkdir -p "$RUN_DIR"
    [[ -f "$LOG_FILE" ]] && mv -f "$LOG_FILE" "$LOG_FILE.1"
    # setsid: the JVM outlives this script; the inner bash writes its PID, then execs java.
    setsid bash -c 'echo $$ > "$1"; cd "$2"; shift 2; exec "$@"' _ "$PID_FILE" "$RUN_DIR" \
      "$JAVA" "${args[@]}" -jar "$(app_dir "$v")/$(jar_name "$v")" > "$LOG_FILE" 2>&1 < /dev/null &
    local n=0
    until [[ -s "$PID_FILE" ]]; do
      sleep 0.1; n=$((n + 1))
      [[ $n -lt 50 ]] || { echo "registry: no pid file written" >&2; exit 1; }
    done
    pid="$(cat "$PID_FILE")"; started=1
    echo "registry: started Apicurio Registry $v, pid $pid on $URL (health $(health_url "$v")), log ${LOG_FILE#"$ROOT/"}"
    echo "registry: java $java_ver ($JAVA)"
  else
    v="$(pid_version "$pid")"
    echo "registry: Apicurio Registry $v, pid $pid alive but not ready yet; waiting"
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
  echo "registry ready in $((SECONDS - t0))s (Apicurio Registry $v)"
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
    resolve_version || exit 1
    ensure_app "$VERSION"
    echo "registry app (Apicurio Registry $VERSION, java $(java_major "$JAVA")) ready in $(app_dir "$VERSION" | sed "s|^$ROOT/||")/" ;;
  *) usage ;;
esac
