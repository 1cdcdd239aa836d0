/* What goes into an access token, and issuing one. */
#ifndef AUTH_CLAIMS_H
#define AUTH_CLAIMS_H

#include <libpq-fe.h>

#include "auth.h"

/* A user as a token needs it; the strings are borrowed from a result row (USER_TOKEN_COLS). */
typedef struct auth_user {
    const char *id;
    const char *username;
    const char *name;
    const char *role;
    const char *lines_json; /* the action lines as a JSON array */
    const char *json;       /* the user's representation */
} auth_user;

void auth_user_from_row(const PGresult *res, int row, int first_col, auth_user *u);

/* A staff access token for the user; *token is malloc'ed. */
int auth_issue_user_token(const auth_ctx *ctx, const auth_user *u, char **token);

/* A client-credentials access token: sub and client_id the client id, its name, the granted
 * scope and, for a municipal client, its municipality. *token is malloc'ed. */
int auth_issue_client_token(const auth_ctx *ctx, const char *client_id, const char *name,
                            const char *scope, const char *gemeente, char **token);

#endif
