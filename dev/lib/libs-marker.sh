# Sourced by the dev scripts that resolve jars from Maven Central (dev/kafka.sh, dev/connect.sh).
# libs_marker_complete MARKER BASE WANT: true when MARKER's first line is WANT (the pom's sha256), it lists at least
# one jar after it, and every listed jar (a path relative to BASE) is there.
libs_marker_complete() {
  local marker=$1 base=$2 want=$3 jar
  [[ -f "$marker" ]] || return 1
  [[ "$(head -n 1 "$marker")" == "$want" ]] || return 1
  [[ "$(wc -l < "$marker")" -gt 1 ]] || return 1
  while IFS= read -r jar; do
    [[ -f "$base/$jar" ]] || return 1
  done < <(tail -n +2 "$marker")
}
