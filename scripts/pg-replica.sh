#!/usr/bin/env bash
# A local PostgreSQL streaming replica of the primary on 127.0.0.1:5432, for the replica tests.
#
#   scripts/pg-replica.sh start [--token-file F]
#                                  make it (pg_basebackup -R) and start it on port 5433; waits until
#                                  it answers in recovery and streams. Running already: resumes its
#                                  replay and reuses it if it streams (else makes it again). Prints
#                                  "started" or "reused". With --token-file, a replica this call
#                                  makes gets a fresh owner token, written to F (F left empty when
#                                  it reuses one), for stop --if-mine.
#   scripts/pg-replica.sh stop [--if-mine F]
#                                  stop it and remove its directory; take back the primary's
#                                  replication entry this script added once no replica streams
#                                  from it. With --if-mine, only when F holds the running replica's
#                                  owner token (a run stops only the replica it made).
#   scripts/pg-replica.sh status   say whether it runs, and its replay position.
#
# start and stop hold an flock on <dir>.lock, so concurrent runs never make, reuse or remove the
# directory at the same time.
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
LOCK="$DIR.lock"
OWNER="$DIR/owner"
SLOT="restock_test_replica_$PORT"
MARK="# restock test replica (scripts/pg-replica.sh)"
ENTRY="host replication all 127.0.0.1/32 trust"
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
  # any existing entry for replication from 127.0.0.1, whatever its method, is the admin's
  if ! grep -Eq '^[[:space:]]*host[[:space:]]+replication[[:space:]]+(all|postgres)[[:space:]]+127\.0\.0\.1/32[[:space:]]' "$hba"; then
    echo "adding a replication entry for 127.0.0.1 to $hba and reloading the primary"
    local tmp="$hba.restock-tmp.$$"
    cp -p "$hba" "$tmp"
    # a file whose last line lacks its newline must not have the entry glued onto that line
    if [ -s "$tmp" ] && [ "$(tail -c 1 "$tmp" | od -An -c | tr -d ' ')" != '\n' ]; then
      echo >>"$tmp"
    fi
    printf '%s\n%s\n' "$MARK" "$ENTRY" >>"$tmp"
    mv -f "$tmp" "$hba"
    primary_sql 'select pg_reload_conf()' >/dev/null
  fi
}

restore_primary() {
  local hba
  hba="$(primary_sql 'show hba_file' 2>/dev/null)" || return 0
  if grep -qF "$MARK" "$hba"; then
    # another replica (another port, another tool) still streaming needs the entry
    if [ "$(primary_sql 'select count(*) from pg_stat_replication' 2>/dev/null || echo 1)" != 0 ]; then
      echo "leaving the replication entry in $hba: a replica still streams from the primary"
      return 0
    fi
    # the marker line, and the entry after it only when it is the one start added
    local tmp="$hba.restock-tmp.$$"
    cp -p "$hba" "$tmp"
    awk -v mark="$MARK" -v entry="$ENTRY" \
      'held { held = 0; if ($0 == entry) next; print mark }
       $0 == mark { held = 1; next }
       { print }
       END { if (held) print mark }' "$hba" >"$tmp"
    mv -f "$tmp" "$hba"
    primary_sql 'select pg_reload_conf()' >/dev/null
  fi
}

lock() {
  if [ -L "$LOCK" ] || [ -L "$DIR" ]; then
    echo "$LOCK or $DIR is a symbolic link; refusing" >&2
    exit 1
  fi
  exec 9>>"$LOCK"
  if ! flock -w 300 9; then
    echo "another pg-replica.sh held $LOCK for 5 minutes" >&2
    exit 1
  fi
}

# Whether the replica streams from the primary now (waits up to 15 s for it to reconnect).
streaming() {
  for _ in $(seq 1 30); do
    if [ "$(replica_sql "select count(*) from pg_stat_wal_receiver where status = 'streaming'" 2>/dev/null)" = 1 ]; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

port_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null
}

remove() {
  if running; then
    as_postgres "$BIN/pg_ctl" -D "$DATA" -m fast -w -t 30 stop >/dev/null
  fi
  rm -rf "$DIR"
  drop_slot
}

# The replica's slot on the primary keeps the WAL it has not received yet; without the replica it
# would keep WAL for ever, so it goes with the replica (and a leftover of a killed run with the
# next start).
drop_slot() {
  primary_sql "select pg_drop_replication_slot(slot_name) from pg_replication_slots
    where slot_name = '$SLOT' and not active" >/dev/null 2>&1 || true
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
  local token_file=""
  if [ "${1:-}" = --token-file ]; then token_file="${2:?--token-file needs a path}"; fi
  lock
  if [ -n "$token_file" ]; then : >"$token_file"; fi
  if running; then
    wait_ready
    # a test (or a killed test JVM) may have left replay paused
    replica_sql 'select pg_wal_replay_resume()' >/dev/null
    if streaming; then
      echo "reused: replica already running and streaming on port $PORT ($DATA)"
      return 0
    fi
    echo "the replica on port $PORT runs but does not stream from the primary; making it again"
  fi
  # a stopped, half-made or disconnected replica from before is made again (with its slot: a
  # replication slot on the primary keeps the WAL a new replica needs between the base backup
  # and its first connection)
  remove
  if ! port_free; then
    echo "port $PORT is taken by something else; set RESTOCK_REPLICA_PORT" >&2
    exit 1
  fi
  local token
  token="$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
  # written before anything is changed, so that stop --if-mine undoes a start that fails halfway
  if [ -n "$token_file" ]; then printf '%s\n' "$token" >"$token_file"; fi
  mkdir -p "$DIR"
  printf '%s\n' "$token" >"$OWNER"
  prepare_primary
  mkdir -p "$SOCKETS"
  chmod 700 "$DIR"
  if [ "$(id -u)" -eq 0 ]; then chown -R postgres:postgres "$DIR"; fi
  as_postgres "$BIN/pg_basebackup" -h "$PRIMARY_HOST" -p "$PRIMARY_PORT" -U postgres -D "$DATA" \
    -R -X stream -c fast -C -S "$SLOT"
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
  # the server must not inherit the lock (fd 9): it would hold it as long as it runs
  as_postgres "$BIN/pg_ctl" -D "$DATA" -l "$DATA/log" -w -t 30 start >/dev/null 9>&-
  wait_ready
  if ! streaming; then
    echo "the new replica on port $PORT does not stream from the primary; its log:" >&2
    tail -n 30 "$DATA/log" >&2 || true
    exit 1
  fi
  echo "started: replica running on port $PORT ($DATA), streaming from $PRIMARY_HOST:$PRIMARY_PORT"
}

stop() {
  local token_file=""
  if [ "${1:-}" = --if-mine ]; then token_file="${2:?--if-mine needs a path}"; fi
  lock
  if [ -n "$token_file" ]; then
    local mine
    mine="$(cat "$token_file" 2>/dev/null || true)"
    if [ -z "$mine" ]; then
      echo "replica on port $PORT left running: this run did not start it"
      return 0
    fi
    if [ -f "$OWNER" ] && [ "$(cat "$OWNER")" != "$mine" ]; then
      echo "replica on port $PORT left running: another run made it again since"
      return 0
    fi
  fi
  remove
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
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  status) status ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
