/* Private parts of the token machinery shared by keyset.c, verifier.c, principal.c and
 * token_cache.c. Not installed; services use svc/jwt.h only. */
#ifndef SVC_JWT_INTERNAL_H
#define SVC_JWT_INTERNAL_H

#include <jansson.h>
#include <jwt.h>
#include <stddef.h>

#include "svc/jwt.h"

/* One verification key. */
typedef struct svc_key {
    char *kid;
    const char *alg; /* "RS256" or "ES256" (static) */
    jwt_alg_t jwt_alg;
    char *pem; /* SubjectPublicKeyInfo PEM text, what jwt_decode() wants */
    size_t pem_len;
    json_t *jwk; /* {kty,kid,use,alg,n,e} or {kty,crv,kid,use,alg,x,y} */
} svc_key;

/* The i-th key (i < svc_keyset_count()), or NULL. */
const svc_key *svc_keyset_at(const svc_keyset *ks, size_t i);
/* The key with this kid, or NULL. */
const svc_key *svc_keyset_find(const svc_keyset *ks, const char *kid);

/* Build a principal from verified claims. SVC_EAUTH with a static *reason when a claim the
 * principal needs has the wrong type. Issuer, audience and times are checked by the caller. */
int svc_principal_from_claims(const json_t *claims, svc_principal **out, const char **reason);

/* svc_verifier_verify() at a given time (seconds since the epoch), for tests of the clock
 * checks and of the cache. */
int svc_verifier_verify_at(svc_verifier *v, const char *token, long long now, svc_principal **out,
                           const char **reason);

/* A NumericDate claim (RFC 7519: integer or real seconds): 1 and *out when present, 0 when
 * absent, -1 when it is not a number in range. */
int svc_claim_time(const json_t *claims, const char *name, long long *out);

/* A bounded, thread-safe map from SHA-256(token) to the verified principal. */
#define SVC_TOKEN_DIGEST_BYTES 32
typedef struct svc_token_cache svc_token_cache;

int svc_token_cache_new(size_t capacity, svc_token_cache **out);
void svc_token_cache_free(svc_token_cache *c);
/* 1 and a copy in *out on a hit that has not expired (expires_at + leeway > now); 0 on a miss;
 * -1 when the token is cached but expired; SVC_ENOMEM when the copy failed. */
int svc_token_cache_get(svc_token_cache *c, const unsigned char *digest, long long now,
                        unsigned int leeway_s, svc_principal **out);
/* Remember a copy of p (best effort: silently does nothing when out of memory). */
void svc_token_cache_put(svc_token_cache *c, const unsigned char *digest, const svc_principal *p,
                         long long now, unsigned int leeway_s);

#endif
