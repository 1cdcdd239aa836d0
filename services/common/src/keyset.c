/* Verification keys: PEM files in, kid + alg + public PEM + JWK out.
 *
 * Only RSA (RS256, at least 2048 bits) and EC P-256 (ES256) keys are accepted, the two algorithms
 * the verifier allows. A key's kid is the one given in the spec ("kid=path.pem") or else its
 * RFC 7638 thumbprint, which is also what the auth service puts in the tokens it signs. */
#include <errno.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <sodium.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jwt_internal.h"
#include "svc/error.h"

/* Key files are small; refuse to slurp anything that obviously is not one. */
#define KEY_FILE_MAX_BYTES (256 * 1024)
#define P256_COORD_BYTES   32
#define RSA_MIN_BITS       2048

struct svc_keyset {
    svc_key *keys;
    size_t n;
};

/* The public members of a key as base64url text: n and e, or x and y. */
typedef struct pub_params {
    int is_ec;
    char *a; /* n or x */
    char *b; /* e or y */
} pub_params;

static void set_err(char **errmsg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void set_err(char **errmsg, const char *fmt, ...) {
    va_list ap;

    if (errmsg == NULL || *errmsg != NULL)
        return;
    va_start(ap, fmt);
    if (vasprintf(errmsg, fmt, ap) < 0)
        *errmsg = NULL;
    va_end(ap);
}

static char *b64url(const unsigned char *bin, size_t len) {
    size_t size = sodium_base64_ENCODED_LEN(len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    char *out = malloc(size);

    if (out != NULL)
        sodium_bin2base64(out, size, bin, len, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
    return out;
}

/* Never prompt on the terminal for the pass phrase of an encrypted private key. */
static int no_password(char *buf, int size, int rwflag, void *u) {
    return 0;
}

/* The first public or private key in pem; *more (if not NULL) tells whether another key of
 * the same kind follows it. */
static EVP_PKEY *read_key(const char *pem, size_t len, int private_key, int *more) {
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    EVP_PKEY *pkey, *next;

    if (bio == NULL)
        return NULL;
    pkey = private_key ? PEM_read_bio_PrivateKey(bio, NULL, no_password, NULL)
                       : PEM_read_bio_PUBKEY(bio, NULL, no_password, NULL);
    if (pkey != NULL && more != NULL) {
        next = private_key ? PEM_read_bio_PrivateKey(bio, NULL, no_password, NULL)
                           : PEM_read_bio_PUBKEY(bio, NULL, no_password, NULL);
        *more = next != NULL;
        EVP_PKEY_free(next);
    }
    BIO_free(bio);
    return pkey;
}

/* A public key ("BEGIN PUBLIC KEY") or the public half of a private key. */
static EVP_PKEY *pem_to_pkey(const char *pem, size_t len, int *more) {
    EVP_PKEY *pkey;

    if (len > KEY_FILE_MAX_BYTES)
        return NULL;
    pkey = read_key(pem, len, 0, more);
    if (pkey == NULL)
        pkey = read_key(pem, len, 1, more);
    ERR_clear_error();
    return pkey;
}

/* A big-number parameter as unsigned big-endian base64url, left-padded to pad bytes if pad > 0
 * (JWK EC coordinates have the full field size; RSA n and e have no leading zeros). */
static int bn_param_b64(EVP_PKEY *pkey, const char *name, int pad, char **out) {
    BIGNUM *bn = NULL;
    unsigned char *bin = NULL;
    int size, rc = SVC_ERR;

    *out = NULL;
    if (!EVP_PKEY_get_bn_param(pkey, name, &bn))
        goto done;
    size = pad > 0 ? pad : BN_num_bytes(bn);
    if (size <= 0 || BN_num_bytes(bn) > size)
        goto done;
    rc = SVC_ENOMEM;
    bin = malloc((size_t)size);
    if (bin == NULL || BN_bn2binpad(bn, bin, size) != size)
        goto done;
    *out = b64url(bin, (size_t)size);
    rc = *out != NULL ? SVC_OK : SVC_ENOMEM;
done:
    free(bin);
    BN_free(bn);
    ERR_clear_error();
    return rc;
}

static void pub_params_clear(pub_params *pp) {
    free(pp->a);
    free(pp->b);
    pp->a = pp->b = NULL;
}

static int ec_params(EVP_PKEY *pkey, const char *label, pub_params *pp, char **errmsg) {
    char group[64] = "";
    int rc;

    if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, group, sizeof(group),
                                        NULL) ||
        strcmp(group, "prime256v1") != 0) {
        ERR_clear_error();
        set_err(errmsg, "%s: EC curve %s is not supported (only P-256 for ES256)", label,
                group[0] ? group : "(unknown)");
        return SVC_EINVAL;
    }
    pp->is_ec = 1;
    rc = bn_param_b64(pkey, OSSL_PKEY_PARAM_EC_PUB_X, P256_COORD_BYTES, &pp->a);
    if (rc == SVC_OK)
        rc = bn_param_b64(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, P256_COORD_BYTES, &pp->b);
    return rc;
}

static int rsa_params(EVP_PKEY *pkey, const char *label, pub_params *pp, char **errmsg) {
    int rc;

    if (EVP_PKEY_get_bits(pkey) < RSA_MIN_BITS) {
        set_err(errmsg, "%s: RSA key of %d bits is too short (at least %d)", label,
                EVP_PKEY_get_bits(pkey), RSA_MIN_BITS);
        return SVC_EINVAL;
    }
    pp->is_ec = 0;
    rc = bn_param_b64(pkey, OSSL_PKEY_PARAM_RSA_N, 0, &pp->a);
    if (rc == SVC_OK)
        rc = bn_param_b64(pkey, OSSL_PKEY_PARAM_RSA_E, 0, &pp->b);
    return rc;
}

static int pub_params_get(EVP_PKEY *pkey, const char *label, pub_params *pp, char **errmsg) {
    int rc;

    /* EVP_PKEY_is_a(pkey, "RSA") is false for RSA-PSS keys, which RS256 must not use. */
    if (EVP_PKEY_is_a(pkey, "RSA"))
        rc = rsa_params(pkey, label, pp, errmsg);
    else if (EVP_PKEY_is_a(pkey, "EC"))
        rc = ec_params(pkey, label, pp, errmsg);
    else {
        set_err(errmsg, "%s: key type %s is not supported (only RSA and EC P-256)", label,
                EVP_PKEY_get0_type_name(pkey) ? EVP_PKEY_get0_type_name(pkey) : "(unknown)");
        return SVC_EINVAL;
    }
    if (rc == SVC_ERR)
        set_err(errmsg, "%s: cannot read the public key parameters", label);
    if (rc != SVC_OK)
        pub_params_clear(pp);
    return rc;
}

/* RFC 7638: SHA-256 over the required members in lexicographic order, no whitespace. The
 * values are base64url, so they need no JSON escaping. */
static int thumbprint(const pub_params *pp, char **kid) {
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int md_len = 0;
    char *canon = NULL;
    int len;

    *kid = NULL;
    if (pp->is_ec)
        len = asprintf(&canon, "{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"%s\",\"y\":\"%s\"}",
                       pp->a, pp->b);
    else
        len = asprintf(&canon, "{\"e\":\"%s\",\"kty\":\"RSA\",\"n\":\"%s\"}", pp->b, pp->a);
    if (len < 0)
        return SVC_ENOMEM;
    if (!EVP_Digest(canon, (size_t)len, md, &md_len, EVP_sha256(), NULL)) {
        free(canon);
        ERR_clear_error();
        return SVC_ERR;
    }
    free(canon);
    *kid = b64url(md, md_len);
    return *kid != NULL ? SVC_OK : SVC_ENOMEM;
}

int svc_key_thumbprint(const char *pem, size_t len, char **kid) {
    pub_params pp = {0};
    EVP_PKEY *pkey;
    int rc;

    if (kid == NULL)
        return SVC_EINVAL;
    *kid = NULL;
    if (pem == NULL)
        return SVC_EINVAL;
    pkey = pem_to_pkey(pem, len, NULL);
    if (pkey == NULL)
        return SVC_EINVAL;
    rc = pub_params_get(pkey, "key", &pp, NULL);
    if (rc == SVC_OK)
        rc = thumbprint(&pp, kid);
    pub_params_clear(&pp);
    EVP_PKEY_free(pkey);
    return rc;
}

static int read_file(const char *path, char **buf, size_t *len, char **errmsg) {
    FILE *f = fopen(path, "rb");
    size_t n;

    *buf = NULL;
    if (f == NULL) {
        set_err(errmsg, "key file %s: %s", path, strerror(errno));
        return SVC_EINVAL;
    }
    *buf = malloc(KEY_FILE_MAX_BYTES + 1);
    if (*buf == NULL) {
        fclose(f);
        return SVC_ENOMEM;
    }
    n = fread(*buf, 1, KEY_FILE_MAX_BYTES + 1, f);
    if (ferror(f) || n > KEY_FILE_MAX_BYTES) {
        set_err(errmsg, "key file %s: %s", path, ferror(f) ? "read error" : "too large");
        fclose(f);
        free(*buf);
        *buf = NULL;
        return SVC_EINVAL;
    }
    fclose(f);
    (*buf)[n] = '\0';
    *len = n;
    return SVC_OK;
}

static int public_pem(EVP_PKEY *pkey, char **pem, size_t *len) {
    BIO *bio = BIO_new(BIO_s_mem());
    char *data = NULL;
    long n;
    int rc = SVC_ENOMEM;

    *pem = NULL;
    if (bio == NULL || !PEM_write_bio_PUBKEY(bio, pkey))
        goto done;
    n = BIO_get_mem_data(bio, &data);
    if (n <= 0 || (*pem = strndup(data, (size_t)n)) == NULL)
        goto done;
    *len = (size_t)n;
    rc = SVC_OK;
done:
    BIO_free(bio);
    ERR_clear_error();
    return rc;
}

static void key_clear(svc_key *key) {
    free(key->kid);
    free(key->pem);
    json_decref(key->jwk);
    memset(key, 0, sizeof(*key));
}

static int key_jwk(svc_key *key, const pub_params *pp) {
    if (pp->is_ec)
        key->jwk =
            json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:s}", "kty", "EC", "crv", "P-256", "kid",
                      key->kid, "use", "sig", "alg", key->alg, "x", pp->a, "y", pp->b);
    else
        key->jwk = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s}", "kty", "RSA", "kid", key->kid, "use",
                             "sig", "alg", key->alg, "n", pp->a, "e", pp->b);
    return key->jwk != NULL ? SVC_OK : SVC_ENOMEM;
}

