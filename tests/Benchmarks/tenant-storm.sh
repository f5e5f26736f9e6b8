#!/usr/bin/env bash
# Tenant storm (issue 17): 1,000 districts onboarded through the gateway, each timed, and the per-request cost of
# resolving the caller's district at 10 and at 1,000 districts.
#
#   tests/Benchmarks/tenant-storm.sh [--districts 1000] [--requests 2000]
#
# Starts its own PostgreSQL and RabbitMQ under a temporary folder, Identity, Districts, the residents service and
# the gateway from a Release build (Development settings: the seeded operator and demo district), lifts the
# gateway's rate limits so that they are not what is measured, and runs tests/Benchmarks/TenantStorm, which prints
# the onboarding latencies, p50/p99 and CPU per request of a residents and a districts request at both sizes and
# their ratios. Targets: each onboarding within 1 s; p50 and CPU per request at 1,000 districts at most 1.25 times
# those at 10.
# Exit status 0 when both are met.
set -euo pipefail
cd "$(dirname "$0")/../.."

districts=1000 requests=2000
while [[ $# -gt 0 ]]; do
  case "$1" in
    --districts) districts="$2"; shift 2 ;;
    --requests) requests="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

infra/setup.sh >/dev/null
for project in services/Identity/Platform.Identity services/Districts/Platform.Districts services/Residents/Platform.Residents \
               gateway/Platform.Gateway tests/Benchmarks/TenantStorm; do
  dotnet build "$project" -c Release -v q -nologo >/dev/null
done

source tests/Benchmarks/processes.sh
start_postgres_and_rabbitmq
identitydb=$(create_database identitydb)
districtsdb=$(create_database districtsdb)
residentsdb=$(create_database residentsdb)
rabbitmq="amqp://guest:guest@127.0.0.1:$mq_port/"
identity_port=$(free_port) districts_port=$(free_port) residents_port=$(free_port) gateway_port=$(free_port)

export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
export ConnectionStrings__rabbitmq="$rabbitmq" Identity__Authority="http://127.0.0.1:$identity_port"
ASPNETCORE_URLS="http://127.0.0.1:$identity_port" ConnectionStrings__identitydb="$identitydb" \
Identity__KeyDirectory="$work/keys" Identity__Issuer="http://127.0.0.1:$gateway_port/" \
  run_dll services/Identity/Platform.Identity Platform.Identity >"$work/identity.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$identity_port/health" identity

ASPNETCORE_URLS="http://127.0.0.1:$districts_port" ConnectionStrings__districtsdb="$districtsdb" \
  run_dll services/Districts/Platform.Districts Platform.Districts >"$work/districts.log" 2>&1 &
pids+=($!) districts_pid=$!
wait_for "http://127.0.0.1:$districts_port/health" districts

ASPNETCORE_URLS="http://127.0.0.1:$residents_port" ConnectionStrings__residentsdb="$residentsdb" \
  run_dll services/Residents/Platform.Residents Platform.Residents >"$work/residents.log" 2>&1 &
pids+=($!) residents_pid=$!
wait_for "http://127.0.0.1:$residents_port/health" residents

ASPNETCORE_URLS="http://127.0.0.1:$gateway_port" \
ReverseProxy__Clusters__identity__Destinations__identity__Address="http://127.0.0.1:$identity_port" \
ReverseProxy__Clusters__districts__Destinations__districts__Address="http://127.0.0.1:$districts_port" \
ReverseProxy__Clusters__residents__Destinations__residents__Address="http://127.0.0.1:$residents_port" \
Gateway__RateLimits__PerTenant__TokenLimit=100000000 Gateway__RateLimits__PerTenant__TokensPerPeriod=100000000 \
Gateway__RateLimits__PerClient__TokenLimit=100000000 Gateway__RateLimits__PerClient__TokensPerPeriod=100000000 \
  run_dll gateway/Platform.Gateway Platform.Gateway >"$work/gateway.log" 2>&1 &
pids+=($!) gateway_pid=$!
wait_for "http://127.0.0.1:$gateway_port/health" gateway

dotnet tests/Benchmarks/TenantStorm/bin/Release/net10.0/Platform.Benchmarks.TenantStorm.dll \
  --gateway "http://127.0.0.1:$gateway_port" --districts "$districts" --requests "$requests" \
  --pids "gateway=$gateway_pid,residents=$residents_pid,districts=$districts_pid"
