# shellcheck shell=bash
# Shared helpers of the project's scripts: paths, messages, packages, build, ports, HTTP waits,
# secrets and the OpenAPI lint. Sourced by scripts/run, scripts/test, scripts/bench and
# scripts/rotate-keys after they set ROOT (the repository root, an absolute path).

# The Debian 12 packages the scripts and the build need (nodejs/npm are added only when `node`
# is missing: a machine may have a newer Node.js from elsewhere). chromium: the browser of the
# web app's end-to-end tests (tests/e2e; never a downloaded one).
JT_PACKAGES=(build-essential cmake pkg-config libulfius-dev libjansson-dev libpq-dev libjwt-dev
    check libsodium-dev libssl-dev postgresql-15 postgresql-client-15 nginx wrk openssl curl
    ca-certificates iproute2 libmicrohttpd-dev clang-format chromium)

# shellcheck disable=SC2034 # used by pg.sh
PG_BIN=/usr/lib/postgresql/15/bin

info() { printf '==> %s\n' "$*"; }
note() { printf '    %s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
    printf 'error: %s\n' "$*" >&2
    exit 1
}

# Run a command as root: directly when we are root, else through sudo.
as_root() {
    if [[ $EUID -eq 0 ]]; then
        "$@"
    elif command -v sudo >/dev/null 2>&1; then
        sudo "$@"
    else
        die "need root (or sudo) to run: $*"
    fi
}

