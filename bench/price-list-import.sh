#!/usr/bin/env bash
# Price-list import speed: a generated list of N offers (default 5000) uploaded to catalog-service's
# real endpoint, against the real embedded PostgreSQL and Kafka its tests use (nothing else needs to
# run). Prints offers/s for the first import (all created), the same list again (all unchanged) and a
# list with every price changed (all updated). Lists above shop.price-lists.async-above offers run as
# a job; the time is from the upload to the job's end.
#
#   bench/price-list-import.sh [offers]
set -euo pipefail
cd "$(dirname "$0")/.."
offers=${1:-5000}
./mvnw -B -pl catalog-service -am verify -Dtest=PriceListImportBench -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.offers="$offers" "-D%test.shop.price-lists.max-bytes=67108864" \
  | grep -E 'BENCH|Tests run|BUILD|ERROR'
