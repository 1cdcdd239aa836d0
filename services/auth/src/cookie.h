/* The refresh-token cookie. */
#ifndef AUTH_COOKIE_H
#define AUTH_COOKIE_H

#define AUTH_REFRESH_COOKIE "jt_refresh"

/* The Set-Cookie value "jt_refresh=<token>; Path=<path>; HttpOnly; Secure; SameSite=Strict;
 * Max-Age=<max_age>". token "" with max_age 0 clears the cookie. The token must be cookie-safe
 * (base64url is). *out is malloc'ed. */
int auth_cookie_build(const char *path, const char *token, unsigned long max_age, char **out);

#endif
