#!/bin/sh
# Rotate the token-signing key of the compose installation (docker/secrets/signing-key.pem,
# docker/keys/signing.pub.pem). The old public key stays in docker/keys as old-<UTC>.pub.pem:
# every service accepts it (JWT_PUBLIC_KEYS) and auth publishes it in its JWKS
# (AUTH_PUBLISHED_KEYS) until you delete it. Then, as this script prints: restart the verifying
# services first, auth last, and delete the old public key after 6 hours (the longest token
# lifetime), restarting once more. Usage: docker/rotate-keys.sh [base folder]
set -eu
base=${1:-$(cd "$(dirname "$0")" && pwd)}
secrets=$base/secrets
keys=$base/keys
[ -s "$secrets/signing-key.pem" ] || { echo "no $secrets/signing-key.pem: run docker/init-secrets.sh first" >&2; exit 1; }
stamp=$(date -u +%Y%m%dT%H%M%SZ)
[ ! -e "$keys/old-$stamp.pub.pem" ] || { echo "try again in a second" >&2; exit 1; }

umask 077
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$secrets/signing-key.pem.next" 2>/dev/null
openssl pkey -in "$secrets/signing-key.pem" -pubout -out "$keys/old-$stamp.pub.pem"
openssl pkey -in "$secrets/signing-key.pem.next" -pubout -out "$keys/signing.pub.pem.next"
chmod 644 "$keys/old-$stamp.pub.pem" "$keys/signing.pub.pem.next"
# The private key is replaced in place (same inode): compose's file secret is a bind mount of
# the file, which a rename would leave pointing at the old key until the container is recreated.
cat "$secrets/signing-key.pem.next" >"$secrets/signing-key.pem"
rm -f "$secrets/signing-key.pem.next"
mv "$keys/signing.pub.pem.next" "$keys/signing.pub.pem"

cat <<MSG
rotated the signing key; the old public key is $keys/old-$stamp.pub.pem
Now, from docker/:
  docker compose restart portfolio stakeholders contributions monitoring   # accept both keys
  docker compose restart auth                                              # sign with the new key
After 6 hours: rm $keys/old-$stamp.pub.pem and restart the same way.
MSG
