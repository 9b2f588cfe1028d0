#!/usr/bin/env bash
# A throwaway PostgreSQL for the database tests (and for trying `--db` by hand):
#
#   eval "$(scripts/pg-test-server.sh start)"   # starts one (or reuses the running one), prints export lines
#   scripts/pg-test-server.sh restart           # restart it in place (same port, same data)
#   scripts/pg-test-server.sh stop              # stop it and remove its files
#
# It listens on 127.0.0.1 only, on a free port, with its data in a temp folder, TLS on (a self-signed
# certificate made here), and a random password for the user "ita". Run as root (CI), the server runs as
# the unprivileged user "nobody". It installs Debian's postgresql when no server binaries are found.
# State lives in $ITA_PG_STATE (default /tmp/ita-pg-test-$UID): a second `start` reuses the running server.
set -euo pipefail

STATE=${ITA_PG_STATE:-/tmp/ita-pg-test-$(id -u)}
RUN_AS=nobody

find_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] && { echo "$d"; return 0; }
  done
  command -v initdb >/dev/null 2>&1 && { dirname "$(command -v initdb)"; return 0; }
  return 1
}

as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u "$RUN_AS" -- "$@"; else "$@"; fi
}

BIN=$(find_bin || true)
if [ -z "$BIN" ]; then
  if [ "$(id -u)" != 0 ]; then echo "pg-test-server: no PostgreSQL server binaries; install Debian's postgresql" >&2; exit 1; fi
  export DEBIAN_FRONTEND=noninteractive
  { apt-get install -y postgresql || { apt-get update && apt-get install -y postgresql; }; } >&2
  BIN=$(find_bin)
fi

running() { [ -f "$STATE/data/postmaster.pid" ] && as_server "$BIN/pg_ctl" -D "$STATE/data" status >/dev/null 2>&1; }

print_env() {
  echo "export ITA_TEST_DATABASE_URL='$(cat "$STATE/url")'"
  echo "export ITA_PG_STATE='$STATE'"
}

stop() {
  if running; then as_server "$BIN/pg_ctl" -D "$STATE/data" -m fast -w stop >/dev/null; fi
  rm -rf "$STATE"
}

start() {
  if running && [ -f "$STATE/url" ]; then print_env; return 0; fi
  rm -rf "$STATE"
  mkdir -p "$STATE"
  local port password
  # written as text: console.log of a number is coloured when FORCE_COLOR is set (as CI sets it)
  port=$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{process.stdout.write(s.address().port+"\n");s.close()})')
  case "$port" in ''|*[!0-9]*) echo "pg-test-server: no free port found (got '$port')" >&2; exit 1 ;; esac
  password=$(node -e 'process.stdout.write(require("crypto").randomBytes(18).toString("base64url")+"\n")')
  printf '%s\n' "$password" >"$STATE/pw"
  openssl req -new -x509 -days 2 -nodes -subj /CN=localhost -addext subjectAltName=DNS:localhost,IP:127.0.0.1 \
    -keyout "$STATE/server.key" -out "$STATE/server.crt" >/dev/null 2>&1
  chmod 600 "$STATE/server.key" "$STATE/pw"
  if [ "$(id -u)" = 0 ]; then chown -R "$RUN_AS" "$STATE"; fi
  as_server "$BIN/initdb" -D "$STATE/data" -U ita --pwfile="$STATE/pw" --auth-host=scram-sha-256 --auth-local=trust \
    -E UTF8 --locale=C.UTF-8 >"$STATE/initdb.log" 2>&1 || { cat "$STATE/initdb.log" >&2; exit 1; }
  rm -f "$STATE/pw"
  cat >>"$STATE/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$STATE'
ssl = on
ssl_cert_file = '$STATE/server.crt'
ssl_key_file = '$STATE/server.key'
max_connections = 200
fsync = off
synchronous_commit = off
full_page_writes = off
CONF
  as_server "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -w -t 60 start >/dev/null || { cat "$STATE/server.log" >&2; exit 1; }
  printf 'postgres://ita:%s@127.0.0.1:%s/postgres\n' "$password" "$port" >"$STATE/url"
  chmod 600 "$STATE/url"
  print_env
}

restart() {
  as_server "$BIN/pg_ctl" -D "$STATE/data" -l "$STATE/server.log" -m fast -w -t 60 restart >/dev/null
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  restart) restart ;;
  env) print_env ;;
  *) echo "usage: $0 start|stop|restart|env" >&2; exit 2 ;;
esac
