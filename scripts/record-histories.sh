#!/usr/bin/env bash
# Records the histories of the sample workflows for the replay gate (samples/src/test/resources/histories):
# runs the dev server with the samples on a free port and a temporary data directory, runs each sample
# as the README's curl examples do, and saves each run's `history?format=json` download
# (<workflowId>-<runId>.json) under histories/<sample>/. Re-record after a deliberate, versioned change.
#   scripts/record-histories.sh [--port=17333]        (needs curl and jq; builds the dev server if needed)
set -euo pipefail
cd "$(dirname "$0")/.."

port=17333
for arg in "$@"; do
  case "$arg" in
    --port=*) port="${arg#--port=}" ;;
    *) sed -n '2,6p' "$0"; exit 2 ;;
  esac
done

out=samples/src/test/resources/histories
data=$(mktemp -d)
./perdura dev-server --samples --port="$port" --data-dir="$data/data" >"$data/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$data"' EXIT

api="http://localhost:$port/api/v1/namespaces/default/workflows"
for _ in $(seq 1 180); do
  curl -sf "$api" >/dev/null 2>&1 && break
  kill -0 "$server" 2>/dev/null || { cat "$data/server.log"; exit 1; }
  sleep 1
done
curl -sf "$api" >/dev/null || { echo "dev server did not start; log: $data/server.log" >&2; tail -50 "$data/server.log"; exit 1; }

post() { curl -sf -X POST "$api/$1" -H 'Content-Type: application/json' -d "$2"; }
start() { post "$1" "$2" | jq -r .runId; }
result() { curl -sf "$api/$1/result?wait=60s${2:+&runId=$2}" >/dev/null; }
# save <sample dir> <workflowId> [runId]: the download, named <workflowId>-<runId>.json by the server
save() {
  mkdir -p "$out/$1"
  local file
  file=$(cd "$out/$1" && curl -sf -OJ -w '%{filename_effective}' "$api/$2/history?format=json${3:+&runId=$3}")
  # one event a line, so that a re-recording diffs readably
  { echo '{"events":['; jq -c '.events[]' "$out/$1/$file" | sed '$!s/$/,/'; echo ']}'; } >"$data/pretty.json"
  mv "$data/pretty.json" "$out/$1/$file"
  echo "recorded $1/$2${3:+ ($3)}"
}
json() { printf '{"workflowType":"%s","taskQueue":"samples","input":%s}' "$1" "$2"; }

rm -rf "$out"
# the ids of the README's examples: the data directory is new, so none is taken

start "hello-1" "$(json Hello '["World"]')" >/dev/null
result "hello-1" && save hello "hello-1"

start "parallel-1" "$(json ParallelGreetings '[["Ada","Grace","Linus"]]')" >/dev/null
result "parallel-1" && save parallel "parallel-1"

first=$(start "countdown-1" "$(json Countdown '[2]')")
result "countdown-1" "$first" && save countdown "countdown-1" "$first" && save countdown "countdown-1"

start "cancellable-1" "$(json Cancellable '[]')" >/dev/null
sleep 2
post "cancellable-1/cancel" '{"reason":"not needed"}' >/dev/null
result "cancellable-1" && save cancellable "cancellable-1"

start "parent-1" "$(json Parent '[2]')" >/dev/null
result "parent-1" && save parent "parent-1" && save parent "parent-1-child-1" && save parent "parent-1-child-2"

start "counter-1" "$(json Counter '[]')" >/dev/null
post "counter-1/update/add" '{"input":[3]}' >/dev/null
post "counter-1/update/add" '{"input":[4],"updateId":"add-4"}' >/dev/null
post "counter-1/update/add" '{"input":[-1]}' >/dev/null || true # rejected: leaves no event
post "counter-1/signal/finish" '{"input":[]}' >/dev/null
result "counter-1" && save counter "counter-1"

start "order-1" "$(json OrderFulfillment '[{"orderId":"o-1","items":["book","lamp"],"amountCents":4250,"address":"Main St 1"}]')" >/dev/null
result "order-1" && save order "order-1" && save order "order-1-shipping"
start "order-2" "$(json OrderFulfillment '[{"orderId":"o-2","items":["book"],"amountCents":990,"address":"nowhere"}]')" >/dev/null
result "order-2" && save order "order-2" && save order "order-2-shipping"

start "approval-1" "$(json Approval '["new laptop"]')" >/dev/null
sleep 1
post "approval-1/signal/approve" '{"input":["alice"]}' >/dev/null
result "approval-1" && save approval "approval-1"
post "approval-2/signal-with-start/approve" \
  '{"workflowType":"Approval","taskQueue":"samples","input":["new phone"],"signalInput":["bob"]}' >/dev/null
result "approval-2" && save approval "approval-2"

start "pay-1" "$(json FlakyPayment '[2]')" >/dev/null
result "pay-1" && save payment "pay-1"

start "reminder-1" "$(json Reminder '["stand up",1]')" >/dev/null
result "reminder-1" && save reminder "reminder-1"

echo "histories in $out:"
find "$out" -name '*.json' | sort
