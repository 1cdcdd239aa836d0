/* Organisations: municipalities (with their CBS code), care providers, schools, chain partners,
 * ... Search by name (case- and accent-insensitive), filter by type. An organisation that
 * people, seats or involvements still refer to cannot be deleted (409 naming them). */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#include "sql.h"
#include "stk.h"

static const svc_field fields[] = {
    {.name = "code", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 2, .max = 64},
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "type", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = stk_org_types},
    {.name = "sector", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 200},
    {.name = "website", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 500},
    {.name = "cbsCode", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 100},
    {.name = "inwoners", .type = SVC_T_INTEGER, .flags = SVC_NULLABLE, .min = 0, .max = 2000000000},
    {.name = NULL},
};

static int matches(const char *pattern, const char *text) {
    regex_t re;
    if (regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB) != 0)
        return 0;
    int ok = regexec(&re, text, 0, NULL, 0) == 0;
    regfree(&re);
    return ok;
}

int stk_cbs_code_valid(const char *text) {
    return text != NULL && matches("^GM[0-9]{4}$", text);
}

static int known_type(const char *type) {
    for (const char *const *t = stk_org_types; type != NULL && *t != NULL; t++)
        if (strcmp(*t, type) == 0)
            return 1;
    return 0;
}

static void check(const json_t *body, int partial, svc_errors *errs) {
    const char *code = json_string_value(json_object_get(body, "code"));
    const char *cbs = json_string_value(json_object_get(body, "cbsCode"));
    const char *site = json_string_value(json_object_get(body, "website"));
    const char *type = json_string_value(json_object_get(body, "type"));
    const json_t *inhabitants = json_object_get(body, "inwoners");
    if (code != NULL && !matches("^[a-z0-9][a-z0-9-]{1,63}$", code))
        svc_errors_add(errs, "code", "format",
                       "Mag alleen kleine letters, cijfers en koppeltekens bevatten.");
    if (cbs != NULL && !stk_cbs_code_valid(cbs))
        svc_errors_add(errs, "cbsCode", "format",
                       "Moet een CBS-gemeentecode zijn: GM en vier cijfers (GM0153).");
    if (site != NULL && !matches("^https?://[^[:space:]]+$", site))
        svc_errors_add(errs, "website", "format", "Moet een http(s)-adres zijn.");
    if (!known_type(type))
        return; /* already a problem of its own */
    /* On creation the combination is checked here; a PATCH is checked by the database on the
     * merged row (organisations_cbs_code_type). */
    if (!partial && type != NULL && strcmp(type, "gemeente") == 0 && cbs == NULL)
        svc_errors_add(errs, "cbsCode", "required", "Een gemeente heeft een CBS-code.");
    if (!partial && type != NULL && strcmp(type, "gemeente") != 0 && cbs != NULL)
        svc_errors_add(errs, "cbsCode", "conflict", "Alleen een gemeente heeft een CBS-code.");
    if (!partial && type != NULL && strcmp(type, "gemeente") != 0 && json_is_integer(inhabitants) &&
        json_integer_value(inhabitants) >= 0)
        svc_errors_add(errs, "inwoners", "conflict", "Alleen een gemeente heeft inwoners.");
}

/* 409 naming what still refers to the organisation. */
static int before_delete(svc_req *r, svc_conn *c, const char *id) {
    const char *params[] = {id};
    PGresult *res = NULL;
    if (stk_query(r, c, SQL_ORG_DEPS, 1, params, &res) != SVC_OK)
        return SVC_EREPLIED;
    long long people = svc_col_int(res, 0, 0), seats = svc_col_int(res, 0, 1),
              involvements = svc_col_int(res, 0, 2);
    PQclear(res);
    if (people + seats + involvements == 0)
        return SVC_OK;
    char detail[400];
    snprintf(detail, sizeof(detail),
             "Deze organisatie kan niet worden verwijderd: er verwijzen nog %lld %s, %lld %s en "
             "%lld %s naar. Verwijder of wijzig die eerst.",
             people, people == 1 ? "persoon" : "personen", seats, seats == 1 ? "zetel" : "zetels",
             involvements, involvements == 1 ? "betrokkenheid" : "betrokkenheden");
    json_t *deps =
        json_pack("{s:{s:I, s:I, s:I}}", "afhankelijkheden", "personen", (json_int_t)people,
                  "zetels", (json_int_t)seats, "betrokkenheden", (json_int_t)involvements);
    stk_reply_problem_with(r, 409, detail, deps);
    return SVC_EREPLIED;
}

const stk_resource stk_organisations = {
    .collection = "/organisaties",
    .what = "Deze organisatie",
    .audit_type = "organisatie",
    .fields = fields,
    .check = check,
    .sql_insert = SQL_ORG_INSERT,
    .sql_get = SQL_ORG_GET,
    .sql_lock = SQL_ORG_LOCK,
    .sql_update = SQL_ORG_UPDATE,
    .sql_delete = SQL_ORG_DELETE,
    .before_delete = before_delete,
};

void stk_org_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *filters[3];
    filters[0] = stk_query_enum(r, "type", stk_org_types, errs);
    filters[1] = stk_query_text(r, "zoek", 100, errs);
    filters[2] = svc_req_query(r, "cbsCode");
    if (filters[2] != NULL && !stk_cbs_code_valid(filters[2])) {
        svc_errors_add(errs, "cbsCode", "format", "Moet GM en vier cijfers zijn (GM0153).");
        filters[2] = NULL;
    }
    stk_list(r, errs, "organisaties", SQL_ORG_LIST, filters, 3);
    svc_errors_free(errs);
}
