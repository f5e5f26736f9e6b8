#!/usr/bin/env bash
# Runs rabbitmqctl against a node started by infra/local/rabbitmq.sh with the same DIR.
#
#   infra/local/rabbitmqctl.sh --data-dir DIR --node-name NAME -- <rabbitmqctl arguments>
#
# e.g. ... -- add_vhost tenant-a, ... -- set_permissions -p tenant-a guest '.*' '.*' '.*', ... -- stop
set -euo pipefail

usage() {
  echo "usage: $0 --data-dir DIR --node-name NAME -- <rabbitmqctl arguments>" >&2
  exit 64
}

data_dir='' node_name=''
while (($#)); do
  case "$1" in
    --data-dir) data_dir="${2:?}"; shift 2 ;;
    --node-name) node_name="${2:?}"; shift 2 ;;
    --) shift; break ;;
    *) usage ;;
  esac
done
[[ -n "$data_dir" && -n "$node_name" && $# -gt 0 ]] || usage

# The node's HOME holds the Erlang cookie that authorises the CLI.
export HOME="$data_dir/home"
export RABBITMQ_CONF_ENV_FILE="$data_dir/rabbitmq-env.conf"
exec /usr/lib/rabbitmq/bin/rabbitmqctl -n "$node_name" "$@"
