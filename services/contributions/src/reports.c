/* Read-only overviews: the coverage per year and scope, the municipalities, the allocation as
 * CSV, and the audit trail (staff only). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "allocation.h"
#include "cached.h"
#include "ctb.h"
#include "export.h"
#include "params.h"
#include "sql.h"

#define COVERAGE_MAX_YEARS 25

/* The overview for the filters f (SQL_COVERAGE), kept per coverage generation: the same for
 * every caller, so the key is the request itself. */
static void coverage_reply(svc_req *r, ctb_ctx *ctx, const char *const *f) {
    const svc_cached_read q = {.stmt = SQL_COVERAGE,
                               .n = 5,
                               .params = f,
                               .what = "Het dekkingsoverzicht",
                               .generation = SQL_GENERATION,
                               .generation_param = CTB_GEN_COVERAGE};
    svc_reply_cached(r, ctx->coverage, &q);
}

/* ?vanJaar=&totJaar= (default: this one year ?jaar=), ?scope=&actielijn=&projectId=. */
void ctb_coverage_get(svc_req *r, void *ctx) {
    svc_errors *errs = ctb_errors(r);
    const char *f[5], *year = NULL;
    long long from = 0, to = 0;
    if (errs == NULL)
        return;
    ctb_query_year(r, "vanJaar", &f[0], errs);
    ctb_query_year(r, "totJaar", &f[1], errs);
    ctb_query_year(r, "jaar", &year, errs);
    ctb_query_enum(r, "scope", ctb_scopes, &f[2], errs);
    ctb_query_action_line(r, "actielijn", &f[3], errs);
    ctb_query_uuid(r, "projectId", &f[4], errs);
    if (year != NULL && f[0] == NULL && f[1] == NULL)
        f[0] = f[1] = year;
    if (f[0] == NULL || f[1] == NULL) {
        svc_errors_add(errs, "vanJaar", "required", "Geef vanJaar en totJaar (of jaar).");
    } else if (ctb_parse_int(f[0], CTB_YEAR_MIN, CTB_YEAR_MAX, &from) &&
               ctb_parse_int(f[1], CTB_YEAR_MIN, CTB_YEAR_MAX, &to) &&
               (to < from || to - from >= COVERAGE_MAX_YEARS)) {
        svc_errors_add(errs, "totJaar", "range", "Moet vanJaar of later zijn, hoogstens %d jaar.",
                       COVERAGE_MAX_YEARS);
    }
    if (ctb_errors_reply(r, errs) == SVC_OK)
        coverage_reply(r, ctx, f);
    svc_errors_free(errs);
}

void ctb_municipalities_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_conn *c = NULL;
    PGresult *res = NULL;
    char *body = NULL;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_MUNICIPALITIES, 0, NULL, NULL, &res) == SVC_OK) {
        if (asprintf(&body, "{\"gemeenten\":%s}", svc_col(res, 0, 0)) < 0)
            svc_reply_problem(r, 500, NULL);
        else
            svc_reply_json_text(r, 200, body, strlen(body));
    }
    free(body);
    PQclear(res);
    svc_db_release(r, c);
}

static const char *const allocation_header[] = {"verdeelsleutel", "grondslag",   "jaar",
                                                "gewichtenJaar",  "gemeente",    "naam",
                                                "gewicht",        "aandeelEuro", NULL};

void ctb_allocation_export(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_alloc_query q;
    ctb_allocation a;
    ctb_csv_dialect dialect;
    svc_conn *c = NULL;
    if (ctb_csv_dialect_of(r, &dialect) != SVC_OK || ctb_allocation_params(r, &q) != SVC_OK ||
        svc_db_acquire(r, &c) != SVC_OK)
        return;
    if (ctb_allocation_run(r, c, &q, &a) == SVC_OK) {
        ctb_csv csv;
        ctb_csv_init(&csv, dialect);
        ctb_csv_header(&csv, allocation_header);
        for (size_t i = 0; i < a.n; i++) {
            ctb_csv_text(&csv, svc_col(a.rows, 0, ALLOC_KEY_NAME));
            ctb_csv_text(&csv, svc_col(a.rows, 0, ALLOC_KEY_BASIS));
            ctb_csv_text(&csv, svc_col(a.rows, 0, ALLOC_YEAR));
            ctb_csv_text(&csv, svc_col(a.rows, 0, ALLOC_WEIGHTS_YEAR));
            ctb_csv_text(&csv, svc_col(a.rows, (int)i, ALLOC_GM_CODE));
            ctb_csv_text(&csv, svc_col(a.rows, (int)i, ALLOC_GM_NAME));
            ctb_csv_int(&csv, (int64_t)a.weights[i]);
            ctb_csv_cents(&csv, a.shares[i]);
            ctb_csv_end_row(&csv);
        }
        ctb_reply_csv(r, &csv, "verdeling.csv");
        ctb_csv_free(&csv);
    }
    ctb_allocation_clear(&a);
    svc_db_release(r, c);
}

void ctb_audit_list(svc_req *r, void *ctx) {
    if (ctb_require_staff(r) == SVC_OK)
        svc_audit_list(r, ctx);
}
