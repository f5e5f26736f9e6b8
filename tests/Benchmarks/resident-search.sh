#!/usr/bin/env bash
# Resident search benchmark (issue 5): name search within one street of a district with 3.93 million
# residents (43 streets, 446 communities, 240,000 units; realistic surname skew), through the residents
# service's HTTP API as the street's admin, and the same query straight to PostgreSQL.
#
#   tests/Benchmarks/resident-search.sh
#
# Starts its own throwaway PostgreSQL and RabbitMQ, runs the residents service in-process from a Release
# build, loads the residents with binary COPY (rows made by the service's own Resident.Register and
# PersonalDataProtector, written by TenantBulkCopy), then prints p50/p95/p99 of a mix of searches (common
# surnames alone, surname + first given character, full names, rare compound surnames), the median of three
# rounds, per kind of search, the plans and the SQL alone. Loading takes a few minutes.
# Target: p99 < 50 ms. Exit status 0 when it is met.
set -euo pipefail
cd "$(dirname "$0")/../.."
infra/setup.sh >/dev/null
dotnet run -c Release --project tests/Benchmarks/ResidentSearch -v q
