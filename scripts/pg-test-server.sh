#!/usr/bin/env bash
# A throw-away PostgreSQL cluster on loopback for the endpoint's PostgreSQL test run.
#
#   eval "$(bash scripts/pg-test-server.sh start)"   # prints: export FITNOTE_TEST_PG_URL=...
#   bash scripts/pg-test-server.sh stop              # stops it and removes its directory
#
# The cluster lives in a temp dir (recorded in $STATE so that `stop` finds it), listens on
# 127.0.0.1 only, on a free port, with trust authentication (loopback, throw-away data).
# As root the server runs as the `postgres` user (PostgreSQL refuses to run as root).
# Everything except the final `export` line goes to stderr, so `eval` sees only that.
set -euo pipefail

STATE=${FITNOTE_PG_STATE:-${TMPDIR:-/tmp}/fitnote-pg-test-server.state}

pg_bin() {
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  echo "pg-test-server: PostgreSQL server binaries not found (apt-get install postgresql)" >&2
  return 1
}

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  python3 - <<'EOF'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
}

start() {
  local bin dir port
  bin=$(pg_bin)
  dir=$(mktemp -d "${TMPDIR:-/tmp}/fitnote-pg.XXXXXX")
  chmod 755 "$dir"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$dir"
  port=$(free_port)
  as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >&2 \
    || as_owner "$bin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 >&2
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >&2
  as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres fitnote_test >&2
  printf '%s %s %s\n' "$dir" "$port" "$bin" >"$STATE"
  echo "pg-test-server: PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port ($dir)" >&2
  echo "export FITNOTE_TEST_PG_URL=postgresql+psycopg://postgres@127.0.0.1:$port/fitnote_test"
}

stop() {
  [ -f "$STATE" ] || { echo "pg-test-server: nothing to stop" >&2; return 0; }
  local dir port bin
  read -r dir port bin <"$STATE"
  if [ -d "$dir/data" ]; then
    as_owner "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >&2 || true
  fi
  case "$dir" in
    */fitnote-pg.*) rm -rf -- "$dir" ;;
  esac
  rm -f -- "$STATE"
  echo "pg-test-server: stopped" >&2
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
