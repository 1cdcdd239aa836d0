/* Read models: the dashboard overview, the steering-group report and the audit feed with a
 * time range. */
#include <stdio.h>
#include <string.h>

#include "portfolio.h"
#include "sql.h"

void pf_overview(svc_req *r, void *ctx) {
    const svc_cached_read q = {.stmt = SQL_OVERVIEW, .what = "Het overzicht"};
    pf_cached(r, ctx, &q);
}

static const char *date_param(svc_req *r, const char *name, int required, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v == NULL && required)
        svc_errors_add(errs, name, "required", "Verplicht (JJJJ-MM-DD).");
    else if (v != NULL && !svc_is_date(v))
        svc_errors_add(errs, name, "format", "Moet een datum JJJJ-MM-DD zijn.");
    return v;
}

/* GET /stuurgroeprapportage?van=&tot=&weken= (default 6: the steering group's cadence). */
void pf_steering_report(svc_req *r, void *ctx) {
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *from = date_param(r, "van", 1, errs), *to = date_param(r, "tot", 1, errs);
    const char *weeks = svc_req_query(r, "weken");
    if (weeks != NULL && !pf_is_int(weeks, 1, 52))
        svc_errors_add(errs, "weken", "range", "Moet 1 tot en met 52 zijn.");
    if (from && to && svc_is_date(from) && svc_is_date(to) && strcmp(to, from) < 0)
        svc_errors_add(errs, "tot", "range", "Mag niet voor van liggen.");
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        const char *params[] = {from, to, weeks ? weeks : "6"};
        const svc_cached_read q = {
            .stmt = SQL_STEERING, .n = 3, .params = params, .what = "De rapportage"};
        pf_cached(r, ctx, &q);
    }
    svc_errors_free(errs);
}

static const char *moment_param(svc_req *r, const char *name, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && !svc_is_date(v) && !svc_is_datetime(v))
        svc_errors_add(errs, name, "format",
                       "Moet een datum (JJJJ-MM-DD) of RFC 3339-tijdstip zijn.");
    return v;
}

/* GET /audit: svc_audit_list's entries and filters (objectType, objectId) plus a time range
 * (van, tot: date or RFC 3339; a date tot is inclusive). */
void pf_audit_feed(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    json_t *cursor = NULL;
    unsigned int limit = 0;
    char limit_text[16];
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *params[6] = {NULL};
    svc_page_parse(r, "audit", &limit, &cursor, &params[0], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[1] = limit_text;
    params[2] = svc_req_query(r, "objectType");
    params[3] = svc_req_query(r, "objectId");
    params[4] = moment_param(r, "van", errs);
    params[5] = moment_param(r, "tot", errs);
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, SQL_AUDIT_FEED, 6, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, "audit", "audit", res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
    svc_errors_free(errs);
}
