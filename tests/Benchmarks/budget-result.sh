#!/usr/bin/env bash
# Budget result benchmark (issue 13): 60 projects and 50,000 generated ballots, the result under greedy and under
# equal shares with the service's own selection rules; see BudgetResult/Program.cs.
#
#   tests/Benchmarks/budget-result.sh [--ballots 50000] [--projects 60]
#
# Target: each rule < 2 s. Exit status 0 when both are met.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet run -c Release --project tests/Benchmarks/BudgetResult -v q -- "$@"
