/* Generic create/read/change/delete (resource.h). */
#include "resource.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "params.h"
#include "svc/svc.h"

#define LIST_MAX_FILTERS 16

static int allowed(svc_req *r, const ctb_resource *res, ctb_op op, json_t *body,
                   const PGresult *cur) {
    if (res->allow != NULL)
        return res->allow(r, op, body, cur);
    return op == CTB_READ ? SVC_OK : ctb_require_editor(r);
}

int ctb_read_body(svc_req *r, const svc_field *fields, unsigned int policy,
                  void (*check)(const json_t *, const PGresult *, svc_errors *),
                  const PGresult *cur, json_t **body) {
    if (*body == NULL && svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    svc_errors *errs = ctb_errors(r);
    if (errs == NULL)
        return SVC_EREPLIED;
    svc_validate(*body, fields, policy, NULL, errs);
    if (check != NULL && json_is_object(*body))
        check(*body, cur, errs);
    int rc = ctb_errors_reply(r, errs);
    svc_errors_free(errs);
    return rc;
}

/* The write's answer text: the entity, with "waarschuwingen" when the resource has warnings
 * (queried in the open transaction). *out is malloc'ed. */
static int written_body(svc_req *r, svc_conn *c, const ctb_resource *res, const char *id,
                        const char *json, char **out) {
    PGresult *warn = NULL;
    const char *params[] = {id};
    if (res->sql_warn != NULL &&
        svc_db_query(r, c, res->sql_warn, 1, params, NULL, &warn) != SVC_OK)
        return SVC_EREPLIED;
    size_t len = strlen(json);
    int n = warn != NULL && len > 2 ? asprintf(out, "%.*s,\"waarschuwingen\":%s}", (int)(len - 1),
                                               json, svc_col(warn, 0, 0))
                                    : asprintf(out, "%s", json);
    PQclear(warn);
    if (n < 0) {
        *out = NULL;
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

void ctb_resource_get(svc_req *r, const ctb_resource *res, const char *id) {
    svc_conn *c = NULL;
    PGresult *row = NULL;
    if (!ctb_is_uuid(id)) {
        svc_reply_not_found(r, res->what);
        return;
    }
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, res->sql_get, 1, params, NULL, &row) == SVC_OK) {
        if (PQntuples(row) == 0)
            svc_reply_not_found(r, res->what);
        else if (allowed(r, res, CTB_READ, NULL, row) == SVC_OK)
            svc_reply_entity(r, 200, svc_col(row, 0, 0), id, svc_col(row, 0, 1));
    }
    PQclear(row);
    svc_db_release(r, c);
}

void ctb_resource_create(svc_req *r, const ctb_resource *res, json_t *given) {
    json_t *body = json_incref(given);
    svc_conn *c = NULL;
    PGresult *row = NULL;
    char *text = NULL;
    /* Who may create comes first: the answer may fill in the body (a municipal client's own
     * municipality) before it is validated. */
    int rc = body != NULL ? SVC_OK : svc_req_json(r, &body);
    if (rc == SVC_OK)
        rc = allowed(r, res, CTB_CREATE, body, NULL);
    if (rc == SVC_OK)
        rc = ctb_read_body(r, res->create_fields, SVC_REJECT_UNKNOWN, res->check, NULL, &body);
    if (rc == SVC_OK && (text = json_dumps(body, JSON_COMPACT)) == NULL) {
        svc_reply_problem(r, 500, NULL);
        rc = SVC_EREPLIED;
    }
    const char *actor = svc_req_actor(r, SVC_AUDIT_SYSTEM);
    const char *params[] = {text, actor};
    if (rc == SVC_OK)
        rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, res->sql_insert, 2, params, res->conflict, &row);
    if (rc == SVC_OK && PQntuples(row) == 0) {
        svc_reply_problem(r, res->insert_none_status ? res->insert_none_status : 400,
                          res->insert_none);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = svc_audit(r, c, actor, "aangemaakt", res->audit_type, svc_col(row, 0, 0), NULL,
                       svc_col(row, 0, 2));
    char *answer = NULL;
    if (rc == SVC_OK)
        rc = written_body(r, c, res, svc_col(row, 0, 0), svc_col(row, 0, 2), &answer);
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    if (rc == SVC_OK) {
        svc_reply_location(r, res->collection, svc_col(row, 0, 0));
        svc_reply_entity(r, 201, answer, svc_col(row, 0, 0), svc_col(row, 0, 1));
    }
    svc_db_release(r, c);
    PQclear(row);
    free(answer);
    free(text);
    json_decref(body);
}

static int check_refs(svc_req *r, svc_conn *c, const ctb_resource *res, const char *body) {
    const char *params[] = {body};
    PGresult *row = NULL;
    int rc = svc_db_query(r, c, res->sql_refs, 1, params, NULL, &row);
    if (rc == SVC_OK && PQntuples(row) == 0) {
        svc_reply_problem(r, res->insert_none_status ? res->insert_none_status : 400,
                          res->insert_none);
        rc = SVC_EREPLIED;
    }
    PQclear(row);
    return rc;
}

static void write_patch(svc_req *r, svc_conn *c, const ctb_resource *res, const char *id,
                        const json_t *body, const PGresult *cur) {
    char *text = json_dumps(body, JSON_COMPACT);
    const char *actor = svc_req_actor(r, SVC_AUDIT_SYSTEM);
    const char *params[] = {id, text, actor};
    PGresult *row = NULL;
    int rc = text ? SVC_OK : SVC_ENOMEM;
    if (rc != SVC_OK)
        svc_reply_problem(r, 500, NULL);
    if (rc == SVC_OK && res->sql_refs != NULL)
        rc = check_refs(r, c, res, text);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, res->sql_update, 3, params, res->conflict, &row);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, actor, "gewijzigd", res->audit_type, id, svc_col(cur, 0, 0),
                       svc_col(row, 0, 1));
    char *answer = NULL;
    if (rc == SVC_OK)
        rc = written_body(r, c, res, id, svc_col(row, 0, 1), &answer);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_entity(r, 200, answer, id, svc_col(row, 0, 0));
    PQclear(row);
    free(answer);
    free(text);
}

