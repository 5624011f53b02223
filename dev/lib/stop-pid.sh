# Sourced by the dev service scripts (dev/registry.sh, dev/connect.sh).
# stop_pid LABEL PID TIMEOUT: SIGTERM the process, wait up to TIMEOUT seconds, then SIGKILL it and wait for it to go.
# Prints what it did with LABEL in front; sets STOPPED_AFTER to the seconds it took.
stop_pid() {
  local label=$1 pid=$2 timeout=$3 t0=$SECONDS
  kill -TERM "$pid" 2>/dev/null || true
  while kill -0 "$pid" 2>/dev/null && (( SECONDS - t0 < timeout )); do sleep 0.5; done
  if kill -0 "$pid" 2>/dev/null; then
    echo "$label: still alive after ${timeout}s, SIGKILL pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  fi
  STOPPED_AFTER=$((SECONDS - t0))
}
