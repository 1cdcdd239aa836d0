/* The generic handlers of a resource (stk_resource): read one, create (201 + Location + ETag),
 * change with PATCH (If-Match, 428/412), delete; every write validated completely first, then
 * one transaction with its audit row. */
#include <stdlib.h>
#include <string.h>

#include "stk.h"

static int read_body(svc_req *r, const stk_resource *res, int partial, json_t **body) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    unsigned int policy = SVC_REJECT_UNKNOWN | (partial ? SVC_PARTIAL : 0);
    svc_validate(*body, res->fields, policy, NULL, errs);
    if (res->check != NULL && json_is_object(*body))
        res->check(*body, partial, errs);
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* Run the resource's after-write statements with ($1 id, $2 body). */
static int run_after(svc_req *r, svc_conn *c, const stk_resource *res, const char *id,
                     const char *body) {
    const char *params[] = {id, body};
    for (const char *const *s = res->after_write; s != NULL && *s != NULL; s++) {
        PGresult *done = NULL;
        int rc = stk_query(r, c, *s, 2, params, &done);
        PQclear(done);
        if (rc != SVC_OK)
            return rc;
    }
    return SVC_OK;
}

/* The representation after the write (in the transaction), audited, committed, answered. */
static void finish_write(svc_req *r, svc_conn *c, const stk_resource *res, const char *id,
                         const char *action, const char *before, int status) {
    const char *params[] = {id};
    PGresult *now = NULL;
    int rc = stk_query(r, c, res->sql_get, 1, params, &now);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, action, res->audit_type, id, before, svc_col(now, 0, 0));
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    if (rc == SVC_OK) {
        if (status == 201)
            svc_reply_location(r, res->collection, id);
        svc_reply_entity(r, status, svc_col(now, 0, 0), id, svc_col(now, 0, 1));
    }
    PQclear(now);
}

void stk_get(svc_req *r, void *ctx) {
    const stk_resource *res = ctx;
    const char *id = svc_req_param(r, "id");
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, res->what);
        return;
    }
    const char *params[] = {id};
    svc_conn *c = NULL;
    PGresult *row = NULL;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        stk_query(r, c, res->sql_get, 1, params, &row) == SVC_OK) {
        if (PQntuples(row) == 0)
            svc_reply_not_found(r, res->what);
        else
            svc_reply_entity(r, 200, svc_col(row, 0, 0), id, svc_col(row, 0, 1));
    }
    PQclear(row);
    svc_db_release(r, c);
}

void stk_create(svc_req *r, void *ctx) {
    const stk_resource *res = ctx;
    json_t *body = NULL;
    char *text = NULL;
    svc_conn *c = NULL;
    PGresult *row = NULL;
    if (stk_require_editor(r) != SVC_OK || read_body(r, res, 0, &body) != SVC_OK)
        goto done;
    text = json_dumps(body, JSON_COMPACT);
    const char *params[] = {text};
    if (text == NULL) {
        svc_reply_problem(r, 500, NULL);
    } else if (svc_db_begin(r, &c) == SVC_OK &&
               stk_query(r, c, res->sql_insert, 1, params, &row) == SVC_OK &&
               run_after(r, c, res, svc_col(row, 0, 0), text) == SVC_OK) {
        finish_write(r, c, res, svc_col(row, 0, 0), "aangemaakt", NULL, 201);
    }
done:
    PQclear(row);
    svc_db_release(r, c);
    free(text);
    json_decref(body);
}

static void patch_locked(svc_req *r, svc_conn *c, const stk_resource *res, const char *id,
                         const PGresult *cur, const char *text) {
    char etag[SVC_ETAG_MAX];
    const char *params[] = {id, text};
    PGresult *row = NULL;
    svc_etag_from_version(id, svc_col_int(cur, 0, 1), etag);
    if (svc_req_if_match(r, etag) == SVC_OK &&
        stk_query(r, c, res->sql_update, 2, params, &row) == SVC_OK &&
        run_after(r, c, res, id, text) == SVC_OK)
        finish_write(r, c, res, id, "gewijzigd", svc_col(cur, 0, 0), 200);
    PQclear(row);
}

void stk_patch(svc_req *r, void *ctx) {
    const stk_resource *res = ctx;
    const char *id = svc_req_param(r, "id");
    json_t *body = NULL;
    char *text = NULL;
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    if (stk_require_editor(r) != SVC_OK)
        return;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, res->what);
        return;
    }
    const char *params[] = {id};
    if (read_body(r, res, 1, &body) != SVC_OK)
        goto done;
    if ((text = json_dumps(body, JSON_COMPACT)) == NULL) {
        svc_reply_problem(r, 500, NULL);
        goto done;
    }
    if (svc_db_begin(r, &c) == SVC_OK &&
        stk_query(r, c, res->sql_lock, 1, params, &cur) == SVC_OK) {
        if (PQntuples(cur) == 0)
            svc_reply_not_found(r, res->what);
        else
            patch_locked(r, c, res, id, cur, text);
    }
done:
    PQclear(cur);
    svc_db_release(r, c);
    free(text);
    json_decref(body);
}

static void delete_locked(svc_req *r, svc_conn *c, const stk_resource *res, const char *id,
                          const PGresult *cur) {
    const char *params[] = {id};
    PGresult *gone = NULL;
    const char *if_match = svc_req_header(r, "If-Match");
    char etag[SVC_ETAG_MAX];
    svc_etag_from_version(id, svc_col_int(cur, 0, 1), etag);
    /* If-Match is optional on DELETE; when sent, it must match. */
    int rc = if_match != NULL ? svc_req_if_match(r, etag) : SVC_OK;
    if (rc == SVC_OK && res->before_delete != NULL)
        rc = res->before_delete(r, c, id);
    if (rc == SVC_OK)
        rc = stk_query(r, c, res->sql_delete, 1, params, &gone);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "verwijderd", res->audit_type, id, svc_col(cur, 0, 0), NULL);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_empty(r, 204);
    PQclear(gone);
}

void stk_delete(svc_req *r, void *ctx) {
    const stk_resource *res = ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    if (stk_require_editor(r) != SVC_OK)
        return;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, res->what);
        return;
    }
    const char *params[] = {id};
    if (svc_db_begin(r, &c) == SVC_OK &&
        stk_query(r, c, res->sql_lock, 1, params, &cur) == SVC_OK) {
        if (PQntuples(cur) == 0)
            svc_reply_not_found(r, res->what);
        else
            delete_locked(r, c, res, id, cur);
    }
    PQclear(cur);
    svc_db_release(r, c);
}
