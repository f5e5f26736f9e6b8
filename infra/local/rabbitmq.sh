#!/usr/bin/env bash
# Runs one RabbitMQ node in the foreground, keeping all of its state under DIR.
#
#   infra/local/rabbitmq.sh --data-dir DIR --port PORT [--node-name NAME] [--dist-port PORT]
#
# AMQP listens on 127.0.0.1:PORT; Erlang distribution on 127.0.0.1:(PORT+20000 unless --dist-port).
# The default node name is gongzhi-PORT@localhost. Only the default guest/guest user exists, and it
# may connect from loopback only. SIGTERM or SIGINT stops the node gracefully.
# Manage the node with infra/local/rabbitmqctl.sh --data-dir DIR --node-name NAME -- <command>.
set -euo pipefail

readonly rabbitmq_bin=/usr/lib/rabbitmq/bin

usage() {
  echo "usage: $0 --data-dir DIR --port PORT [--node-name NAME] [--dist-port PORT]" >&2
  exit 64
}

data_dir='' port='' node_name='' dist_port=''
while (($#)); do
  case "$1" in
    --data-dir) data_dir="${2:?}"; shift 2 ;;
    --port) port="${2:?}"; shift 2 ;;
    --node-name) node_name="${2:?}"; shift 2 ;;
    --dist-port) dist_port="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
[[ -n "$data_dir" && "$port" =~ ^[0-9]+$ ]] || usage
dist_port="${dist_port:-$((port + 20000))}"
[[ "$dist_port" =~ ^[0-9]+$ ]] && ((dist_port <= 65535)) || {
  echo "Distribution port $dist_port is invalid; pass --dist-port." >&2
  exit 64
}
node_name="${node_name:-gongzhi-$port@localhost}"

if [[ ! -x "$rabbitmq_bin/rabbitmq-server" ]]; then
  echo "RabbitMQ is not installed; run infra/setup.sh first." >&2
  exit 69
fi

mkdir -p "$data_dir"
data_dir="$(cd -- "$data_dir" && pwd -P)"

# The Erlang cookie is read from $HOME by the node and by the CLI tools alike, so each node gets a
# HOME of its own; rabbitmqctl.sh points at the same one.
home="$data_dir/home"
mkdir -p -m 700 "$home"
if [[ ! -s "$home/.erlang.cookie" ]]; then
  (umask 077 && head -c 30 /dev/urandom | base32 --wrap=0 >"$home/.erlang.cookie")
fi

# An empty plugin list keeps start-up to a few seconds (the management plugin alone costs seconds).
[[ -e "$data_dir/enabled_plugins" ]] || echo '[].' >"$data_dir/enabled_plugins"

export HOME="$home"
export RABBITMQ_NODENAME="$node_name"
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT="$port"
export RABBITMQ_DIST_PORT="$dist_port"
export RABBITMQ_MNESIA_BASE="$data_dir/mnesia"
export RABBITMQ_LOG_BASE="$data_dir/log"
export RABBITMQ_LOGS=-
export RABBITMQ_ENABLED_PLUGINS_FILE="$data_dir/enabled_plugins"
# Machine-wide settings under /etc/rabbitmq must not leak into this node.
export RABBITMQ_CONF_ENV_FILE="$data_dir/rabbitmq-env.conf"
export RABBITMQ_CONFIG_FILE="$data_dir/rabbitmq.conf"
export RABBITMQ_ADVANCED_CONFIG_FILE="$data_dir/advanced.config"
# Keep distribution on loopback too; epmd (shared by all nodes on the machine) likewise.
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS="-kernel inet_dist_use_interface {127,0,0,1}"
export ERL_EPMD_ADDRESS=127.0.0.1

# The stock script itself stays as the parent of the Erlang VM and turns SIGTERM/SIGINT into a
# graceful stop.
exec "$rabbitmq_bin/rabbitmq-server"
