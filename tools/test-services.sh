#!/usr/bin/env bash
# Starts (or restarts) what the cluster tests need on this machine, on ports of their own:
#   Redis 6391, PostgreSQL cluster "rpatest" on 5439, the MongoDB stand-in on 27031.
# Usage: tools/test-services.sh start | restart-redis | restart-postgres | env
# Installs redis-server and postgresql with apt when missing (needs root or sudo).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
STATE="$ROOT/.rpa/services"
REDIS_PORT="${RPA_REDIS_PORT:-6391}"
PG_PORT="${RPA_PG_PORT:-5439}"
PG_CLUSTER=rpatest
PG_PASSWORD=rpa-test
MONGO_PORT="${RPA_MONGO_PORT:-27031}"
SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"

say() { printf '\033[1m%s\033[0m\n' "$*" >&2; }
trap 'echo "test-services.sh: \"$BASH_COMMAND\" failed (line $LINENO)" >&2' ERR

apt_install() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  [ ${#missing[@]} -eq 0 ] && return 0
  say "Installing ${missing[*]} (apt)…"
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
}

# Runs a command that leaves a daemon behind with none of this shell's file descriptors above 2:
# a caller (CI) that waits for a pipe it handed us to close must not wait for Redis or PostgreSQL.
without_inherited_fds() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      fd=${fd##*/}
      if [ "$fd" -gt 2 ] 2>/dev/null; then eval "exec ${fd}>&-" 2>/dev/null || true; fi
    done
    exec "$@"
  )
}

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() {
  for _ in $(seq 1 100); do listening "$1" && return 0; sleep 0.1; done
  echo "nothing listens on port $1" >&2; return 1
}

start_redis() {
  apt_install redis-server
  listening "$REDIS_PORT" && return 0
  mkdir -p "$STATE"
  without_inherited_fds redis-server --daemonize yes --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no \
    --dir "$STATE" --pidfile "$STATE/redis.pid" --logfile "$STATE/redis.log"
  wait_port "$REDIS_PORT"
}

restart_redis() {
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do listening "$REDIS_PORT" || break; sleep 0.1; done
  start_redis
}

pg_version() { ls /usr/lib/postgresql | sort -n | tail -n 1; }

start_postgres() {
  apt_install postgresql
  local version; version="$(pg_version)"
  if ! pg_lsclusters -h | awk '{print $2}' | grep -qx "$PG_CLUSTER"; then
    $SUDO pg_createcluster "$version" "$PG_CLUSTER" --port "$PG_PORT" -- --auth-host=scram-sha-256 >/dev/null
  fi
  if ! listening "$PG_PORT"; then without_inherited_fds $SUDO pg_ctlcluster "$version" "$PG_CLUSTER" start; fi
  wait_port "$PG_PORT"
  $SUDO runuser -u postgres -- psql -q -p "$PG_PORT" -c "ALTER USER postgres PASSWORD '$PG_PASSWORD'" >/dev/null
}

restart_postgres() {
  without_inherited_fds $SUDO pg_ctlcluster "$(pg_version)" "$PG_CLUSTER" restart -m fast
  wait_port "$PG_PORT"
}

start_mongo() {
  listening "$MONGO_PORT" && return 0
  command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
  local dir="$ROOT/tools/mongo-standin"
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >&2)
  fi
  if [ ! -f "$dir/node_modules/@push.rocks/smartmongo/package.json" ]; then
    # Only the in-memory server is used: its package comes without its dependency tree, which
    # would download a real mongod binary.
    local tmp; tmp="$(mktemp -d)"
    (cd "$tmp" && npm pack --silent @push.rocks/smartmongo@2.2.0 >/dev/null)
    mkdir -p "$dir/node_modules/@push.rocks/smartmongo"
    tar xzf "$tmp"/push.rocks-smartmongo-2.2.0.tgz -C "$dir/node_modules/@push.rocks/smartmongo" --strip-components=1
    rm -rf "$tmp"
  fi
  mkdir -p "$STATE"
  # Detached from this script's output: a caller reading our stdout (a pipe, CI) must see it close.
  without_inherited_fds setsid nohup node "$dir/server.js" "$MONGO_PORT" </dev/null >"$STATE/mongo.log" 2>&1 &
  echo $! >"$STATE/mongo.pid"
  disown || true
  wait_port "$MONGO_PORT"
}

print_env() {
  cat <<ENV
export RPA_TEST_REDIS=127.0.0.1:$REDIS_PORT
export RPA_TEST_POSTGRES='Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Password=$PG_PASSWORD;Database=postgres;Timeout=5;Command Timeout=10'
export RPA_MONGO_STANDIN_URI=mongodb://127.0.0.1:$MONGO_PORT
export RPA_TEST_REDIS_RESTART='$ROOT/tools/test-services.sh restart-redis'
export RPA_TEST_POSTGRES_RESTART='$ROOT/tools/test-services.sh restart-postgres'
ENV
}

case "${1:-start}" in
  start) start_redis; start_postgres; start_mongo ;;
  restart-redis) restart_redis ;;
  restart-postgres) restart_postgres ;;
  env) print_env ;;
  *) echo "usage: $0 start|restart-redis|restart-postgres|env" >&2; exit 2 ;;
esac
