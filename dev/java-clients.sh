#!/usr/bin/env bash
# Real Kafka Java clients (kafka-clients 4.3.1 from Maven Central) for the integration tests.
#   dev/java-clients.sh fetch   resolve the jars into .data/java-clients/lib
#   dev/java-clients.sh build   fetch if needed, then compile dev/java-clients/src into .data/java-clients/classes
# Prints the classpath on the last line of "build".
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD/.data/java-clients"
LIB="$ROOT/lib"
CLASSES="$ROOT/classes"
fetch() {
  if ls "$LIB"/kafka-clients-4.3.1.jar >/dev/null 2>&1; then return; fi
  mkdir -p "$LIB"
  mvn -q -B -f dev/java-clients/pom.xml dependency:copy-dependencies -DoutputDirectory="$LIB" >&2
}
build() {
  fetch
  local stamp="$CLASSES/.built"
  if [[ ! -f "$stamp" || -n "$(find dev/java-clients/src -newer "$stamp" -name '*.java')" ]]; then
    rm -rf "$CLASSES" && mkdir -p "$CLASSES"
    javac -nowarn -d "$CLASSES" -cp "$LIB/*" dev/java-clients/src/*.java >&2
    touch "$stamp"
  fi
  echo "$CLASSES:$LIB/*"
}
case "${1:-}" in
  fetch) fetch; echo "java client jars ready in $LIB ($(ls "$LIB"/*.jar | wc -l) jars)" ;;
  build) build ;;
  *) echo "usage: $(basename "$0") fetch|build" >&2; exit 2 ;;
esac
