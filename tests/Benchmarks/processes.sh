# Helpers for the benchmarks that run the platform's processes from a Release build; source it from a script
# that has cd'ed to the repository root. Everything started lives under $work and stops when the script exits;
# the processes' logs are kept in /tmp/gongzhi-bench-logs.

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
work=$(mktemp -d /tmp/gongzhi-bench-XXXXXX)
chmod 755 "$work"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  # The processes' logs outlive the run, for finding out what went wrong in it.
  rm -rf /tmp/gongzhi-bench-logs && mkdir -p /tmp/gongzhi-bench-logs && cp "$work"/*.log /tmp/gongzhi-bench-logs/ 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# From the output folder, so that the content root (appsettings*.json) is the application's own.
run_dll() { cd "$1/bin/Release/net10.0" && exec dotnet "$2.dll"; }

wait_for() { # url, what
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not come up:" >&2; tail -n 40 "$work/$2.log" >&2; exit 1
}

# Starts PostgreSQL (on $pg_port, password $password; extra arguments go to infra/local/postgres.sh, e.g.
# --ephemeral) and RabbitMQ (on $mq_port), both throwaway under $work, and waits until both answer.
start_postgres_and_rabbitmq() {
  pg_port=$(free_port) mq_port=$(free_port)
  password='Bench-Only-2026!'
  infra/local/postgres.sh --data-dir "$work/postgres" --port "$pg_port" --password "$password" "$@" >"$work/postgres.log" 2>&1 &
  pids+=($!)
  infra/local/rabbitmq.sh --data-dir "$work/rabbitmq" --port "$mq_port" --dist-port "$(free_port)" >"$work/rabbitmq.log" 2>&1 &
  pids+=($!)
  for attempt in $(seq 1 121); do
    [[ $attempt == 121 ]] && { echo "PostgreSQL or RabbitMQ did not come up" >&2; tail -n 20 "$work"/*.log >&2; exit 1; }
    if PGPASSWORD="$password" psql -h 127.0.0.1 -p "$pg_port" -U postgres -c 'select 1' >/dev/null 2>&1 \
       && (exec 3<>"/dev/tcp/127.0.0.1/$mq_port") 2>/dev/null; then break; fi
    sleep 0.5
  done
}

# A connection string to database $1 of that PostgreSQL, which it creates.
create_database() {
  PGPASSWORD="$password" psql -h 127.0.0.1 -p "$pg_port" -U postgres -qc "create database $1" >/dev/null
  echo "Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password;Database=$1"
}

# The demo district admin's access token from the password grant at $1 (Identity seeds the user in Development).
demo_admin_token() {
  local response
  response=$(curl -sS "$1/connect/token" \
    -d grant_type=password -d client_id=platform-cli -d username=demo-district-admin \
    -d password='Demo-Dev-2026!' -d tenant=demo -d scope=api)
  python3 -c 'import json,sys; print(json.loads(sys.argv[1])["access_token"])' "$response" 2>/dev/null \
    || { echo "no token: $response" >&2; tail -n 20 "$work/identity.log" >&2; exit 1; }
}
