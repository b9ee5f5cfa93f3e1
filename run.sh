#!/usr/bin/env bash
# Starts the whole shop platform locally: PostgreSQL, Kafka, SMTP and the five applications.
# No Docker needed; Java 17+ is. Builds the project first when something is not built yet.
#
#   ./run.sh [--build] [--clean] [--demo] [--quiet] [--data DIR] [--jvm dev|throughput]
#            [--replicas N|SERVICE=N,...] [--no-restart] [--status]   (--help for details)
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run.sh: Java 17 or newer is needed (java is not on the PATH)" >&2
  exit 1
fi

build=false
args=()
for arg in "$@"; do
  if [[ $arg == --build ]]; then build=true; else args+=("$arg"); fi
done

# every application module: the gateway and the *-service modules (devstack's Service enum is the registry;
# its ServiceRegistryTest keeps service modules named *-service)
for app in gateway *-service; do
  [[ -f $app/target/quarkus-app/quarkus-run.jar ]] || build=true
done
[[ -d devstack/target/classes && -f devstack/target/launcher-classpath.txt ]] || build=true

# package, not install: the launcher runs the modules' own target/ outputs, so nothing needs to go to ~/.m2
# (where stale copies of the modules only confuse later builds), and this is the path `./mvnw verify` takes too
if $build; then
  echo "Building (./mvnw -B -q package -DskipTests)..."
  ./mvnw -B -q package -DskipTests
fi

exec java -Xmx64m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -cp "devstack/target/classes:$(cat devstack/target/launcher-classpath.txt)" \
  shop.devstack.Launcher ${args[@]+"${args[@]}"}
