/* Bearer-token verification (see svc/jwt.h for the rules).
 *
 * libjwt 1.10 takes the algorithm from the token and checks no claim, so the header is decoded
 * and judged here first (alg, typ, kid, crit), the key is chosen by kid and must match the
 * header's algorithm, and only then does jwt_decode() check the signature with that key's
 * public PEM. The claims are then read from the same, now verified, payload bytes. */
#include <errno.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <sodium.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jwt_internal.h"
#include "svc/error.h"

/* Real access tokens are well under 2 KiB; anything much larger is not worth parsing. */
#define TOKEN_MAX_BYTES 8192

struct svc_verifier {
    char *issuer;
    char *audience;
    unsigned int leeway_s;
    svc_keyset *keys;
    svc_token_cache *cache; /* NULL when disabled */
};

/* The three base64url segments of a compact JWS. */
typedef struct token_parts {
    const char *header;
    size_t header_len;
    const char *payload;
    size_t payload_len;
} token_parts;

static int set_errmsg(char **errmsg, const char *msg) {
    if (errmsg != NULL && *errmsg == NULL)
        *errmsg = strdup(msg);
    return SVC_EINVAL;
}

int svc_verifier_new(svc_verifier **out, const svc_verifier_opts *opts, char **errmsg) {
    svc_verifier *v;
    int rc;

    if (errmsg != NULL)
        *errmsg = NULL;
    if (out == NULL || opts == NULL)
        return SVC_EINVAL;
    *out = NULL;
    if (opts->issuer == NULL || *opts->issuer == '\0')
        return set_errmsg(errmsg, "no JWT issuer configured");
    if (opts->audience == NULL || *opts->audience == '\0')
        return set_errmsg(errmsg, "no JWT audience configured");
    v = calloc(1, sizeof(*v));
    if (v == NULL)
        return SVC_ENOMEM;
    v->leeway_s = opts->leeway_s;
    v->issuer = strdup(opts->issuer);
    v->audience = strdup(opts->audience);
    rc = v->issuer != NULL && v->audience != NULL ? SVC_OK : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = svc_keyset_load(&v->keys, opts->public_keys, errmsg);
    if (rc == SVC_OK)
        rc = svc_token_cache_new(opts->cache_capacity, &v->cache);
    if (rc != SVC_OK) {
        svc_verifier_free(v);
        return rc;
    }
    *out = v;
    return SVC_OK;
}

void svc_verifier_free(svc_verifier *v) {
    if (v == NULL)
        return;
    svc_token_cache_free(v->cache);
    svc_keyset_free(v->keys);
    free(v->issuer);
    free(v->audience);
    free(v);
}

static int is_b64url_char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
}

/* header.payload.signature in base64url, header and payload non-empty (no JWE, whose five
 * parts fail here). An empty signature is left for the header check to call "none" out and
 * for jwt_decode() to reject. */
static int split(const char *token, size_t len, token_parts *parts) {
    const char *dots[2];
    size_t n_dots = 0;

    for (size_t i = 0; i < len; i++) {
        if (token[i] == '.') {
            if (n_dots == 2)
                return SVC_EAUTH;
            dots[n_dots++] = token + i;
        } else if (!is_b64url_char(token[i]))
            return SVC_EAUTH;
    }
    if (n_dots != 2 || dots[0] == token || dots[1] == dots[0] + 1)
        return SVC_EAUTH;
    parts->header = token;
    parts->header_len = (size_t)(dots[0] - token);
    parts->payload = dots[0] + 1;
    parts->payload_len = (size_t)(dots[1] - parts->payload);
    return SVC_OK;
}

/* A base64url segment holding a JSON object (duplicate members rejected: two readers must
 * never see two different values), or NULL. */
static json_t *decode_object(const char *b64, size_t len) {
    size_t max = len / 4 * 3 + 3, bin_len = 0;
    unsigned char *bin = malloc(max);
    json_t *obj = NULL;

    if (bin != NULL && sodium_base642bin(bin, max, b64, len, NULL, &bin_len, NULL,
                                         sodium_base64_VARIANT_URLSAFE_NO_PADDING) == 0)
        obj = json_loadb((const char *)bin, bin_len, JSON_REJECT_DUPLICATES, NULL);
    free(bin);
    if (obj != NULL && !json_is_object(obj)) {
        json_decref(obj);
        obj = NULL;
    }
    return obj;
}

