/* CSV answers (export.h) and the budget and contribution exports. */
#include "export.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "ctb.h"
#include "params.h"
#include "sql.h"
#include "svc/db.h"

int ctb_csv_dialect_of(svc_req *r, ctb_csv_dialect *out) {
    if (ctb_csv_dialect_parse(svc_req_query(r, "formaat"), out) == SVC_OK)
        return SVC_OK;
    svc_errors *errs = ctb_errors(r);
    if (errs == NULL)
        return SVC_EREPLIED;
    svc_errors_add(errs, "formaat", "enum", "Moet een van: nl, rfc4180 zijn.");
    ctb_errors_reply(r, errs);
    svc_errors_free(errs);
    return SVC_EREPLIED;
}

void ctb_csv_result(ctb_csv *csv, const PGresult *res, const ctb_column *cols) {
    for (int row = 0; row < PQntuples(res); row++) {
        for (int i = 0; cols[i].header != NULL; i++) {
            const char *v = svc_col(res, row, i);
            if (v == NULL)
                ctb_csv_text(csv, NULL);
            else if (cols[i].kind == COL_CENTS)
                ctb_csv_cents(csv, strtoll(v, NULL, 10));
            else if (cols[i].kind == COL_BOOL)
                ctb_csv_text(csv, v[0] == 't' ? "ja" : "nee");
            else
                ctb_csv_text(csv, v);
        }
        ctb_csv_end_row(csv);
    }
}

static void header_row(ctb_csv *csv, const ctb_column *cols) {
    for (int i = 0; cols[i].header != NULL; i++)
        ctb_csv_text(csv, cols[i].header);
    ctb_csv_end_row(csv);
}

void ctb_reply_csv(svc_req *r, ctb_csv *csv, const char *filename) {
    char disposition[160];
    if (csv->failed) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    snprintf(disposition, sizeof(disposition), "attachment; filename=\"%s\"", filename);
    svc_reply_text(r, 200, "text/csv; charset=utf-8; header=present", csv->data, csv->len);
    svc_reply_header(r, "Content-Disposition", disposition);
}

/* Run a statement and answer its rows as CSV. */
static void export_rows(svc_req *r, const char *sql, int n, const char **params,
                        const ctb_column *cols, const char *filename) {
    ctb_csv_dialect dialect;
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (ctb_csv_dialect_of(r, &dialect) != SVC_OK)
        return;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, sql, n, params, NULL, &res) == SVC_OK) {
        ctb_csv csv;
        ctb_csv_init(&csv, dialect);
        header_row(&csv, cols);
        ctb_csv_result(&csv, res, cols);
        ctb_reply_csv(r, &csv, filename);
        ctb_csv_free(&csv);
    }
    PQclear(res);
    svc_db_release(r, c);
}

static const ctb_column budget_cols[] = {
    {"id", COL_TEXT},        {"jaar", COL_INT},          {"scope", COL_TEXT},
    {"actielijn", COL_INT},  {"projectId", COL_TEXT},    {"aard", COL_TEXT},
    {"categorie", COL_TEXT}, {"omschrijving", COL_TEXT}, {"bedragEuro", COL_CENTS},
    {"status", COL_TEXT},    {"revisie", COL_INT},       {"uitgegevenEuro", COL_CENTS},
    {"demo", COL_BOOL},      {NULL, COL_TEXT},
};

void ctb_budget_export(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = ctb_errors(r);
    const char *f[2];
    if (errs == NULL)
        return;
    ctb_query_year(r, "vanJaar", &f[0], errs);
    ctb_query_year(r, "totJaar", &f[1], errs);
    if (ctb_errors_reply(r, errs) == SVC_OK)
        export_rows(r, SQL_BUDGET_EXPORT, 2, f, budget_cols, "begroting.csv");
    svc_errors_free(errs);
}

static const ctb_column contribution_cols[] = {
    {"id", COL_TEXT},          {"jaar", COL_INT},
    {"gemeente", COL_TEXT},    {"gemeentenaam", COL_TEXT},
    {"organisatie", COL_TEXT}, {"scope", COL_TEXT},
    {"actielijn", COL_INT},    {"projectId", COL_TEXT},
    {"soort", COL_TEXT},       {"bedragEuro", COL_CENTS},
    {"uren", COL_INT},         {"uurtariefEuro", COL_CENTS},
    {"waardeEuro", COL_CENTS}, {"financieringsbron", COL_TEXT},
    {"status", COL_TEXT},      {"datum", COL_TEXT},
    {"toelichting", COL_TEXT}, {"demo", COL_BOOL},
    {NULL, COL_TEXT},
};

/* A municipal client gets only its own municipality's contributions. */
void ctb_contributions_export(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = ctb_errors(r);
    const char *f[2];
    const char *own = ctb_municipal_client(r);
    if (errs == NULL)
        return;
    ctb_query_year(r, "jaar", &f[0], errs);
    ctb_query_gemeente(r, "gemeente", &f[1], errs);
    if (ctb_errors_reply(r, errs) != SVC_OK) {
    } else if (own != NULL && f[1] != NULL && strcmp(own, f[1]) != 0) {
        svc_reply_problem(r, 403,
                          "Een gemeentelijk systeem ziet alleen de bijdragen van de eigen "
                          "gemeente.");
    } else {
        if (own != NULL)
            f[1] = own;
        export_rows(r, SQL_CTB_EXPORT, 2, f, contribution_cols, "bijdragen.csv");
    }
    svc_errors_free(errs);
}
