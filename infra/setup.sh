#!/usr/bin/env bash
# Installs what a fresh Debian 12 machine lacks to run the platform and its tests. Safe to run again.
#
# The servers are never run as system services: infra/local/postgres.sh and infra/local/rabbitmq.sh
# start private instances with their data under a folder of the caller's choice.
set -euo pipefail

# Chromium, its driver and a Chinese font for the portal's real-browser tests (no test tool downloads a browser).
readonly packages=(postgresql rabbitmq-server chromium chromium-driver fonts-wqy-microhei)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query --show --showformat='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} == 0)); then
  echo "setup: ${packages[*]} already installed."
  exit 0
fi

as_root=()
if ((EUID != 0)); then
  as_root=(sudo)
fi

# Package maintainer scripts would start the system-wide servers, which would then hold the default
# ports. policy-rc.d is Debian's switch for "do not start services during installation".
readonly policy=/usr/sbin/policy-rc.d
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${as_root[@]}" tee "$policy" >/dev/null
  "${as_root[@]}" chmod 755 "$policy"
  trap '"${as_root[@]}" rm -f "$policy"' EXIT
fi

echo "setup: installing ${missing[*]}"
"${as_root[@]}" apt-get update
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y --no-install-recommends "${missing[@]}"
