#!/usr/bin/env bash
# A throwaway PostgreSQL cluster on a free loopback port, in a temporary folder.
# Source it, then: fliptech_pg_start (exports FLIPTECH_TEST_PG_URL) ... fliptech_pg_stop.
# PostgreSQL refuses to run as root, so as root the cluster runs as the 'postgres' user.

fliptech_pg_bindir() {
  local d
  d=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$d" ] || { echo "PostgreSQL server binaries not found (apt-get install postgresql)" >&2; return 1; }
  echo "$d"
}

fliptech_free_port() {
  python3 - <<'PY'
import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
PY
}

fliptech_pg_as() {
  if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

fliptech_pg_start() {
  local bindir
  bindir=$(fliptech_pg_bindir) || return 1
  FLIPTECH_PG_DIR=$(mktemp -d /tmp/fliptech-pg.XXXXXX)
  chmod 755 "$FLIPTECH_PG_DIR"
  [ "$(id -u)" -eq 0 ] && chown postgres: "$FLIPTECH_PG_DIR"
  FLIPTECH_PG_PORT=$(fliptech_free_port)
  fliptech_pg_as "$bindir/initdb" -D "$FLIPTECH_PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$FLIPTECH_PG_DIR/initdb.log" 2>&1 \
    || { cat "$FLIPTECH_PG_DIR/initdb.log" >&2; return 1; }
  # A test cluster: durability is not the point, speed and many connections are.
  fliptech_pg_as "$bindir/pg_ctl" -D "$FLIPTECH_PG_DIR/data" -l "$FLIPTECH_PG_DIR/server.log" -w -t 60 \
    -o "-p $FLIPTECH_PG_PORT -k $FLIPTECH_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off -c full_page_writes=off" \
    start >/dev/null || { cat "$FLIPTECH_PG_DIR/server.log" >&2; return 1; }
  export FLIPTECH_PG_DIR FLIPTECH_PG_PORT
  export FLIPTECH_TEST_PG_URL="postgresql://postgres@127.0.0.1:$FLIPTECH_PG_PORT/postgres"
  echo "PostgreSQL test cluster on port $FLIPTECH_PG_PORT ($FLIPTECH_PG_DIR)"
}

fliptech_pg_stop() {
  [ -n "${FLIPTECH_PG_DIR:-}" ] && [ -d "$FLIPTECH_PG_DIR/data" ] || return 0
  local bindir
  bindir=$(fliptech_pg_bindir) || return 0
  fliptech_pg_as "$bindir/pg_ctl" -D "$FLIPTECH_PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  rm -rf "$FLIPTECH_PG_DIR"
  unset FLIPTECH_PG_DIR
}
