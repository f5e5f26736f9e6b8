#!/usr/bin/env bash
# Portal benchmark (issue 16), measured in Debian's Chromium (headless, nothing downloaded) against the whole platform
# as the AppHost starts it (its own data folder and ports; a platform already running here is left alone):
#
#   tests/Benchmarks/portal-pages.sh [--demands 100000] [--sessions 20]
#
# Files the demands through the gateway as the demo district admin, all in the demo street 东湖街道 (so the district's
# list holds as many), signs in through the real login page, then prints, as medians of 5 navigations after a warm-up:
# - the demands workbench: from navigation start to its first 50 rows shown (target < 1 s with 10,000 demands; the
#   run's count is printed beside it);
# - the street's dashboard: to every ECharts chart drawn (target < 2 s for a street with 100,000 demands);
# - each page's server time (request to first byte) against the same API calls made directly with the same token:
#   what the portal adds to the APIs it waits for;
# - the portal's memory per open interactive session: one resident card (a live circuit each) opened in --sessions
#   tabs, the growth of the portal process's resident memory divided by their number (target < 1 MB).
# Filing 100,000 demands takes several minutes; on a shared machine run it small: --demands 2000 --sessions 10.
# Exit status 0 when the targets are met.
set -euo pipefail
cd "$(dirname "$0")/../.."
infra/setup.sh >/dev/null
dotnet build tests/Benchmarks/PortalPages -c Release -v q -nologo >/dev/null
dotnet tests/Benchmarks/PortalPages/bin/Release/net10.0/Platform.Benchmarks.PortalPages.dll "$@"
