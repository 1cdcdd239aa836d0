/* POST /token: the OAuth2 client-credentials grant (RFC 6749 section 4.4) for machine clients.
 * Client authentication is client_secret_basic or client_secret_post, never both. Errors are
 * problem details with the OAuth2 error code in an extra "error" member. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "basic.h"
#include "claims.h"
#include "scopes.h"
#include "sql.h"
#include "util.h"

#define REALM_HEADER "Basic realm=\"jeugdhulp-twente\""

/* The client's credentials as sent. */
typedef struct credentials {
    char *id;
    char *secret;
    int basic; /* sent with HTTP Basic */
} credentials;

static void credentials_clear(credentials *cr) {
    if (cr->secret != NULL)
        sodium_memzero(cr->secret, strlen(cr->secret));
    free(cr->id);
    free(cr->secret);
    memset(cr, 0, sizeof(*cr));
}

static void token_error(svc_req *r, int status, const char *error, const char *detail, int basic) {
    json_t *problem = svc_problem_new(status, detail, svc_req_path(r));
    char *text = NULL;
    if (problem != NULL) {
        json_object_set_new(problem, "error", json_string(error));
        json_object_set_new(problem, "error_description", json_string(detail));
        text = json_dumps(problem, JSON_COMPACT);
    }
    json_decref(problem);
    if (text == NULL) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (basic)
        svc_reply_header(r, "WWW-Authenticate", REALM_HEADER);
    svc_reply_header(r, "Pragma", "no-cache");
    svc_reply_text(r, status, "application/problem+json", text, strlen(text));
    free(text);
}

static void invalid_client(svc_req *r, int basic) {
    token_error(r, 401, "invalid_client", "De client is onbekend of het geheim klopt niet.", basic);
}

static const char *form_get(const json_t *form, const char *key) {
    return json_string_value(json_object_get(form, key));
}

/* Take the credentials from the Authorization header or the form. */
static int read_credentials(svc_req *r, const json_t *form, credentials *cr) {
    const char *header = svc_req_header(r, "Authorization");
    const char *form_id = form_get(form, "client_id");
    const char *form_secret = form_get(form, "client_secret");
    if (auth_basic_is_basic(header)) {
        cr->basic = 1;
        if (form_secret != NULL) {
            token_error(r, 400, "invalid_request",
                        "Gebruik een enkele manier van client-authenticatie: HTTP Basic of "
                        "client_secret in het formulier, niet beide.",
                        0);
            return SVC_EREPLIED;
        }
        if (auth_basic_parse(header, &cr->id, &cr->secret) != SVC_OK ||
            (form_id != NULL && strcmp(form_id, cr->id) != 0)) {
            invalid_client(r, 1);
            return SVC_EREPLIED;
        }
        return SVC_OK;
    }
    if (form_id == NULL || form_secret == NULL || form_id[0] == '\0') {
        invalid_client(r, 0);
        return SVC_EREPLIED;
    }
    cr->id = strdup(form_id);
    cr->secret = strdup(form_secret);
    if (cr->id == NULL || cr->secret == NULL) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

static int check_grant(svc_req *r, const json_t *form) {
    const char *grant = form_get(form, "grant_type");
    if (grant == NULL || grant[0] == '\0') {
        token_error(r, 400, "invalid_request", "De parameter grant_type ontbreekt.", 0);
        return SVC_EREPLIED;
    }
    if (strcmp(grant, "client_credentials") != 0) {
        token_error(r, 400, "unsupported_grant_type",
                    "Alleen grant_type=client_credentials wordt ondersteund.", 0);
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

static int lookup_client(svc_req *r, const char *client_id, PGresult **res) {
    svc_conn *c = NULL;
    const char *params[] = {client_id};
    if (svc_db_acquire(r, &c) != SVC_OK)
        return SVC_EREPLIED;
    int rc = svc_db_query(r, c, SQL_TOKEN_CLIENT, 1, params, NULL, res);
    svc_db_release(r, c);
    return rc;
}

static void reply_token(svc_req *r, const auth_ctx *ctx, const char *client_id, const PGresult *res,
                        const char *scope) {
    char *token = NULL;
    int rc = auth_issue_client_token(ctx, client_id, svc_col(res, 0, 2), scope, svc_col(res, 0, 4),
                                     &token);
    json_t *body =
        rc != SVC_OK
            ? NULL
            : json_pack("{s:s, s:s, s:I, s:s}", "access_token", token, "token_type", "Bearer",
                        "expires_in", (json_int_t)ctx->settings->client_ttl_s, "scope", scope);
    free(token);
    if (body == NULL) {
        svc_log(SVC_LOG_ERROR, "request %s: cannot issue a client token", svc_req_id(r));
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_reply_header(r, "Cache-Control", "no-store");
    svc_reply_header(r, "Pragma", "no-cache");
    svc_reply_json(r, 200, body);
}

/* Check the secret against the stored digest and narrow the scope. */
static void grant(svc_req *r, const auth_ctx *ctx, const json_t *form, const credentials *cr) {
    PGresult *res = NULL;
    char digest[AUTH_SHA256_HEX], *scope = NULL;
    if (lookup_client(r, cr->id, &res) != SVC_OK)
        return;
    auth_sha256_hex(cr->secret, digest);
    int known = PQntuples(res) == 1;
    /* Compared even for unknown clients, so the answer takes as long. */
    int match = auth_digest_equal(digest, known ? svc_col(res, 0, 0) : NULL);
    if (!known || !match || !svc_col_bool(res, 0, 1)) {
        invalid_client(r, cr->basic);
    } else if (auth_scope_narrow(svc_col(res, 0, 3), form_get(form, "scope"), &scope) != SVC_OK ||
               scope[0] == '\0') {
        token_error(r, 400, "invalid_scope",
                    "Gevraagd is een scope die deze client niet heeft gekregen.", 0);
    } else {
        reply_token(r, ctx, cr->id, res, scope);
    }
    free(scope);
    PQclear(res);
}

void auth_token_post(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    json_t *form = NULL;
    credentials cr = {0};
    if (svc_req_form(r, &form) == SVC_OK && check_grant(r, form) == SVC_OK &&
        read_credentials(r, form, &cr) == SVC_OK)
        grant(r, ctx, form, &cr);
    credentials_clear(&cr);
    json_decref(form);
}
