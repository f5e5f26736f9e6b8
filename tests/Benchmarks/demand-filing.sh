#!/usr/bin/env bash
# Demand filing benchmark (issue 5): POST /api/demands through the gateway at a fixed rate (open loop, latency
# measured from each request's scheduled start), with every DemandReceived event counted by a consumer of its
# own on the broker.
#
#   tests/Benchmarks/demand-filing.sh [--rate 500] [--duration 30] [--warmup 30]
#
# Starts its own PostgreSQL (durable: fsync on, as deployed) and RabbitMQ under a temporary folder, Identity,
# the residents service and the gateway from a Release build (Development settings: seeded demo users, the
# development personal-data keys), lifts the gateway's rate limits (Gateway:RateLimits:PerTenant/PerClient,
# 500/s and 50/s by default) so that they are not what is measured, announces the demo district and a small
# tree to the residents service as the Districts service would (DistrictOnboarded, TerritoryNodeAdded), files
# demands as the demo district admin for 30 s of warm-up and then the measured run, and prints the achieved
# rate, p50/p90/p99, errors, 201 responses against events consumed, how long after the last response the last
# event arrived, and the CPU time each process used.
# Targets: the scheduled rate sustained (500/s and 700/s), p99 < 100 ms, every event consumed within 5 s after the
# load stops, at most 0.7 ms of the residents service's CPU per filed demand (printed per process: the figure that
# does not depend on how busy the machine is).
# Exit status 0 when all are met, 1 when not (the figures are printed either way).
set -euo pipefail
cd "$(dirname "$0")/../.."

rate=500 duration=30 warmup=30
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

infra/setup.sh >/dev/null
for project in services/Identity/Platform.Identity services/Residents/Platform.Residents gateway/Platform.Gateway tests/Benchmarks/DemandFiling; do
  dotnet build "$project" -c Release -v q -nologo >/dev/null
done

source tests/Benchmarks/processes.sh
start_postgres_and_rabbitmq
identitydb=$(create_database identitydb)
residentsdb=$(create_database residentsdb)
rabbitmq="amqp://guest:guest@127.0.0.1:$mq_port/"
identity_port=$(free_port) residents_port=$(free_port) gateway_port=$(free_port)

# As in development (seeded demo district and users, development keys), quiet logs so that logging is not measured.
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
ASPNETCORE_URLS="http://127.0.0.1:$identity_port" ConnectionStrings__identitydb="$identitydb" ConnectionStrings__rabbitmq="$rabbitmq" \
Identity__KeyDirectory="$work/keys" Identity__Issuer="http://127.0.0.1:$gateway_port/" \
  run_dll services/Identity/Platform.Identity Platform.Identity >"$work/identity.log" 2>&1 &
pids+=($!) identity_pid=$!
wait_for "http://127.0.0.1:$identity_port/health" identity

ASPNETCORE_URLS="http://127.0.0.1:$residents_port" ConnectionStrings__residentsdb="$residentsdb" ConnectionStrings__rabbitmq="$rabbitmq" \
Identity__Authority="http://127.0.0.1:$identity_port" \
  run_dll services/Residents/Platform.Residents Platform.Residents >"$work/residents.log" 2>&1 &
pids+=($!) residents_pid=$!
wait_for "http://127.0.0.1:$residents_port/health" residents

ASPNETCORE_URLS="http://127.0.0.1:$gateway_port" Identity__Authority="http://127.0.0.1:$identity_port" \
ReverseProxy__Clusters__identity__Destinations__identity__Address="http://127.0.0.1:$identity_port" \
ReverseProxy__Clusters__residents__Destinations__residents__Address="http://127.0.0.1:$residents_port" \
Gateway__RateLimits__PerTenant__TokenLimit=100000000 Gateway__RateLimits__PerTenant__TokensPerPeriod=100000000 \
Gateway__RateLimits__PerClient__TokenLimit=100000000 Gateway__RateLimits__PerClient__TokensPerPeriod=100000000 \
  run_dll gateway/Platform.Gateway Platform.Gateway >"$work/gateway.log" 2>&1 &
pids+=($!) gateway_pid=$!
wait_for "http://127.0.0.1:$gateway_port/health" gateway

token=$(demo_admin_token "http://127.0.0.1:$gateway_port")
postgres_pid=${pids[0]} rabbitmq_pid=${pids[1]}
dotnet tests/Benchmarks/DemandFiling/bin/Release/net10.0/Platform.Benchmarks.DemandFiling.dll \
  --gateway "http://127.0.0.1:$gateway_port" --rabbitmq "$rabbitmq" --token "$token" --rate "$rate" --duration "$duration" --warmup "$warmup" \
  --pids "gateway=$gateway_pid,residents=$residents_pid,identity=$identity_pid,postgres=$postgres_pid,rabbitmq=$rabbitmq_pid"
