/* Contributions (bijdragen): money (cents) or staff hours (optionally valued at an hourly rate),
 * pledged (toegezegd) or realised (gerealiseerd), by a municipality and/or an organisation.
 *
 * A municipal client (gemeente claim, no staff role) creates and changes only contributions of
 * its own municipality: another municipality in the body is 403, another municipality's
 * contribution is 404 (it does not exist for the caller), and lists show only its own. */
#include <string.h>

#include "access.h"
#include "ctb.h"
#include "params.h"
#include "resource.h"
#include "scope.h"
#include "sql.h"

#define MAX_CENTS 1000000000000000LL
#define MAX_HOURS 1000000000LL

enum { LOCK_JSON, LOCK_VERSION, LOCK_MUNICIPALITY, LOCK_ORGANISATION, LOCK_KIND };

static const svc_field create_fields[] = {
    {.name = "organisatie", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 200},
    {.name = "gemeente", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 6, .max = 6},
    {.name = "scope", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = ctb_scopes},
    {.name = "actielijn", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 1, .max = 5},
    {.name = "projectId", .type = SVC_T_STRING, .flags = SVC_NULLABLE},
    {.name = "jaar",
     .type = SVC_T_INTEGER,
     .flags = SVC_REQUIRED,
     .min = CTB_YEAR_MIN,
     .max = CTB_YEAR_MAX},
    {.name = "soort", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = ctb_kinds},
    {.name = "bedrag", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 0, .max = MAX_CENTS},
    {.name = "uren", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 0, .max = MAX_HOURS},
    {.name = "uurtarief", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 0, .max = 100000000},
    {.name = "financieringsbronId", .type = SVC_T_STRING, .flags = SVC_NULLABLE},
    {.name = "status",
     .type = SVC_T_ENUM,
     .flags = SVC_REQUIRED,
     .values = ctb_contribution_statuses},
    {.name = "datum", .type = SVC_T_DATE, .flags = SVC_NULLABLE},
    {.name = "toelichting", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 2000},
    {.name = NULL},
};

/* Kind, amount, hours and rate go together. */
static void check_kind(const json_t *body, int partial, svc_errors *errs) {
    const char *kind = json_string_value(json_object_get(body, "soort"));
    if (kind == NULL) {
        if (partial && (json_object_get(body, "bedrag") || json_object_get(body, "uren") ||
                        json_object_get(body, "uurtarief")))
            svc_errors_add(errs, "soort", "required",
                           "Geef soort mee wanneer u bedrag, uren of uurtarief wijzigt.");
        return;
    }
    if (strcmp(kind, "geld") == 0) {
        if (ctb_absent(body, "bedrag"))
            svc_errors_add(errs, "bedrag", "required", "Nodig bij een bijdrage in geld (centen).");
        if (!ctb_absent(body, "uren"))
            svc_errors_add(errs, "uren", "conflict", "Hoort bij een bijdrage in menskracht.");
        if (!ctb_absent(body, "uurtarief"))
            svc_errors_add(errs, "uurtarief", "conflict", "Hoort bij een bijdrage in menskracht.");
    } else {
        if (ctb_absent(body, "uren"))
            svc_errors_add(errs, "uren", "required", "Nodig bij een bijdrage in menskracht.");
        if (!ctb_absent(body, "bedrag"))
            svc_errors_add(errs, "bedrag", "conflict",
                           "Menskracht telt in uren; de waarde volgt uit uren en uurtarief.");
    }
}

/* Who contributes: a municipality, an organisation or both, as it will be after the change. */
static void check_contributor(const json_t *body, const PGresult *cur, svc_errors *errs) {
    const json_t *gm = json_object_get(body, "gemeente");
    const json_t *org = json_object_get(body, "organisatie");
    if (json_is_string(gm) && !ctb_is_gemeente(json_string_value(gm)))
        svc_errors_add(errs, "gemeente", "format",
                       "Moet een CBS-gemeentecode zijn (GM en vier cijfers).");
    int has_gm = gm ? !json_is_null(gm) : (cur && svc_col(cur, 0, LOCK_MUNICIPALITY) != NULL);
    int has_org = org ? !json_is_null(org) : (cur && svc_col(cur, 0, LOCK_ORGANISATION) != NULL);
    if (!has_gm && !has_org)
        svc_errors_add(errs, "organisatie", "required",
                       "Geef de bijdragende organisatie, de gemeente, of beide.");
}

