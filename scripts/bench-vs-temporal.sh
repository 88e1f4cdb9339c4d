#!/usr/bin/env bash
# Perdura against its peer, side by side in one run (docs/performance.md, ADR 0027):
#   scripts/bench-vs-temporal.sh [WORKLOAD|all] [N=2000] [CONCURRENCY=32] [ROUNDS=2] [load-generator options…]
#   e.g. scripts/bench-vs-temporal.sh one-activity 2000 32
#        scripts/bench-vs-temporal.sh light-load 0 32 2 --rate=20 --duration=30s
#        scripts/bench-vs-temporal.sh idle-scale 100000 32
# For each workload it starts, fresh, Perdura's dev server with its samples' workers (one JVM, embedded H2
# in a temporary data dir) and Temporal's in-memory test server with a Temporal SDK worker (one JVM); then
# runs the same load generator against each in turn, A B A B (ROUNDS times; idle-scale once), every JVM of
# a kind with the same flags; prints every row, then the ratios Perdura / Temporal; stops both servers.
# Environment: BENCH_SERVER_JVM, BENCH_DRIVER_JVM (JVM flags), BENCH_WARMUP (workflows before each run,
# default 200), BENCH_PERDURA_PORT (7290), BENCH_TEMPORAL_PORT (7291), BENCH_KEEP=1 keeps the logs.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

