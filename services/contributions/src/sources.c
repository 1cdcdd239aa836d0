/* Funding sources (financieringsbronnen): municipal contributions, SPUK grants, subsidies, ...
 * The provider is an organisation of the stakeholders service, referenced by id or code. */
#include <string.h>

#include "access.h"
#include "ctb.h"
#include "params.h"
#include "resource.h"
#include "sql.h"

#define MAX_CENTS 1000000000000000LL

enum { LOCK_JSON, LOCK_VERSION, LOCK_HAS_CONTRIBUTIONS, LOCK_START, LOCK_END };

static const svc_field create_fields[] = {
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "soort", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = ctb_source_types},
    {.name = "verstrekker", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 200},
    {.name = "voorwaarden", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 4000},
    {.name = "periodeVan", .type = SVC_T_DATE, .flags = SVC_NULLABLE},
    {.name = "periodeTot", .type = SVC_T_DATE, .flags = SVC_NULLABLE},
    {.name = "beschikbaarBedrag",
     .type = SVC_T_INTEGER,
     .flags = SVC_NULLABLE,
     .min = 0,
     .max = MAX_CENTS},
    {.name = NULL},
};

/* The period as it will be: from the body when given, else from the row. */
static const char *period(const json_t *body, const char *name, const PGresult *cur, int col) {
    const json_t *v = json_object_get(body, name);
    if (v != NULL)
        return json_string_value(v);
    return cur != NULL ? svc_col(cur, 0, col) : NULL;
}

static void check(const json_t *body, const PGresult *cur, svc_errors *errs) {
    const char *from = period(body, "periodeVan", cur, LOCK_START);
    const char *to = period(body, "periodeTot", cur, LOCK_END);
    if (from != NULL && to != NULL && svc_is_date(from) && svc_is_date(to) && strcmp(to, from) < 0)
        svc_errors_add(errs, "periodeTot", "range", "Mag niet voor periodeVan liggen.");
}

static int allow(svc_req *r, ctb_op op, json_t *body, const PGresult *cur) {
    (void)body;
    if (op == CTB_READ)
        return SVC_OK;
    if (ctb_require_editor(r) != SVC_OK)
        return SVC_EREPLIED;
    if (op == CTB_DELETE && svc_col_bool(cur, 0, LOCK_HAS_CONTRIBUTIONS)) {
        svc_reply_problem(r, 409, "Er zijn bijdragen die naar deze financieringsbron verwijzen.");
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

static const ctb_resource source = {
    .collection = "/financieringsbronnen",
    .what = "Deze financieringsbron",
    .audit_type = AUDIT_SOURCE,
    .create_fields = create_fields,
    .patch_fields = create_fields,
    .check = check,
    .allow = allow,
    .sql_get = SQL_SOURCE_GET,
    .sql_insert = SQL_SOURCE_INSERT,
    .sql_lock = SQL_SOURCE_LOCK,
    .sql_update = SQL_SOURCE_UPDATE,
    .sql_delete = SQL_SOURCE_DELETE,
};

void ctb_sources_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = ctb_errors(r);
    const char *f[1];
    if (errs == NULL)
        return;
    ctb_query_enum(r, "soort", ctb_source_types, &f[0], errs);
    ctb_list(r, "financieringsbronnen", SQL_SOURCE_LIST, f, 1, errs);
    svc_errors_free(errs);
}

void ctb_sources_create(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_create(r, &source, NULL);
}

void ctb_source_get(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_get(r, &source, svc_req_param(r, "id"));
}

void ctb_source_patch(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_patch(r, &source, svc_req_param(r, "id"));
}

void ctb_source_delete(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_delete(r, &source, svc_req_param(r, "id"));
}