/* On SVC_OK, *alg is "RS256" or "ES256" and *kid the header's kid or NULL (both borrowed). */
static int check_header(const json_t *header, const char **alg, const char **kid,
                        const char **reason) {
    const json_t *typ = json_object_get(header, "typ");
    const json_t *kid_v = json_object_get(header, "kid");

    *alg = json_string_value(json_object_get(header, "alg"));
    if (*alg == NULL) {
        *reason = "malformed token";
        return SVC_EAUTH;
    }
    if (strcmp(*alg, "RS256") != 0 && strcmp(*alg, "ES256") != 0) {
        *reason = "algorithm not allowed";
        return SVC_EAUTH;
    }
    if (typ != NULL && (!json_is_string(typ) || strcmp(json_string_value(typ), "JWT") != 0)) {
        *reason = "token type not allowed";
        return SVC_EAUTH;
    }
    if (kid_v != NULL && !json_is_string(kid_v)) {
        *reason = "malformed token";
        return SVC_EAUTH;
    }
    /* RFC 7515 4.1.11: a token with extensions the recipient must understand is rejected. */
    if (json_object_get(header, "crit") != NULL) {
        *reason = "unsupported critical header";
        return SVC_EAUTH;
    }
    *kid = json_string_value(kid_v);
    return SVC_OK;
}

static int try_key(const svc_key *key, const char *token, const char **reason) {
    jwt_t *jwt = NULL;
    int err = jwt_decode(&jwt, token, (const unsigned char *)key->pem, (int)key->pem_len);
    int same_alg = err == 0 && jwt != NULL && jwt_get_alg(jwt) == key->jwt_alg;

    jwt_free(jwt);
    ERR_clear_error(); /* libjwt leaves OpenSSL's error queue as it was on failure */
    if (err == ENOMEM)
        return SVC_ENOMEM;
    if (err != 0 || jwt == NULL) {
        *reason = "bad signature";
        return SVC_EAUTH;
    }
    if (!same_alg) {
        *reason = "algorithm not allowed";
        return SVC_EAUTH;
    }
    return SVC_OK;
}

/* With a kid, only that key, whose algorithm must be the header's; without one, every key of
 * the header's algorithm (an IdP that omits kid usually has one key). */
static int check_signature(const svc_verifier *v, const char *token, const char *alg,
                           const char *kid, const char **reason) {
    const svc_key *key = svc_keyset_find(v->keys, kid);
    int rc = SVC_EAUTH;

    if (kid != NULL) {
        if (key == NULL) {
            *reason = "unknown key id";
            return SVC_EAUTH;
        }
        if (strcmp(key->alg, alg) != 0) {
            *reason = "algorithm not allowed";
            return SVC_EAUTH;
        }
        return try_key(key, token, reason);
    }
    *reason = "no key for algorithm";
    for (size_t i = 0; i < svc_keyset_count(v->keys) && rc == SVC_EAUTH; i++) {
        key = svc_keyset_at(v->keys, i);
        if (strcmp(key->alg, alg) == 0)
            rc = try_key(key, token, reason);
    }
    return rc;
}

static int audience_ok(const json_t *aud, const char *audience) {
    size_t i;
    const json_t *item;

    if (json_is_string(aud))
        return strcmp(json_string_value(aud), audience) == 0;
    json_array_foreach(aud, i, item) {
        if (json_is_string(item) && strcmp(json_string_value(item), audience) == 0)
            return 1;
    }
    return 0;
}

static int check_times(const svc_verifier *v, const json_t *claims, long long now,
                       const char **reason) {
    long long exp = 0, nbf = 0, iat = 0;
    int has_exp = svc_claim_time(claims, "exp", &exp);
    int has_nbf = svc_claim_time(claims, "nbf", &nbf);
    int has_iat = svc_claim_time(claims, "iat", &iat);

    if (has_exp < 0 || has_nbf < 0 || has_iat < 0)
        *reason = "malformed claims";
    else if (has_exp == 0)
        *reason = "token has no expiry";
    else if (exp <= now - (long long)v->leeway_s)
        *reason = "token expired";
    else if (has_nbf && nbf > now + (long long)v->leeway_s)
        *reason = "token not yet valid";
    else if (has_iat && iat > now + (long long)v->leeway_s)
        *reason = "token issued in the future";
    else
        return SVC_OK;
    return SVC_EAUTH;
}

