#!/usr/bin/env bash
# Resident import benchmark (issue 5): a generated resident file at Chaoyang scale (3.93 million residents
# in one district, placed in the 43 streets … 80,000 buildings and 160,000 units of a Chaoyang-sized tree)
# imported through the residents service's HTTP API, imported again unchanged, and compared with a plain
# binary PostgreSQL COPY of the same values.
#
#   tests/Benchmarks/resident-import.sh [rows]     (default 3930000; e.g. 300000 for a quick run)
#
# Starts its own throwaway PostgreSQL and RabbitMQ, runs the residents service in-process from a Release
# build, prints rows/s, the ratio to COPY and the re-import time.
# Target: >= 50,000 rows/s end to end. Exit status 0 when it is met.
set -euo pipefail
cd "$(dirname "$0")/../.."
infra/setup.sh >/dev/null
dotnet run -c Release --project tests/Benchmarks/ResidentImport -v q -- "$@"
