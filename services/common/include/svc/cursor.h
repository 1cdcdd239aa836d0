/* Opaque, tamper-evident pagination cursors: base64url(JSON payload) "." base64url(HMAC-SHA256).
 * A service puts the keyset position of the last row in the payload (e.g. {"k":["2024-01-01",17]})
 * and gets it back only if nobody changed it. */
#ifndef SVC_CURSOR_H
#define SVC_CURSOR_H

#include <jansson.h>

#define SVC_CURSOR_KEY_BYTES 32

/* Derive the key from a secret text (any length); an empty secret gives a random key. */
void svc_cursor_key(const char *secret, unsigned char key[SVC_CURSOR_KEY_BYTES]);
/* *out is malloc'ed. */
int svc_cursor_encode(const unsigned char key[SVC_CURSOR_KEY_BYTES], const json_t *payload,
                      char **out);
/* SVC_EINVAL when malformed or tampered with; on SVC_OK *out is a new reference. */
int svc_cursor_decode(const unsigned char key[SVC_CURSOR_KEY_BYTES], const char *cursor,
                      json_t **out);

#endif
