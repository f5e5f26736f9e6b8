#!/usr/bin/env bash
# Assembly vote benchmark (issue 18): a vote in one area of 20,000 units, with ballots through the gateway at a fixed
# rate while 20 clients poll the live tally every second.
#
#   tests/Benchmarks/assembly-vote.sh [--rate 500] [--duration 20] [--warmup 10]
#
# Starts its own PostgreSQL (durable: fsync on, as deployed) and RabbitMQ under a temporary folder, Identity, the
# property service and the gateway from a Release build (Development settings: seeded demo users, the development
# personal-data keys), lifts the gateway's rate limits so that they are not what is measured, announces the demo
# district and an estate of 20 buildings as the Districts service would, imports the generated roll (multi-unit
# owners, co-held, unsold and undelivered units) through the gateway, opens a vote and casts paper ballots as the
# demo district admin: a warm-up vote first, then the measured one. Prints the import time, the ballots' rate and
# p50/p99, the tally's p50/p99 under polling, and whether the final tally equals an independent SQL count over the
# ballots and the program's own count of what it cast.
# Targets: roll import < 10 s; >= 500 ballots/s with p99 < 100 ms; tally p99 < 50 ms; the final tally equal.
# Exit status 0 when all are met, 1 when not (the figures are printed either way).
set -euo pipefail
cd "$(dirname "$0")/../.."

rate=500 duration=20 warmup=10
while [[ $# -gt 0 ]]; do
  case "$1" in
    --rate) rate="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --warmup) warmup="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

infra/setup.sh >/dev/null
for project in services/Identity/Platform.Identity services/Property/Platform.Property gateway/Platform.Gateway tests/Benchmarks/AssemblyVote; do
  dotnet build "$project" -c Release -v q -nologo >/dev/null
done

source tests/Benchmarks/processes.sh
start_postgres_and_rabbitmq
identitydb=$(create_database identitydb)
propertydb=$(create_database propertydb)
rabbitmq="amqp://guest:guest@127.0.0.1:$mq_port/"
identity_port=$(free_port) property_port=$(free_port) gateway_port=$(free_port)

export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
ASPNETCORE_URLS="http://127.0.0.1:$identity_port" ConnectionStrings__identitydb="$identitydb" ConnectionStrings__rabbitmq="$rabbitmq" \
Identity__KeyDirectory="$work/keys" Identity__Issuer="http://127.0.0.1:$gateway_port/" \
  run_dll services/Identity/Platform.Identity Platform.Identity >"$work/identity.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$identity_port/health" identity

ASPNETCORE_URLS="http://127.0.0.1:$property_port" ConnectionStrings__propertydb="$propertydb" ConnectionStrings__rabbitmq="$rabbitmq" \
Identity__Authority="http://127.0.0.1:$identity_port" \
  run_dll services/Property/Platform.Property Platform.Property >"$work/property.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$property_port/health" property

ASPNETCORE_URLS="http://127.0.0.1:$gateway_port" Identity__Authority="http://127.0.0.1:$identity_port" \
ReverseProxy__Clusters__identity__Destinations__identity__Address="http://127.0.0.1:$identity_port" \
ReverseProxy__Clusters__property__Destinations__property__Address="http://127.0.0.1:$property_port" \
Gateway__RateLimits__PerTenant__TokenLimit=100000000 Gateway__RateLimits__PerTenant__TokensPerPeriod=100000000 \
Gateway__RateLimits__PerClient__TokenLimit=100000000 Gateway__RateLimits__PerClient__TokensPerPeriod=100000000 \
  run_dll gateway/Platform.Gateway Platform.Gateway >"$work/gateway.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$gateway_port/health" gateway

token=$(demo_admin_token "http://127.0.0.1:$gateway_port")
dotnet tests/Benchmarks/AssemblyVote/bin/Release/net10.0/Platform.Benchmarks.AssemblyVote.dll \
  --gateway "http://127.0.0.1:$gateway_port" --rabbitmq "$rabbitmq" --database "$propertydb" --token "$token" \
  --rate "$rate" --duration "$duration" --warmup "$warmup"
