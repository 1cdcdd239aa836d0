/* The audit trail: who changed what, when, and how it looked before and after. Rows are written
 * in the transaction of the change itself, so there is never a change without its record. The
 * representations written never hold a password hash or a client secret. */
#include "audit.h"

#include <stdio.h>

#include "auth.h"
#include "db.h"
#include "sql.h"

int auth_audit_conn(svc_conn *c, const char *actor, const char *action, const char *object_type,
                    const char *object_id, const char *before, const char *after) {
    const char *params[] = {actor, action, object_type, object_id, before, after};
    PGresult *res = NULL;
    int rc = svc_conn_query(c, SQL_AUDIT_INSERT, 6, params, &res);
    PQclear(res);
    return rc;
}

int auth_audit(svc_req *r, svc_conn *c, const char *actor, const char *action,
               const char *object_type, const char *object_id, const char *before,
               const char *after) {
    const char *params[] = {actor, action, object_type, object_id, before, after};
    PGresult *res = NULL;
    int rc = auth_db_query(r, c, SQL_AUDIT_INSERT, 6, params, NULL, &res);
    PQclear(res);
    return rc;
}

/* GET /audit: newest first, keyset on the id. */
void auth_audit_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    json_t *cursor = NULL;
    const char *after = NULL;
    unsigned int limit = 0;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_db_error(r, SVC_ENOMEM);
        return;
    }
    auth_page_parse(r, "audit", &limit, &cursor, &after, errs);
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        char limit_text[16];
        snprintf(limit_text, sizeof(limit_text), "%u", limit);
        const char *params[] = {after, limit_text};
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (auth_db_acquire(r, &c) == SVC_OK &&
            auth_db_query(r, c, SQL_AUDIT_LIST, 2, params, NULL, &res) == SVC_OK)
            auth_reply_page(r, "audit", "audit", res);
        PQclear(res);
        auth_db_release(r, c);
    }
    json_decref(cursor);
    svc_errors_free(errs);
}
