#!/usr/bin/env bash
# Measures how long `./run.sh` takes from the command to a ready platform (gateway /q/health/ready = 200),
# cold (fresh data directory) and warm (same data again), and the resident memory of every process.
# Traffic goes only to 127.0.0.1. Stops only the launcher it started (by PID); its children die with it.
#
#   bench/startup.sh [runs=2]      (the services must be built: ./mvnw -B package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-2}
data=$(mktemp -d /tmp/shop-bench-startup.XXXXXX)
port=${BENCH_GATEWAY_PORT:-8080}
trap 'rm -rf "$data"' EXIT

for port_in_use in $port 54320 19092; do
  if (echo > /dev/tcp/127.0.0.1/$port_in_use) 2>/dev/null; then
    echo "port $port_in_use is in use: stop the running platform first" >&2; exit 1
  fi
done

rss_table() { # every descendant of the launcher with its RSS
  local launcher=$1
  printf '| process | RSS MB |\n|---|---|\n'
  printf '| launcher (devstack) | %d |\n' $(( $(ps -o rss= -p "$launcher") / 1024 ))
  for pid in $(pgrep -P "$launcher"); do
    local cmd name
    cmd=$(tr '\0' ' ' < /proc/$pid/cmdline)
    case "$cmd" in
      *quarkus-run.jar*) name=$(sed -E 's#.*/([a-z-]+)/target/quarkus-app/quarkus-run.jar.*#\1#' <<<"$cmd") ;;
      *kafka.Kafka*) name="kafka broker" ;;
      *postgres*) name="postgresql (postmaster + $(pgrep -c -P "$pid") children)"
                  local total=$(( $(ps -o rss= -p "$pid") + $(ps -o rss= --ppid "$pid" | awk '{s+=$1} END {print s+0}') ))
                  printf '| %s | %d |\n' "$name" $(( total / 1024 )); continue ;;
      *) name=$(cut -c1-40 <<<"$cmd") ;;
    esac
    printf '| %s | %d |\n' "$name" $(( $(ps -o rss= -p "$pid") / 1024 ))
  done
}

for run in $(seq 1 "$runs"); do
  kind=$([ "$run" = 1 ] && echo cold || echo warm)
  start=$(date +%s.%N)
  ./run.sh --quiet --data "$data" > "$data/launcher-$run.log" 2>&1 &
  launcher=$!
  until curl -fs -o /dev/null "http://127.0.0.1:$port/q/health/ready"; do
    kill -0 "$launcher" 2>/dev/null || { echo "launcher died:"; tail -20 "$data/launcher-$run.log"; exit 1; }
    sleep 0.5
  done
  ready=$(date +%s.%N)
  printf '\n%s start: %.1f s from ./run.sh to a ready gateway\n\n' "$kind" "$(echo "$ready - $start" | bc)"
  [ "$run" = "$runs" ] && rss_table "$launcher"
  kill -TERM "$launcher"   # (a background job ignores SIGINT; TERM runs the same ordered stop)
  wait "$launcher" || true
done
