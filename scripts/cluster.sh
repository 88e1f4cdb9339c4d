#!/usr/bin/env bash
# The whole Perdura cluster on loopback, without Docker: a real Kafka broker (KRaft, from Maven Central's
# kafka_2.13 jars), the machine's MariaDB/MySQL, two history replicas, one matching, one frontend and a
# samples worker, each its own JVM.
#
#   scripts/cluster.sh up [COMPONENT...]     start the components not running (default: all of the default set)
#   scripts/cluster.sh down [COMPONENT...]   stop them (SIGTERM, then SIGKILL after 20 s); default: everything started
#   scripts/cluster.sh kill COMPONENT...     kill -9
#   scripts/cluster.sh status                which components run, with pid and port
#
# Components: kafka, history-N, matching-N, frontend-N, worker-N (N = 1, 2, ...).
# The default set: kafka history-1 history-2 matching-1 frontend-1 worker-1.
#
# Settings (environment):
#   PERDURA_CLUSTER_DIR   pids, logs and Kafka's data            (default ./perdura-cluster)
#   PERDURA_DB_URL        JDBC URL of history's and matching's database
#                         (default jdbc:mysql://127.0.0.1:3306/perdura?createDatabaseIfNotExist=true)
#   PERDURA_DB_USER / PERDURA_DB_PASSWORD                        (default root / empty)
#   PERDURA_PORT_BASE     frontend-N listens on BASE+10(N-1), history-N on BASE+10(N-1)+1,
#                         matching-N on BASE+10(N-1)+2           (default 7233)
#   PERDURA_KAFKA_PORT    the broker; its controller uses PORT+1 (default 9092)
#   PERDURA_JAVA_OPTS     JVM options of every component
#                         (default -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1: six JVMs share the
#                         machine's cores, and C2 compiling the same code six times costs more than it gains;
#                         see docs/adr/0033)
#   PERDURA_SERVICE_ARGS  extra arguments of every service, e.g. --perdura.kafka.session-timeout=6s
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/jdk.sh

version=0.1.0-SNAPSHOT
dir=${PERDURA_CLUSTER_DIR:-./perdura-cluster}
mkdir -p "$dir/pids" "$dir/logs"
dir=$(cd "$dir" && pwd)
db_url=${PERDURA_DB_URL:-jdbc:mysql://127.0.0.1:3306/perdura?createDatabaseIfNotExist=true}
db_user=${PERDURA_DB_USER:-root}
db_password=${PERDURA_DB_PASSWORD:-}
port_base=${PERDURA_PORT_BASE:-7233}
kafka_port=${PERDURA_KAFKA_PORT:-9092}
java_opts=${PERDURA_JAVA_OPTS:--Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
read -r -a service_args <<< "${PERDURA_SERVICE_ARGS:-}"
default_set=(kafka history-1 history-2 matching-1 frontend-1 worker-1)

jar_of() { echo "$1/target/perdura-$1-$version-exec.jar"; }

ensure_built() {
  local missing=0
  for jar in "$(jar_of history-service)" "$(jar_of matching-service)" "$(jar_of frontend-service)" \
      "$(jar_of samples)" "kafka-local/target/perdura-kafka-local-$version.jar"; do
    [ -f "$jar" ] || missing=1
  done
  if [ "$missing" = 1 ]; then
    echo "building the services (once)..."
    ./mvnw -q -B -DskipTests package -pl kafka-local,history-service,matching-service,frontend-service,samples -am
  fi
}

# port_of COMPONENT: the HTTP port of a service, the broker port of kafka, nothing for a worker.
port_of() {
  local name=$1 kind=${1%-*} n=${1##*-}
  case "$kind" in
    kafka) echo "$kafka_port" ;;
    frontend) echo $((port_base + 10 * (n - 1))) ;;
    history) echo $((port_base + 10 * (n - 1) + 1)) ;;
    matching) echo $((port_base + 10 * (n - 1) + 2)) ;;
    worker) echo "" ;;
    *) echo "unknown component: $name" >&2; exit 2 ;;
  esac
}

pid_of() { cat "$dir/pids/$1.pid" 2>/dev/null || true; }
running() { local pid; pid=$(pid_of "$1"); [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; }

command_of() {
  local name=$1 kind=${1%-*} port
  port=$(port_of "$name")
  local kafka="--perdura.kafka.bootstrap-servers=127.0.0.1:$kafka_port"
  local database=("--spring.datasource.url=$db_url" "--spring.datasource.username=$db_user"
                  "--spring.datasource.password=$db_password")
  case "$kind" in
    kafka)
      printf '%q ' java $java_opts -cp "kafka-local/target/lib/*:kafka-local/target/perdura-kafka-local-$version.jar" \
        io.perdura.kafka.local.LocalKafka --port="$kafka_port" --data-dir="$dir/kafka" ;;
    history)
      printf '%q ' java $java_opts -jar "$(jar_of history-service)" --server.port="$port" "$kafka" "${database[@]}" \
        --perdura.history.owner-id="$name" "${service_args[@]}" ;;
    matching)
      printf '%q ' java $java_opts -jar "$(jar_of matching-service)" --server.port="$port" "$kafka" "${database[@]}" \
        "${service_args[@]}" ;;
    frontend)
      printf '%q ' java $java_opts -jar "$(jar_of frontend-service)" --server.port="$port" "$kafka" "${service_args[@]}" ;;
    worker)
      printf '%q ' java $java_opts -jar "$(jar_of samples)" --spring.main.web-application-type=none \
        --perdura.target="http://127.0.0.1:$port_base" --perdura.identity="$name" ;;
  esac
}

