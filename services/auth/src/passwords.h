/* Password hashing: argon2id (libsodium, interactive limits), at most two at once. */
#ifndef AUTH_PASSWORDS_H
#define AUTH_PASSWORDS_H

typedef struct auth_hasher auth_hasher;

/* Initialise libsodium and make the dummy hash used for unknown users. */
int auth_hasher_new(auth_hasher **out);
void auth_hasher_free(auth_hasher *h);
/* *out is the malloc'ed encoded hash ("$argon2id$..."). */
int auth_password_hash(auth_hasher *h, const char *password, char **out);
/* 1 when password matches hash. hash NULL (unknown user) verifies against a dummy hash so the
 * answer takes as long as for a real user, and returns 0. */
int auth_password_verify(auth_hasher *h, const char *hash, const char *password);

#endif
