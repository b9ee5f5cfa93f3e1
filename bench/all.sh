#!/usr/bin/env bash
# Every benchmark of issue 11 in one run, with the comparisons side by side, on a platform this script
# starts itself (./run.sh on the default ports, a fresh data directory, rate limits off) and stops again.
#
#   bench/all.sh [--jvm dev|throughput] [--replicas N] [--project DIR] [--logs DIR] [--seconds 15] [--out FILE]
#
#   --jvm       the JVM profile of the platform (./run.sh --jvm; default dev). Stated in the output.
#   --replicas  instances of every service behind the gateway (./run.sh --replicas; default 1). Stated in
#               the output. "directly" rows then measure catalog-service#1 alone; the gateway balances.
#   --project   the project tree whose build to start (default: this one). Lets one run compare an older
#               commit's build (e.g. a git worktree) with this one, measured by the same scripts.
#   --logs      directory with logs.txt and logs-ip-country.csv for the log import (default ../shared/data;
#               skipped with a message when absent)
#   --seconds   duration of each wrk run (default 15; every run has a 5 s warm-up before it)
#   --out       also write the summary table to FILE
#   --order-wait how OrderBench waits for confirmation: sse (default, the order's status stream) or poll
#               (GET every 20 ms; the only way a build from before the stream existed offers)
#
# Measures: start → ready and resident memory; the product list page and GET /api/catalog/categories/{id}
# through the gateway and straight at catalog-service, and a trivial endpoint of catalog-service (wrk -t2
# -c16); orders placed and confirmed with 8 clients and with 1 (bench/OrderBench.java) with the CPU time
# of every process per order (/proc/<pid>/stat, utime+stime, PostgreSQL's reaped backends included);
# pgbench's built-in write transaction with 8 clients on the same PostgreSQL; the log import against a
# raw read + regex of the same file and the reports (bench/LogImportBench.java).
# Traffic goes only to 127.0.0.1. Stops only the launcher it started (by PID); its children die with it.
# Needs wrk (installed with apt-get when missing and running as root) and, for the pgbench row, pgbench.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$bench/.." && pwd)
jvm=dev
replicas=1
logs=$project/../shared/data
seconds=15
out=
order_wait=sse
while (($#)); do
  case $1 in
    --jvm) jvm=$2; shift 2 ;;
    --replicas) replicas=$2; shift 2 ;;
    --project) project=$(cd "$2" && pwd); shift 2 ;;
    --logs) logs=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --order-wait) order_wait=$2; shift 2 ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 \
      || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
  fi
  command -v wrk >/dev/null || { echo "bench/all.sh needs wrk (apt-get install wrk)" >&2; exit 1; }
fi
for port in 8080 8081 8082 8083 8084 54320 19092; do
  if (echo > /dev/tcp/127.0.0.1/$port) 2>/dev/null; then
    echo "port $port is in use: stop the running platform first" >&2; exit 1
  fi
