#!/usr/bin/env bash
# The gateway's own cost per request: a real Kafka broker, a fake catalog-service with canned answers
# and the gateway (dev stack JVM flags), wrk straight at the service and through the gateway, CPU per
# request of each. Starts and stops everything itself; needs wrk and a packaged gateway and devstack:
#
#   ./mvnw -B -o -q package -DskipTests -pl gateway -am
#   bench/gateway-overhead.sh                                        # gateway/target/quarkus-app
#   bench/gateway-overhead.sh --gateway before=/tmp/old-app --gateway after=gateway/target/quarkus-app
#   bench/gateway-overhead.sh --seconds 15 --connections 16 --rounds 2 --only product --jfr /tmp/jfr --jvm-flags "-Xmx512m"
set -euo pipefail
cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "gateway-overhead.sh: wrk is needed" >&2; exit 1; }
[[ -f gateway/target/quarkus-app/quarkus-run.jar && -d devstack/target/classes ]] || {
  echo "gateway-overhead.sh: package first: ./mvnw -B -o -q package -DskipTests -pl gateway -am" >&2; exit 1; }
exec java -Xmx256m -cp "devstack/target/classes:gateway/target/quarkus-app/lib/main/*" \
  bench/GatewayOverheadBench.java "$@"
