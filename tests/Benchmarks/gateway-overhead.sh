#!/usr/bin/env bash
# Gateway overhead benchmark (issues 3 and 17): throughput and p50/p99 latency of one authenticated GET
# (/api/identity/me) through the gateway against the same GET through a bare YARP proxy with the same
# routes and none of the gateway's middleware (tests/Benchmarks/BareYarp), and straight to the identity
# service, measured with wrk in one run with the same settings.
#
#   tests/Benchmarks/gateway-overhead.sh [--connections 64] [--duration 10] [--rounds 3] [--threads 2]
#
# Starts its own PostgreSQL and RabbitMQ (throwaway, under a temporary folder), the identity service
# the bare proxy and the gateway from a Release build, obtains a token with the password grant, warms
# every path up, then measures the paths alternately for several rounds (so that drift on a busy machine
# affects them alike), prints the median figures and the ratios, and stops everything.
# Targets (issue 17): gateway throughput >= 90 % of bare YARP's, p99 <= bare YARP's + 1 ms at 64
# connections. Direct figures are printed for reference: on two shared cores the load generator, a proxy
# and the service compete, so no proxy reaches the 80 % of direct that was the earlier target.
# Exit status 0 when both targets are met, 1 when not (the figures are printed either way).
set -euo pipefail
cd "$(dirname "$0")/../.."

connections=64 duration=10 threads=2 rounds=3
while [[ $# -gt 0 ]]; do
  case "$1" in
    --connections) connections="$2"; shift 2 ;;
    --duration) duration="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk >/dev/null; }
infra/setup.sh >/dev/null
dotnet build services/Identity/Platform.Identity -c Release -v q -nologo >/dev/null
dotnet build gateway/Platform.Gateway -c Release -v q -nologo >/dev/null
dotnet build tests/Benchmarks/BareYarp -c Release -v q -nologo >/dev/null

source tests/Benchmarks/processes.sh
start_postgres_and_rabbitmq --ephemeral
identitydb=$(create_database identitydb)
identity_port=$(free_port) gateway_port=$(free_port) bare_port=$(free_port)

# Both processes as in development (seeded demo district), quiet logs so that logging is not measured.
export ASPNETCORE_ENVIRONMENT=Development Logging__LogLevel__Default=Warning
ASPNETCORE_URLS="http://127.0.0.1:$identity_port" \
ConnectionStrings__identitydb="$identitydb" \
ConnectionStrings__rabbitmq="amqp://guest:guest@127.0.0.1:$mq_port/" \
Identity__KeyDirectory="$work/keys" Identity__Issuer="http://127.0.0.1:$gateway_port/" \
  run_dll services/Identity/Platform.Identity Platform.Identity >"$work/identity.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$identity_port/health" identity

# The gateway routes to the identity service directly; rate limits are lifted so that they are not what is measured.
ASPNETCORE_URLS="http://127.0.0.1:$gateway_port" \
Identity__Authority="http://127.0.0.1:$identity_port" \
ReverseProxy__Clusters__identity__Destinations__identity__Address="http://127.0.0.1:$identity_port" \
Gateway__RateLimits__PerTenant__TokenLimit=100000000 Gateway__RateLimits__PerTenant__TokensPerPeriod=100000000 \
Gateway__RateLimits__PerClient__TokenLimit=100000000 Gateway__RateLimits__PerClient__TokensPerPeriod=100000000 \
  run_dll gateway/Platform.Gateway Platform.Gateway >"$work/gateway.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$gateway_port/health" gateway

# The anchor: YARP with the gateway's routes and clusters and nothing else (it has no /health; its route answers).
ASPNETCORE_URLS="http://127.0.0.1:$bare_port" \
ReverseProxy__Clusters__identity__Destinations__identity__Address="http://127.0.0.1:$identity_port" \
  run_dll tests/Benchmarks/BareYarp Platform.Benchmarks.BareYarp >"$work/bare-yarp.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$bare_port/.well-known/openid-configuration" bare-yarp

token=$(demo_admin_token "http://127.0.0.1:$gateway_port")
auth="Authorization: Bearer $token"
direct="http://127.0.0.1:$identity_port/api/identity/me"
gateway="http://127.0.0.1:$gateway_port/api/identity/me"
bare="http://127.0.0.1:$bare_port/api/identity/me"
for url in "$direct" "$bare" "$gateway"; do
  [[ $(curl -s -o /dev/null -w '%{http_code}' -H "$auth" "$url") == 200 ]] || { echo "GET $url is not 200" >&2; exit 1; }
done

run() { wrk -t"$threads" -c"$connections" -d"$1" --latency -H "$auth" "$2"; }
# Warm-up: JIT, connection pools, the signing-key cache.
run 5s "$direct" >/dev/null
run 5s "$bare" >/dev/null
run 5s "$gateway" >/dev/null
# The gateway's own floor: its pipeline answering /health without proxying. On a machine where the load
# generator, the gateway and the service share the cores, this bounds the best ratio any proxy could reach.
wrk -t"$threads" -c"$connections" -d"${duration}s" --latency "http://127.0.0.1:$gateway_port/health" >"$work/floor.txt"
for round in $(seq 1 "$rounds"); do
  run "${duration}s" "$direct" >"$work/direct-$round.txt"
  run "${duration}s" "$bare" >"$work/bare-$round.txt"
  run "${duration}s" "$gateway" >"$work/gateway-$round.txt"
done

python3 - "$work" "$rounds" "$connections" "$duration" <<'PY'
import re, statistics, sys

def parse(path):
    text = open(path).read()
    def ms(value, unit):
        return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    pct = {p: ms(v, u) for p, v, u in re.findall(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", text, re.M)}
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return rps, pct["50"], pct["99"], int(errors.group(1)) if errors else 0

def median_of(kind):
    runs = [parse(f"{sys.argv[1]}/{kind}-{r}.txt") for r in range(1, int(sys.argv[2]) + 1)]
    return tuple(statistics.median(run[i] for run in runs) for i in range(3)) + (sum(run[3] for run in runs),)

direct, bare, gateway = median_of("direct"), median_of("bare"), median_of("gateway")
floor = parse(f"{sys.argv[1]}/floor.txt")
print(f"GET /api/identity/me, {sys.argv[3]} connections, median of {sys.argv[2]} alternating rounds of {sys.argv[4]} s (wrk)")
print(f"{'':10}{'req/s':>12}{'p50 ms':>10}{'p99 ms':>10}{'non-2xx':>10}")
for name, (rps, p50, p99, bad) in (("direct", direct), ("bare YARP", bare), ("gateway", gateway)):
    print(f"{name:10}{rps:12.0f}{p50:10.2f}{p99:10.2f}{bad:10d}")
print(f"{'floor':10}{floor[0]:12.0f}{floor[1]:10.2f}{floor[2]:10.2f}{floor[3]:10d}   (gateway /health, nothing proxied)")
print(f"for reference, gateway/direct: {gateway[0] / direct[0]:.2f}, bare YARP/direct: {bare[0] / direct[0]:.2f}")
ratio = gateway[0] / bare[0]
added_p50, added_p99 = gateway[1] - bare[1], gateway[2] - bare[2]
print(f"throughput ratio gateway/bare YARP: {ratio:.2f} (target >= 0.90)")
print(f"latency beyond bare YARP: p50 {added_p50:+.2f} ms, p99 {added_p99:+.2f} ms (target p99 <= +1.00 ms)")
met = ratio >= 0.90 and added_p99 <= 1.0 and direct[3] == 0 and bare[3] == 0 and gateway[3] == 0
print("targets met" if met else "targets NOT met")
sys.exit(0 if met else 1)
PY