done
# every application module (devstack's Service enum is the registry; service modules are named *-service);
# the ports above are only an early check: the launcher refuses any port of its plan that is in use
for dir in "$project"/gateway "$project"/*-service; do
  app=$(basename "$dir")
  [[ -f $project/$app/target/quarkus-app/quarkus-run.jar ]] \
    || { echo "$project is not built ($app): ./mvnw -B package -DskipTests" >&2; exit 1; }
done

work=$(mktemp -d /tmp/shop-bench-all.XXXXXX)
launcher=
stop_platform() {
  if [[ -n $launcher ]] && kill -0 "$launcher" 2>/dev/null; then
    kill -TERM "$launcher"; wait "$launcher" 2>/dev/null || true
  fi
  launcher=
}
trap 'stop_platform; rm -rf "$work"' EXIT

summary=()
row() { summary+=("| $1 | $2 |"); }
clk=$(getconf CLK_TCK)

descendants() { # every process below $1, depth first
  local pid
  for pid in $(pgrep -P "$1"); do echo "$pid"; descendants "$pid"; done
}
process_name() {
  local cmd
  cmd=$(tr '\0' ' ' < "/proc/$1/cmdline" 2>/dev/null) || return 1
  case $cmd in
    *quarkus-run.jar*) sed -E 's#.*/([a-z-]+)/target/quarkus-app/quarkus-run.jar.*#\1#' <<<"$cmd" ;;
    *kafka.Kafka*) echo "kafka broker" ;;
    *postgres*) echo "postgresql" ;;
    *) echo "other" ;;
  esac
}
cpu_snapshot() { # "name<TAB>ticks" per kind of process; children's reaped time counts (PostgreSQL's backends)
  local pid name
  for pid in "$launcher" $(descendants "$launcher"); do
    if [[ $pid == "$launcher" ]]; then name=launcher; else name=$(process_name "$pid") || continue; fi
    # after "pid (comm) ": utime, stime, cutime, cstime are fields 12-15
    sed 's/.*) //' "/proc/$pid/stat" 2>/dev/null | awk -v n="$name" '{print n "\t" $12+$13+$14+$15}'
  done | awk -F'\t' '{t[$1]+=$2} END {for (n in t) print n "\t" t[n]}' | LC_ALL=C sort
}
rss_total_mb() {
  local total=0 pid
  for pid in "$launcher" $(descendants "$launcher"); do
    total=$((total + $(ps -o rss= -p "$pid" 2>/dev/null || echo 0)))
  done
  echo $((total / 1024))
}
wrk_rate() { # requests/s of a wrk run against $1 (after a warm-up of 5 s); with $2, CPU per request into $work/cpu-$2
  wrk -t2 -c16 -d5s "$1" >/dev/null 2>&1 || true
  local result
  [[ -z ${2:-} ]] || cpu_snapshot > "$work/cpu-before"
  result=$(wrk -t2 -c16 -d"${seconds}s" --latency "$1" 2>&1)
  [[ -z ${2:-} ]] || cpu_per "$(awk '/requests in/ {print $1}' <<<"$result")" "µs" > "$work/cpu-$2"
  echo "$result" >> "$work/wrk.log"
  if grep -q "Non-2xx" <<<"$result"; then echo "wrk: non-2xx answers from $1: $(grep Non-2xx <<<"$result")" >&2; fi
  awk '/Requests\/sec/ {printf "%.0f", $2}' <<<"$result"
}
cpu_per() { # CPU since $work/cpu-before per operation ($1 operations), per process, in ms or µs ($2)
  cpu_snapshot > "$work/cpu-after"
  LC_ALL=C join -t $'\t' "$work/cpu-before" "$work/cpu-after" \
    | awk -F'\t' -v n="$1" -v hz="$clk" -v unit="$2" 'BEGIN {f = unit == "µs" ? 1e6 : 1e3}
        {x=($3-$2)*f/hz/n; total+=x; printf "| %s | %.1f %s |\n", $1, x, unit}
        END {printf "| **total** | **%.1f %s** |\n", total, unit}'
}

echo "== bench/all.sh $(date -u +%Y-%m-%dT%H:%MZ), project $project at $(git -C "$project" rev-parse --short HEAD 2>/dev/null || echo '?'), JVM profile $jvm, $replicas instance(s) per service, $(nproc) cores"
echo "   load average before: $(cut -d' ' -f1-3 /proc/loadavg)"

# --- start-up and memory ---------------------------------------------------------------------------
jvm_option=()
[[ $jvm == dev ]] || jvm_option=(--jvm "$jvm") # an older tree knows only the dev profile
[[ $replicas == 1 ]] || jvm_option+=(--replicas "$replicas") # nor replicas
began=$(date +%s.%N)
(cd "$project" && SHOP_GATEWAY_RATE_LIMIT_ENABLED=false exec ./run.sh --quiet --clean --data "$work/data" \
  ${jvm_option[@]+"${jvm_option[@]}"}) > "$work/launcher.log" 2>&1 &
