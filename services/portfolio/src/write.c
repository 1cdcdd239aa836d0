/* Every change goes the same way: editor role, path id, the whole body validated (one 400 with
 * every problem), then one transaction: If-Match on the locked row, the change itself (a
 * PostgreSQL function answering a pf_result), the audit row, COMMIT, the answer. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portfolio.h"

enum { R_STATUS, R_FIELD, R_DETAIL, R_ID, R_VERSION, R_BODY, R_AUDIT_ID, R_BEFORE, R_AFTER };

static const char *path_id(svc_req *r, const pf_write *w) {
    if (w->id_kind == PF_ID_NONE)
        return NULL;
    const char *id = svc_req_param(r, w->id_kind == PF_ID_LINE ? "nummer" : "id");
    int ok = w->id_kind == PF_ID_LINE ? pf_is_line_number(id) : svc_is_uuid(id);
    return ok ? id : NULL;
}

/* Parse and check the body completely; SVC_EREPLIED with the 400 set otherwise. */
static int read_body(svc_req *r, const pf_write *w, json_t **body) {
    if (w->fields == NULL) {
        *body = json_object();
        return SVC_OK;
    }
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, w->fields, w->policy, NULL, errs);
    if (w->check != NULL && json_is_object(*body))
        w->check(*body, errs);
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* If-Match against the locked row (required for PATCH, honoured when sent otherwise). */
static int check_version(svc_req *r, svc_conn *c, const pf_write *w, const char *id) {
    if (w->sql_lock == NULL || (!w->if_match && svc_req_header(r, "If-Match") == NULL))
        return SVC_OK;
    PGresult *res = NULL;
    const char *params[] = {id};
    int rc = svc_db_query(r, c, w->sql_lock, 1, params, NULL, &res);
    if (rc == SVC_OK && PQntuples(res) == 0) {
        svc_reply_not_found(r, w->what);
        rc = SVC_EREPLIED;
    } else if (rc == SVC_OK) {
        char etag[SVC_ETAG_MAX];
        svc_etag_from_version(id, svc_col_int(res, 0, 0), etag);
        rc = svc_req_if_match(r, etag);
    }
    PQclear(res);
    return rc;
}

/* A failure status of the change function: its problem. */
static void reply_failure(svc_req *r, const PGresult *res, int status, const char *what) {
    const char *field = svc_col(res, 0, R_FIELD), *detail = svc_col(res, 0, R_DETAIL);
    if (status == 400) {
        svc_errors *errs = NULL;
        if (svc_errors_new(&errs) != SVC_OK) {
            svc_reply_problem(r, 500, NULL);
            return;
        }
        svc_errors_add(errs, field ? field : "body", "invalid", "%s", detail ? detail : "");
        svc_reply_invalid(r, errs, NULL);
        svc_errors_free(errs);
    } else if (status == 404 && detail == NULL) {
        svc_reply_not_found(r, what);
    } else {
        svc_reply_problem(r, status, detail);
    }
}

static void reply_success(svc_req *r, const PGresult *res, int status, const pf_write *w,
                          const char *id) {
    const char *new_id = svc_col(res, 0, R_ID), *version = svc_col(res, 0, R_VERSION);
    if (status == 204) {
        svc_reply_empty(r, 204);
        return;
    }
    if (status == 201 && w->location != NULL) {
        /* location is a collection path, "%s" standing for the path id */
        char collection[160];
        const char *hole = strstr(w->location, "%s");
        if (hole == NULL)
            snprintf(collection, sizeof(collection), "%s", w->location);
        else
            snprintf(collection, sizeof(collection), "%.*s%s%s", (int)(hole - w->location),
                     w->location, id ? id : "", hole + 2);
        svc_reply_location(r, collection, new_id);
    }
    svc_reply_entity(r, status, svc_col(res, 0, R_BODY), new_id, version ? version : "1");
}

static void run_change(svc_req *r, const pf_write *w, const char *id, const char *body_text,
                       const char *lines) {
    svc_conn *c = NULL;
    PGresult *res = NULL;
    const char *params[] = {id, body_text, svc_req_actor(r, SVC_AUDIT_SYSTEM), lines};
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = check_version(r, c, w, id);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, w->sql_write, 4, params, NULL, &res);
    int status = rc == SVC_OK ? (int)svc_col_int(res, 0, R_STATUS) : 0;
    if (rc == SVC_OK && status >= 400) {
        reply_failure(r, res, status, w->what);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, w->action, w->object_type, svc_col(res, 0, R_AUDIT_ID),
                       svc_col(res, 0, R_BEFORE), svc_col(res, 0, R_AFTER));
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    svc_db_release(r, c);
    if (rc == SVC_OK)
        reply_success(r, res, status, w, id);
    PQclear(res);
}

void pf_write_run(svc_req *r, const pf_write *w) {
    const svc_principal *p = svc_req_principal(r);
    if (!w->any_role && !pf_is_editor(p)) {
        svc_reply_problem(r, 403, "Alleen een redacteur of beheerder kan de agenda wijzigen.");
        return;
    }
    const char *id = path_id(r, w);
    if (w->id_kind != PF_ID_NONE && id == NULL) {
        svc_reply_not_found(r, w->what);
        return;
    }
    json_t *body = NULL;
    if (read_body(r, w, &body) == SVC_OK) {
        char *text = json_dumps(body, JSON_COMPACT);
        char lines_buf[64];
        if (text == NULL)
            svc_reply_problem(r, 500, NULL);
        else
            run_change(r, w, id, text, pf_lines_limit(p, lines_buf, sizeof(lines_buf)));
        free(text);
    }
    json_decref(body);
}
