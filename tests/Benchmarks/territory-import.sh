#!/usr/bin/env bash
# Territory import benchmark (issue 4): a generated Chaoyang-scale territory file (43 streets,
# 446 communities, 5,000 grids, 10,000 compounds, 80,000 buildings = 95,489 rows) imported through the
# districts service's HTTP API, compared with a plain PostgreSQL COPY of the same rows, and the
# subtree query of one street.
#
#   tests/Benchmarks/territory-import.sh
#
# Starts its own throwaway PostgreSQL and RabbitMQ, runs the districts service in-process from a
# Release build, prints rows/s, the ratio to COPY and the subtree query's p50/p99.
# Targets: import < 10 s, subtree query p99 < 20 ms. Exit status 0 when both are met.
set -euo pipefail
cd "$(dirname "$0")/../.."
infra/setup.sh >/dev/null
dotnet run -c Release --project tests/Benchmarks/TerritoryImport -v q
