#!/bin/sh
# Create the secret files and the signing key pair the compose file mounts, once (existing
# files are kept):
#   docker/secrets/pg-superuser, db-<service> (one per service), cursor-secret, admin-password
#   docker/secrets/signing-key.pem          the RS256 private key (auth only)
#   docker/keys/signing.pub.pem             its public half (every service), + old-*.pub.pem
#                                           after a rotation (docker/rotate-keys.sh)
# secrets/ is mode 700 (only root on the host gets in); the files in it are mode 644, since
# compose mounts each file on its own into the containers, whose users differ (postgres 999,
# the services 10001). The folders are git-ignored (docker/.gitignore).
# Usage: docker/init-secrets.sh [base folder]
set -eu
base=${1:-$(cd "$(dirname "$0")" && pwd)}
secrets=$base/secrets
keys=$base/keys
services=${JT_SERVICES:-auth portfolio stakeholders contributions monitoring}

umask 077
mkdir -p "$secrets" "$keys"

own() {
    chmod 644 "$1"
}

secret() { # secret <file> <random bytes>
    if [ ! -s "$1" ]; then
        openssl rand -hex "$2" >"$1.tmp" && mv "$1.tmp" "$1"
        echo "created ${1#"$base"/}"
    fi
    own "$1"
}

secret "$secrets/pg-superuser" 24
for s in $services; do
    secret "$secrets/db-$s" 24
done
secret "$secrets/cursor-secret" 32
secret "$secrets/admin-password" 12

if [ ! -s "$secrets/signing-key.pem" ]; then
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$secrets/signing-key.pem.tmp" 2>/dev/null
    mv "$secrets/signing-key.pem.tmp" "$secrets/signing-key.pem"
    rm -f "$keys/signing.pub.pem"
    echo "created ${secrets#"$base"/}/signing-key.pem"
fi
own "$secrets/signing-key.pem"
if [ ! -s "$keys/signing.pub.pem" ]; then
    openssl pkey -in "$secrets/signing-key.pem" -pubout -out "$keys/signing.pub.pem"
fi
chmod 755 "$keys"
chmod 644 "$keys"/*.pub.pem
chmod 700 "$secrets"
