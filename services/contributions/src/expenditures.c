/* Expenditures (uitgaven, realisatie) against a budget line. */
#include "ctb.h"
#include "params.h"
#include "resource.h"
#include "sql.h"

#define MAX_CENTS 1000000000000000LL

static const svc_field fields[] = {
    {.name = "datum", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    {.name = "bedrag", .type = SVC_T_INTEGER, .flags = SVC_REQUIRED, .min = 0, .max = MAX_CENTS},
    {.name = "omschrijving", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 1000},
    {.name = NULL},
};

/* What the insert gets: the public fields and the line from the path. */
static const svc_field insert_fields[] = {
    {.name = "begrotingsregelId",
     .type = SVC_T_STRING,
     .flags = SVC_REQUIRED,
     .min = 36,
     .max = 36},
    {.name = "datum", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    {.name = "bedrag", .type = SVC_T_INTEGER, .flags = SVC_REQUIRED, .min = 0, .max = MAX_CENTS},
    {.name = "omschrijving", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 1000},
    {.name = NULL},
};

static const ctb_resource expenditure = {
    .collection = "/uitgaven",
    .what = "Deze uitgave",
    .audit_type = AUDIT_EXPENDITURE,
    .create_fields = insert_fields,
    .patch_fields = fields,
    .sql_get = SQL_EXP_GET,
    .sql_insert = SQL_EXP_INSERT,
    .sql_lock = SQL_EXP_LOCK,
    .sql_update = SQL_EXP_UPDATE,
    .sql_delete = SQL_EXP_DELETE,
    .insert_none = "Deze begrotingsregel bestaat niet.",
    .insert_none_status = 404,
};

void ctb_expenditures_list(svc_req *r, void *ctx) {
    (void)ctx;
    const char *line = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!ctb_is_uuid(line)) {
        svc_reply_not_found(r, "Deze begrotingsregel");
        return;
    }
    const char *params[] = {line};
    int found = 0;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_BUDGET_GET, 1, params, NULL, &res) == SVC_OK) {
        found = PQntuples(res) > 0;
        if (!found)
            svc_reply_not_found(r, "Deze begrotingsregel");
    }
    PQclear(res);
    svc_db_release(r, c);
    svc_errors *errs = found ? ctb_errors(r) : NULL;
    if (errs == NULL)
        return;
    ctb_list(r, "uitgaven", SQL_EXP_LIST, params, 1, errs);
    svc_errors_free(errs);
}

void ctb_expenditures_create(svc_req *r, void *ctx) {
    (void)ctx;
    const char *line = svc_req_param(r, "id");
    json_t *body = NULL;
    if (!ctb_is_uuid(line)) {
        svc_reply_not_found(r, "Deze begrotingsregel");
        return;
    }
    if (ctb_read_body(r, fields, SVC_REJECT_UNKNOWN, NULL, NULL, &body) == SVC_OK) {
        json_object_set_new(body, "begrotingsregelId", json_string(line));
        ctb_resource_create(r, &expenditure, body);
    }
    json_decref(body);
}

void ctb_expenditure_get(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_get(r, &expenditure, svc_req_param(r, "id"));
}

void ctb_expenditure_patch(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_patch(r, &expenditure, svc_req_param(r, "id"));
}

void ctb_expenditure_delete(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_delete(r, &expenditure, svc_req_param(r, "id"));
}