workload=${1:-one-activity}
workflows=${2:-2000}
concurrency=${3:-32}
rounds=${4:-2}
shift $(($# < 4 ? $# : 4))
extra=("$@")
server_jvm=(${BENCH_SERVER_JVM:--Xms512m -Xmx1g --enable-native-access=ALL-UNNAMED})
driver_jvm=(${BENCH_DRIVER_JVM:--Xmx1g --enable-native-access=ALL-UNNAMED})
warmup=${BENCH_WARMUP:-200}
perdura_port=${BENCH_PERDURA_PORT:-7290}
temporal_port=${BENCH_TEMPORAL_PORT:-7291}
bench_jar=benchmarks/target/perdura-benchmarks.jar
dev_jar=dev-server/target/perdura-dev-server.jar
all_workloads=(one-activity ten-activities signal-wait timer reminder light-load idle-scale)

if [ ! -f "$bench_jar" ] || [ ! -f "$dev_jar" ]; then
  ./mvnw -q -B -o -DskipTests package -pl benchmarks -am
fi

work=$(mktemp -d /tmp/bench-vs-temporal.XXXXXX)
rows=$work/rows
: >"$rows"
perdura_pid=
temporal_pid=

stop_servers() {
  for pid in $perdura_pid $temporal_pid; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in $perdura_pid $temporal_pid; do
    wait "$pid" 2>/dev/null || true
  done
  perdura_pid=
  temporal_pid=
}
cleanup() {
  stop_servers
  if [ "${BENCH_KEEP:-0}" = 1 ]; then echo "logs in $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

await() { # await DESCRIPTION PID COMMAND…: until COMMAND succeeds, at most 120 s, while PID lives
  local what=$1 pid=$2
  shift 2
  for _ in $(seq 1 600); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "$what exited; log:" >&2; tail -20 "$work/$what.log" >&2; exit 1; fi
    sleep 0.2
  done
  echo "$what not ready after 120 s" >&2
  exit 1
}

start_servers() {
  rm -rf "$work/perdura-data"
  java "${server_jvm[@]}" -jar "$dev_jar" --port="$perdura_port" --data-dir="$work/perdura-data" --samples \
    >"$work/perdura.log" 2>&1 &
  perdura_pid=$!
  java "${server_jvm[@]}" -jar "$bench_jar" temporal-server --port="$temporal_port" >"$work/temporal.log" 2>&1 &
  temporal_pid=$!
  await perdura "$perdura_pid" curl -sf "http://127.0.0.1:$perdura_port/actuator/health"
  await temporal "$temporal_pid" grep -q "temporal peer ready" "$work/temporal.log"
}

run() { # run PEER WORKLOAD ROUND
  local peer=$1 name=$2 round=$3 target pid data=()
  if [ "$peer" = perdura ]; then
    target=http://127.0.0.1:$perdura_port pid=$perdura_pid data=(--data-dir="$work/perdura-data")
  else
    target=127.0.0.1:$temporal_port pid=$temporal_pid
  fi
  echo "### $name, $peer, round $round"
  java "${driver_jvm[@]}" -jar "$bench_jar" --peer="$peer" --target="$target" --workload="$name" \
    --workflows="$workflows" --concurrency="$concurrency" --warmup="$warmup" --pids=server:"$pid" \
    "${data[@]}" "${extra[@]}" 2>"$work/$name-$peer-$round.err" | grep -v "^\[main\] INFO" | tee "$work/$name-$peer-$round.out" |
    grep -v "^row " || true
  grep "^row " "$work/$name-$peer-$round.out" | sed "s/^row /row round=$round /" >>"$rows" ||
    { echo "($peer run failed: $(grep -v WARN "$work/$name-$peer-$round.err" | tail -3))"; }
}

count_rows() { # count_rows: rows in the stopped dev server's embedded database per 100k of its sleeping workflows
  local sleeping url tables sql h2
  sleeping=$(grep "^row .*peer=perdura workload=idle-scale" "$rows" | grep -o "sleeping=[0-9]*" | cut -d= -f2)
  [ -n "$sleeping" ] || return 0
  mkdir -p "$work/h2"
  unzip -o -q -j "$dev_jar" 'BOOT-INF/lib/h2-*.jar' -d "$work/h2"
  h2=$(ls "$work"/h2/h2-*.jar)
  url="jdbc:h2:file:$work/perdura-data/perdura;MODE=MySQL;DATABASE_TO_LOWER=TRUE;NON_KEYWORDS=VALUE,KEY"
  tables=$(java -cp "$h2" org.h2.tools.Shell -url "$url" -user "" \
    -sql "select table_name from information_schema.tables where table_schema='public'" | sed '1d;$d' | tr -d ' ')
  sql=$(for t in $tables; do echo "select '$t', count(*) from $t"; done | paste -sd'|' | sed 's/|/ union all /g')
  java -cp "$h2" org.h2.tools.Shell -url "$url" -user "" -sql "$sql" | sed '1d;$d' | tr -d ' ' |
    awk -F'|' -v n="$sleeping" '{ total += $2; if ($2 > 0) line = line sprintf(" %s=%.0f", $1, $2 * 100000 / n) }
      END { printf "perdura database rows per 100k sleeping workflows: %.0f (%s )\n", total * 100000 / n, line }' |
    tee "$work/rows-per-100k"
  sed -i "/peer=perdura workload=idle-scale/s/\$/ rows\/100k=$(awk '{print $8}' "$work/rows-per-100k")/" "$rows"
}

bench() { # bench WORKLOAD
  local name=$1 n=$rounds
  [ "$name" = idle-scale ] && n=1
  start_servers
  for round in $(seq 1 "$n"); do
    run perdura "$name" "$round"
    run temporal "$name" "$round"
  done
  stop_servers
  if [ "$name" = idle-scale ]; then count_rows; fi
}

if [ "$workload" = all ]; then
  for name in "${all_workloads[@]}"; do bench "$name"; done
else
  bench "$workload"
fi

echo
echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, N=$workflows, concurrency=$concurrency, warmup=$warmup, ${extra[*]:-}"
echo "## server JVMs: ${server_jvm[*]}; load generator JVMs: ${driver_jvm[*]}"
awk '
  function get(key,   i, kv) { for (i = 2; i <= NF; i++) { split($i, kv, "="); if (kv[1] == key) return kv[2] } return "" }
  # the figure each workload is judged by, and whether higher is better
  function figure(w) { return w == "ten-activities" ? "act/s" : w == "timer" ? "late-p99-ms" : w == "light-load" ? "p99-ms" : "wf/s" }
  BEGIN { printf "%-15s %-9s %5s %8s %8s %9s %9s %9s %11s %11s %8s %8s\n", "workload", "peer", "round", "wf/s", "act/s",
          "p50-ms", "p99-ms", "late-p99", "srv-cpu/wf", "all-cpu/wf", "heap-MiB", "threads" }
  {
    w = get("workload"); p = get("peer")
    printf "%-15s %-9s %5s %8s %8s %9s %9s %9s %11s %11s %8s %8s\n", w, p, get("round"), get("wf/s"), get("act/s"),
      get("p50-ms"), get("p99-ms"), get("late-p99-ms"), get("server-cpu-ms/wf"), get("total-cpu-ms/wf"),
      get("heap-mib"), get("threads")
    if (!(w in seen)) { seen[w] = 1; order[++count] = w }
    sum[w, p] += get(figure(w)); runs[w, p]++
    cpu[w, p] += get("total-cpu-ms/wf")
    if (get("heap-mib") != "") heap[w, p] += get("heap-mib")
    if (get("rows/100k") != "") rowsper[w] = get("rows/100k")
  }
  END {
    print ""
    for (i = 1; i <= count; i++) {
      w = order[i]; f = figure(w)
      if (runs[w, "perdura"] == 0 || runs[w, "temporal"] == 0) { printf "%-15s no ratio: a side failed\n", w; continue }
      a = sum[w, "perdura"] / runs[w, "perdura"]; b = sum[w, "temporal"] / runs[w, "temporal"]
      ca = cpu[w, "perdura"] / runs[w, "perdura"]; cb = cpu[w, "temporal"] / runs[w, "temporal"]
      better = (f ~ /ms$/) ? "lower is better" : "higher is better"
      printf "RATIO %-15s %s perdura/temporal = %.2fx (%.1f vs %.1f, %s; mean of %d run(s) each); cpu-ms/wf %.2fx (%.1f vs %.1f)",
        w, f, (b == 0 ? 0 : a / b), a, b, better, runs[w, "perdura"], (cb == 0 ? 0 : ca / cb), ca, cb
      if ((w, "perdura") in heap) printf "; heap after GC %.0f vs %.0f MiB", heap[w, "perdura"], heap[w, "temporal"]
      if (rowsper[w] != "") printf "; perdura rows per 100k %s (temporal: in memory)", rowsper[w]
      printf "\n"
    }
  }' "$rows"
