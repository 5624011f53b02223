#!/usr/bin/env bash
# Local Apache Kafka 4.3.1 (KRaft, combined broker+controller) for development and tests.
# Jars come from Maven Central via dev/kafka/pom.xml; no Docker, no tarball.
#
#   dev/kafka.sh [--brokers 1|3] [--node N] start|stop|status|reset|fetch     (fetch: only resolve the jars)
#   --node N (with --brokers 3): start, stop or check only node N (1-3) of the running cluster (fault tests)
#
#   single node (default): bootstrap 127.0.0.1:19092 (KAFKA_PORT), controller 19093
#                          (KAFKA_CONTROLLER_PORT), SASL/PLAIN 19095 (KAFKA_SASL_PORT),
#                          SASL/SCRAM-SHA-512 19096 (KAFKA_SCRAM_PORT),
#                          data in .data/kafka/ (KAFKA_DATA_DIR, relative to the repo root)
#                          Authorizer: KRaft StandardAuthorizer; super users User:ANONYMOUS (the PLAINTEXT and
#                          controller listeners: Sluice, preload, tests) and User:sluice (SASL/PLAIN). Clients on
#                          the SCRAM listener are ordinary principals: the ACLs Sluice manages apply to them.
#                          KAFKA_AUTHORIZER=0 runs the plain broker (no authorizer; ACL APIs answer SECURITY_DISABLED).
#   --brokers 3:           bootstrap 127.0.0.1:29092,127.0.0.1:29093,127.0.0.1:29094 (KAFKA3_PORT_BASE and the next
#                          two), controllers 29193-29195 (KAFKA3_CONTROLLER_PORT_BASE and the next two),
#                          data in .data/kafka3/node-N/ (KAFKA3_DATA_DIR, relative to the repo root)
#
# Env: KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_SASL_PORT, KAFKA_SCRAM_PORT, KAFKA_AUTHORIZER (1|0), KAFKA_DATA_DIR (single node only), KAFKA_START_TIMEOUT (s, default 90),
#      KAFKA_HEAP_OPTS (default -Xms256m -Xmx1g, or -Xms256m -Xmx512m per node with --brokers 3),
#      KAFKA3_PORT_BASE, KAFKA3_CONTROLLER_PORT_BASE, KAFKA3_DATA_DIR, KAFKA3_HEAP_OPTS (--brokers 3 only; the heap
#      per node, wins over KAFKA_HEAP_OPTS).
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$SCRIPT_DIR/.." && pwd)"
# shellcheck source=dev/lib/libs-marker.sh
. "$SCRIPT_DIR/lib/libs-marker.sh"
POM="$SCRIPT_DIR/kafka/pom.xml"
LOG4J_CONF="$SCRIPT_DIR/kafka/log4j2.properties"
LIBS="$ROOT/.data/kafka-libs"
LIBS_MARKER="$LIBS/.resolved"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-90}"
STOP_TIMEOUT=30

usage() {
  echo "usage: $(basename "$0") [--brokers 1|3] [--node N] start|stop|status|reset|fetch" >&2
  exit 2
}

BROKERS=1
CMD=""
ONLY_NODE=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --node) [[ $# -ge 2 ]] || usage; ONLY_NODE="$2"; shift 2 ;;
    --brokers) [[ $# -ge 2 ]] || usage; BROKERS="$2"; shift 2 ;;
    --brokers=*) BROKERS="${1#--brokers=}"; shift ;;
    start|stop|status|reset|fetch) [[ -z "$CMD" ]] || usage; CMD="$1"; shift ;;
    -h|--help) usage ;;
    *) echo "unknown argument: $1" >&2; usage ;;
  esac
done
[[ -n "$CMD" ]] || usage
[[ "$BROKERS" == 1 || "$BROKERS" == 3 ]] || { echo "--brokers must be 1 or 3" >&2; exit 2; }
if [[ -n "$ONLY_NODE" ]]; then
  [[ "$BROKERS" == 3 && "$ONLY_NODE" =~ ^[123]$ && "$CMD" =~ ^(start|stop|status)$ ]] \
    || { echo "--node 1|2|3 needs --brokers 3 and start, stop or status" >&2; exit 2; }
