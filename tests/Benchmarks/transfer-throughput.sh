#!/usr/bin/env bash
# Transfer throughput benchmark (issue 12): batches of up to 1,000 whole-minute transfers through the time bank's HTTP
# API from several clients for a fixed time, then the trial balance (sum zero, balances equal to their postings), a
# plain INSERT of as many posting rows for comparison, and the balance / first statement page p99.
#
#   tests/Benchmarks/transfer-throughput.sh [--duration 20] [--clients 4] [--batch 1000] [--accounts 2000]
#
# Starts its own PostgreSQL and RabbitMQ (shared test servers), runs the time bank in-process from a Release build.
# Targets: >= 2,000 transfers/s; balance and statement p99 < 20 ms; invariants hold. Exit status 0 when all are met.
# A figure from a machine shared with other work says little; run it on a quiet one for the targets.
set -euo pipefail
cd "$(dirname "$0")/../.."
infra/setup.sh >/dev/null
dotnet run -c Release --project tests/Benchmarks/TransferThroughput -v q -- "$@"
