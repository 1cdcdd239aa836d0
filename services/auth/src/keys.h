/* The signing key, the keys still published, and token signing. */
#ifndef AUTH_KEYS_H
#define AUTH_KEYS_H

#include <jansson.h>
#include <stddef.h>

typedef struct auth_keys auth_keys;

/* Load the RS256 private key PEM at signing_path (its kid is its RFC 7638 thumbprint) and the
 * published keyset: the signing key plus the keyset spec `published` (old public keys, may be
 * empty). On failure *errmsg gets a malloc'ed message. */
int auth_keys_load(auth_keys **out, const char *signing_path, const char *published, char **errmsg);
void auth_keys_free(auth_keys *k);
/* The kid of the signing key. */
const char *auth_keys_kid(const auth_keys *k);
/* The keyset spec of every key tokens are accepted with (signing key first), for the verifier. */
const char *auth_keys_spec(const auth_keys *k);
/* The JWKS document as JSON text. */
const char *auth_keys_jwks(const auth_keys *k, size_t *len);
/* Sign claims as an RS256 JWT with header {"alg":"RS256","typ":"JWT","kid":...}; *token is
 * malloc'ed. */
int auth_keys_sign(const auth_keys *k, const json_t *claims, char **token);

#endif
