#!/usr/bin/env bash
# Cluster mode on one machine: a throwaway PostgreSQL cluster and Redis (Debian's postgresql and
# redis-server), two silos (Release) sharing them, and the gRPC load command against each silo at
# once; prints each silo's figures and the sum. Run as root or as a user that may run initdb.
#   bench/load-cluster.sh                # REQUESTS=10000 per silo, CONCURRENCY=16 per silo
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${REQUESTS:-10000}
concurrency=${CONCURRENCY:-16}
pg=/usr/lib/postgresql/15/bin
work=$(mktemp -d)
chmod 755 "$work"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  as_pg "$pg/pg_ctl" -D "$work/pg" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

install -d -o "$( [ "$(id -u)" = 0 ] && echo postgres || id -un)" "$work/pg"
as_pg "$pg/initdb" -D "$work/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg/pg_ctl" -D "$work/pg" -l "$work/pg/log" -w -o "-p 55432 -c listen_addresses=127.0.0.1 -c unix_socket_directories=$work/pg -c max_connections=200" start >/dev/null
redis-server --port 56379 --bind 127.0.0.1 --save '' --appendonly no --daemonize no > "$work/redis.log" 2>&1 &
pids+=($!)

dotnet build -c Release src/Silo -v q -nologo > /dev/null
dotnet build -c Release clients/Triage.Cli -v q -nologo > /dev/null
start_silo() { # name api-grpc api-http silo gateway
  mkdir -p "$work/$1"
  (
    cd src/Silo/bin/Release/net10.0
    DOTNET_ENVIRONMENT=Development Storage__Provider=postgres \
    Storage__Postgres="Host=127.0.0.1;Port=55432;Username=postgres;Database=postgres;Maximum Pool Size=50" \
    Storage__SqlitePath="$work/$1/triage.db" Orleans__Membership=redis Orleans__Redis=127.0.0.1:56379 \
    Journal__Keys__bench=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8= Patients__PseudonymKey=HyAhIiMkJSYnKCkqKywtLi8wMTIzNDU2Nzg5Ojs8PT4= \
    Audit__CheckpointKey=ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8= \
    Api__GrpcPort=$2 Api__HttpPort=$3 Orleans__SiloPort=$4 Orleans__GatewayPort=$5 \
    Api__RateLimit__PerCallerPerSecond=10000000 Api__RateLimit__PerCallerBurst=10000000 \
    exec dotnet Triage.Silo.dll > "$work/$1/service.log" 2>&1
  ) &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -s -o /dev/null -H 'x-api-key: demo-key-change-me' "http://127.0.0.1:$3/v1/admin/model" && return 0
    sleep 0.5
  done
  echo "silo $1 did not start; its log:" >&2; cat "$work/$1/service.log" >&2; exit 1
}
start_silo a 5380 5381 21111 31000
start_silo b 5480 5481 21112 31001

load() { dotnet run -c Release --no-build --project clients/Triage.Cli -- load --url "http://127.0.0.1:$1" \
  --api-key demo-key-change-me --requests "$requests" --concurrency "$concurrency" | tail -3 > "$work/load-$1.txt"; }
load 5380 & l1=$!
load 5480 & l2=$!
wait $l1 $l2
echo
echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, two silos on PostgreSQL 15 and Redis, $concurrency callers on each"
echo
echo "| silo | throughput | p50 | p99 | errors |"
echo "|---|---|---|---|---|"
total=0
for port in 5380 5480; do
  out=$(cat "$work/load-$port.txt")
  rps=$(awk '/assessments\/s/ {print $(NF-1)}' <<< "$out")
  total=$((total + rps))
  echo "| $port | $rps/s | $(sed -nE 's/.*p50 ([0-9.]+).*/\1 ms/p' <<< "$out") | $(sed -nE 's/.*p99 ([0-9.]+).*/\1 ms/p' <<< "$out") | $(sed -nE 's/^errors: (.*)/\1/p' <<< "$out") |"
done
echo "| both | $total/s | | | |"
