#!/bin/sh
# The one-shot migration job: for every service in the image (or JT_MIGRATE_SERVICES), in the
# order of scripts/lib/services.sh, run `<service> --migrate`, then `--seed` when JT_SEED=1 (the
# default: the agenda and reference data, idempotent) and `--demo` when JT_DEMO=1 (the synthetic
# demo set; default 0, never in production). Exits non-zero at the first failure, so the
# services, which wait for this job, do not start on a half-migrated database.
#
# Each service migrates its own schema with its own role:
#   DATABASE_URL="host=<host> port=<port> dbname=<db> user=<service>" (+ PGSSLMODE etc. as usual)
#   with the password from $JT_SECRETS_DIR/db-<service> (default /run/secrets).
# Environment: JT_DATABASE_HOST (postgres), JT_DATABASE_PORT (5432), JT_DATABASE_NAME
# (jeugdhulp), JT_SECRETS_DIR, JT_SEED, JT_DEMO, JT_MIGRATE_SERVICES.
set -eu
JT_ENTRYPOINT_LIB=1
# shellcheck source=entrypoint.sh
. /usr/local/bin/jt-entrypoint

host=${JT_DATABASE_HOST:-postgres}
port=${JT_DATABASE_PORT:-5432}
db=${JT_DATABASE_NAME:-jeugdhulp}
secrets=${JT_SECRETS_DIR:-/run/secrets}
order="auth portfolio stakeholders contributions monitoring"
services=${JT_MIGRATE_SERVICES:-}
if [ -z "$services" ]; then
    for s in $order; do
        [ -x "/usr/local/bin/$s-service" ] && services="$services $s"
    done
fi

log() { printf '{"level":"info","service":"migrate","message":"%s"}\n' "$*"; }

for s in $services; do
    bin=/usr/local/bin/$s-service
    [ -x "$bin" ] || jt_die "no binary for $s in this image"
    [ -r "$secrets/db-$s" ] || jt_die "$secrets/db-$s (the password of role $s) is not readable"
    usage=$("$bin" --usage 2>&1 || true)
    (
        export JT_SERVICE="$s"
        export DATABASE_URL="host=$host port=$port dbname=$db user=$s"
        PGPASSWORD=$(cat "$secrets/db-$s")
        export PGPASSWORD
        log "migrating $s"
        "$bin" --migrate
        case $usage in *--seed*)
            if [ "${JT_SEED:-1}" = 1 ]; then log "seeding $s"; "$bin" --seed; fi ;;
        esac
        case $usage in *--demo*)
            if [ "${JT_DEMO:-0}" = 1 ]; then log "loading the demo data of $s"; "$bin" --demo; fi ;;
        esac
    )
done
log "done:$services"
