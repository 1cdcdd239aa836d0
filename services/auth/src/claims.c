/* What goes into an access token, and issuing one (see DESIGN.md, Tokens). */
#include "claims.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scopes.h"
#include "sql.h"
#include "util.h"

void auth_user_from_row(const PGresult *res, int row, int first_col, auth_user *u) {
    const char **fields[USER_TOKEN_NCOLS] = {&u->id,   &u->username,   &u->name,
                                             &u->role, &u->lines_json, &u->json};
    for (int i = 0; i < USER_TOKEN_NCOLS; i++)
        *fields[i] =
            PQgetisnull(res, row, first_col + i) ? NULL : PQgetvalue(res, row, first_col + i);
}

/* Add iss, aud, iat, nbf, exp and jti to claims, and sign. */
static int issue(const auth_ctx *ctx, json_t *claims, unsigned long ttl_s, char **token) {
    char *jti = NULL;
    long long now = (long long)time(NULL);
    int rc = auth_random_token(AUTH_TOKEN_ID_BYTES, &jti);
    if (rc != SVC_OK)
        return rc;
    json_t *standard =
        json_pack("{s:s, s:O, s:I, s:I, s:I, s:s}", "iss", ctx->cfg->jwt_issuer, "aud",
                  ctx->settings->audience, "iat", (json_int_t)now, "nbf", (json_int_t)now, "exp",
                  (json_int_t)(now + (long long)ttl_s), "jti", jti);
    free(jti);
    if (standard == NULL || json_object_update(claims, standard) != 0) {
        json_decref(standard);
        return SVC_ENOMEM;
    }
    json_decref(standard);
    return auth_keys_sign(ctx->keys, claims, token);
}

/* The action lines claim: only for an editor limited to some lines. */
static int add_action_lines(json_t *claims, const auth_user *u) {
    if (strcmp(u->role, "redacteur") != 0 || u->lines_json == NULL)
        return SVC_OK;
    json_t *lines = json_loads(u->lines_json, 0, NULL);
    if (!json_is_array(lines)) {
        json_decref(lines);
        return SVC_EINVAL;
    }
    if (json_array_size(lines) == 0) {
        json_decref(lines);
        return SVC_OK;
    }
    return json_object_set_new(claims, "actielijnen", lines) == 0 ? SVC_OK : SVC_ENOMEM;
}

int auth_issue_user_token(const auth_ctx *ctx, const auth_user *u, char **token) {
    const char *scope = auth_role_scope(u->role);
    if (scope == NULL)
        return SVC_EINVAL;
    json_t *claims = json_pack("{s:s, s:s, s:s, s:s, s:[s]}", "sub", u->id, "preferred_username",
                               u->username, "name", u->name, "scope", scope, "roles", u->role);
    int rc = claims ? add_action_lines(claims, u) : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = issue(ctx, claims, ctx->settings->access_ttl_s, token);
    json_decref(claims);
    return rc;
}

int auth_issue_client_token(const auth_ctx *ctx, const char *client_id, const char *name,
                            const char *scope, const char *gemeente, char **token) {
    json_t *claims = json_pack("{s:s, s:s, s:s, s:s, s:[]}", "sub", client_id, "client_id",
                               client_id, "name", name, "scope", scope, "roles");
    int rc = claims ? SVC_OK : SVC_ENOMEM;
    if (rc == SVC_OK && gemeente != NULL)
        rc = json_object_set_new(claims, "gemeente", json_string(gemeente)) == 0 ? SVC_OK
                                                                                 : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = issue(ctx, claims, ctx->settings->client_ttl_s, token);
    json_decref(claims);
    return rc;
}
