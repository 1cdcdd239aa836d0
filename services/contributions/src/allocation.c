/* Allocation over the municipalities (allocation.h): one query, then ctb_allocate. */
#include "allocation.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "allocate.h"
#include "csv.h"
#include "ctb.h"
#include "params.h"
#include "sql.h"

int ctb_allocation_compute(PGresult *rows, ctb_allocation *out) {
    memset(out, 0, sizeof(*out));
    out->rows = rows;
    out->n = (size_t)PQntuples(rows);
    if (out->n == 0)
        return SVC_ENOTFOUND;
    out->amount = svc_col_int(rows, 0, ALLOC_AMOUNT);
    if (svc_col(rows, 0, ALLOC_WEIGHTS_YEAR) == NULL)
        return SVC_EINVAL;
    out->weights = calloc(out->n, sizeof(*out->weights));
    out->shares = calloc(out->n, sizeof(*out->shares));
    if (out->weights == NULL || out->shares == NULL)
        return SVC_ENOMEM;
    for (size_t i = 0; i < out->n; i++)
        out->weights[i] = (uint64_t)svc_col_int(rows, (int)i, ALLOC_WEIGHT);
    return ctb_allocate(out->amount, out->weights, out->n, out->shares);
}

void ctb_allocation_clear(ctb_allocation *a) {
    PQclear(a->rows);
    free(a->weights);
    free(a->shares);
    memset(a, 0, sizeof(*a));
}

int ctb_allocation_amount(svc_req *r, svc_conn *c, const ctb_alloc_query *q, char *year,
                          char *amount) {
    PGresult *res = NULL;
    const char *line[] = {q->line_id}, *of_year[] = {q->year};
    int rc = SVC_OK;
    snprintf(year, CTB_ALLOC_NUM, "%s", q->year ? q->year : "");
    snprintf(amount, CTB_ALLOC_NUM, "%s", q->amount ? q->amount : "0");
    if (q->line_id != NULL) {
        rc = svc_db_query(r, c, SQL_LINE_AMOUNT, 1, line, NULL, &res);
        if (rc == SVC_OK && PQntuples(res) == 0) {
            svc_reply_not_found(r, "Deze begrotingsregel");
            rc = SVC_EREPLIED;
        }
        if (rc == SVC_OK) {
            if (q->year == NULL)
                snprintf(year, CTB_ALLOC_NUM, "%s", svc_col(res, 0, 0));
            snprintf(amount, CTB_ALLOC_NUM, "%s", svc_col(res, 0, 1));
        }
    } else if (q->structural) {
        rc = svc_db_query(r, c, SQL_STRUCTURAL_TOTAL, 1, of_year, NULL, &res);
        if (rc == SVC_OK)
            snprintf(amount, CTB_ALLOC_NUM, "%s", svc_col(res, 0, 0));
    }
    PQclear(res);
    return rc == SVC_OK ? SVC_OK : SVC_EREPLIED;
}

int ctb_allocation_fetch(svc_req *r, svc_conn *c, const ctb_alloc_query *q, const char *year,
                         const char *amount, ctb_allocation *out) {
    PGresult *rows = NULL;
    memset(out, 0, sizeof(*out));
    const char *params[] = {q->key_id ? q->key_id : q->key_code, year, amount};
    const char *sql = q->key_id ? SQL_ALLOCATION_BY_ID : SQL_ALLOCATION_BY_CODE;
    if (svc_db_query(r, c, sql, 3, params, NULL, &rows) != SVC_OK)
        return SVC_EREPLIED;
    int rc = ctb_allocation_compute(rows, out);
    if (rc == SVC_ENOTFOUND)
        svc_reply_not_found(r, "Deze verdeelsleutel");
    else if (rc == SVC_EINVAL)
        svc_reply_problem(r, 409,
                          "Deze verdeelsleutel heeft (nog) geen gewichten om mee te "
                          "verdelen.");
    else if (rc != SVC_OK)
        svc_reply_problem(r, 500, NULL);
    return rc == SVC_OK ? SVC_OK : SVC_EREPLIED;
}

int ctb_allocation_run(svc_req *r, svc_conn *c, const ctb_alloc_query *q, ctb_allocation *out) {
    char year[CTB_ALLOC_NUM], amount[CTB_ALLOC_NUM];
    memset(out, 0, sizeof(*out));
    if (ctb_allocation_amount(r, c, q, year, amount) != SVC_OK)
        return SVC_EREPLIED;
    return ctb_allocation_fetch(r, c, q, year, amount, out);
}

int ctb_allocation_params(svc_req *r, ctb_alloc_query *q) {
    svc_errors *errs = ctb_errors(r);
    const char *key = svc_req_query(r, "verdeelsleutel");
    const char *structural = svc_req_query(r, "structureel");
    long long amount = 0;
    memset(q, 0, sizeof(*q));
    if (errs == NULL)
        return SVC_EREPLIED;
    if (key == NULL)
        q->key_code = "per-inwoner";
    else if (ctb_is_uuid(key))
        q->key_id = key;
    else
        q->key_code = key;
    ctb_query_year(r, "jaar", &q->year, errs);
    ctb_query_uuid(r, "begrotingsregel", &q->line_id, errs);
    q->amount = svc_req_query(r, "bedrag");
    if (q->amount != NULL && !ctb_parse_int(q->amount, 0, 1000000000000000LL, &amount))
        svc_errors_add(errs, "bedrag", "range",
                       "Moet een geheel aantal centen zijn, van 0 tot en met 10^15.");
    if (structural != NULL && strcmp(structural, "true") != 0)
        svc_errors_add(errs, "structureel", "enum", "Alleen true is toegestaan.");
    q->structural = structural != NULL;
    int sources = (q->amount != NULL) + (q->line_id != NULL) + q->structural;
    if (sources != 1)
        svc_errors_add(errs, "bedrag", "required",
                       "Geef precies een van: bedrag, begrotingsregel of structureel=true.");
    if (q->year == NULL && q->line_id == NULL)
        svc_errors_add(errs, "jaar", "required", "Nodig, behalve bij een begrotingsregel.");
    int rc = ctb_errors_reply(r, errs);
    svc_errors_free(errs);
    return rc;
}

int ctb_allocation_find(const ctb_allocation *a, const char *gemeente) {
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(svc_col(a->rows, (int)i, ALLOC_GM_CODE), gemeente) == 0)
            return (int)i;
    return -1;
}