static void check(const json_t *body, const PGresult *cur, svc_errors *errs) {
    ctb_check_scope(body, cur != NULL, errs);
    check_kind(body, cur != NULL, errs);
    check_contributor(body, cur, errs);
    ctb_check_uuid_member(body, "financieringsbronId", errs);
}

static int same(const char *a, const char *b) {
    return a != NULL && b != NULL && strcmp(a, b) == 0;
}

/* A municipal client: only its own municipality (OWASP API1); staff: editors write. */
static int allow(svc_req *r, ctb_op op, json_t *body, const PGresult *cur) {
    const char *own = ctb_municipal_client(r);
    if (own == NULL)
        return op == CTB_READ ? SVC_OK : ctb_require_editor(r);
    if (cur != NULL && !same(own, svc_col(cur, 0, LOCK_MUNICIPALITY))) {
        svc_reply_not_found(r, "Deze bijdrage");
        return SVC_EREPLIED;
    }
    const json_t *gm = json_object_get(body, "gemeente");
    if (op == CTB_CREATE && (gm == NULL || json_is_null(gm))) {
        json_object_set_new(body, "gemeente", json_string(own));
    } else if ((op == CTB_CREATE || op == CTB_UPDATE) && gm != NULL &&
               !same(own, json_string_value(gm))) {
        svc_reply_problem(r, 403,
                          "Een gemeentelijk systeem mag alleen bijdragen van de eigen "
                          "gemeente vastleggen.");
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

static const ctb_resource contribution = {
    .collection = "/bijdragen",
    .what = "Deze bijdrage",
    .audit_type = AUDIT_CONTRIBUTION,
    .create_fields = create_fields,
    .patch_fields = create_fields,
    .check = check,
    .allow = allow,
    .sql_get = SQL_CTB_GET,
    .sql_insert = SQL_CTB_INSERT,
    .sql_lock = SQL_CTB_LOCK,
    .sql_update = SQL_CTB_UPDATE,
    .sql_delete = SQL_CTB_DELETE,
    .sql_warn = SQL_CTB_WARN,
    .sql_refs = SQL_CTB_REFS,
    .insert_none = "De gemeente of de financieringsbron bestaat niet.",
};

void ctb_contributions_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = ctb_errors(r);
    const char *f[9];
    const char *own = ctb_municipal_client(r);
    if (errs == NULL)
        return;
    ctb_query_year(r, "jaar", &f[0], errs);
    ctb_query_gemeente(r, "gemeente", &f[1], errs);
    ctb_query_text(r, "organisatie", 200, &f[2], errs);
    ctb_query_enum(r, "status", ctb_contribution_statuses, &f[3], errs);
    ctb_query_enum(r, "soort", ctb_kinds, &f[4], errs);
    ctb_query_enum(r, "scope", ctb_scopes, &f[5], errs);
    ctb_query_action_line(r, "actielijn", &f[6], errs);
    ctb_query_uuid(r, "projectId", &f[7], errs);
    ctb_query_uuid(r, "financieringsbronId", &f[8], errs);
    if (own != NULL && f[1] != NULL && strcmp(f[1], own) != 0)
        svc_reply_problem(r, 403,
                          "Een gemeentelijk systeem ziet alleen de bijdragen van de eigen "
                          "gemeente.");
    else {
        if (own != NULL)
            f[1] = own;
        ctb_list(r, "bijdragen", SQL_CTB_LIST, f, 9, errs);
    }
    svc_errors_free(errs);
}

void ctb_contributions_create(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_create(r, &contribution, NULL);
}

void ctb_contribution_get(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_get(r, &contribution, svc_req_param(r, "id"));
}

void ctb_contribution_patch(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_patch(r, &contribution, svc_req_param(r, "id"));
}

void ctb_contribution_delete(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_delete(r, &contribution, svc_req_param(r, "id"));
}
