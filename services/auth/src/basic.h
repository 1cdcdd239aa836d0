/* OAuth2 client authentication with HTTP Basic (RFC 6749 section 2.3.1, RFC 7617). */
#ifndef AUTH_BASIC_H
#define AUTH_BASIC_H

#include <stddef.h>

/* Parse an Authorization header "Basic base64(urlencode(id):urlencode(secret))". The scheme is
 * case-insensitive; id and secret are form-url-decoded ("+" is a space). SVC_EINVAL when the
 * header is not Basic, the base64 or an escape is malformed, there is no colon, the id is empty
 * or a decoded part holds a NUL. On SVC_OK *id and *secret are malloc'ed. */
int auth_basic_parse(const char *header, char **id, char **secret);

/* application/x-www-form-urlencoded decoding of len bytes of text; *out is malloc'ed.
 * SVC_EINVAL on a malformed escape or an encoded NUL. */
int auth_form_decode(const char *text, size_t len, char **out);

/* 1 when header uses the Basic scheme (whatever follows). */
int auth_basic_is_basic(const char *header);

#endif
