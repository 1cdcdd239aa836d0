/* The signing key, the keys still published (JWKS), and token signing with libjwt. */
#include "keys.h"

#include <errno.h>
#include <jwt.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"
#include "svc/jwt.h"

#define MAX_PEM_BYTES 65536

struct auth_keys {
    char *pem; /* the private key, as given to libjwt for every signature */
    size_t pem_len;
    char *kid;
    char *spec; /* signing key path [, published keys] */
    char *jwks;
    size_t jwks_len;
};

static int fail(char **errmsg, int rc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Set *errmsg (when wanted) and return rc. */
static int fail(char **errmsg, int rc, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (errmsg != NULL && vasprintf(errmsg, fmt, ap) < 0)
        *errmsg = NULL;
    va_end(ap);
    return rc;
}

static int read_file(const char *path, char **out, size_t *len) {
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return SVC_ENOTFOUND;
    char *buf = malloc(MAX_PEM_BYTES + 1);
    size_t n = buf ? fread(buf, 1, MAX_PEM_BYTES + 1, f) : 0;
    int bad = ferror(f) || n == 0 || n > MAX_PEM_BYTES;
    fclose(f);
    if (buf == NULL)
        return SVC_ENOMEM;
    if (bad) {
        free(buf);
        return SVC_EINVAL;
    }
    buf[n] = '\0';
    *out = buf;
    *len = n;
    return SVC_OK;
}

/* 1 when pem holds an RSA private key (what RS256 signs with). */
static int is_rsa_private(const char *pem, size_t len) {
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, NULL, NULL) : NULL;
    int ok =
        key != NULL && EVP_PKEY_get_base_id(key) == EVP_PKEY_RSA && EVP_PKEY_get_bits(key) >= 2048;
    EVP_PKEY_free(key);
    BIO_free(bio);
    return ok;
}

static int load_signing_key(auth_keys *k, const char *path, char **errmsg) {
    int rc = read_file(path, &k->pem, &k->pem_len);
    if (rc == SVC_ENOTFOUND)
        return fail(errmsg, SVC_EINVAL, "AUTH_SIGNING_KEY: cannot open %s", path);
    if (rc != SVC_OK)
        return fail(errmsg, rc, "AUTH_SIGNING_KEY: cannot read %s", path);
    if (!is_rsa_private(k->pem, k->pem_len))
        return fail(errmsg, SVC_EINVAL,
                    "AUTH_SIGNING_KEY: %s holds no RSA private key of at least 2048 bits (PEM)",
                    path);
    if (svc_key_thumbprint(k->pem, k->pem_len, &k->kid) != SVC_OK)
        return fail(errmsg, SVC_EINVAL, "AUTH_SIGNING_KEY: no thumbprint for %s", path);
    return SVC_OK;
}

static int load_published(auth_keys *k, const char *path, const char *published, char **errmsg) {
    svc_keyset *ks = NULL;
    char *why = NULL;
    int n = published && *published ? asprintf(&k->spec, "%s,%s", path, published)
                                    : asprintf(&k->spec, "%s", path);
    if (n < 0) {
        k->spec = NULL;
        return SVC_ENOMEM;
    }
    int rc = svc_keyset_load(&ks, k->spec, &why);
    if (rc != SVC_OK) {
        rc = fail(errmsg, rc, "AUTH_PUBLISHED_KEYS: %s", why ? why : svc_strerror(rc));
        free(why);
        return rc;
    }
    json_t *jwks = svc_keyset_jwks(ks);
    k->jwks = jwks ? json_dumps(jwks, JSON_COMPACT) : NULL;
    k->jwks_len = k->jwks ? strlen(k->jwks) : 0;
    json_decref(jwks);
    svc_keyset_free(ks);
    return k->jwks ? SVC_OK : SVC_ENOMEM;
}

int auth_keys_load(auth_keys **out, const char *signing_path, const char *published,
                   char **errmsg) {
    auth_keys *k = calloc(1, sizeof(*k));
    if (k == NULL)
        return SVC_ENOMEM;
    int rc = load_signing_key(k, signing_path, errmsg);
    if (rc == SVC_OK)
        rc = load_published(k, signing_path, published, errmsg);
    if (rc != SVC_OK) {
        auth_keys_free(k);
        return rc;
    }
    *out = k;
    return SVC_OK;
}

void auth_keys_free(auth_keys *k) {
    if (k == NULL)
        return;
    if (k->pem != NULL)
        OPENSSL_cleanse(k->pem, k->pem_len);
    free(k->pem);
    free(k->kid);
    free(k->spec);
    free(k->jwks);
    free(k);
}

const char *auth_keys_kid(const auth_keys *k) {
    return k->kid;
}

const char *auth_keys_spec(const auth_keys *k) {
    return k->spec;
}

const char *auth_keys_jwks(const auth_keys *k, size_t *len) {
    *len = k->jwks_len;
    return k->jwks;
}

int auth_keys_sign(const auth_keys *k, const json_t *claims, char **token) {
    jwt_t *jwt = NULL;
    char *grants = json_dumps(claims, JSON_COMPACT);
    int rc = grants ? jwt_new(&jwt) : ENOMEM;
    if (rc == 0)
        rc = jwt_add_grants_json(jwt, grants);
    if (rc == 0)
        rc = jwt_add_header(jwt, "typ", "JWT");
    if (rc == 0)
        rc = jwt_add_header(jwt, "kid", k->kid);
    if (rc == 0)
        rc = jwt_set_alg(jwt, JWT_ALG_RS256, (const unsigned char *)k->pem, (int)k->pem_len);
    char *encoded = rc == 0 ? jwt_encode_str(jwt) : NULL;
    jwt_free(jwt);
    free(grants);
    if (encoded == NULL)
        return rc == ENOMEM ? SVC_ENOMEM : SVC_ERR;
    *token = encoded;
    return SVC_OK;
}
