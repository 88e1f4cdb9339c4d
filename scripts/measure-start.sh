#!/usr/bin/env bash
# How long the dev server takes to its first answers (ADR 0032), with and without its AOT cache:
#   scripts/measure-start.sh [DATA_DIR] [ROUNDS=3] [POPULATE=0]
# Each round starts the dev server (with --samples, as `./perdura dev-server --samples`) on DATA_DIR
# (default: a fresh temporary one), once from the executable jar and once from the AOT cache that
# scripts/dev-server-aot.sh makes, and prints the milliseconds from `java` to /actuator/health
# answering 200 and to a start request answering, and the CPU the server had used by then.
# POPULATE=N first fills DATA_DIR with N workflows that sleep a day (the load generator's
# idle-scale workload; needs benchmarks/target/perdura-benchmarks.jar).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

data=${1:-}
rounds=${2:-3}
populate=${3:-0}
port=${MEASURE_PORT:-7342}
jar=dev-server/target/perdura-dev-server.jar
aot=dev-server/target/aot
if [ -z "$data" ]; then
  data=$(mktemp -d "${TMPDIR:-/tmp}/perdura-start.XXXXXX")/data
fi
if [ ! -f "$aot/perdura-dev-server.aot" ] || [ "$jar" -nt "$aot/perdura-dev-server.aot" ]; then
  scripts/dev-server-aot.sh "$jar" "$aot"
fi
pid=
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null || true' EXIT

now_ms() { echo $(($(date +%s%N) / 1000000)); }

start() { # start MODE: the dev server in the background, pid in $pid
  case $1 in
    jar) java -jar "$jar" --port="$port" --data-dir="$data" --samples >"$data.log" 2>&1 & ;;
    aot) java -XX:AOTCache="$aot/perdura-dev-server.aot" -jar "$aot/app/perdura-dev-server.jar" \
           --port="$port" --data-dir="$data" --samples >"$data.log" 2>&1 & ;;
  esac
  pid=$!
}

stop() {
  kill "$pid"
  wait "$pid" || true
  pid=
}

if [ "$populate" -gt 0 ]; then
  start aot
  until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do sleep 0.2; done
  java -jar benchmarks/target/perdura-benchmarks.jar --peer=perdura --target="http://127.0.0.1:$port" \
    --workload=idle-scale --workflows="$populate" --concurrency=32 --warmup=0 | grep -v "^row "
  stop
fi

api=http://127.0.0.1:$port/api/v1/namespaces/default/workflows
for round in $(seq 1 "$rounds"); do
  for mode in jar aot; do
    begin=$(now_ms)
    start "$mode"
    until curl -sf "http://127.0.0.1:$port/actuator/health" >/dev/null 2>&1; do
      kill -0 "$pid" 2>/dev/null || { echo "dev server exited; see $data.log" >&2; exit 1; }
      sleep 0.02
    done
    health=$(($(now_ms) - begin))
    cpu=$(awk '{ print ($14 + $15) * 10 }' "/proc/$pid/stat")
    until curl -sf -X POST "$api/measure-start-$mode-$round-$begin" -H 'Content-Type: application/json' \
      -d '{"workflowType":"Hello","taskQueue":"samples","input":["start"]}' >/dev/null 2>&1; do
      sleep 0.02
    done
    started=$(($(now_ms) - begin))
    stop
    echo "start round=$round mode=$mode health-ms=$health start-request-ms=$started cpu-ms-at-health=$cpu load=$(cut -d' ' -f1 /proc/loadavg)"
  done
done