/* Fill key from a parsed key; kid NULL means "use the thumbprint". */
static int key_build(EVP_PKEY *pkey, const char *kid, const char *label, svc_key *key,
                     char **errmsg) {
    pub_params pp = {0};
    int rc = pub_params_get(pkey, label, &pp, errmsg);

    if (rc != SVC_OK)
        return rc;
    key->alg = pp.is_ec ? "ES256" : "RS256";
    key->jwt_alg = pp.is_ec ? JWT_ALG_ES256 : JWT_ALG_RS256;
    if (kid != NULL)
        rc = (key->kid = strdup(kid)) != NULL ? SVC_OK : SVC_ENOMEM;
    else
        rc = thumbprint(&pp, &key->kid);
    if (rc == SVC_OK)
        rc = public_pem(pkey, &key->pem, &key->pem_len);
    if (rc == SVC_OK)
        rc = key_jwk(key, &pp);
    pub_params_clear(&pp);
    if (rc != SVC_OK)
        key_clear(key);
    return rc;
}

static int key_load_file(const char *path, const char *kid, svc_key *key, char **errmsg) {
    char *pem = NULL;
    size_t len = 0;
    EVP_PKEY *pkey;
    int more = 0;
    int rc = read_file(path, &pem, &len, errmsg);

    if (rc != SVC_OK)
        return rc;
    pkey = pem_to_pkey(pem, len, &more);
    free(pem);
    if (pkey == NULL) {
        set_err(errmsg, "key file %s: no PEM public or (unencrypted) private key found", path);
        return SVC_EINVAL;
    }
    /* E.g. a whole JWKS converted at once: silently using only its first key would reject
     * every token signed with the others, so say so. */
    if (more) {
        EVP_PKEY_free(pkey);
        set_err(errmsg, "key file %s holds more than one key; give each key its own file", path);
        return SVC_EINVAL;
    }
    rc = key_build(pkey, kid, path, key, errmsg);
    EVP_PKEY_free(pkey);
    return rc;
}

