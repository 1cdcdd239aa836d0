/* The refresh-token cookie: only sent back to the session endpoints (Path), never readable by
 * scripts (HttpOnly), never over plain HTTP (Secure; browsers treat localhost as secure), never
 * on cross-site requests (SameSite=Strict), which is also what protects refresh and logout from
 * cross-site request forgery. */
#include "cookie.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

static int cookie_safe(const char *text) {
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p <= ' ' || *p >= 0x7f || *p == ';' || *p == ',' || *p == '"' || *p == '\\')
            return 0;
    }
    return 1;
}

int auth_cookie_build(const char *path, const char *token, unsigned long max_age, char **out) {
    if (path == NULL || token == NULL || !cookie_safe(path) || !cookie_safe(token))
        return SVC_EINVAL;
    int n = asprintf(out, "%s=%s; Path=%s; HttpOnly; Secure; SameSite=Strict; Max-Age=%lu",
                     AUTH_REFRESH_COOKIE, token, path, max_age);
    if (n < 0) {
        *out = NULL;
        return SVC_ENOMEM;
    }
    return SVC_OK;
}
