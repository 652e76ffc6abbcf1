#!/usr/bin/env bash
# Starts a throwaway PostgreSQL server on loopback for the storage tests and prints the line
#   export GIBOT_TEST_POSTGRES='Host=127.0.0.1;Port=…;Username=gibot;Password=gibot;Database=gibot_test'
# on stdout (everything else goes to stderr), so the caller can write:
#   eval "$(bash .ci/postgres.sh)"
# Idempotent: a second run finds the server running and only prints the line again.
# Installs PostgreSQL with apt-get when it is missing (root only). Settings:
#   GIBOT_PG_DIR   data directory of the throwaway cluster (default /tmp/gibot-postgres)
#   GIBOT_PG_PORT  port on 127.0.0.1 (default 55432, so a system server on 5432 is left alone)
set -euo pipefail

dir="${GIBOT_PG_DIR:-/tmp/gibot-postgres}"
port="${GIBOT_PG_PORT:-55432}"
user=gibot
password=gibot
database=gibot_test

log() { echo "postgres.sh: $*" >&2; }

find_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

bin="$(find_bin)"
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
  if [[ "$(id -u)" != 0 ]]; then
    log "PostgreSQL is not installed and this is not root: install the 'postgresql' package first."
    exit 1
  fi
  log "installing PostgreSQL with apt-get"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq >&2
  apt-get install -y -qq postgresql >&2
  bin="$(find_bin)"
fi

# PostgreSQL refuses to run as root: as root, the cluster belongs to the 'postgres' account.
if [[ "$(id -u)" == 0 ]]; then
  id postgres >/dev/null 2>&1 || useradd --system --home-dir "$dir" --shell /bin/bash postgres
  as_owner() { runuser -u postgres -- "$@"; }
  owner=postgres
else
  as_owner() { "$@"; }
  owner="$(id -un)"
fi

if ! as_owner "$bin/pg_isready" -q -h 127.0.0.1 -p "$port"; then
  if [[ ! -s "$dir/PG_VERSION" ]]; then
    log "creating a throwaway cluster in $dir"
    mkdir -p "$dir"
    chown "$owner" "$dir"
    chmod 700 "$dir"
    as_owner "$bin/initdb" -D "$dir" -U "$owner" --auth-local=trust --auth-host=scram-sha-256 \
      --encoding=UTF8 --locale=C.UTF-8 >&2
  fi
  log "starting the server on 127.0.0.1:$port"
  as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off -c max_connections=200" start >&2
fi

psql_owner() { as_owner "$bin/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -p "$port" -U "$owner" -d postgres "$@"; }

if [[ "$(psql_owner -tAc "SELECT 1 FROM pg_roles WHERE rolname = '$user'")" != 1 ]]; then
  log "creating role $user"
  psql_owner -c "CREATE ROLE $user LOGIN PASSWORD '$password'"
fi
if [[ "$(psql_owner -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]]; then
  log "creating database $database"
  psql_owner -c "CREATE DATABASE $database OWNER $user"
fi

echo "export GIBOT_TEST_POSTGRES='Host=127.0.0.1;Port=$port;Username=$user;Password=$password;Database=$database'"
