# shellcheck shell=bash
# Signing keys: the current RS256 key pair signing.pem + signing.pub.pem, and the public halves
# of rotated-out keys, old-<UTC timestamp>.pub.pem, still published and accepted until removed.

# Create the RS256 key pair $1/$2.pem + $1/$2.pub.pem unless it exists.
ensure_keypair() {
    local dir=$1 name=$2
    install -d -m 700 "$dir"
    [[ -s $dir/$name.pem && -s $dir/$name.pub.pem ]] && return 0
    (
        umask 077
        openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 \
            -out "$dir/$name.pem.tmp" 2>/dev/null &&
            openssl pkey -in "$dir/$name.pem.tmp" -pubout -out "$dir/$name.pub.pem" &&
            mv "$dir/$name.pem.tmp" "$dir/$name.pem"
    ) || die "could not generate the key $dir/$name.pem"
    chmod 644 "$dir/$name.pub.pem"
}

# The rotated-out public keys of $1, newest first, one path a line.
keys_old_public() {
    local dir=$1 f
    local files=()
    for f in "$dir"/old-*.pub.pem; do
        [[ -f $f ]] && files+=("$f")
    done
    [[ ${#files[@]} -gt 0 ]] || return 0
    printf '%s\n' "${files[@]}" | sort -r
}

# AUTH_PUBLISHED_KEYS: the rotated-out public keys, comma separated (empty when none).
keys_published_spec() {
    keys_old_public "$1" | paste -sd, -
}

# JWT_PUBLIC_KEYS: the current public key, then the rotated-out ones.
keys_public_spec() {
    { printf '%s\n' "$1/signing.pub.pem"; keys_old_public "$1"; } | paste -sd, -
}
