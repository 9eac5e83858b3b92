#!/usr/bin/env bash
# Starts the service (Release, embedded default, an empty database of its own, the per-key rate
# limit lifted: one key is the whole load here), then measures on this machine:
#   gRPC Assess with the project's load command, JSON Assess and JSON GetCase with wrk,
# and the service's resident memory after each; prints one table (the service's log is left in
# /tmp/load-service.log). Needs wrk (apt-get install wrk).
#   bench/load.sh                      # REQUESTS=20000 CONCURRENCY=32 DURATION=10s WARMUP=60000 JSON_WARMUP=10s
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${REQUESTS:-20000}
concurrency=${CONCURRENCY:-32}
duration=${DURATION:-10s}
warmup=${WARMUP:-60000}
key=demo-key-change-me
command -v wrk > /dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 2; }

dotnet build -c Release src/Silo -v q -nologo > /dev/null
dotnet build -c Release clients/Triage.Cli -v q -nologo > /dev/null
data=$(mktemp -d)
(
  cd src/Silo/bin/Release/net10.0
  DOTNET_ENVIRONMENT=Development Storage__SqlitePath="$data/triage.db" \
  Api__RateLimit__PerCallerPerSecond=10000000 Api__RateLimit__PerCallerBurst=10000000 \
  exec dotnet Triage.Silo.dll > "$data/service.log" 2>&1
) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; cp "$data/service.log" /tmp/load-service.log 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null -H "x-api-key: $key" http://127.0.0.1:5181/v1/admin/model && break
  sleep 0.5
done
rss() { echo $(( $(ps -o rss= -p "$pid") / 1024 )); }

# Warm-up, not reported: the JIT's tiers (with dynamic PGO) settle only after tens of thousands of
# calls here; after 10,000 the same run measured half the throughput it reaches after 60,000.
dotnet run -c Release --no-build --project clients/Triage.Cli -- load --url http://127.0.0.1:5180 \
  --api-key "$key" --requests "$warmup" --concurrency "$concurrency" > /dev/null
grpc=$(dotnet run -c Release --no-build --project clients/Triage.Cli -- load --url http://127.0.0.1:5180 \
  --api-key "$key" --requests "$requests" --concurrency "$concurrency" | tail -3)
grpc_rss=$(rss)
case_id=$(curl -s -X POST http://127.0.0.1:5181/v1/assessments -H "x-api-key: $key" -H 'content-type: application/json' \
  -d '{"complaint":"宝宝8个月，脸上湿疹两周了"}' | sed -E 's/.*"caseId":"([^"]+)".*/\1/')
# The JSON path (transcoding, its middleware) has code of its own that the gRPC warm-up never ran:
# measured right after the gRPC warm-up, the first 10 s of JSON Assess had p99 22-33 ms where the
# next 10 s had 13-15 ms (four runs, 2026-12-03).
TRIAGE_API_KEY=$key wrk -t2 -c"$concurrency" -d"${JSON_WARMUP:-10s}" -s bench/load/assess.lua http://127.0.0.1:5181/v1/assessments > /dev/null
TRIAGE_API_KEY=$key wrk -t2 -c"$concurrency" -d"${JSON_WARMUP:-10s}" -s bench/load/get-case.lua "http://127.0.0.1:5181/v1/cases/$case_id" > /dev/null
assess=$(TRIAGE_API_KEY=$key wrk -t2 -c"$concurrency" -d"$duration" --latency -s bench/load/assess.lua http://127.0.0.1:5181/v1/assessments)
assess_rss=$(rss)
get=$(TRIAGE_API_KEY=$key wrk -t2 -c"$concurrency" -d"$duration" --latency -s bench/load/get-case.lua "http://127.0.0.1:5181/v1/cases/$case_id")
get_rss=$(rss)

# wrk: "Requests/sec: N", the latency distribution "50% x", "99% y"; non-2xx responses counted.
wrk_row() {
  local name=$1 out=$2 rss=$3
  local rps p50 p99 bad
  rps=$(awk '/Requests\/sec/ {printf "%.0f", $2}' <<< "$out")
  p50=$(awk '$1=="50%" {print $2}' <<< "$out")
  p99=$(awk '$1=="99%" {print $2}' <<< "$out")
  bad=$(awk '/Non-2xx/ {print $5}' <<< "$out"); bad=${bad:-0}
  echo "| $name | $rps/s | $p50 | $p99 | $bad | $rss MB |"
}
grpc_rps=$(awk '/assessments\/s/ {print $(NF-1)}' <<< "$grpc")
grpc_p50=$(sed -nE 's/.*p50 ([0-9.]+).*/\1ms/p' <<< "$grpc")
grpc_p99=$(sed -nE 's/.*p99 ([0-9.]+).*/\1ms/p' <<< "$grpc")
grpc_err=$(sed -nE 's/^errors: (.*)/\1/p' <<< "$grpc")
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, concurrency $concurrency"
echo
echo "| what | throughput | p50 | p99 | errors | service RSS after |"
echo "|---|---|---|---|---|---|"
echo "| gRPC Assess, load command, $requests new durable cases | $grpc_rps/s | $grpc_p50 | $grpc_p99 | $grpc_err | $grpc_rss MB |"
wrk_row "JSON Assess (wrk, $duration), new durable cases" "$assess" "$assess_rss"
wrk_row "JSON GetCase (wrk, $duration), one case in memory" "$get" "$get_rss"
a=$(awk '/Requests\/sec/ {print $2}' <<< "$assess"); g=$(awk '/Requests\/sec/ {print $2}' <<< "$get")
echo
echo "JSON Assess / JSON GetCase throughput: $(awk -v a="$a" -v g="$g" 'BEGIN {printf "%.2f", a / g}')"
echo "log lines the service wrote, start-up included: $(wc -l < "$data/service.log")"
