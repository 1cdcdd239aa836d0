/* Small pure helpers of the auth service: identifiers, random secrets, digests, text checks. */
#ifndef AUTH_UTIL_H
#define AUTH_UTIL_H

#include <jansson.h>
#include <stddef.h>

#define AUTH_SHA256_HEX     65 /* 64 hex digits and the NUL */
#define AUTH_SECRET_BYTES   32 /* client secrets and refresh tokens: 256 bits, 43 characters */
#define AUTH_TOKEN_ID_BYTES 16 /* jti */

/* nbytes random bytes as unpadded base64url; *out is malloc'ed. */
int auth_random_token(size_t nbytes, char **out);
/* The SHA-256 of text as lower-case hex. Refresh tokens and client secrets are stored this way:
 * they are 256-bit random, so a slow hash would add nothing. */
void auth_sha256_hex(const char *text, char out[AUTH_SHA256_HEX]);
/* 1 when the two hex digests are equal, compared in constant time. */
int auth_digest_equal(const char *a, const char *b);
/* An ASCII lower-case copy; *out is malloc'ed. */
int auth_lower(const char *text, char **out);
/* Login names and client ids: 3..64 of [a-z0-9._-]. */
int auth_name_valid(const char *text);
/* An e-mail address as far as we check it: something@something, no spaces or controls. */
int auth_email_valid(const char *text);
/* A municipality's CBS code: "GM" and four digits. */
int auth_gemeente_valid(const char *text);
/* How long a failed login answer is held back: 250 ms per failure so far, at most 3 s. */
unsigned int auth_failure_delay_ms(long failures);
/* A comma-separated list as a JSON array of its trimmed, non-empty entries (new reference). */
int auth_split_list(const char *text, json_t **out);

#endif
