/* The caller: GET /mij and PUT /mij/wachtwoord. */
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "sql.h"
#include "util.h"

static const svc_field password_fields[] = {
    {.name = "huidigWachtwoord",
     .type = SVC_T_STRING,
     .flags = SVC_REQUIRED,
     .min = 1,
     .max = 1024},
    {.name = "nieuwWachtwoord", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 12, .max = 128},
    {.name = NULL},
};

/* The principal's scopes joined with spaces; *out is malloc'ed. */
static int scope_text(const svc_principal *p, char **out) {
    size_t len = 1;
    for (size_t i = 0; i < p->n_scopes; i++)
        len += strlen(p->scopes[i]) + 1;
    char *text = malloc(len);
    if (text == NULL)
        return SVC_ENOMEM;
    size_t pos = 0;
    for (size_t i = 0; i < p->n_scopes; i++) {
        size_t n = strlen(p->scopes[i]);
        if (i > 0)
            text[pos++] = ' ';
        memcpy(text + pos, p->scopes[i], n);
        pos += n;
    }
    text[pos] = '\0';
    *out = text;
    return SVC_OK;
}

/* A machine client: everything is in its token. */
static void me_client(svc_req *r, const svc_principal *p) {
    json_t *scopes = json_array();
    for (size_t i = 0; scopes != NULL && i < p->n_scopes; i++)
        json_array_append_new(scopes, json_string(p->scopes[i]));
    json_t *body = json_pack("{s:s, s:s?, s:s?, s:o?}", "clientId", p->client_id, "naam", p->name,
                             "gemeente", p->municipality, "scopes", scopes);
    if (body == NULL) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_reply_json(r, 200, body);
}

/* A user: one prepared query on the user row, the JSON built by PostgreSQL. This is the hot
 * path (the benchmark scenario), so no transaction and no parsing. */
static void me_user(svc_req *r, const svc_principal *p) {
    char *scopes = NULL;
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!svc_is_uuid(p->subject)) {
        svc_reply_not_found(r, "Deze gebruiker");
        return;
    }
    if (scope_text(p, &scopes) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *params[] = {p->subject, scopes};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_ME_GET, 2, params, NULL, &res) == SVC_OK) {
        svc_db_release(r, c);
        c = NULL;
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, "Deze gebruiker");
        else
            svc_reply_json_text(r, 200, PQgetvalue(res, 0, 0), (size_t)PQgetlength(res, 0, 0));
    }
    PQclear(res);
    svc_db_release(r, c);
    free(scopes);
}

void auth_me_get(svc_req *r, void *ctx) {
    (void)ctx;
    const svc_principal *p = svc_req_principal(r);
    if (p->client_id != NULL)
        me_client(r, p);
    else
        me_user(r, p);
}

/* ---- own password ---- */

static int read_password_change(svc_req *r, json_t **body) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    int rc = SVC_OK;
    if (svc_validate(*body, password_fields, SVC_REJECT_UNKNOWN, NULL, errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
        rc = SVC_EREPLIED;
    }
    svc_errors_free(errs);
    return rc;
}

/* The stored hash (and login name) of the caller; 404/403 when gone or disabled. */
static int current_hash(svc_req *r, const char *id, PGresult **res) {
    svc_conn *c = NULL;
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) != SVC_OK)
        return SVC_EREPLIED;
    int rc = svc_db_query(r, c, SQL_ME_PASSWORD_GET, 1, params, NULL, res);
    svc_db_release(r, c);
    if (rc == SVC_OK && PQntuples(*res) == 0) {
        svc_reply_not_found(r, "Deze gebruiker");
        rc = SVC_EREPLIED;
    } else if (rc == SVC_OK && !svc_col_bool(*res, 0, 2)) {
        svc_reply_problem(r, 403, "Dit account is uitgeschakeld.");
        rc = SVC_EREPLIED;
    }
    return rc;
}

/* Replace the hash only if it is still the one checked, end every session, record it. */
static void store_own_password(svc_req *r, const char *id, const PGresult *cur, const char *hash) {
    const char *params[] = {id, svc_col(cur, 0, 0), hash}, *who[] = {id};
    svc_conn *c = NULL;
    PGresult *res = NULL, *done = NULL;
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_ME_PASSWORD_SET, 3, params, NULL, &res);
    if (rc == SVC_OK && PQntuples(res) == 0) {
        svc_reply_problem(r, 409, "Het wachtwoord is intussen gewijzigd. Probeer het opnieuw.");
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_USER_REVOKE_SESSIONS, 1, who, NULL, &done);
    PQclear(done);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, id, "wachtwoord-gewijzigd", AUDIT_USER, id, NULL, NULL);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_empty(r, 204);
    PQclear(res);
    svc_db_release(r, c);
}

static void change_password(svc_req *r, const auth_ctx *ctx, const char *id, const json_t *body) {
    PGresult *cur = NULL;
    char *hash = NULL;
    if (current_hash(r, id, &cur) != SVC_OK) {
        PQclear(cur);
        return;
    }
    const char *current = json_string_value(json_object_get(body, "huidigWachtwoord"));
    const char *fresh = json_string_value(json_object_get(body, "nieuwWachtwoord"));
    if (!auth_password_verify(ctx->hasher, svc_col(cur, 0, 0), current)) {
        svc_errors *errs = NULL;
        if (svc_errors_new(&errs) == SVC_OK) {
            svc_errors_add(errs, "huidigWachtwoord", "mismatch",
                           "Het huidige wachtwoord klopt niet.");
            svc_reply_invalid(r, errs, NULL);
        } else {
            svc_reply_problem(r, 500, NULL);
        }
        svc_errors_free(errs);
    } else if (auth_password_hash(ctx->hasher, fresh, &hash) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
    } else {
        store_own_password(r, id, cur, hash);
    }
    free(hash);
    PQclear(cur);
}

void auth_me_password(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    const svc_principal *p = svc_req_principal(r);
    json_t *body = NULL;
    if (p->client_id != NULL || !svc_is_uuid(p->subject)) {
        svc_reply_problem(r, 403, "Alleen een gebruiker heeft een wachtwoord.");
        return;
    }
    if (read_password_change(r, &body) == SVC_OK)
        change_password(r, ctx, p->subject, body);
    json_decref(body);
}
