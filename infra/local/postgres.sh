#!/usr/bin/env bash
# Runs one PostgreSQL server in the foreground, creating its cluster on first use.
#
#   infra/local/postgres.sh --data-dir DIR --port PORT --password PASSWORD [--ephemeral]
#
# Listens on 127.0.0.1:PORT only; the unix socket lives inside DIR. --ephemeral trades durability for
# speed (no fsync) and is meant for throwaway test clusters only.
# Signals reach the postmaster directly: SIGINT = fast shutdown (disconnects clients),
# SIGTERM = smart shutdown (waits for clients to disconnect), SIGQUIT = immediate shutdown.
set -euo pipefail

readonly pg_bin=/usr/lib/postgresql/15/bin

usage() {
  echo "usage: $0 --data-dir DIR --port PORT --password PASSWORD [--ephemeral]" >&2
  exit 64
}

data_dir='' port='' password='' ephemeral=false
while (($#)); do
  case "$1" in
    --data-dir) data_dir="${2:?}"; shift 2 ;;
    --port) port="${2:?}"; shift 2 ;;
    --password) password="${2:?}"; shift 2 ;;
    --ephemeral) ephemeral=true; shift ;;
    *) usage ;;
  esac
done
[[ -n "$data_dir" && -n "$password" && "$port" =~ ^[0-9]+$ ]] || usage

if [[ ! -x "$pg_bin/postgres" ]]; then
  echo "PostgreSQL 15 is not installed; run infra/setup.sh first." >&2
  exit 69
fi

# PostgreSQL refuses to run as root. setpriv switches user and then execs, so the postmaster takes over
# this process id and receives signals directly. runuser would stay in between as a parent that blocks
# SIGINT and answers SIGTERM by passing it on and sending SIGKILL two seconds later.
as_server_user=()
if ((EUID == 0)); then
  as_server_user=(setpriv --reuid=postgres --regid=postgres --init-groups --)
fi

# The parent gets mode 755 so that the postgres user can reach a data directory created here by root.
mkdir -p -m 755 "$(dirname -- "$data_dir")"
data_dir="$(cd -- "$(dirname -- "$data_dir")" && pwd -P)/$(basename -- "$data_dir")"
mkdir -p -m 700 "$data_dir"
if ((EUID == 0)); then
  chown postgres:postgres "$data_dir"
  if ! "${as_server_user[@]}" test -w "$data_dir"; then
    echo "The postgres user cannot reach $data_dir: make its parent directories traversable (o+x)." >&2
    exit 77
  fi
fi

# The socket path must fit in sockaddr_un (107 bytes).
if ((${#data_dir} + ${#port} + 10 > 107)); then
  echo "$data_dir is too long to hold the unix socket; choose a shorter data directory." >&2
  exit 64
fi

# initdb and postgres resolve their own location relative to the working directory, which must be
# readable by the server user.
cd -- "$data_dir"

if [[ ! -s "$data_dir/PG_VERSION" ]]; then
  # initdb insists on an empty directory, so the password file lives next to it; should the script be killed
  # before removing it, the file stays in the caller's folder rather than in /tmp.
  password_file="$(mktemp "$(dirname -- "$data_dir")/.initdb-password.XXXXXX")"
  trap 'rm -f -- "$password_file"' EXIT
  printf '%s\n' "$password" >"$password_file"
  if ((EUID == 0)); then
    chown postgres:postgres "$password_file"
  fi
  initdb_sync=()
  if [[ "$ephemeral" == true ]]; then
    initdb_sync=(--no-sync)
  fi
  # initdb runs in the background so that a signal to this script, which reaches only this process, stops it as
  # well: bash defers traps until a foreground child has finished.
  "${as_server_user[@]}" "$pg_bin/initdb" \
    --pgdata="$data_dir" --username=postgres --pwfile="$password_file" \
    --encoding=UTF8 --locale=C.UTF-8 --auth=scram-sha-256 \
    --no-instructions "${initdb_sync[@]}" &
  initdb_pid=$!
  stop_initdb() {
    kill "$initdb_pid" 2>/dev/null || true
    wait "$initdb_pid" || true
    exit "$1"
  }
  trap 'stop_initdb 130' INT
  trap 'stop_initdb 143' TERM
  wait "$initdb_pid"
  trap - INT TERM EXIT
  rm -f -- "$password_file"
fi

settings=(
  -c listen_addresses=127.0.0.1
  -c port="$port"
  -c unix_socket_directories="$data_dir"
  -c max_connections=300
)
if [[ "$ephemeral" == true ]]; then
  settings+=(-c fsync=off -c synchronous_commit=off -c full_page_writes=off)
fi

exec "${as_server_user[@]}" "$pg_bin/postgres" -D "$data_dir" "${settings[@]}"
