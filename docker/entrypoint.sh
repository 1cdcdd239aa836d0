#!/bin/sh
# Entrypoint of the service images (and, sourced with JT_ENTRYPOINT_LIB=1, of the migration job).
#
# The services read their configuration from environment variables. Secrets come from mounted
# files instead, never from the compose file or the image:
#   <VAR>_FILE=/run/secrets/x  sets <VAR> to the file's content (trailing newlines dropped) for
#                              DATABASE_URL, PGPASSWORD (libpq's password for DATABASE_URL),
#                              CURSOR_SECRET, AUTH_BOOTSTRAP_ADMIN_USERNAME and
#                              AUTH_BOOTSTRAP_ADMIN_PASSWORD; a variable set directly wins.
#   JT_PUBLIC_KEYS_DIR=/run/keys  a folder of public keys: signing.pub.pem (the current signing
#                              key) and old-*.pub.pem (rotated out, still accepted); sets
#                              JWT_PUBLIC_KEYS (all of them) and AUTH_PUBLISHED_KEYS (the old
#                              ones) unless they are set.
set -eu

jt_die() {
    printf '{"level":"error","service":"%s","message":"entrypoint: %s"}\n' "${JT_SERVICE:-?}" "$*" >&2
    exit 1
}

jt_load_files() {
    for var in DATABASE_URL PGPASSWORD CURSOR_SECRET AUTH_BOOTSTRAP_ADMIN_USERNAME \
        AUTH_BOOTSTRAP_ADMIN_PASSWORD; do
        eval "file=\${${var}_FILE:-}; value=\${${var}:-}"
        # shellcheck disable=SC2154 # set by the eval above
        if [ -n "$file" ] && [ -z "$value" ]; then
            [ -r "$file" ] || jt_die "${var}_FILE=$file is not readable by uid $(id -u)"
            value=$(cat "$file")
            export "$var=$value"
        fi
        unset "${var}_FILE"
    done
    if [ -n "${JT_PUBLIC_KEYS_DIR:-}" ]; then
        [ -d "$JT_PUBLIC_KEYS_DIR" ] || jt_die "JT_PUBLIC_KEYS_DIR=$JT_PUBLIC_KEYS_DIR is not a folder"
        old=$(find "$JT_PUBLIC_KEYS_DIR" -maxdepth 1 -name 'old-*.pub.pem' | sort -r | paste -sd, -)
        all=$old
        if [ -f "$JT_PUBLIC_KEYS_DIR/signing.pub.pem" ]; then
            all="$JT_PUBLIC_KEYS_DIR/signing.pub.pem${old:+,$old}"
        fi
        [ -n "${JWT_PUBLIC_KEYS:-}" ] || export JWT_PUBLIC_KEYS="$all"
        [ -n "${AUTH_PUBLISHED_KEYS:-}" ] || [ -z "$old" ] || export AUTH_PUBLISHED_KEYS="$old"
    fi
}

if [ "${JT_ENTRYPOINT_LIB:-0}" = 1 ]; then
    return 0 2>/dev/null || exit 0
fi

[ -n "${JT_SERVICE:-}" ] || jt_die "JT_SERVICE is not set"
jt_load_files
# No argument: serve. --migrate, --seed, --demo: that command, then exit.
exec "/usr/local/bin/$JT_SERVICE-service" "$@"