# Install the missing packages with apt-get; `apt-get update` only when something is missing.
ensure_packages() {
    local missing=() pkg
    for pkg in "${JT_PACKAGES[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed'; then
            missing+=("$pkg")
        fi
    done
    if ! command -v node >/dev/null 2>&1; then
        missing+=(nodejs npm)
    fi
    if [[ ${#missing[@]} -eq 0 ]]; then
        return 0
    fi
    info "installing packages: ${missing[*]}"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
        "${missing[@]}"
}

# Configure and build into $1 with the extra cmake arguments that follow; BUILD_TARGETS (an
# array, empty: everything) limits the build to those targets.
BUILD_TARGETS=()
build_project() {
    local dir=$1
    shift
    info "building into ${dir#"$ROOT"/} ($*)"
    cmake -S "$ROOT" -B "$dir" "$@" >/dev/null || die "cmake configure failed"
    local targets=()
    if [[ ${#BUILD_TARGETS[@]} -gt 0 ]]; then
        local known t
        known=$(cmake --build "$dir" --target help 2>/dev/null) || known=
        for t in "${BUILD_TARGETS[@]}"; do
            if grep -Eq "(^|[ .])$t(:|\$|[ ])" <<<"$known"; then
                targets+=(--target "$t")
            fi
        done
        # None of them exists yet: nothing to build.
        [[ ${#targets[@]} -gt 0 ]] || return 0
    fi
    cmake --build "$dir" -j2 "${targets[@]}" || die "build failed"
}

# Build the web app when frontend/ has one: npm ci (only when the lock changed) && npm run build.
build_frontend() {
    [[ -f $ROOT/frontend/package.json ]] || return 0
    info "building the frontend"
    local stamp=$ROOT/frontend/node_modules/.package-lock.json
    if [[ ! -f $stamp || $ROOT/frontend/package-lock.json -nt $stamp ]]; then
        npm ci --prefix "$ROOT/frontend" --no-audit --no-fund || die "npm ci failed in frontend/"
    fi
    npm run build --prefix "$ROOT/frontend" || die "npm run build failed in frontend/"
}

# A random secret of URL- and shell-safe characters.
random_secret() {
    openssl rand -hex "${1:-24}"
}

# Print the content of secret file $1, creating it (mode 600) with a new random value first when
# it does not exist yet; $2 is the number of random bytes.
secret_file() {
    local file=$1 bytes=${2:-24}
    if [[ ! -s $file ]]; then
        install -d -m 700 "$(dirname "$file")"
        (
            umask 077
            random_secret "$bytes" >"$file.tmp"
            mv "$file.tmp" "$file"
        )
    fi
    cat "$file"
}

port_in_use() {
    ss -Hltn "sport = :$1" 2>/dev/null | grep -q .
}

# Set the variable named $1 to a free TCP port, not handed out before by this function. Ports come
# from 20000-32767, below Linux's ephemeral range (32768-60999), so an outgoing connection of
# this or another program cannot be holding the port when the service binds it.
JT_TAKEN_PORTS=" "
pick_free_port() {
    local -n out_port=$1
    local p=$((20000 + (RANDOM % 12768)))
    local tries
    for ((tries = 0; tries < 2000; tries++, p++)); do
        ((p < 32768)) || p=20000
        if [[ $JT_TAKEN_PORTS != *" $p "* ]] && ! port_in_use "$p"; then
            JT_TAKEN_PORTS+="$p "
            # shellcheck disable=SC2034 # a nameref: sets the caller's variable
            out_port=$p
            return 0
        fi
    done
    die "no free TCP port found"
}

# Die naming the listener when TCP port $1 (used for $2) is taken.
require_free_port() {
    local port=$1 what=$2
    if port_in_use "$port"; then
        ss -Hltnp "sport = :$port" >&2 || true
        die "port $port (for $what) is already in use; is the platform already running?"
    fi
}

# 0 when process $1 exists and is not a zombie.
pid_alive() {
    local state
    [[ -r /proc/$1/stat ]] || return 1
    state=$(cut -d' ' -f3 "/proc/$1/stat" 2>/dev/null) || return 1
    [[ -n $state && $state != Z && $state != X ]]
}

# Wait until GET $1 answers 2xx. $2 timeout in seconds, $3 pid that must stay alive, $4 its log.
wait_http() {
    local url=$1 timeout=$2 pid=$3 log=$4 deadline
    deadline=$((SECONDS + timeout))
    while ((SECONDS < deadline)); do
        if curl -fsS -o /dev/null --max-time 2 "$url" 2>/dev/null; then
            return 0
        fi
        if ! pid_alive "$pid"; then
            show_log_tail "$log"
            die "the process for $url exited before it was ready (log: $log)"
        fi
        sleep 0.2
    done
    show_log_tail "$log"
    die "no answer from $url within ${timeout}s (log: $log)"
}

show_log_tail() {
    local log=$1 lines=${2:-40}
    [[ -f $log ]] || return 0
    printf -- '---- last %s lines of %s ----\n' "$lines" "$log" >&2
    tail -n "$lines" "$log" >&2
    printf -- '---- end of %s ----\n' "$log" >&2
}

# Send signal $2 to pid $1 and wait up to $3 seconds for it to end. Returns 0 when it ended.
stop_pid() {
    local pid=$1 sig=$2 timeout=$3 deadline
    pid_alive "$pid" || return 0
    kill "-$sig" "$pid" 2>/dev/null || true
    deadline=$((SECONDS + timeout))
    while pid_alive "$pid"; do
        ((SECONDS < deadline)) || return 1
        sleep 0.1
    done
    return 0
}

# --- OpenAPI lint (Spectral with the ADR ruleset) ---

SPECTRAL=$ROOT/scripts/tools/node_modules/.bin/spectral
ADR_RULESET=$ROOT/../shared/standards/adr-spectral-ruleset.yaml

ensure_spectral() {
    [[ -x $SPECTRAL ]] && return 0
    info "installing the Spectral CLI (npm ci --prefix scripts/tools)"
    npm ci --prefix "$ROOT/scripts/tools" --ignore-scripts --no-audit --no-fund ||
        die "npm ci failed in scripts/tools"
}

# Lint one OpenAPI document; errors fail, warnings are printed.
lint_openapi() {
    local doc=$1
    [[ -f $ADR_RULESET ]] || die "the ADR ruleset is missing: $ADR_RULESET"
    (cd "$ROOT" && "$SPECTRAL" lint -r "$ADR_RULESET" --fail-severity=error "$doc")
}
