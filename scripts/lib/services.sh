# shellcheck shell=bash
# The one list of the platform's services, and what is special about each.
#
# One line per service: "<name> <port>". The name is the API prefix (/api/<name>/v1), the
# database role and schema, and the binary <build dir>/services/<name>/<name>-service.
# Adding a service is adding its line; a listed service whose binary does not exist yet is
# skipped with a note by every script.
JT_SERVICES=(
    "auth 8081"
    "portfolio 8082"
    "stakeholders 8083"
    "contributions 8084"
    "monitoring 8085"
)

# --- Seed and demo data hooks ---------------------------------------------------------------
# Services listed in JT_SEED_SERVICES run `<binary> --seed` after `--migrate`: the agenda content
# and reference data from ../shared (idempotent; in scripts/run, scripts/bench and scripts/test).
# Services listed in JT_DEMO_SERVICES then run `<binary> --demo`: the clearly labelled synthetic
# demo set (idempotent; scripts/run and scripts/bench only, and `scripts/run --no-demo` skips it),
# kept apart so that a production installation loads the agenda without the demo.
JT_SEED_SERVICES=(portfolio stakeholders contributions monitoring)
JT_DEMO_SERVICES=(contributions monitoring)
# ----------------------------------------------------------------------------------------------

service_names() {
    local line
    for line in "${JT_SERVICES[@]}"; do
        printf '%s\n' "${line%% *}"
    done
}

service_default_port() {
    local line
    for line in "${JT_SERVICES[@]}"; do
        if [[ ${line%% *} == "$1" ]]; then
            printf '%s\n' "${line##* }"
            return 0
        fi
    done
    return 1
}

service_binary() {
    local build_dir=$1 name=$2
    printf '%s\n' "$build_dir/services/$name/$name-service"
}

service_wants_demo() {
    local s
    for s in "${JT_DEMO_SERVICES[@]}"; do
        [[ $s == "$1" ]] && return 0
    done
    return 1
}

service_wants_seed() {
    local s
    for s in "${JT_SEED_SERVICES[@]}"; do
        [[ $s == "$1" ]] && return 0
    done
    return 1
}

# Append the service-specific environment of service $2 to the array named $1. Reads KEYS_DIR,
# ADMIN_PASSWORD and the key lists built by keys_public_spec / keys_published_spec.
service_env() {
    local -n env_out=$1
    local published
    case $2 in
        auth)
            env_out+=(
                "AUTH_SIGNING_KEY=$KEYS_DIR/signing.pem"
                "AUTH_BOOTSTRAP_ADMIN_USERNAME=admin"
                "AUTH_BOOTSTRAP_ADMIN_PASSWORD=$ADMIN_PASSWORD"
            )
            published=$(keys_published_spec "$KEYS_DIR")
            if [[ -n $published ]]; then
                env_out+=("AUTH_PUBLISHED_KEYS=$published")
            fi
            ;;
        *)
            env_out+=("JWT_PUBLIC_KEYS=$(keys_public_spec "$KEYS_DIR")")
            ;;
    esac
}
