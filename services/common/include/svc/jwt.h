/* Bearer-token verification and signing keys.
 *
 * svc_verifier checks an access token completely: RS256 or ES256 only, and the algorithm in the
 * header must match the key's type (so HS256 signed with the public key fails); typ "JWT";
 * a known kid (or, without kid, any configured key); exp, nbf and iat with a leeway; iss equal to
 * the configured issuer; aud (string or array) containing the configured audience. Verified
 * tokens are cached until they expire, so the signature is checked once per token. */
#ifndef SVC_JWT_H
#define SVC_JWT_H

#include <jansson.h>
#include <stddef.h>

/* A set of public (or private) keys loaded from PEM files. */
typedef struct svc_keyset svc_keyset;

/* spec: comma-separated list of entries "path.pem" or "kid=path.pem". Without an explicit kid,
 * the key's kid is its RFC 7638 JWK thumbprint (base64url SHA-256). Private key files are
 * accepted too (their public half is used). */
int svc_keyset_load(svc_keyset **out, const char *spec, char **errmsg);
void svc_keyset_free(svc_keyset *ks);
size_t svc_keyset_count(const svc_keyset *ks);
/* The JWKS document {"keys":[{kty,kid,use:"sig",alg,n,e | crv,x,y}]} (new reference). */
json_t *svc_keyset_jwks(const svc_keyset *ks);
/* RFC 7638 thumbprint of the key in a PEM buffer (public or private); *kid is malloc'ed. */
int svc_key_thumbprint(const char *pem, size_t len, char **kid);

/* The verified caller. Strings are owned by the principal. */
typedef struct svc_principal {
    char *subject;      /* sub: user id or client id */
    char *name;         /* preferred_username or client name, may be NULL */
    char *client_id;    /* client_id claim for machine clients, NULL for users */
    char *municipality; /* "gemeente" claim (CBS code, e.g. "GM0153") or NULL */
    char **scopes;      /* from the space-separated "scope" claim */
    size_t n_scopes;
    char **roles; /* "roles" claim (array of strings) */
    size_t n_roles;
    long long *action_lines; /* "actielijnen" claim: an editor limited to these action lines */
    size_t n_action_lines;
    long long expires_at; /* exp */
    char *token_id;       /* jti, may be NULL */
} svc_principal;

void svc_principal_free(svc_principal *p);
int svc_principal_has_scope(const svc_principal *p, const char *scope);
int svc_principal_has_role(const svc_principal *p, const char *role);
/* A deep copy; SVC_ENOMEM on failure. */
int svc_principal_copy(const svc_principal *p, svc_principal **out);

typedef struct svc_verifier_opts {
    const char *issuer;
    const char *audience;
    const char *public_keys; /* keyset spec, see svc_keyset_load() */
    unsigned int leeway_s;
    size_t cache_capacity; /* verified tokens kept; 0 disables the cache */
} svc_verifier_opts;

typedef struct svc_verifier svc_verifier;

int svc_verifier_new(svc_verifier **out, const svc_verifier_opts *opts, char **errmsg);
void svc_verifier_free(svc_verifier *v);
/* On SVC_OK, *out is a principal the caller frees. On SVC_EAUTH, *reason (may be NULL) gets a
 * static English description ("token expired", "unknown key id", ...). Thread-safe. */
int svc_verifier_verify(svc_verifier *v, const char *token, svc_principal **out,
                        const char **reason);

#endif
