/* The verified caller: built from a token's claims, copied out of the cache, freed by its owner.
 *
 * Claims are read strictly: a claim the platform uses with the wrong type rejects the token
 * rather than being ignored, since ignoring e.g. a malformed "actielijnen" would turn an editor
 * limited to some action lines into one limited to none. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "jwt_internal.h"
#include "svc/error.h"

#define REASON_CLAIMS "malformed claims"

void svc_principal_free(svc_principal *p) {
    if (p == NULL)
        return;
    free(p->subject);
    free(p->name);
    free(p->client_id);
    free(p->municipality);
    for (size_t i = 0; i < p->n_scopes; i++)
        free(p->scopes[i]);
    free(p->scopes);
    for (size_t i = 0; i < p->n_roles; i++)
        free(p->roles[i]);
    free(p->roles);
    free(p->action_lines);
    free(p->token_id);
    free(p);
}

static int list_has(char *const *list, size_t n, const char *s) {
    for (size_t i = 0; s != NULL && i < n; i++)
        if (strcmp(list[i], s) == 0)
            return 1;
    return 0;
}

int svc_principal_has_scope(const svc_principal *p, const char *scope) {
    return p != NULL && list_has(p->scopes, p->n_scopes, scope);
}

int svc_principal_has_role(const svc_principal *p, const char *role) {
    return p != NULL && list_has(p->roles, p->n_roles, role);
}

static int dup_opt(const char *s, char **out) {
    *out = NULL;
    if (s == NULL)
        return SVC_OK;
    *out = strdup(s);
    return *out != NULL ? SVC_OK : SVC_ENOMEM;
}

static int dup_list(char *const *list, size_t n, char ***out) {
    *out = NULL;
    if (n == 0)
        return SVC_OK;
    *out = calloc(n, sizeof(**out));
    if (*out == NULL)
        return SVC_ENOMEM;
    for (size_t i = 0; i < n; i++)
        if (((*out)[i] = strdup(list[i])) == NULL)
            return SVC_ENOMEM; /* the caller frees the partial list: n counts calloc'ed slots */
    return SVC_OK;
}

int svc_principal_copy(const svc_principal *p, svc_principal **out) {
    svc_principal *c;
    int rc;

    if (out == NULL)
        return SVC_EINVAL;
    *out = NULL;
    if (p == NULL)
        return SVC_EINVAL;
    c = calloc(1, sizeof(*c));
    if (c == NULL)
        return SVC_ENOMEM;
    c->expires_at = p->expires_at;
    c->n_scopes = p->scopes != NULL ? p->n_scopes : 0;
    c->n_roles = p->roles != NULL ? p->n_roles : 0;
    rc = dup_opt(p->subject, &c->subject);
    if (rc == SVC_OK)
        rc = dup_opt(p->name, &c->name);
    if (rc == SVC_OK)
        rc = dup_opt(p->client_id, &c->client_id);
    if (rc == SVC_OK)
        rc = dup_opt(p->municipality, &c->municipality);
    if (rc == SVC_OK)
        rc = dup_opt(p->token_id, &c->token_id);
    if (rc == SVC_OK)
        rc = dup_list(p->scopes, c->n_scopes, &c->scopes);
    if (rc == SVC_OK)
        rc = dup_list(p->roles, c->n_roles, &c->roles);
    if (rc == SVC_OK && p->n_action_lines > 0 && p->action_lines != NULL) {
        c->action_lines = malloc(p->n_action_lines * sizeof(*c->action_lines));
        if (c->action_lines == NULL)
            rc = SVC_ENOMEM;
        else {
            memcpy(c->action_lines, p->action_lines, p->n_action_lines * sizeof(long long));
            c->n_action_lines = p->n_action_lines;
        }
    }
    if (rc != SVC_OK) {
        /* A list that was never allocated has nothing to free. */
        if (c->scopes == NULL)
            c->n_scopes = 0;
        if (c->roles == NULL)
            c->n_roles = 0;
        svc_principal_free(c);
        return rc;
    }
    *out = c;
    return SVC_OK;
}

int svc_claim_time(const json_t *claims, const char *name, long long *out) {
    const json_t *v = json_object_get(claims, name);
    double d;

    if (v == NULL)
        return 0;
    if (json_is_integer(v)) {
        *out = (long long)json_integer_value(v);
        return 1;
    }
    if (!json_is_real(v))
        return -1;
    d = json_real_value(v);
    /* Well inside long long, so the conversion is defined. */
    if (!isfinite(d) || d > 1e15 || d < -1e15)
        return -1;
    *out = (long long)d; /* truncates towards zero: round down (no libm needed) */
    if ((double)*out > d)
        (*out)--;
    return 1;
}

