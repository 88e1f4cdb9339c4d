#!/usr/bin/env bash
# The cluster's figures, side by side in one run: scripts/cluster.sh up (2 history replicas), then the
# benchmark's one-activity and signal-wait workloads; then one-activity with history-2 stopped (1 replica)
# and again with it started (2 replicas); each with every component's CPU per workflow over the measured
# window; then every component's CPU time over the whole script. N=2000 workflows by default.
# Uses database `perdura` (dropped first) and the default ports, so no other cluster or dev server may run.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh
export PERDURA_CLUSTER_DIR=${PERDURA_CLUSTER_DIR:-./perdura-cluster-bench}
scripts/cluster.sh down >/dev/null 2>&1 || true
rm -rf "$PERDURA_CLUSTER_DIR"
mysql -uroot -h127.0.0.1 -e "DROP DATABASE IF EXISTS perdura"
[ -f benchmarks/target/perdura-benchmarks.jar ] || ./mvnw -q -B -DskipTests package -pl benchmarks -am
scripts/cluster.sh up
# every component's CPU over the measured window (after the warm-up), per workflow
pids() {
  local list="" c
  for c in frontend-1 history-1 history-2 matching-1 worker-1 kafka; do
    [ -f "$PERDURA_CLUSTER_DIR/pids/$c.pid" ] && list="$list${list:+,}$c:$(cat "$PERDURA_CLUSTER_DIR/pids/$c.pid")"
  done
  echo "$list"
}
bench() {
  uptime
  java -jar benchmarks/target/perdura-benchmarks.jar --workflows=${N:-2000} --concurrency=32 --warmup=200 --pids="$(pids)" "$@" \
    2>&1 | grep -v "^\s*at \|^\[main\] INFO" | tail -12
}
echo "### 2 history: one-activity"; bench --workload=one-activity
echo "### 2 history: signal-wait"; bench --workload=signal-wait
scripts/cluster.sh down history-2; sleep 15
echo "### 1 history: one-activity"; bench --workload=one-activity
scripts/cluster.sh up history-2; sleep 15
echo "### 2 history again: one-activity"; bench --workload=one-activity
for c in frontend-1 history-1 history-2 matching-1 worker-1 kafka; do
  echo "$c cpu: $(ps -o cputime= -p $(cat $PERDURA_CLUSTER_DIR/pids/$c.pid))"
done
scripts/cluster.sh down