launcher=$!
until curl -fs -o /dev/null http://127.0.0.1:8080/q/health/ready; do
  kill -0 "$launcher" 2>/dev/null || { echo "the platform did not start:"; tail -20 "$work/launcher.log"; exit 1; }
  (( $(date +%s) - ${began%.*} < 240 )) || { echo "not ready within 240 s"; exit 1; }
  sleep 0.2
done
ready=$(awk -v a="$began" -v b="$(date +%s.%N)" 'BEGIN {printf "%.1f", b-a}')
sleep 5 # let the start-up's background work (first relay runs, consumers joining) settle
row "run command → ready (cold, fresh data)" "$ready s"
row "resident memory, all processes, after start" "$(rss_total_mb) MB"
echo "ready in $ready s"

# --- product list and category: gateway vs direct ---------------------------------------------------
echo; echo "== product list (wrk -t2 -c16 -d${seconds}s after 5 s warm-up)"
seed=$(java "$bench/ProductListBench.java" --products 20 --seconds 0)
echo "$seed" | head -1
page=$(sed -n 's/^page: //p' <<<"$seed")
category=$(sed -n 's/^category: //p' <<<"$seed")
list_gateway=$(wrk_rate "http://127.0.0.1:8080$page" list-gateway)
list_direct=$(wrk_rate "http://127.0.0.1:8081$page" list-direct)
cat_gateway=$(wrk_rate "http://127.0.0.1:8080/api/catalog/categories/$category")
cat_direct=$(wrk_rate "http://127.0.0.1:8081/api/catalog/categories/$category")
trivial=$(wrk_rate "http://127.0.0.1:8081/q/health/live")
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {if (b > 0) printf "%.2f", a/b; else print "-"}'; }
row "product list page, through the gateway" "$list_gateway req/s"
row "product list page, catalog-service directly" "$list_direct req/s"
row "a trivial endpoint of catalog-service (/q/health/live), directly" "$trivial req/s (product list / trivial = $(ratio "$list_direct" "$trivial"))"
row "gateway / direct, product list" "$(ratio "$list_gateway" "$list_direct")"
row "GET /api/catalog/categories/{id}, gateway / direct" "$cat_gateway / $cat_direct req/s = $(ratio "$cat_gateway" "$cat_direct")"
printf '%s\n' "${summary[@]: -5}"
echo "CPU per product-list request (through the gateway | directly):"
LC_ALL=C join -t '|' -1 2 -2 2 <(LC_ALL=C sort -t '|' -k2,2 "$work/cpu-list-gateway") <(LC_ALL=C sort -t '|' -k2,2 "$work/cpu-list-direct") \
  | awk -F'|' '{printf "|%s|%s|%s|\n", $1, $3, $6}' > "$work/cpu-list"
cat "$work/cpu-list"

# --- orders: throughput, saga latency, CPU per order -----------------------------------------------
order_run() { # clients orders → prints the bench's output; CPU per order per process into $work/cpu-$1
  java "$bench/OrderBench.java" --clients 2 --orders 10 --wait "$order_wait" > /dev/null # warm-up, its own product
  cpu_snapshot > "$work/cpu-before"
  local result
  result=$(java "$bench/OrderBench.java" --clients "$1" --orders "$2" --wait "$order_wait")
  cpu_per $(( $1 * $2 )) ms > "$work/cpu-$1"
  echo "$result"
}
echo; echo "== orders, 8 clients × 50, waiting by $order_wait"
orders8=$(order_run 8 50); echo "$orders8"
echo "CPU per order (includes the bench's own set-up: sign-in, a product, one warm-up order):"
cat "$work/cpu-8"
echo; echo "== orders, 1 client × 50"
orders1=$(order_run 1 50); echo "$orders1"
throughput() { sed -nE 's/.*= ([0-9.]+) orders\/s.*/\1/p' <<<"$1"; }
saga() { grep -E "placement to confirmed" <<<"$1" | sed -E 's/.*: *//'; }
row "orders placed and confirmed, 8 clients ($order_wait)" "$(throughput "$orders8") orders/s; saga $(saga "$orders8"); CPU per order $(sed -nE 's/.*\*\*([0-9.]+ ms)\*\*.*/\1/p' "$work/cpu-8")"
row "orders placed and confirmed, 1 client ($order_wait)" "$(throughput "$orders1") orders/s; saga $(saga "$orders1")"