static char *trim(char *s) {
    char *end;

    while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
        s++;
    end = s + strlen(s);
    while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\n' || end[-1] == '\r'))
        *--end = '\0';
    return s;
}

/* Add a key, or drop it when the same key is already there under the same kid (a key listed
 * twice is harmless); a kid naming two different keys is a configuration error. */
static int keyset_add(svc_keyset *ks, svc_key *key, char **errmsg) {
    const svc_key *old = svc_keyset_find(ks, key->kid);
    svc_key *keys;

    if (old != NULL) {
        int same = json_equal(old->jwk, key->jwk);

        if (!same)
            set_err(errmsg, "key id %s is used for two different keys", key->kid);
        key_clear(key);
        return same ? SVC_OK : SVC_EINVAL;
    }
    keys = realloc(ks->keys, (ks->n + 1) * sizeof(*keys));
    if (keys == NULL) {
        key_clear(key);
        return SVC_ENOMEM;
    }
    ks->keys = keys;
    ks->keys[ks->n++] = *key;
    return SVC_OK;
}

/* One spec entry: "path.pem" or "kid=path.pem" (the kid ends at the first '='). */
static int keyset_add_entry(svc_keyset *ks, char *entry, char **errmsg) {
    char *eq = strchr(entry, '=');
    const char *kid = NULL, *path = entry;
    svc_key key = {0};
    int rc;

    if (eq != NULL) {
        *eq = '\0';
        kid = trim(entry);
        path = trim(eq + 1);
        if (*kid == '\0') {
            set_err(errmsg, "key entry \"=%s\": empty key id", path);
            return SVC_EINVAL;
        }
    }
    if (*path == '\0') {
        set_err(errmsg, "key entry for kid %s: empty path", kid ? kid : "");
        return SVC_EINVAL;
    }
    rc = key_load_file(path, kid, &key, errmsg);
    if (rc == SVC_OK)
        rc = keyset_add(ks, &key, errmsg);
    return rc;
}