static int check_claims(const svc_verifier *v, const json_t *claims, long long now,
                        const char **reason) {
    const char *iss = json_string_value(json_object_get(claims, "iss"));

    if (check_times(v, claims, now, reason) != SVC_OK)
        return SVC_EAUTH;
    if (iss == NULL || strcmp(iss, v->issuer) != 0) {
        *reason = "wrong issuer";
        return SVC_EAUTH;
    }
    if (!audience_ok(json_object_get(claims, "aud"), v->audience)) {
        *reason = "wrong audience";
        return SVC_EAUTH;
    }
    return SVC_OK;
}

static int verify_uncached(const svc_verifier *v, const char *token, size_t len, long long now,
                           svc_principal **out, const char **reason) {
    token_parts parts;
    json_t *header = NULL, *claims = NULL;
    const char *alg = NULL, *kid = NULL;
    int rc;

    *reason = "malformed token";
    rc = split(token, len, &parts);
    if (rc == SVC_OK) {
        header = decode_object(parts.header, parts.header_len);
        claims = decode_object(parts.payload, parts.payload_len);
        rc = header != NULL && claims != NULL ? SVC_OK : SVC_EAUTH;
    }
    if (rc == SVC_OK)
        rc = check_header(header, &alg, &kid, reason);
    if (rc == SVC_OK)
        rc = check_signature(v, token, alg, kid, reason);
    if (rc == SVC_OK)
        rc = check_claims(v, claims, now, reason);
    if (rc == SVC_OK)
        rc = svc_principal_from_claims(claims, out, reason);
    json_decref(header);
    json_decref(claims);
    return rc;
}

static int token_digest(const char *token, size_t len, unsigned char *digest) {
    unsigned int n = 0;

    if (!EVP_Digest(token, len, digest, &n, EVP_sha256(), NULL) || n != SVC_TOKEN_DIGEST_BYTES) {
        ERR_clear_error();
        return SVC_ERR;
    }
    return SVC_OK;
}

int svc_verifier_verify_at(svc_verifier *v, const char *token, long long now, svc_principal **out,
                           const char **reason) {
    unsigned char digest[SVC_TOKEN_DIGEST_BYTES];
    const char *ignored;
    size_t len;
    int rc, cached = 0;

    if (reason == NULL)
        reason = &ignored;
    *reason = NULL;
    if (out == NULL || v == NULL)
        return SVC_EINVAL;
    *out = NULL;
    len = token != NULL ? strnlen(token, TOKEN_MAX_BYTES + 1) : 0;
    if (len == 0 || len > TOKEN_MAX_BYTES) {
        *reason = len == 0 ? "empty token" : "token too long";
        return SVC_EAUTH;
    }
    if (v->cache != NULL && token_digest(token, len, digest) == SVC_OK) {
        cached = 1;
        rc = svc_token_cache_get(v->cache, digest, now, v->leeway_s, out);
        if (rc == 1)
            return SVC_OK;
        if (rc == -1) {
            *reason = "token expired";
            return SVC_EAUTH;
        }
        if (rc != 0) {
            *reason = "internal error";
            return rc;
        }
    }
    rc = verify_uncached(v, token, len, now, out, reason);
    if (rc == SVC_OK && cached)
        svc_token_cache_put(v->cache, digest, *out, now, v->leeway_s);
    if (rc == SVC_OK)
        *reason = NULL;
    else if (rc != SVC_EAUTH)
        *reason = "internal error"; /* never leave a failure without a reason */
    return rc;
}

int svc_verifier_verify(svc_verifier *v, const char *token, svc_principal **out,
                        const char **reason) {
    return svc_verifier_verify_at(v, token, (long long)time(NULL), out, reason);
}
