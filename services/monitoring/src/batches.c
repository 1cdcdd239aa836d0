/* Import batches: every push with who, when, format, counts and its rejected rows. */
#include <string.h>

#include "sql.h"
#include "util.h"

static const char *const statuses[] = {"verwerkt", "gedeeltelijk", "afgewezen", NULL};

void mon_batches_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    const char *params[3] = {svc_req_query(r, "status")};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    int known = params[0] == NULL;
    for (int i = 0; statuses[i] != NULL && !known; i++)
        known = strcmp(statuses[i], params[0]) == 0;
    if (!known)
        svc_errors_add(errs, "status", "enum", "Moet verwerkt, gedeeltelijk of afgewezen zijn.");
    mon_reply_list(r, "importen", SQL_BATCH_LIST, 3, params, errs);
    svc_errors_free(errs);
}

void mon_batches_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    if (!mon_is_uuid(id)) {
        svc_reply_not_found(r, "Deze import");
        return;
    }
    const char *params[] = {id};
    mon_reply_query_json(r, SQL_BATCH_GET, 1, params, "Deze import");
}

void mon_batches_conflicts(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_errors *errs = NULL;
    json_t *cursor = NULL;
    unsigned int limit = 0;
    char limit_text[16];
    const char *params[3] = {id};
    if (!mon_is_uuid(id)) {
        svc_reply_not_found(r, "Deze import");
        return;
    }
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_page_parse(r, "afwijzingen", &limit, &cursor, &params[1], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[2] = limit_text;
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, SQL_BATCH_CONFLICTS, 3, params, NULL, &res) == SVC_OK) {
            if (PQntuples(res) == 0)
                svc_reply_not_found(r, "Deze import");
            else
                svc_reply_page(r, "afwijzingen", "afwijzingen", res);
        }
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
    svc_errors_free(errs);
}
