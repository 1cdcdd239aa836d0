# shellcheck shell=bash
# A project-local PostgreSQL 15 cluster, never the machine's own (port 5432 is left alone).
#
# initdb and postgres refuse to run as root, so when the script runs as root the cluster belongs
# to the `postgres` OS user (run through runuser); otherwise to the current user. Every login
# needs a scram-sha-256 password; the superuser is `postgres`.
#
# pg_setup <base dir> <port> <superuser password file> sets the variables the other functions
# use: PG_BASE, PG_DATA, PG_PORT, PG_SOCKET_DIR, PG_LOG, PG_OWNER, PG_SUPER_PASSWORD.

pg_setup() {
    PG_BASE=$1
    PG_PORT=$2
    PG_DATA=$PG_BASE/data
    PG_LOG=$PG_BASE/log/postgres.log
    PG_SOCKET_DIR=$PG_BASE/run
    # A Unix socket path has at most 107 bytes.
    if ((${#PG_SOCKET_DIR} > 90)); then
        PG_SOCKET_DIR=/tmp/jt-pg-$(printf '%s' "$PG_BASE" | md5sum | cut -c1-12)
    fi
    if [[ $EUID -eq 0 ]]; then
        PG_OWNER=postgres
        getent passwd postgres >/dev/null || die "the postgres OS user does not exist (install postgresql-15)"
    else
        PG_OWNER=$(id -un)
    fi
    PG_SUPER_PASSWORD=$(secret_file "$3" 24)
}

# Run a command as the cluster's owner, from / (the owner may not be able to read the cwd).
pg_as_owner() {
    if [[ $EUID -eq 0 ]]; then
        (cd / && runuser -u "$PG_OWNER" -- "$@")
    else
        (cd / && "$@")
    fi
}

# The same as a shell command line (for JT_PG_START / JT_PG_STOP).
pg_owner_command() {
    local quoted
    printf -v quoted '%q ' "$@"
    if [[ $EUID -eq 0 ]]; then
        printf 'cd / && runuser -u %q -- %s' "$PG_OWNER" "${quoted% }"
    else
        printf 'cd / && %s' "${quoted% }"
    fi
}

pg_start_args() {
    printf '%s\n' "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 start
}

pg_stop_args() {
    printf '%s\n' "$PG_BIN/pg_ctl" -D "$PG_DATA" -w -t 60 -m fast stop
}

pg_start_command() {
    local args
    mapfile -t args < <(pg_start_args)
    pg_owner_command "${args[@]}"
}

pg_stop_command() {
    local args
    mapfile -t args < <(pg_stop_args)
    pg_owner_command "${args[@]}"
}

# Create the cluster unless it exists. Extra arguments are added to its settings
# ("fsync = off" for a throwaway test cluster).
pg_init() {
    if [[ -f $PG_DATA/PG_VERSION ]]; then
        return 0
    fi
    info "creating the PostgreSQL cluster in $PG_DATA"
    install -d -m 755 -o "$PG_OWNER" "$PG_BASE"
    install -d -m 700 -o "$PG_OWNER" "$PG_BASE/data" "$PG_BASE/log"
    install -d -m 700 -o "$PG_OWNER" "$PG_SOCKET_DIR"
    local pwfile=$PG_BASE/log/initdb-password
    (umask 077 && printf '%s\n' "$PG_SUPER_PASSWORD" >"$pwfile")
    chown "$PG_OWNER" "$pwfile"
    pg_as_owner "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --pwfile="$pwfile" \
        --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 >"$PG_BASE/log/initdb.log" 2>&1 || {
        rm -f "$pwfile"
        show_log_tail "$PG_BASE/log/initdb.log"
        die "initdb failed"
    }
    rm -f "$pwfile"
    local extra
    {
        printf '\n# Settings of the project scripts (scripts/lib/pg.sh)\n'
        printf "include_if_exists = 'jeugdhulp.conf'\n"
        for extra in "$@"; do
            printf '%s\n' "$extra"
        done
    } >>"$PG_DATA/postgresql.conf"
    # Only the socket and 127.0.0.1, every login with a password.
    cat >"$PG_DATA/pg_hba.conf" <<'EOF'
# TYPE  DATABASE  USER  ADDRESS       METHOD
local   all       all                 scram-sha-256
host    all       all   127.0.0.1/32  scram-sha-256
EOF
    chown "$PG_OWNER" "$PG_DATA/pg_hba.conf"
}

# Write the settings that may change between runs (port, socket directory), then start.
pg_start() {
    install -d -m 700 -o "$PG_OWNER" "$PG_SOCKET_DIR"
    cat >"$PG_DATA/jeugdhulp.conf" <<EOF
# Written by scripts/lib/pg.sh at every start.
port = $PG_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$PG_SOCKET_DIR'
password_encryption = 'scram-sha-256'
max_connections = 200
EOF
    chown "$PG_OWNER" "$PG_DATA/jeugdhulp.conf"
    if pg_running; then
        info "stopping a PostgreSQL left running by an earlier run"
        pg_stop
    fi
    require_free_port "$PG_PORT" "PostgreSQL"
    info "starting PostgreSQL on port $PG_PORT (socket in $PG_SOCKET_DIR)"
    local args
    mapfile -t args < <(pg_start_args)
    # A session of its own, so that Ctrl-C reaches only the script, which stops things in order.
    pg_as_owner setsid -w "${args[@]}" >/dev/null || {
        show_log_tail "$PG_LOG"
        die "PostgreSQL did not start (log: $PG_LOG)"
    }
}

pg_running() {
    [[ -f $PG_DATA/postmaster.pid ]] || return 1
    pg_as_owner "$PG_BIN/pg_ctl" -D "$PG_DATA" status >/dev/null 2>&1
}

pg_stop() {
    pg_running || return 0
    local args
    mapfile -t args < <(pg_stop_args)
    pg_as_owner "${args[@]}" >/dev/null || warn "pg_ctl stop failed (log: $PG_LOG)"
}

# psql as the superuser on database $1 (default postgres); further arguments go to psql.
pg_psql() {
    local db=${1:-postgres}
    shift || true
    PGOPTIONS="-c client_min_messages=warning" PGPASSWORD=$PG_SUPER_PASSWORD "$PG_BIN/psql" -X -q -v ON_ERROR_STOP=1 -h "$PG_SOCKET_DIR" -p "$PG_PORT" \
        -U postgres -d "$db" "$@"
}

pg_ensure_database() {
    pg_psql postgres -v db="$1" <<'SQL'
SELECT format('CREATE DATABASE %I', :'db')
WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = :'db') \gexec
SQL
}

# A LOGIN role and a schema of the same name owned by it, on its search_path; the password is
# (re)set every time, so the secrets file stays the truth.
pg_ensure_service_role() {
    local db=$1 role=$2 password=$3
    pg_psql "$db" -v role="$role" -v pw="$password" -v db="$db" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'role')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'role') \gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'role', :'pw') \gexec
SELECT format('ALTER ROLE %I SET search_path = %I', :'role', :'role') \gexec
SELECT format('CREATE SCHEMA IF NOT EXISTS %I AUTHORIZATION %I', :'role', :'role') \gexec
SELECT format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', :'db', :'role') \gexec
SQL
}

# Keep other roles out of a database unless granted (the service roles get CONNECT above).
pg_restrict_database() {
    pg_psql "$1" -v db="$1" <<'SQL'
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', :'db') \gexec
REVOKE ALL ON SCHEMA public FROM PUBLIC;
SQL
}

# The libpq conninfo of role $2 with password $3 on database $1, over the Unix socket.
pg_conninfo() {
    printf 'host=%s port=%s dbname=%s user=%s password=%s\n' "$PG_SOCKET_DIR" "$PG_PORT" "$1" "$2" "$3"
}