fi

# ---- topology ------------------------------------------------------------------------------
declare -a NODE_IDS BROKER_PORTS CONTROLLER_PORTS NODE_DIRS
if [[ "$BROKERS" == 1 ]]; then
  BASE="$ROOT/${KAFKA_DATA_DIR:-.data/kafka}"
  NODE_IDS=(1)
  BROKER_PORTS=("${KAFKA_PORT:-19092}")
  CONTROLLER_PORTS=("${KAFKA_CONTROLLER_PORT:-19093}")
  NODE_DIRS=("$BASE")
  HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx1g}"
  RF=1; TXN_MIN_ISR=1
  # A second listener with SASL/PLAIN, so Sluice's SASL settings are tested against a real broker.
  # Test-only credentials on loopback: user "sluice", password "sluice-secret".
  SASL_PORT="${KAFKA_SASL_PORT:-19095}"
  # A third listener with SASL/SCRAM-SHA-512 for the principals whose credentials and ACLs Sluice manages.
  SCRAM_PORT="${KAFKA_SCRAM_PORT:-19096}"
  LISTENERS_EXTRA=",SASL_PLAINTEXT://127.0.0.1:$SASL_PORT,SCRAM://127.0.0.1:$SCRAM_PORT"
  MAP_EXTRA=",SASL_PLAINTEXT:SASL_PLAINTEXT,SCRAM:SASL_PLAINTEXT"
  # Broker-wide mechanisms: PLAIN and SCRAM-SHA-512; each SASL listener narrows the list to its own.
  EXTRA_PROPS="sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-512
listener.name.sasl_plaintext.sasl.enabled.mechanisms=PLAIN
listener.name.sasl_plaintext.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required user_sluice=\"sluice-secret\";
listener.name.scram.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.scram.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;"
  if [[ "${KAFKA_AUTHORIZER:-1}" != 0 ]]; then
    EXTRA_PROPS+="
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:ANONYMOUS;User:sluice"
  fi
  LABEL="kafka (single node)"
else
  BASE="$ROOT/${KAFKA3_DATA_DIR:-.data/kafka3}"
  NODE_IDS=(1 2 3)
  PB="${KAFKA3_PORT_BASE:-29092}"; CB="${KAFKA3_CONTROLLER_PORT_BASE:-29193}"
  BROKER_PORTS=("$PB" "$((PB + 1))" "$((PB + 2))")
  CONTROLLER_PORTS=("$CB" "$((CB + 1))" "$((CB + 2))")
  NODE_DIRS=("$BASE/node-1" "$BASE/node-2" "$BASE/node-3")
  HEAP_OPTS="${KAFKA3_HEAP_OPTS:-${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}}"
  RF=3; TXN_MIN_ISR=2
  LISTENERS_EXTRA=""
  MAP_EXTRA=""
  EXTRA_PROPS=""
  LABEL="kafka (3 brokers)"
fi
VOTERS=""
BOOTSTRAP=""
for i in "${!NODE_IDS[@]}"; do
  VOTERS+="${VOTERS:+,}${NODE_IDS[$i]}@127.0.0.1:${CONTROLLER_PORTS[$i]}"
  BOOTSTRAP+="${BOOTSTRAP:+,}127.0.0.1:${BROKER_PORTS[$i]}"
