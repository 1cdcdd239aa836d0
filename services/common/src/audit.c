/* The audit trail (svc/audit.h). */
#include <stdio.h>

#include "svc/svc.h"

#define SQL_AUDIT_INSERT "svc_audit_insert"
#define SQL_AUDIT_LIST   "svc_audit_list"

static const char AUDIT_INSERT[] =
    "INSERT INTO audit_log (actor, action, object_type, object_id, before, after)"
    " VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb)";

/* $1 last id of the previous page, $2 limit, $3 object type, $4 object id: newest first. */
static const char AUDIT_LIST[] =
    "WITH page AS (SELECT a.id AS k, json_build_object('id', a.id, 'tijdstip', " SVC_SQL_TS(
        "a.at") ", 'actor', a.actor, 'actie', a.action, 'objectType', a.object_type,"
                " 'objectId', a.object_id, 'voor', a.before, 'na', a.after) AS obj,"
                " row_number() OVER (ORDER BY a.id DESC) AS n FROM audit_log a"
                " WHERE a.id < coalesce($1::bigint, 9223372036854775807)"
                " AND ($3::text IS NULL OR a.object_type = $3)"
                " AND ($4::text IS NULL OR a.object_id = $4)"
                " ORDER BY a.id DESC LIMIT $2::int + 1)" SVC_SQL_PAGE_RESULT("$2::int");

const svc_statement svc_library_statements[] = {
    {SQL_AUDIT_INSERT, AUDIT_INSERT},
    {SQL_AUDIT_LIST, AUDIT_LIST},
    /* the data generation of svc_reply_cached (svc/cache.h): prepared only where it is used */
    {"svc_data_generation", "SELECT value FROM data_generation"},
    {NULL, NULL},
};

int svc_audit_conn(svc_conn *c, const char *actor, const char *action, const char *object_type,
                   const char *object_id, const char *before, const char *after) {
    const char *params[] = {actor, action, object_type, object_id, before, after};
    PGresult *res = NULL;
    int rc = svc_conn_query(c, SQL_AUDIT_INSERT, 6, params, &res);
    PQclear(res);
    return rc;
}

int svc_audit(svc_req *r, svc_conn *c, const char *actor, const char *action,
              const char *object_type, const char *object_id, const char *before,
              const char *after) {
    const char *params[] = {actor ? actor : svc_req_actor(r, SVC_AUDIT_SYSTEM),
                            action,
                            object_type,
                            object_id,
                            before,
                            after};
    PGresult *res = NULL;
    int rc = svc_db_query(r, c, SQL_AUDIT_INSERT, 6, params, NULL, &res);
    PQclear(res);
    return rc;
}

void svc_audit_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    json_t *cursor = NULL;
    const char *after = NULL;
    unsigned int limit = 0;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_db_error(r, SVC_ENOMEM);
        return;
    }
    svc_page_parse(r, "audit", &limit, &cursor, &after, errs);
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        char limit_text[16];
        snprintf(limit_text, sizeof(limit_text), "%u", limit);
        const char *params[] = {after, limit_text, svc_req_query(r, "objectType"),
                                svc_req_query(r, "objectId")};
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, SQL_AUDIT_LIST, 4, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, "audit", "audit", res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
    svc_errors_free(errs);
}