void ctb_resource_patch(svc_req *r, const ctb_resource *res, const char *id) {
    json_t *body = NULL;
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    char etag[SVC_ETAG_MAX];
    if (!ctb_is_uuid(id)) {
        svc_reply_not_found(r, res->what);
        return;
    }
    const char *params[] = {id};
    /* Types first (one 400 before any database work); checks against the row follow. */
    int rc =
        ctb_read_body(r, res->patch_fields, SVC_REJECT_UNKNOWN | SVC_PARTIAL, NULL, NULL, &body);
    if (rc == SVC_OK)
        rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, res->sql_lock, 1, params, NULL, &cur);
    if (rc == SVC_OK && PQntuples(cur) == 0) {
        svc_reply_not_found(r, res->what);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = allowed(r, res, CTB_UPDATE, body, cur);
    if (rc == SVC_OK) {
        svc_etag_from_version(id, svc_col_int(cur, 0, 1), etag);
        rc = svc_req_if_match(r, etag);
    }
    if (rc == SVC_OK)
        rc = ctb_read_body(r, res->patch_fields, SVC_REJECT_UNKNOWN | SVC_PARTIAL, res->check, cur,
                           &body);
    if (rc == SVC_OK && ctb_unchanged(body, svc_col(cur, 0, 0), res->extra_members))
        svc_reply_entity(r, 200, svc_col(cur, 0, 0), id, svc_col(cur, 0, 1));
    else if (rc == SVC_OK)
        write_patch(r, c, res, id, body, cur);
    PQclear(cur);
    svc_db_release(r, c);
    json_decref(body);
}

void ctb_resource_delete(svc_req *r, const ctb_resource *res, const char *id) {
    svc_conn *c = NULL;
    PGresult *cur = NULL, *done = NULL;
    char etag[SVC_ETAG_MAX];
    if (!ctb_is_uuid(id)) {
        svc_reply_not_found(r, res->what);
        return;
    }
    const char *params[] = {id};
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, res->sql_lock, 1, params, NULL, &cur);
    if (rc == SVC_OK && PQntuples(cur) == 0) {
        svc_reply_not_found(r, res->what);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = allowed(r, res, CTB_DELETE, NULL, cur);
    /* If-Match is optional on delete; when sent it must match. */
    if (rc == SVC_OK && svc_req_header(r, "If-Match") != NULL) {
        svc_etag_from_version(id, svc_col_int(cur, 0, 1), etag);
        rc = svc_req_if_match(r, etag);
    }
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, res->sql_delete, 1, params, NULL, &done);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM), "verwijderd", res->audit_type, id,
                       svc_col(cur, 0, 0), NULL);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_empty(r, 204);
    PQclear(done);
    PQclear(cur);
    svc_db_release(r, c);
}

void ctb_list(svc_req *r, const char *member, const char *sql, const char **filters, int n,
              svc_errors *errs) {
    const char *params[LIST_MAX_FILTERS + 2] = {NULL};
    json_t *cursor = NULL;
    unsigned int limit = 0;
    char limit_text[16];
    for (int i = 0; i < n && i < LIST_MAX_FILTERS; i++)
        params[i] = filters[i];
    svc_page_parse(r, member, &limit, &cursor, &params[n], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[n + 1] = limit_text;
    if (ctb_errors_reply(r, errs) == SVC_OK) {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, sql, n + 2, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, member, member, res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
}

static int is_extra(const char *key, const char *const *extra) {
    for (size_t i = 0; extra != NULL && extra[i] != NULL; i++)
        if (strcmp(extra[i], key) == 0)
            return 1;
    return 0;
}

int ctb_unchanged(const json_t *patch, const char *current_json, const char *const *extra) {
    json_t *cur = json_loads(current_json, 0, NULL);
    const char *key;
    json_t *value;
    int same = cur != NULL;
    json_object_foreach((json_t *)patch, key, value) {
        if (!same)
            break;
        if (is_extra(key, extra))
            continue; /* not stored in the representation: changes nothing by itself */
        else {
            json_t *now = json_object_get(cur, key);
            same = now != NULL && json_equal(now, value);
        }
    }
    json_decref(cur);
    return same;
}