done
EXPECTED_BROKERS=${#NODE_IDS[@]}
WAIT_BOOTSTRAP="$BOOTSTRAP"
if [[ -n "$ONLY_NODE" ]]; then
  # One node of the cluster: the voters stay the whole quorum; start waits until that node answers with all three.
  k=$((ONLY_NODE - 1))
  NODE_IDS=("${NODE_IDS[$k]}"); BROKER_PORTS=("${BROKER_PORTS[$k]}")
  CONTROLLER_PORTS=("${CONTROLLER_PORTS[$k]}"); NODE_DIRS=("${NODE_DIRS[$k]}")
  WAIT_BOOTSTRAP="127.0.0.1:${BROKER_PORTS[0]}"
  LABEL="kafka (3 brokers) node $ONLY_NODE"
fi

JVM_OPTS=(-XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35
  -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true
  "-Dlog4j2.configurationFile=$LOG4J_CONF")

# ---- helpers -------------------------------------------------------------------------------
props_file() { echo "${NODE_DIRS[$1]}/server.properties"; }
pid_file() { echo "${NODE_DIRS[$1]}/broker.pid"; }
log_file() { echo "${NODE_DIRS[$1]}/broker.log"; }

port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

# PID of node $1 if its pid file points at a live kafka.Kafka process for this node's config.
node_pid() {
  local pf pid
  pf="$(pid_file "$1")"
  [[ -s "$pf" ]] || return 1
  pid="$(tr -dc '0-9' < "$pf")"
  [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' < "/proc/$pid/cmdline" 2>/dev/null | grep -qF "kafka.Kafka $(props_file "$1")" || return 1
  echo "$pid"
}

# Remove a pid file whose process is gone (or is no longer our broker).
clean_stale_pid() {
  local pf
  pf="$(pid_file "$1")"
  if [[ -e "$pf" ]] && ! node_pid "$1" >/dev/null; then
    echo "node ${NODE_IDS[$1]}: removing stale pid file (pid $(tr -dc '0-9' < "$pf") is not a running broker of this node)"
    rm -f "$pf"
  fi
}

node_running() { node_pid "$1" >/dev/null && port_open "${BROKER_PORTS[$1]}"; }

all_running() {
  local i
  for i in "${!NODE_IDS[@]}"; do node_running "$i" || return 1; done
}

# .data/kafka-libs/.resolved = sha256 of the pom, then the resolved jar names. The jars are
# (re)resolved when the marker is missing, the pom changed, or any listed jar is gone.
libs_complete() { libs_marker_complete "$LIBS_MARKER" "$LIBS" "$1"; }

ensure_libs() {
  local want
  want="$(sha256sum "$POM" | cut -d' ' -f1)"
  libs_complete "$want" && return 0
  echo "resolving Kafka jars from Maven Central into .data/kafka-libs ..."
  rm -rf "$LIBS"
  mkdir -p "$LIBS"
  local t0=$SECONDS
  local mvnlog="$ROOT/.data/kafka-libs-mvn.log"
  mvn -B -q -Dstyle.color=never -f "$POM" dependency:copy-dependencies > "$mvnlog" 2>&1 \
    || { cat "$mvnlog" >&2; echo "mvn failed resolving the Kafka jars" >&2; exit 1; }
  compgen -G "$LIBS/kafka_2.13-*.jar" >/dev/null || { echo "kafka_2.13 jar missing after mvn" >&2; exit 1; }
  { echo "$want"; (cd "$LIBS" && ls -1 -- *.jar); } > "$LIBS_MARKER"
  echo "resolved $(ls "$LIBS"/*.jar | wc -l) jars ($(du -sh "$LIBS" | cut -f1)) in $((SECONDS - t0))s"
}

write_props() {
  local i="$1" id="${NODE_IDS[$1]}" bp="${BROKER_PORTS[$1]}" cp="${CONTROLLER_PORTS[$1]}"
  mkdir -p "${NODE_DIRS[$i]}/data"
  cat > "$(props_file "$i")" <<EOF
# generated by dev/kafka.sh on every start; edit the script, not this file
process.roles=broker,controller
node.id=$id
controller.quorum.voters=$VOTERS
listeners=PLAINTEXT://127.0.0.1:$bp,CONTROLLER://127.0.0.1:$cp$LISTENERS_EXTRA
advertised.listeners=PLAINTEXT://127.0.0.1:$bp$LISTENERS_EXTRA
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT$MAP_EXTRA
log.dirs=${NODE_DIRS[$i]}/data
num.partitions=1
default.replication.factor=$RF
offsets.topic.replication.factor=$RF
offsets.topic.num.partitions=1
transaction.state.log.replication.factor=$RF
transaction.state.log.min.isr=$TXN_MIN_ISR
transaction.state.log.num.partitions=1
share.coordinator.state.topic.replication.factor=$RF
share.coordinator.state.topic.min.isr=$TXN_MIN_ISR
share.coordinator.state.topic.num.partitions=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
num.network.threads=2
num.io.threads=2
$EXTRA_PROPS
EOF
}

cluster_id() {
  local f="$BASE/cluster.id"
  if [[ ! -s "$f" ]]; then
    mkdir -p "$BASE"
    # 16 random bytes, base64url (22 chars), never starting with '-'
    node -e "let s;do{s=require('crypto').randomBytes(16).toString('base64url')}while(s[0]==='-');console.log(s)" > "$f"
  fi
  cat "$f"
}

format_node() {
  local i="$1" cid="$2"
  if [[ -f "${NODE_DIRS[$i]}/data/meta.properties" ]]; then
    return 0
  fi
  local t0=$SECONDS
  java -Xmx256m "${JVM_OPTS[@]}" -cp "$LIBS/*" kafka.tools.StorageTool format \
    --cluster-id "$cid" --config "$(props_file "$i")" --ignore-formatted \
    > "${NODE_DIRS[$i]}/format.log" 2>&1 \
    || { cat "${NODE_DIRS[$i]}/format.log" >&2; echo "node ${NODE_IDS[$i]}: format failed" >&2; exit 1; }
  echo "node ${NODE_IDS[$i]}: formatted storage (cluster id $cid) in $((SECONDS - t0))s"
}

launch_node() {
  local i="$1" pf log
  pf="$(pid_file "$i")"; log="$(log_file "$i")"
  rm -f "$pf"
  [[ -f "$log" ]] && mv -f "$log" "$log.1"
  # setsid: the broker outlives this script and ignores the caller's Ctrl-C.
  # The inner bash writes its own PID, then execs java under that same PID.
  # shellcheck disable=SC2086
  setsid bash -c 'echo $$ > "$1"; shift; exec "$@"' _ "$pf" \
    java $HEAP_OPTS "${JVM_OPTS[@]}" -cp "$LIBS/*" kafka.Kafka "$(props_file "$i")" \
    > "$log" 2>&1 < /dev/null &
  local n=0
  until [[ -s "$pf" ]]; do
    sleep 0.1; n=$((n + 1))
    [[ $n -lt 50 ]] || { echo "node ${NODE_IDS[$i]}: no pid file written" >&2; exit 1; }
  done
  echo "node ${NODE_IDS[$i]}: started pid $(cat "$pf"), broker 127.0.0.1:${BROKER_PORTS[$i]}, log ${log#"$ROOT/"}"
}

# SIGTERM the given node indexes (only PIDs from our pid files), wait, then SIGKILL leftovers.
stop_nodes() {
  local i pid any=0
  declare -A pids=()
  for i in "$@"; do
    if pid="$(node_pid "$i")"; then
      pids[$i]="$pid"; any=1
      echo "node ${NODE_IDS[$i]}: SIGTERM pid $pid"
      kill -TERM "$pid" 2>/dev/null || true
    else
      clean_stale_pid "$i"
    fi
  done
  [[ $any == 1 ]] || return 1
  local t0=$SECONDS
  while (( SECONDS - t0 < STOP_TIMEOUT )); do
    local alive=0
    for i in "${!pids[@]}"; do kill -0 "${pids[$i]}" 2>/dev/null && alive=1; done
    [[ $alive == 1 ]] || break
    sleep 0.5
  done
  for i in "${!pids[@]}"; do
    if kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "node ${NODE_IDS[$i]}: still alive after ${STOP_TIMEOUT}s, SIGKILL pid ${pids[$i]}"
      kill -KILL "${pids[$i]}" 2>/dev/null || true
      while kill -0 "${pids[$i]}" 2>/dev/null; do sleep 0.1; done
    fi
    rm -f "$(pid_file "$i")"
  done
  echo "$LABEL stopped in $((SECONDS - t0))s"
}

# ---- commands ------------------------------------------------------------------------------
cmd_status() {
  local i pid rc=0
  for i in "${!NODE_IDS[@]}"; do
    if pid="$(node_pid "$i")"; then
      if port_open "${BROKER_PORTS[$i]}"; then
        echo "node ${NODE_IDS[$i]}: running (pid $pid, 127.0.0.1:${BROKER_PORTS[$i]})"
      else
        echo "node ${NODE_IDS[$i]}: starting/unhealthy (pid $pid, port ${BROKER_PORTS[$i]} not answering)"; rc=1
      fi
    else
      echo "node ${NODE_IDS[$i]}: stopped"; rc=1
    fi
  done
  if [[ $rc == 0 ]]; then echo "$LABEL: running, bootstrap $BOOTSTRAP"; else echo "$LABEL: stopped"; fi
  return $rc
}

cmd_start() {
  if all_running; then
    echo "$LABEL already running"
    echo "bootstrap: $BOOTSTRAP"
    return 0
  fi
  command -v java >/dev/null || { echo "java not found (need Java 17+)" >&2; exit 1; }
  local i started=()
  for i in "${!NODE_IDS[@]}"; do
    clean_stale_pid "$i"
    if ! node_pid "$i" >/dev/null; then
      for p in "${BROKER_PORTS[$i]}" "${CONTROLLER_PORTS[$i]}"; do
        if port_open "$p"; then
          echo "port $p is already in use by another process; not starting node ${NODE_IDS[$i]}" >&2
          exit 1
        fi
      done
    fi
  done
  ensure_libs
  local cid
  cid="$(cluster_id)"
  for i in "${!NODE_IDS[@]}"; do
    write_props "$i"
    node_pid "$i" >/dev/null || format_node "$i" "$cid"
  done
  local t0=$SECONDS
  for i in "${!NODE_IDS[@]}"; do
    if node_pid "$i" >/dev/null; then
      echo "node ${NODE_IDS[$i]}: already running (pid $(node_pid "$i"))"
    else
      launch_node "$i"; started+=("$i")
    fi
  done

  # Wait for describeCluster() to list every broker; fail fast if a JVM dies.
  node "$SCRIPT_DIR/wait-kafka.mjs" "$WAIT_BOOTSTRAP" "$EXPECTED_BROKERS" "$START_TIMEOUT" &
  local wpid=$! dead=""
  while kill -0 "$wpid" 2>/dev/null; do
    for i in "${started[@]}"; do
      node_pid "$i" >/dev/null || dead="$i"
    done
    if [[ -n "$dead" ]]; then kill "$wpid" 2>/dev/null || true; break; fi
    sleep 0.5
  done
  local rc=0
  wait "$wpid" || rc=$?
  if [[ -n "$dead" || $rc != 0 ]]; then
    for i in "${!NODE_IDS[@]}"; do
      if [[ -z "$dead" || "$dead" == "$i" ]]; then
        echo "----- last 50 lines of ${NODE_DIRS[$i]#"$ROOT/"}/broker.log -----" >&2
        tail -n 50 "$(log_file "$i")" >&2 || true
      fi
    done
    if [[ -n "$dead" ]]; then
      echo "node ${NODE_IDS[$dead]} exited during startup" >&2
    else
      echo "$LABEL did not become ready within ${START_TIMEOUT}s" >&2
    fi
    [[ ${#started[@]} -gt 0 ]] && stop_nodes "${started[@]}" >&2 || true
    exit 1
  fi
  echo "$LABEL started in $((SECONDS - t0))s"
  echo "bootstrap: $BOOTSTRAP"
  [[ -z "${SCRAM_PORT:-}" ]] || echo "SASL/SCRAM-SHA-512: 127.0.0.1:$SCRAM_PORT (authorizer: $([[ "${KAFKA_AUTHORIZER:-1}" != 0 ]] && echo StandardAuthorizer || echo none))"
}

cmd_stop() {
  if ! stop_nodes "${!NODE_IDS[@]}"; then
    echo "$LABEL not running"
  fi
}

cmd_reset() {
  cmd_stop
  rm -rf "$BASE"
  echo "removed ${BASE#"$ROOT/"}/"
}

case "$CMD" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  reset) cmd_reset ;;
  fetch) ensure_libs; echo "kafka jars ready in .data/kafka-libs ($(ls "$LIBS"/*.jar | wc -l) jars)" ;;
esac
