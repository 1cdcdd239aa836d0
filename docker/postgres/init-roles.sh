#!/bin/sh
# One login role and one schema of the same name per service, owned by it and on its
# search_path, in the database jeugdhulp, which other roles cannot connect to (as
# scripts/lib/pg.sh does for the local stack). Idempotent: the passwords are (re)set from the
# secret files every time, so the files stay the truth.
#
# Runs as the official postgres image's init script (/docker-entrypoint-initdb.d, first start of
# an empty volume, over the local socket) and as compose's db-init job at every `up` (over TCP;
# a service added later gets its role, a changed password file takes effect).
#
# Environment: JT_DATABASE_NAME (jeugdhulp), JT_SERVICES (the five), JT_SECRETS_DIR
# (/run/secrets: db-<service> holds the role's password), and libpq's PGHOST, PGPORT, PGUSER,
# PGPASSWORD for a superuser connection (the init-script case needs none of them).
set -eu
db=${JT_DATABASE_NAME:-jeugdhulp}
services=${JT_SERVICES:-auth portfolio stakeholders contributions monitoring}
secrets=${JT_SECRETS_DIR:-/run/secrets}
: "${PGUSER:=${POSTGRES_USER:-postgres}}"
export PGUSER
if [ -z "${PGPASSWORD:-}" ] && [ -n "${PGPASSWORD_FILE:-}" ]; then
    PGPASSWORD=$(cat "$PGPASSWORD_FILE")
    export PGPASSWORD
fi

psql_su() {
    PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 "$@"
}

psql_su -d postgres -v db="$db" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL

for role in $services; do
    file=$secrets/db-$role
    [ -s "$file" ] || { echo "init-roles: $file is missing or empty" >&2; exit 1; }
    # The password goes through a psql variable (:'pw' quotes it), never through the command line.
    psql_su -d "$db" -v role="$role" -v db="$db" -v pw="$(cat "$file")" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'pw') \gexec
SELECT format('ALTER ROLE %I SET search_path = %I', :'role', :'role') \gexec
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'role', :'role') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'role') \gexec
SQL
done

psql_su -d "$db" -v db="$db" <<'SQL'
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
echo "init-roles: database $db, roles and schemas: $services"
