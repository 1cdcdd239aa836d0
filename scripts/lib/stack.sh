# shellcheck shell=bash
# Starting and stopping the services, and the whole local stack of scripts/run and scripts/bench.
#
# The caller sets: BUILD_DIR, STATE_DIR (pid files go to $STATE_DIR/run), LOG_DIR, SECRETS_DIR,
# KEYS_DIR, ADMIN_PASSWORD, STACK_ENV (the environment every service gets) and SVC_PORT[name];
# PostgreSQL is set up with pg_setup (scripts/lib/pg.sh).

DB_NAME=jeugdhulp
READY_TIMEOUT=${READY_TIMEOUT:-60}
STACK_SEED=0 # 1: run `--seed` for the services of JT_SEED_SERVICES
STACK_DEMO=0 # 1: run `--demo` for the services of JT_DEMO_SERVICES
STACK_ENV=()
STARTED_SERVICES=()
declare -A SVC_PORT=() SVC_PID=() SVC_RESULT=()

stack_default_ports() {
    local name
    for name in $(service_names); do
        SVC_PORT[$name]=$(service_default_port "$name")
    done
}

# The database, and a role + schema for every listed service (built or not yet).
stack_create_roles() {
    local name
    pg_ensure_database "$DB_NAME"
    pg_restrict_database "$DB_NAME"
    for name in $(service_names); do
        pg_ensure_service_role "$DB_NAME" "$name" "$(secret_file "$SECRETS_DIR/db-$name" 24)"
    done
}

# The gateway's "name:port" list of every listed service.
stack_routes() {
    local name routes=()
    for name in $(service_names); do
        routes+=("$name:${SVC_PORT[$name]}")
    done
    printf '%s\n' "${routes[*]}"
}

# Stop a service of the same binary left running by an earlier, killed run.
service_stop_stale() {
    local name=$1 bin=$2 pidfile=$STATE_DIR/run/$1.pid pid args
    [[ -f $pidfile ]] || return 0
    pid=$(cat "$pidfile" 2>/dev/null) || return 0
    if [[ $pid =~ ^[0-9]+$ ]] && pid_alive "$pid"; then
        # argv[0], or argv[1] under an interpreter
        args=$(tr '\0' '\n' <"/proc/$pid/cmdline" 2>/dev/null | head -n 2) || true
        if [[ $'\n'$args$'\n' == *$'\n'"$bin"$'\n'* ]]; then
            info "stopping $name left running by an earlier run (pid $pid)"
            stop_pid "$pid" TERM 10 || stop_pid "$pid" KILL 5 || true
        fi
    fi
    rm -f "$pidfile"
}

# Migrate (and seed when asked), start in the background from $ROOT, wait until ready.
service_start() {
    local name=$1 bin port log pid
    bin=$(service_binary "$BUILD_DIR" "$name")
    if [[ ! -x $bin ]]; then
        note "skipping $name: ${bin#"$ROOT"/} does not exist yet"
        return 0
    fi
    port=${SVC_PORT[$name]}
    log=$LOG_DIR/$name.log
    install -d -m 755 "$LOG_DIR" "$STATE_DIR/run"
    service_stop_stale "$name" "$bin"
    require_free_port "$port" "the $name service"

    local env=("${STACK_ENV[@]}" "SVC_PORT=$port"
        "DATABASE_URL=$(pg_conninfo "$DB_NAME" "$name" "$(secret_file "$SECRETS_DIR/db-$name")")")
    service_env env "$name"

    info "migrating $name"
    if ! (cd "$ROOT" && exec env "${env[@]}" "$bin" --migrate) >>"$log" 2>&1; then
        show_log_tail "$log"
        die "the migration of $name failed (log: $log)"
    fi
    if [[ $STACK_SEED == 1 ]] && service_wants_seed "$name"; then
        info "loading the seed data of $name"
        if ! (cd "$ROOT" && exec env "${env[@]}" "$bin" --seed) >>"$log" 2>&1; then
            show_log_tail "$log"
            die "loading the seed data of $name failed (log: $log)"
        fi
    fi
    if [[ $STACK_DEMO == 1 ]] && service_wants_demo "$name"; then
        info "loading the synthetic demo data of $name"
        if ! (cd "$ROOT" && exec env "${env[@]}" "$bin" --demo) >>"$log" 2>&1; then
            show_log_tail "$log"
            die "loading the demo data of $name failed (log: $log)"
        fi
    fi

    info "starting $name on 127.0.0.1:$port"
    # A session of its own: Ctrl-C reaches only the script, which stops everything in order.
    (cd "$ROOT" && exec setsid env "${env[@]}" "$bin") >>"$log" 2>&1 &
    pid=$!
    SVC_PID[$name]=$pid
    STARTED_SERVICES+=("$name")
    printf '%s\n' "$pid" >"$STATE_DIR/run/$name.pid"
    wait_http "http://127.0.0.1:$port/api/$name/v1/health/ready" "$READY_TIMEOUT" "$pid" "$log"
}

services_start() {
    local name
    for name in $(service_names); do
        service_start "$name"
    done
}

