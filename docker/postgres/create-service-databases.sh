#!/bin/bash
# Creates one database per service, each owned by its own login role, which is the only role
# allowed to connect to it: no service can read another service's tables (DESIGN.md §1). This is
# what devstack's PostgresAdmin does for the embedded server.
#
# The official postgres image runs this from /docker-entrypoint-initdb.d once, when it initialises
# an EMPTY data volume; it is not run again on later starts. Changing a password afterwards
# therefore needs ALTER ROLE (see docs/deployment.md). The passwords come from the environment of
# the postgres container (docker-compose.yml), with the devstack defaults.
#
# Works both when executed and when sourced (the entrypoint sources *.sh files that are not
# executable), so it neither calls exit nor changes shell options beyond set -e.
set -e

create_service_database() {
    local database="$1" owner="$2" password="$3"
    echo "create-service-databases: database ${database}, owned by role ${owner}"
    # psql variables (:"name" quotes an identifier, :'name' a literal) keep the password out of
    # the SQL text and safe whatever characters it contains.
    psql -v ON_ERROR_STOP=1 --username "${POSTGRES_USER:-postgres}" --dbname postgres \
        --set=database="$database" --set=owner="$owner" --set=password="$password" <<'SQL'
CREATE ROLE :"owner" WITH LOGIN PASSWORD :'password';
CREATE DATABASE :"database" OWNER :"owner";
REVOKE CONNECT, TEMPORARY ON DATABASE :"database" FROM PUBLIC;
SQL
}

create_service_database customers customers "${CUSTOMERS_DB_PASSWORD:-customers}"
create_service_database catalog   catalog   "${CATALOG_DB_PASSWORD:-catalog}"
create_service_database orders    orders    "${ORDERS_DB_PASSWORD:-orders}"
create_service_database analytics analytics "${ANALYTICS_DB_PASSWORD:-analytics}"
