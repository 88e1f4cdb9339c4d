#!/usr/bin/env bash
# Makes the dev server's JDK AOT cache (JEP 483/514/515, ADR 0032):
#   scripts/dev-server-aot.sh [JAR=dev-server/target/perdura-dev-server.jar] [DIR=dev-server/target/aot]
# Extracts JAR into DIR/app (an AOT cache needs plain jars on the class path, not the nested jars of an
# executable jar), then makes one training run of it with -XX:AOTCacheOutput: the dev server with its
# samples starts on a free port, in a throw-away data dir, answers /actuator/health, runs Hello to its
# result, and stops; the JVM writes at exit the classes it loaded and linked and the methods' profiles.
# The cache lands in DIR/perdura-dev-server.aot only when that all succeeded. Run it with
#   java -XX:AOTCache=DIR/perdura-dev-server.aot -jar DIR/app/perdura-dev-server.jar …
# The cache is only valid for that JDK and that DIR/app; `./perdura dev-server` remakes it when the jar
# is newer.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

jar=${1:-dev-server/target/perdura-dev-server.jar}
dir=$(realpath -m "${2:-dev-server/target/aot}")
jar=$(realpath "$jar")
cache=$dir/perdura-dev-server.aot

rm -rf "$dir"
mkdir -p "$dir"
java -Djarmode=tools -jar "$jar" extract --destination "$dir/app" >/dev/null
training=$(mktemp -d "${TMPDIR:-/tmp}/perdura-aot-training.XXXXXX")
pid=
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$training"
}
trap cleanup EXIT

# a port nothing listens on: the samples' workers reach the server at the port it was given
port=
for candidate in $(shuf -i 20000-32000 -n 20); do
  if ! (exec 3<>"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null; then port=$candidate; break; fi
done
[ -n "$port" ] || { echo "perdura: no free port for the AOT training run" >&2; exit 1; }

echo "perdura: making the dev server's AOT cache (once per build; about a minute)" >&2
java -XX:AOTCacheOutput="$training/cache.aot" -Xlog:aot=error -Xlog:cds=error \
  -jar "$dir/app/perdura-dev-server.jar" --port="$port" --data-dir="$training/data" --samples \
  >"$training/log" 2>&1 &
pid=$!

healthy=
deadline=$((SECONDS + 600))
while [ $SECONDS -lt $deadline ]; do
  if curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; then healthy=1; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "perdura: the AOT training run exited early; its log:" >&2
    tail -20 "$training/log" >&2
    exit 1
  fi
  sleep 0.2
done
if [ -z "$healthy" ]; then
  echo "perdura: the AOT training run did not become healthy in 600 s; its log:" >&2
  tail -20 "$training/log" >&2
  exit 1
fi

api=http://127.0.0.1:$port/api/v1/namespaces/default/workflows/aot-training
curl -sf -X POST "$api" -H 'Content-Type: application/json' \
  -d '{"workflowType":"Hello","taskQueue":"samples","input":["AOT"]}' >/dev/null
curl -sf "$api/result?wait=30s" | grep -q '"COMPLETED"'
curl -sf "$api/history" >/dev/null

kill -TERM "$pid"
wait "$pid" || true
pid=
if [ ! -s "$training/cache.aot" ]; then
  echo "perdura: the AOT training run wrote no cache; its log:" >&2
  tail -20 "$training/log" >&2
  exit 1
fi
mv "$training/cache.aot" "$cache"
echo "perdura: AOT cache $cache ($(du -m "$cache" | cut -f1) MiB)" >&2
