#!/usr/bin/env bash
# Where one service's CPU goes while a bench runs: a JDK Flight Recorder recording of a running
# application JVM (no restart; JFR is built into the JDK), then the hottest methods.
#
#   bench/profile.sh order-service 30            # record 30 s, print the 25 hottest frames
#   bench/profile.sh catalog-service 20 /tmp/c.jfr
#
# The JVM is found by its jar (<project>/<service>/target/quarkus-app/quarkus-run.jar, as ./run.sh and
# the system tests start it); set PROJECT_ROOT when the platform runs from another checkout. Start the
# bench first, then this. Prints two lists from jdk.ExecutionSample: the top frame of each sample (where
# the CPU is spent), and the first shop.* frame of each sample (which of our code causes it).
set -euo pipefail
service=${1:?service module name, e.g. order-service}
seconds=${2:-30}
out=${3:-/tmp/profile-$service-$(date +%H%M%S).jfr}
root=${PROJECT_ROOT:-$(cd "$(dirname "$0")/.." && pwd)}
pid=""
for p in $(pgrep -f "$root/$service/target/quarkus-app/quarkus-run.jar" || true); do
  [[ $(cat /proc/$p/comm 2>/dev/null) == java ]] && pid=$p && break
done
[[ -n $pid ]] || { echo "no running $service from $root" >&2; exit 1; }
jcmd "$pid" JFR.start name=bench settings=profile duration="${seconds}s" filename="$out" >/dev/null
sleep "$((seconds + 2))"
while ! jfr summary "$out" >/dev/null 2>&1; do sleep 1; done
samples=$(mktemp)
jfr print --stack-depth 64 --events jdk.ExecutionSample "$out" > "$samples"
echo "== $service (pid $pid): $(grep -c 'jdk.ExecutionSample' "$samples") samples in ${seconds}s, recording $out"
echo "-- hottest frames (top of stack)"
awk '/stackTrace = \[/{getline; sub(/^ +/, ""); sub(/ +line:.*/, ""); print}' "$samples" \
  | sort | uniq -c | sort -rn | head -25
echo "-- first shop.* frame of each sample"
awk '/stackTrace = \[/{inside=1; found=0; next} inside && /^\s*\]/{if(!found) print "(no shop frame)"; inside=0; next}
     inside && !found && /shop\./{sub(/^ +/, ""); sub(/ +line:.*/, ""); print; found=1}' "$samples" \
  | sort | uniq -c | sort -rn | head -25
rm -f "$samples"
