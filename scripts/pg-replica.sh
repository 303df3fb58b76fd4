#!/usr/bin/env bash
# A local PostgreSQL streaming replica of the primary on 127.0.0.1:5432, for the replica tests.
#
#   scripts/pg-replica.sh start    make it (pg_basebackup -R) and start it on port 5433; waits until
#                                  it answers and is in recovery. Running already: nothing to do.
#   scripts/pg-replica.sh stop     stop it and remove its directory, and take back the primary's
#                                  replication entry this script added.
#   scripts/pg-replica.sh status   say whether it runs, and its replay position.
#
# The primary needs a pg_hba.conf entry for replication connections from 127.0.0.1 ("all" does
# not match them): start appends one, marked with a comment, and reloads the primary's
# configuration (both only when the entry is missing). wal_level must be replica or logical and
# max_wal_senders at least 1; both need a restart, so start only checks them and stops with a
# message. As root the PostgreSQL binaries run as the postgres user.
#
# Settings (environment): RESTOCK_REPLICA_PORT (5433), RESTOCK_REPLICA_DIR
# (${TMPDIR:-/tmp}/restock-pg-replica-<port>), PGVERSION (the newest installed).
set -euo pipefail

PRIMARY_HOST=127.0.0.1
PRIMARY_PORT=5432
PORT="${RESTOCK_REPLICA_PORT:-5433}"
DIR="${RESTOCK_REPLICA_DIR:-${TMPDIR:-/tmp}/restock-pg-replica-$PORT}"
DATA="$DIR/data"
SOCKETS="$DIR/sockets"
MARK="# restock test replica (scripts/pg-replica.sh)"
VERSION="${PGVERSION:-$(ls /usr/lib/postgresql | sort -V | tail -n 1)}"
BIN="/usr/lib/postgresql/$VERSION/bin"

as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

primary_sql() {
  psql -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -d postgres -Atqc "$1"
}

replica_sql() {
  psql -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -Atqc "$1"
}

running() {
  [ -f "$DATA/postmaster.pid" ] && as_postgres "$BIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1
}

prepare_primary() {
  local level senders hba
  level="$(primary_sql 'show wal_level')"
  senders="$(primary_sql 'show max_wal_senders')"
  if [ "$level" = minimal ] || [ "$senders" -lt 1 ]; then
    echo "the primary has wal_level=$level, max_wal_senders=$senders: set wal_level=replica and" \
      "max_wal_senders>=1 and restart it" >&2
    exit 1
  fi
  hba="$(primary_sql 'show hba_file')"
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32[[:space:]]+trust' "$hba"; then
    echo "adding a replication entry for 127.0.0.1 to $hba and reloading the primary"
    # a file whose last line lacks its newline must not have the entry glued onto that line
    if [ -s "$hba" ] && [ "$(tail -c 1 "$hba" | od -An -c | tr -d ' ')" != '\n' ]; then
      echo >>"$hba"
    fi
    printf '%s\nhost replication all 127.0.0.1/32 trust\n' "$MARK" >>"$hba"
    primary_sql 'select pg_reload_conf()' >/dev/null
  fi
}

restore_primary() {
  local hba
  hba="$(primary_sql 'show hba_file' 2>/dev/null)" || return 0
  if grep -qF "$MARK" "$hba"; then
    # the marker line and the entry after it, nothing else
    awk -v mark="$MARK" '$0 == mark { skip = 1; next } skip { skip = 0; next } { print }' \
      "$hba" >"$hba.restock-tmp"
    cat "$hba.restock-tmp" >"$hba"
    rm -f "$hba.restock-tmp"
    primary_sql 'select pg_reload_conf()' >/dev/null
  fi
}

wait_ready() {
  for _ in $(seq 1 60); do
    if [ "$(replica_sql 'select pg_is_in_recovery()' 2>/dev/null)" = t ]; then
      return 0
    fi
    sleep 0.5
  done
  echo "the replica on port $PORT did not answer in recovery within 30 s; its log:" >&2
  tail -n 30 "$DATA/log" >&2 || true
  exit 1
}

start() {
  if running; then
    wait_ready
    echo "replica already running on port $PORT ($DATA)"
    return 0
  fi
  prepare_primary
  # a stopped or half-made replica from before is made again: it may be too far behind
  rm -rf "$DIR"
  mkdir -p "$DIR" "$SOCKETS"
  chmod 700 "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$DIR"; fi
  as_postgres "$BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DATA" \
    -R -X stream -c fast
  # Debian keeps the configuration outside the data directory: the replica gets its own
  as_postgres sh -c "cat >'$DATA/postgresql.conf'" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$SOCKETS'
hot_standby = on
hot_standby_feedback = on
CONF
  as_postgres sh -c "printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >'$DATA/pg_hba.conf'"
  as_postgres sh -c ": >'$DATA/pg_ident.conf'"
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w -t 30 start >/dev/null
  wait_ready
  echo "replica running on port $PORT ($DATA), streaming from $PRIMARY_HOST:$PRIMARY_PORT"
}

stop() {
  if running; then
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
  fi
  rm -rf "$DIR"
  restore_primary
  echo "replica on port $PORT stopped and removed"
}

status() {
  if running; then
    echo "replica running on port $PORT ($DATA): in recovery $(replica_sql 'select pg_is_in_recovery()'), replayed up to $(replica_sql 'select pg_last_wal_replay_lsn()')"
  else
    echo "replica not running on port $PORT"
    return 3
  fi
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
