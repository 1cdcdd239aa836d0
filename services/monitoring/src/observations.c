/* Observations: list, one with its history, and the export in the push's CSV format. */
#include <stdio.h>
#include <string.h>

#include "sql.h"
#include "util.h"

static void read_filters(svc_req *r, const char **params, svc_errors *errs) {
    const char *ind = svc_req_query(r, "indicator"), *area = svc_req_query(r, "gebied");
    const char *from = svc_req_query(r, "vanaf"), *to = svc_req_query(r, "tot");
    if (ind != NULL && !mon_is_indicator_code(ind))
        svc_errors_add(errs, "indicator", "format", "Moet een indicatorcode zijn.");
    if (area != NULL && !mon_is_area_code(area))
        svc_errors_add(errs, "gebied", "format", "Moet een gebiedscode zijn.");
    if (from != NULL && !mon_is_period(from))
        svc_errors_add(errs, "vanaf", "format", "Moet een periode zijn: 2024, 2024-Q1 of 2024-03.");
    if (to != NULL && !mon_is_period(to))
        svc_errors_add(errs, "tot", "format", "Moet een periode zijn: 2024, 2024-Q1 of 2024-03.");
    params[0] = ind;
    params[1] = area;
    params[2] = from;
    params[3] = to;
}

void mon_observations_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    const char *params[8] = {NULL};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    read_filters(r, params, errs);
    params[4] = svc_req_query(r, "status");
    params[5] = svc_req_query(r, "import");
    if (params[4] && strcmp(params[4], "voorlopig") && strcmp(params[4], "definitief"))
        svc_errors_add(errs, "status", "enum", "Moet voorlopig of definitief zijn.");
    if (params[5] && !mon_is_uuid(params[5]))
        svc_errors_add(errs, "import", "format", "Moet het id van een import zijn.");
    mon_reply_list(r, "waarnemingen", SQL_OBS_LIST, 8, params, errs);
    svc_errors_free(errs);
}

void mon_observations_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *params[] = {svc_req_param(r, "indicator"), svc_req_param(r, "gebied"),
                            svc_req_param(r, "periode")};
    mon_reply_query_json(r, SQL_OBS_GET, 3, params, "Deze waarneming");
}

void mon_observations_export(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    const char *params[5] = {NULL};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    read_filters(r, params, errs);
    const char *sep = svc_req_query(r, "scheidingsteken");
    if (sep != NULL && strcmp(sep, ";") != 0 && strcmp(sep, ",") != 0)
        svc_errors_add(errs, "scheidingsteken", "enum", "Moet ; of , zijn.");
    params[4] = sep ? sep : ";";
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, SQL_OBS_EXPORT, 5, params, NULL, &res) == SVC_OK) {
            svc_reply_header(r, "Content-Disposition", "attachment; filename=\"waarnemingen.csv\"");
            svc_reply_text(r, 200, "text/csv; charset=utf-8", svc_col(res, 0, 0),
                           (size_t)PQgetlength(res, 0, 0));
        }
        PQclear(res);
        svc_db_release(r, c);
    }
    svc_errors_free(errs);
}