int svc_keyset_load(svc_keyset **out, const char *spec, char **errmsg) {
    svc_keyset *ks;
    char *copy, *entry, *next;
    int rc = SVC_OK;

    if (errmsg != NULL)
        *errmsg = NULL;
    if (out == NULL)
        return SVC_EINVAL;
    *out = NULL;
    ks = calloc(1, sizeof(*ks));
    copy = strdup(spec != NULL ? spec : "");
    if (ks == NULL || copy == NULL) {
        free(ks);
        free(copy);
        return SVC_ENOMEM;
    }
    for (entry = copy; rc == SVC_OK && entry != NULL; entry = next) {
        next = strchr(entry, ',');
        if (next != NULL)
            *next++ = '\0';
        entry = trim(entry);
        if (*entry != '\0')
            rc = keyset_add_entry(ks, entry, errmsg);
    }
    free(copy);
    if (rc != SVC_OK) {
        svc_keyset_free(ks);
        return rc;
    }
    *out = ks;
    return SVC_OK;
}

void svc_keyset_free(svc_keyset *ks) {
    if (ks == NULL)
        return;
    for (size_t i = 0; i < ks->n; i++)
        key_clear(&ks->keys[i]);
    free(ks->keys);
    free(ks);
}

size_t svc_keyset_count(const svc_keyset *ks) {
    return ks != NULL ? ks->n : 0;
}

const svc_key *svc_keyset_at(const svc_keyset *ks, size_t i) {
    return ks != NULL && i < ks->n ? &ks->keys[i] : NULL;
}

const svc_key *svc_keyset_find(const svc_keyset *ks, const char *kid) {
    for (size_t i = 0; ks != NULL && kid != NULL && i < ks->n; i++)
        if (strcmp(ks->keys[i].kid, kid) == 0)
            return &ks->keys[i];
    return NULL;
}

json_t *svc_keyset_jwks(const svc_keyset *ks) {
    json_t *keys = json_array();

    for (size_t i = 0; keys != NULL && ks != NULL && i < ks->n; i++)
        if (json_array_append_new(keys, json_deep_copy(ks->keys[i].jwk)) != 0) {
            json_decref(keys);
            return NULL;
        }
    return json_pack("{s:o}", "keys", keys); /* steals keys, also on failure */
}
