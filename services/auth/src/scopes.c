/* Roles, scopes and what a token may carry. */
#include "scopes.h"

#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

#define READS "portfolio:read stakeholders:read contributions:read monitoring:read"
/* Staff who write may also upload indicator values (the programme office imports Kennispunt's
 * CSV by hand; a municipal or Kennispunt system pushes as a machine client). */
#define WRITES                                                                                     \
    "portfolio:write stakeholders:write contributions:write monitoring:write monitoring:ingest"

const char *const auth_roles[] = {"beheerder", "redacteur", "lezer", NULL};

const char *const auth_client_scopes[] = {"portfolio:read",     "portfolio:write",
                                          "stakeholders:read",  "stakeholders:write",
                                          "contributions:read", "contributions:write",
                                          "monitoring:read",    "monitoring:write",
                                          "monitoring:ingest",  NULL};

const char *auth_role_scope(const char *role) {
    if (role == NULL)
        return NULL;
    if (strcmp(role, "lezer") == 0)
        return READS;
    if (strcmp(role, "redacteur") == 0)
        return READS " " WRITES;
    if (strcmp(role, "beheerder") == 0)
        return AUTH_SCOPE_ADMIN " " READS " " WRITES;
    return NULL;
}

/* 1 when the space-separated list has the token of length len. */
static int list_has(const char *list, const char *token, size_t len) {
    const char *p = list;
    while (p != NULL && *p != '\0') {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n == len && n > 0 && strncmp(p, token, len) == 0)
            return 1;
        p += n;
    }
    return 0;
}

/* Append token to out (which has room): a space first unless out is empty. */
static void append_token(char *out, const char *token, size_t len) {
    size_t pos = strlen(out);
    if (pos > 0)
        out[pos++] = ' ';
    memcpy(out + pos, token, len);
    out[pos + len] = '\0';
}

int auth_scope_narrow(const char *granted, const char *requested, char **out) {
    const char *source = requested ? requested : (granted ? granted : "");
    char *result = calloc(1, strlen(source) + 1);
    if (result == NULL)
        return SVC_ENOMEM;
    for (const char *p = source; *p != '\0';) {
        while (*p == ' ')
            p++;
        size_t n = strcspn(p, " ");
        if (n > 0 && !list_has(granted, p, n)) {
            free(result);
            return SVC_EINVAL;
        }
        if (n > 0 && !list_has(result, p, n))
            append_token(result, p, n);
        p += n;
    }
    if (requested != NULL && result[0] == '\0') {
        free(result);
        return SVC_EINVAL;
    }
    *out = result;
    return SVC_OK;
}