# --- pgbench on the same PostgreSQL ------------------------------------------------------------------
if command -v pgbench >/dev/null; then
  echo; echo "== pgbench (built-in write transaction, 8 clients, ${seconds} s)"
  export PGPASSWORD=postgres
  psql -q -h 127.0.0.1 -p 54320 -U postgres -d postgres -c "create database bench_pgbench" >/dev/null
  pgbench -q -i -s 1 -h 127.0.0.1 -p 54320 -U postgres bench_pgbench >/dev/null 2>&1
  pg=$(pgbench -c 8 -j 2 -T "$seconds" -h 127.0.0.1 -p 54320 -U postgres bench_pgbench 2>&1)
  tps=$(sed -nE 's/^tps = ([0-9.]+).*/\1/p' <<<"$pg" | head -1)
  echo "tps $tps"
  row "pgbench write transactions, 8 clients, same PostgreSQL" "${tps%.*} tps (orders/s ÷ tps = $(ratio "$(throughput "$orders8")" "$tps"))"
else
  row "pgbench" "skipped: pgbench is not installed (apt-get install postgresql-client)"
fi

# --- log import vs raw parse, reports ----------------------------------------------------------------
if [[ -f $logs/logs.txt && -f $logs/logs-ip-country.csv ]]; then
  echo; echo "== log import and reports (logs.txt, then 3 more copies of it: reports over logs.txt × 4)"
  imports=$(java "$bench/LogImportBench.java" --data "$logs" --copies 3 --calls 20)
  echo "$imports"
  first=$(grep -m1 -E '^logs.txt:' <<<"$imports" || true)
  row "log import of logs.txt" "$(grep -oE 'job [0-9]+ ms = [0-9]+ lines/s' <<<"$first")"
  raw=$(grep -m1 -E "^raw parse" <<<"$imports" | grep -oE "[0-9]+ lines/s" || true)
  [[ -z $raw ]] || row "raw read + regex of the same file" "$raw"
  row "report bought-together (logs.txt × 4), p50 / p99 ms" "$(grep -m1 -E '^\| bought-together' <<<"$imports" | awk -F'|' '{gsub(/ /,"",$3); gsub(/ /,"",$4); print $3 " / " $4}')"
else
  row "log import" "skipped: no logs.txt and logs-ip-country.csv in $logs (--logs DIR)"
fi

stop_platform
echo
echo "## bench/all.sh, $(date -u +%Y-%m-%d), JVM profile $jvm, $replicas instance(s) per service, $(git -C "$project" rev-parse --short HEAD 2>/dev/null || echo '?')"
echo
{
  echo "| measure | result |"
  echo "|---|---|"
  printf '%s\n' "${summary[@]}"
  echo
  echo "CPU per product-list request, per process (the gateway's row includes its request event; Kafka and"
  echo "analytics-service store it):"
  echo
  echo "| process | through the gateway | catalog-service directly |"
  echo "|---|---|---|"
  cat "$work/cpu-list"
  echo
  echo "CPU per order, 8 clients (ms of CPU per confirmed order, per process):"
  echo
  echo "| process | CPU per order |"
  echo "|---|---|"
  cat "$work/cpu-8"
} | tee ${out:+"$out"}