/* An optional string claim; JSON null counts as absent. */
static int opt_string(const json_t *claims, const char *name, char **out) {
    const json_t *v = json_object_get(claims, name);

    *out = NULL;
    if (v == NULL || json_is_null(v))
        return SVC_OK;
    if (!json_is_string(v))
        return SVC_EAUTH;
    return dup_opt(json_string_value(v), out);
}

/* "scope": one string of space-separated scopes (RFC 8693 section 4.2). */
static int parse_scopes(const json_t *claims, svc_principal *p) {
    const json_t *v = json_object_get(claims, "scope");
    const char *s, *end;

    if (v == NULL || json_is_null(v))
        return SVC_OK;
    if (!json_is_string(v))
        return SVC_EAUTH;
    s = json_string_value(v);
    /* At most one scope per two characters: allocate once. */
    p->scopes = calloc(strlen(s) / 2 + 1, sizeof(*p->scopes));
    if (p->scopes == NULL)
        return SVC_ENOMEM;
    for (;;) {
        while (*s == ' ')
            s++;
        if (*s == '\0')
            return SVC_OK;
        end = strchr(s, ' ');
        if (end == NULL)
            end = s + strlen(s);
        p->scopes[p->n_scopes] = strndup(s, (size_t)(end - s));
        if (p->scopes[p->n_scopes] == NULL)
            return SVC_ENOMEM;
        p->n_scopes++;
        s = end;
    }
}

static int parse_roles(const json_t *claims, svc_principal *p) {
    const json_t *v = json_object_get(claims, "roles");
    size_t n;

    if (v == NULL || json_is_null(v))
        return SVC_OK;
    if (!json_is_array(v))
        return SVC_EAUTH;
    n = json_array_size(v);
    for (size_t i = 0; i < n; i++)
        if (!json_is_string(json_array_get(v, i)))
            return SVC_EAUTH;
    if (n == 0)
        return SVC_OK;
    p->roles = calloc(n, sizeof(*p->roles));
    if (p->roles == NULL)
        return SVC_ENOMEM;
    for (; p->n_roles < n; p->n_roles++)
        if ((p->roles[p->n_roles] = strdup(json_string_value(json_array_get(v, p->n_roles)))) ==
            NULL)
            return SVC_ENOMEM;
    return SVC_OK;
}

static int parse_action_lines(const json_t *claims, svc_principal *p) {
    const json_t *v = json_object_get(claims, "actielijnen");
    size_t n;

    if (v == NULL || json_is_null(v))
        return SVC_OK;
    if (!json_is_array(v))
        return SVC_EAUTH;
    n = json_array_size(v);
    for (size_t i = 0; i < n; i++)
        if (!json_is_integer(json_array_get(v, i)))
            return SVC_EAUTH;
    if (n == 0)
        return SVC_OK;
    p->action_lines = malloc(n * sizeof(*p->action_lines));
    if (p->action_lines == NULL)
        return SVC_ENOMEM;
    for (; p->n_action_lines < n; p->n_action_lines++)
        p->action_lines[p->n_action_lines] =
            json_integer_value(json_array_get(v, p->n_action_lines));
    return SVC_OK;
}

static int parse_names(const json_t *claims, svc_principal *p) {
    int rc = opt_string(claims, "preferred_username", &p->name);

    if (rc == SVC_OK && p->name == NULL)
        rc = opt_string(claims, "name", &p->name);
    if (rc == SVC_OK)
        rc = opt_string(claims, "client_id", &p->client_id);
    if (rc == SVC_OK)
        rc = opt_string(claims, "gemeente", &p->municipality);
    if (rc == SVC_OK)
        rc = opt_string(claims, "jti", &p->token_id);
    return rc;
}

int svc_principal_from_claims(const json_t *claims, svc_principal **out, const char **reason) {
    const char *sub = json_string_value(json_object_get(claims, "sub"));
    svc_principal *p;
    int rc;

    *out = NULL;
    if (sub == NULL || *sub == '\0') {
        *reason = "missing subject";
        return SVC_EAUTH;
    }
    p = calloc(1, sizeof(*p));
    if (p == NULL)
        return SVC_ENOMEM;
    rc = svc_claim_time(claims, "exp", &p->expires_at) == 1 ? SVC_OK : SVC_EAUTH;
    if (rc == SVC_OK)
        rc = (p->subject = strdup(sub)) != NULL ? SVC_OK : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = parse_names(claims, p);
    if (rc == SVC_OK)
        rc = parse_scopes(claims, p);
    if (rc == SVC_OK)
        rc = parse_roles(claims, p);
    if (rc == SVC_OK)
        rc = parse_action_lines(claims, p);
    if (rc != SVC_OK) {
        svc_principal_free(p);
        if (rc == SVC_EAUTH)
            *reason = REASON_CLAIMS;
        return rc;
    }
    *out = p;
    return SVC_OK;
}
