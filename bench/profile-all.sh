#!/usr/bin/env bash
# Where the CPU of one order goes, across the whole platform: records every JVM of a running platform with
# JDK Flight Recorder while bench/OrderBench.java places orders, reads each process's CPU time around the run,
# and prints the CPU per order of every process and, per service, its samples by library and by our
# operation (bench/JfrLibraries.java).
#
#   SHOP_GATEWAY_RATE_LIMIT_ENABLED=false ./run.sh --quiet --clean &     # a running platform
#   bench/profile-all.sh                          # 8 clients x 60 orders, recordings in /tmp/profile-all-<time>
#   bench/profile-all.sh --clients 8 --orders 60 --out /tmp/p
#   bench/profile-all.sh --no-jfr                 # CPU and commits per order only, nothing recorded
#
# CPU time is utime + stime from /proc/<pid>/stat (PostgreSQL: all its processes, ended backends through the
# postmaster's children time); the window includes the bench's own set-up of a product. JFR's sampling costs a
# little CPU of its own: compare CPU per order between runs without it (bench/all.sh), and use the shares here.
# JFR samples Java code only: a JVM's compiler and GC threads are in its CPU time, not in its samples.
# Committed transactions per order and database come from pg_stat_database (psql, the dev stack's superuser).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
clients=8 orders=60 out=/tmp/profile-all-$(date +%H%M%S) jfr=true
while [[ $# -gt 0 ]]; do
  case $1 in
    --clients) clients=$2; shift 2;;
    --orders) orders=$2; shift 2;;
    --out) out=$2; shift 2;;
    --no-jfr) jfr=false; shift;;
    *) echo "unknown option $1" >&2; exit 2;;
  esac
done
mkdir -p "$out"

declare -A name_of
for pid in $(pgrep -x java || true); do
  cmd=$(tr '\0' ' ' < /proc/$pid/cmdline 2>/dev/null || true)
  case "$cmd" in
    *"$root/"*quarkus-app/quarkus-run.jar*)
      name_of[$pid]=$(grep -o "$root/[a-z-]*/target/quarkus-app" <<<"$cmd" | head -1 | sed "s|$root/||; s|/target.*||");;
    *" kafka.Kafka "*) name_of[$pid]=kafka;;
    *shop.devstack.Launcher*) name_of[$pid]=launcher;;
  esac
done
[[ ${#name_of[@]} -gt 0 ]] || { echo "no platform from $root is running" >&2; exit 1; }

cpu_ticks() {
  for pid in "${!name_of[@]}"; do echo "${name_of[$pid]} $(awk '{print $14 + $15}' /proc/$pid/stat)"; done
  local pg=0
  for pid in $(pgrep -x postgres || true); do pg=$((pg + $(awk '{print $14 + $15 + $16 + $17}' /proc/$pid/stat))); done
  echo "postgres $pg"
}

commits() {
  PGPASSWORD=postgres psql -h 127.0.0.1 -p 54320 -U postgres -At -F ' ' -c "select datname, xact_commit from
    pg_stat_database where datname in ('orders', 'catalog', 'customers', 'analytics') order by 1" 2>/dev/null || true
}

$jfr && for pid in "${!name_of[@]}"; do
  [[ ${name_of[$pid]} == launcher ]] || jcmd "$pid" JFR.start name=profile-all settings=profile \
    filename="$out/${name_of[$pid]}.jfr" >/dev/null
done
cpu_ticks | sort > "$out/cpu-before"
commits > "$out/commits-before"
java "$root/bench/OrderBench.java" --clients "$clients" --orders "$orders" | tee "$out/bench.txt"
cpu_ticks | sort > "$out/cpu-after"
commits > "$out/commits-after"
$jfr && for pid in "${!name_of[@]}"; do
  [[ ${name_of[$pid]} == launcher ]] || jcmd "$pid" JFR.stop name=profile-all >/dev/null
done

placed=$((clients * orders))
hz=$(getconf CLK_TCK)
echo
echo "== CPU per order ($placed orders; JFR recording $($jfr && echo on || echo off))"
join "$out/cpu-before" "$out/cpu-after" | awk -v n="$placed" -v hz="$hz" '
  { ms = ($3 - $2) * 1000 / hz / n; total += ms; printf "  %-18s %6.1f ms\n", $1, ms }
  END { printf "  %-18s %6.1f ms\n", "total", total }'
if [[ -s $out/commits-after ]]; then
  echo "== committed transactions per order"
  join "$out/commits-before" "$out/commits-after" | awk -v n="$placed" '{ printf "  %-18s %6.1f\n", $1, ($3 - $2) / n }'
fi
if $jfr; then
  echo
  java "$root/bench/JfrLibraries.java" "$out"/*.jfr
fi
