# shellcheck shell=bash
# The one list of the platform's services, and what is special about each.
#
# One line per service: "<name> <port>". The name is the API prefix (/api/<name>/v1), the
# database role and schema, and the binary <build dir>/services/<name>/<name>-service.
# Adding a service is adding its line; a listed service whose binary does not exist yet is
# skipped with a note by every script.
JT_SERVICES=(
    "auth 8081"
)

# --- Seed data hook -------------------------------------------------------------------------
# Services listed here run `<binary> --seed` (load the demo content; must be idempotent) after
# `--migrate`, in scripts/run and scripts/bench only, never in scripts/test. None does yet: the
# domain services (portfolio, stakeholders, contributions, monitoring) add themselves here.
JT_SEED_SERVICES=()
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
