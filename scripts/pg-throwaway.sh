# Sourced: pg_throwaway_start starts a PostgreSQL cluster from Debian's package on 127.0.0.1 and
# a free port, creates database sterklabel_test and exports TEST_PG_URL; pg_throwaway_stop ends it.
pg_throwaway_start() {
  local pgbin port dir
  pgbin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
  dir=$(mktemp -d /tmp/sterk-pg.XXXXXX)
  # Known to pg_throwaway_stop from here on, so a failure below still cleans up.
  export STERK_PG_DIR="$dir" STERK_PG_BIN="$pgbin"
  chown postgres: "$dir"
  runuser -u postgres -- "$pgbin/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$dir/initdb.log"
  runuser -u postgres -- "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $dir -c fsync=off" start >/dev/null
  runuser -u postgres -- "$pgbin/createdb" -h 127.0.0.1 -p "$port" -U postgres sterklabel_test
  export TEST_PG_URL="postgresql://postgres@127.0.0.1:$port/sterklabel_test"
}
pg_throwaway_stop() {
  [ -n "${STERK_PG_DIR:-}" ] || return 0
  runuser -u postgres -- "$STERK_PG_BIN/pg_ctl" -D "$STERK_PG_DIR/data" -m fast stop >/dev/null 2>&1 || true
  rm -rf "$STERK_PG_DIR"
}
