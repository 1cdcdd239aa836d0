/* Budget lines (begrotingsregels): estimates and adopted lines. A change of an adopted
 * (vastgesteld) line is a revision: the original (revision 1) and every revision stay readable
 * under /begrotingsregels/{id}/revisies. A line with expenditures, or an adopted line, cannot be
 * deleted (409). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "ctb.h"
#include "params.h"
#include "resource.h"
#include "scope.h"
#include "sql.h"

#define MAX_CENTS 1000000000000000LL /* 10^15 cents: ten thousand billion euros */

enum { LOCK_JSON, LOCK_VERSION, LOCK_STATUS, LOCK_HAS_EXPENDITURES };

static const svc_field create_fields[] = {
    {.name = "scope", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = ctb_scopes},
    {.name = "actielijn", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 1, .max = 5},
    {.name = "projectId", .type = SVC_T_STRING, .flags = SVC_NULLABLE},
    {.name = "jaar",
     .type = SVC_T_INTEGER,
     .flags = SVC_REQUIRED,
     .min = CTB_YEAR_MIN,
     .max = CTB_YEAR_MAX},
    {.name = "aard", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = ctb_natures},
    {.name = "categorie", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 100},
    {.name = "omschrijving", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 1000},
    {.name = "bedrag", .type = SVC_T_INTEGER, .flags = SVC_REQUIRED, .min = 0, .max = MAX_CENTS},
    {.name = "status", .type = SVC_T_ENUM, .values = ctb_line_statuses},
    {.name = "toelichting", .type = SVC_T_STRING, .min = 1, .max = 1000},
    {.name = NULL},
};

static const char *const extra_members[] = {"toelichting", NULL};

static void check(const json_t *body, const PGresult *cur, svc_errors *errs) {
    ctb_check_scope(body, cur != NULL, errs);
    if (cur != NULL && strcmp(svc_col(cur, 0, LOCK_STATUS), "vastgesteld") == 0 &&
        ctb_absent(body, "toelichting"))
        svc_errors_add(errs, "toelichting", "required",
                       "Een wijziging van een vastgestelde begrotingsregel is een revisie: geef "
                       "een toelichting.");
}

static int allow(svc_req *r, ctb_op op, json_t *body, const PGresult *cur) {
    if (op == CTB_READ)
        return SVC_OK;
    if (ctb_require_editor(r) != SVC_OK)
        return SVC_EREPLIED;
    int adopted = cur != NULL && strcmp(svc_col(cur, 0, LOCK_STATUS), "vastgesteld") == 0;
    const char *status = json_string_value(json_object_get(body, "status"));
    if (op == CTB_UPDATE && adopted && status != NULL && strcmp(status, "raming") == 0) {
        svc_reply_problem(r, 409,
                          "Een vastgestelde begrotingsregel kan niet terug naar raming; "
                          "wijzig de regel met een revisie.");
        return SVC_EREPLIED;
    }
    if (op == CTB_DELETE && svc_col_bool(cur, 0, LOCK_HAS_EXPENDITURES)) {
        svc_reply_problem(r, 409,
                          "Deze begrotingsregel heeft uitgaven en kan niet verwijderd "
                          "worden.");
        return SVC_EREPLIED;
    }
    if (op == CTB_DELETE && adopted) {
        svc_reply_problem(r, 409,
                          "Een vastgestelde begrotingsregel blijft met al haar revisies "
                          "bewaard en kan niet verwijderd worden.");
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

static const ctb_resource budget = {
    .collection = "/begrotingsregels",
    .what = "Deze begrotingsregel",
    .audit_type = AUDIT_BUDGET_LINE,
    .create_fields = create_fields,
    .patch_fields = create_fields,
    .extra_members = extra_members,
    .check = check,
    .allow = allow,
    .sql_get = SQL_BUDGET_GET,
    .sql_insert = SQL_BUDGET_INSERT,
    .sql_lock = SQL_BUDGET_LOCK,
    .sql_update = SQL_BUDGET_UPDATE,
    .sql_delete = SQL_BUDGET_DELETE,
};

void ctb_budget_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = ctb_errors(r);
    const char *f[8];
    if (errs == NULL)
        return;
    ctb_query_year(r, "vanJaar", &f[0], errs);
    ctb_query_year(r, "totJaar", &f[1], errs);
    ctb_query_enum(r, "scope", ctb_scopes, &f[2], errs);
    ctb_query_action_line(r, "actielijn", &f[3], errs);
    ctb_query_uuid(r, "projectId", &f[4], errs);
    ctb_query_enum(r, "aard", ctb_natures, &f[5], errs);
    ctb_query_enum(r, "status", ctb_line_statuses, &f[6], errs);
    ctb_query_text(r, "categorie", 100, &f[7], errs);
    /* ?jaar= is vanJaar = totJaar */
    const char *year = NULL;
    ctb_query_year(r, "jaar", &year, errs);
    if (year != NULL)
        f[0] = f[1] = year;
    ctb_list(r, "begrotingsregels", SQL_BUDGET_LIST, f, 8, errs);
    svc_errors_free(errs);
}

void ctb_budget_create(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_create(r, &budget, NULL);
}

void ctb_budget_get(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_get(r, &budget, svc_req_param(r, "id"));
}

void ctb_budget_patch(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_patch(r, &budget, svc_req_param(r, "id"));
}

void ctb_budget_delete(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_delete(r, &budget, svc_req_param(r, "id"));
}

void ctb_revisions_list(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    char *body = NULL;
    if (!ctb_is_uuid(id)) {
        svc_reply_not_found(r, budget.what);
        return;
    }
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_REVISION_LIST, 1, params, NULL, &res) == SVC_OK) {
        if (!svc_col_bool(res, 0, 0))
            svc_reply_not_found(r, budget.what);
        else if (asprintf(&body, "{\"revisies\":%s}", svc_col(res, 0, 1)) < 0)
            svc_reply_problem(r, 500, NULL);
        else
            svc_reply_json_text(r, 200, body, strlen(body));
    }
    free(body);
    PQclear(res);
    svc_db_release(r, c);
}

void ctb_revision_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id"), *number = svc_req_param(r, "revisie");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!ctb_is_uuid(id) || !ctb_parse_int(number, 1, 1000000, NULL)) {
        svc_reply_not_found(r, "Deze revisie");
        return;
    }
    const char *params[] = {id, number};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_REVISION_GET, 2, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, "Deze revisie");
        else
            svc_reply_json_text(r, 200, svc_col(res, 0, 0), strlen(svc_col(res, 0, 0)));
    }
    PQclear(res);
    svc_db_release(r, c);
}