# logged NAME PATTERN: whether this start of NAME has logged PATTERN.
logged() {
  local from
  from=$(cat "$dir/pids/$1.from" 2>/dev/null || echo 0)
  tail -n +$((from + 1)) "$dir/logs/$1.log" 2>/dev/null | grep -q "$2"
}

await_ready() {
  local name=$1 kind=${1%-*} port pid
  port=$(port_of "$name")
  pid=$(pid_of "$name")
  for _ in $(seq 1 180); do
    kill -0 "$pid" 2>/dev/null || { echo "$name exited; see $dir/logs/$name.log" >&2; tail -20 "$dir/logs/$name.log" >&2; return 1; }
    case "$kind" in
      kafka) logged "$name" "Kafka broker ready" && return 0 ;;
      worker) logged "$name" "Started SamplesWorkerApplication" && return 0 ;;
      *) curl -fs "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null 2>&1 && return 0 ;;
    esac
    sleep 0.5
  done
  echo "$name is not ready after 90 s; see $dir/logs/$name.log" >&2
  return 1
}

# launch COMPONENT: starts it in the background unless it runs; prints its name when it was started.
launch() {
  local name=$1
  if running "$name"; then
    echo "$name already runs (pid $(pid_of "$name"))" >&2
    return 0
  fi
  local command
  command=$(command_of "$name")
  # await_ready reads only what this start writes to the log
  { wc -l < "$dir/logs/$name.log"; } 2>/dev/null > "$dir/pids/$name.from" || echo 0 > "$dir/pids/$name.from"
  echo "=== $(date -u +%FT%TZ) starting $name: $command" >> "$dir/logs/$name.log"
  # setsid: a component outlives this script, and a kill reaches only it.
  # exec: the recorded pid is the component's own, so that a kill reaches it and nothing else.
  eval "exec setsid $command" >> "$dir/logs/$name.log" 2>&1 < /dev/null &
  echo $! > "$dir/pids/$name.pid"
  echo "$name"
}

# start_all COMPONENT...: launches them together, then waits until each is ready.
start_all() {
  local launched=() name port
  for name in "$@"; do
    name=$(launch "$name")
    [ -z "$name" ] || launched+=("$name")
  done
  for name in "${launched[@]}"; do
    await_ready "$name"
    port=$(port_of "$name")
    echo "$name ready (pid $(pid_of "$name")${port:+, port $port})"
  done
}

stop() {
  local name=$1 signal=${2:-TERM} pid
  pid=$(pid_of "$name")
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then
    rm -f "$dir/pids/$name.pid"
    return 0
  fi
  kill "-$signal" "$pid" 2>/dev/null || true
  for _ in $(seq 1 200); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$dir/pids/$name.pid"
  echo "$name stopped ($signal)"
}

started() { ls "$dir/pids" 2>/dev/null | sed -n 's/\.pid$//p'; }

# Stops in the reverse order of dependencies: workers, frontends, matching, history, Kafka last.
stop_order() {
  local names=("$@") kind
  for kind in worker frontend matching history kafka; do
    for name in "${names[@]}"; do
      [ "${name%-*}" = "$kind" ] || [ "$name" = "$kind" ] && echo "$name"
    done
  done
  return 0
}

case "${1:-}" in
  up)
    shift
    ensure_built
    names=("$@")
    [ ${#names[@]} -gt 0 ] || names=("${default_set[@]}")
    # Kafka first, then the services together, then the workers.
    for kinds in "kafka" "history matching frontend" "worker"; do
      group=()
      for name in "${names[@]}"; do
        port_of "$name" > /dev/null
        [[ " $kinds " == *" ${name%-*} "* || " $kinds " == *" $name "* ]] && group+=("$name")
      done
      [ ${#group[@]} -eq 0 ] || start_all "${group[@]}"
    done
    ;;
  down)
    shift
    names=("$@")
    [ ${#names[@]} -gt 0 ] || mapfile -t names < <(started)
    [ ${#names[@]} -gt 0 ] || exit 0
    for name in $(stop_order "${names[@]}"); do stop "$name" TERM; done
    ;;
  kill)
    shift
    for name in "$@"; do stop "$name" KILL; done
    ;;
  status)
    for name in $(started); do
      port=$(port_of "$name")
      if running "$name"; then state=running; else state=dead; fi
      printf '%-12s %-8s pid %-8s %s\n' "$name" "$state" "$(pid_of "$name")" "${port:+port $port}"
    done
    ;;
  *)
    sed -n '2,24p' "$0"
    exit 2
    ;;
esac