# SIGTERM to every started service at once, then wait up to 10 s for each. SVC_RESULT[name]
# gets the exit code, or "timeout" (then it is killed); scripts/test reads it.
# shellcheck disable=SC2034
services_stop() {
    local name pid rc deadline
    [[ ${#STARTED_SERVICES[@]} -gt 0 ]] || return 0
    for name in "${STARTED_SERVICES[@]}"; do
        kill -TERM "${SVC_PID[$name]}" 2>/dev/null || true
    done
    deadline=$((SECONDS + 10))
    for name in "${STARTED_SERVICES[@]}"; do
        pid=${SVC_PID[$name]}
        while pid_alive "$pid" && ((SECONDS < deadline)); do
            sleep 0.1
        done
        if pid_alive "$pid"; then
            warn "$name did not stop within 10 s after SIGTERM; killing it"
            kill -KILL "$pid" 2>/dev/null || true
            wait "$pid" 2>/dev/null || true
            SVC_RESULT[$name]=timeout
        else
            rc=0
            wait "$pid" 2>/dev/null || rc=$?
            SVC_RESULT[$name]=$rc
        fi
        rm -f "$STATE_DIR/run/$name.pid"
    done
    STARTED_SERVICES=()
}

# --- The local stack of scripts/run and scripts/bench (state in $ROOT/.local) ---

local_stack_vars() {
    STATE_DIR=$ROOT/.local
    BUILD_DIR=$ROOT/build
    LOG_DIR=$STATE_DIR/logs
    SECRETS_DIR=$STATE_DIR/secrets
    KEYS_DIR=$STATE_DIR/keys
    GW_PREFIX=$STATE_DIR/nginx
    GW_PORT=${JT_GATEWAY_PORT:-8080}
    LOCAL_PG_PORT=${JT_PG_PORT:-55432}
    [[ $LOCAL_PG_PORT != 5432 ]] || die "JT_PG_PORT=5432 is the machine's own PostgreSQL; choose another port"
}

# The state directory: root-owned checkouts are fine, the cluster's part belongs to its owner.
local_stack_prepare() {
    install -d -m 755 "$STATE_DIR" "$STATE_DIR/run" "$LOG_DIR"
    install -d -m 700 "$SECRETS_DIR"
    ensure_keypair "$KEYS_DIR" signing
    # shellcheck disable=SC2034 # read by service_env (services.sh)
    ADMIN_PASSWORD=$(secret_file "$SECRETS_DIR/admin-password" 12)
    pg_setup "$STATE_DIR/pg" "$LOCAL_PG_PORT" "$SECRETS_DIR/pg-superuser"
}

# Make this script the one that runs the local stack: refuse when another live scripts/run or
# scripts/bench does, so that the stale-process cleanup below never touches a running platform.
LOCAL_STACK_CLAIMED=0
local_stack_claim() {
    local owner=$STATE_DIR/run/owner.pid pid
    install -d -m 755 "$STATE_DIR/run"
    if [[ -f $owner ]]; then
        pid=$(cat "$owner" 2>/dev/null) || pid=
        if [[ $pid =~ ^[0-9]+$ && $pid != "$$" ]] && pid_alive "$pid" &&
            [[ $(readlink "/proc/$pid/exe" 2>/dev/null) == */bash ]]; then
            die "the platform is already running (pid $pid); stop that one first"
        fi
    fi
    printf '%s\n' "$$" >"$owner"
    LOCAL_STACK_CLAIMED=1
}

# Processes of an earlier run that was killed (pid files in .local): services, gateway.
local_stack_stop_stale() {
    local name
    for name in $(service_names); do
        service_stop_stale "$name" "$(service_binary "$BUILD_DIR" "$name")"
    done
    gateway_stop_stale "$GW_PREFIX"
}

local_stack_up() {
    ensure_packages
    local_stack_prepare
    local_stack_claim
    # Only the service binaries: the tests are built (with sanitizers) by scripts/test.
    local name
    BUILD_TARGETS=()
    for name in $(service_names); do
        BUILD_TARGETS+=("$name-service")
    done
    build_project "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release
    build_frontend
    local_stack_stop_stale
    require_free_port "$GW_PORT" "the gateway"
    pg_init
    pg_start
    stack_create_roles
    STACK_ENV=(
        "SVC_BIND_ADDRESS=127.0.0.1"
        "JWT_ISSUER=http://localhost:$GW_PORT/api/auth/v1"
        "JWT_AUDIENCE=jeugdhulp-twente"
        "CURSOR_SECRET=$(secret_file "$SECRETS_DIR/cursor-secret" 32)"
    )
    stack_default_ports
    services_start
    gateway_render "$GW_PREFIX" "$GW_PORT" "$(stack_routes)"
    gateway_start "$GW_PREFIX" "$GW_PORT"
}

# Services first (waited for), then the gateway, then PostgreSQL: only what this script owns.
local_stack_down() {
    services_stop
    gateway_stop
    if ((LOCAL_STACK_CLAIMED)); then
        pg_stop
        rm -f "$STATE_DIR/run/owner.pid"
        LOCAL_STACK_CLAIMED=0
    fi
}
