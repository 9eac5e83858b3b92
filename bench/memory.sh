#!/usr/bin/env bash
# Resident memory of the service (Release, embedded default, an empty database) under a sustained
# gRPC load of REQUESTS new durable cases at full rate (CONCURRENCY callers): one sample every
# INTERVAL seconds, then the database's size per case.
#   bench/memory.sh                      # REQUESTS=200000 CONCURRENCY=32 INTERVAL=10
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${REQUESTS:-200000}
concurrency=${CONCURRENCY:-32}
interval=${INTERVAL:-10}
dotnet build -c Release src/Silo -v q -nologo > /dev/null
dotnet build -c Release clients/Triage.Cli -v q -nologo > /dev/null
data=$(mktemp -d)
(
  cd src/Silo/bin/Release/net10.0
  exec env DOTNET_ENVIRONMENT=Development Storage__SqlitePath="$data/triage.db" ${EXTRA_ENV:-} \
  Api__RateLimit__PerCallerPerSecond=10000000 Api__RateLimit__PerCallerBurst=10000000 \
  dotnet Triage.Silo.dll > "$data/service.log" 2>&1
) &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do
  curl -s -o /dev/null -H 'x-api-key: demo-key-change-me' http://127.0.0.1:5181/v1/admin/model && break
  sleep 0.5
done
echo "seconds,rss_mb,cases_stored"
start=$(date +%s)
dotnet run -c Release --no-build --project clients/Triage.Cli -- load --url http://127.0.0.1:5180 \
  --api-key demo-key-change-me --requests "$requests" --concurrency "$concurrency" > "$data/load.txt" &
load=$!
while kill -0 $load 2>/dev/null; do
  sleep "$interval"
  cases=$(grep -oE '[0-9]+ done' "$data/load.txt" | tail -1 | cut -d' ' -f1)
  echo "$(( $(date +%s) - start )),$(( $(ps -o rss= -p $pid) / 1024 )),${cases:-0}"
done
tail -3 "$data/load.txt"
# A minute later idle cases have been collected.
sleep 75
echo "after 75 s idle: $(( $(ps -o rss= -p $pid) / 1024 )) MB resident"
bytes=$(du -cb "$data"/triage.db* | tail -1 | cut -f1)
echo "database: $bytes bytes for $requests cases, $(( bytes / requests )) bytes a case"
