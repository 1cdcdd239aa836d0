/* Bodies (gremia): kernteam, werkgroep, stuurgroep, action-line teams and governance bodies,
 * with their meeting cadence, action lines and programme. The chair is whoever holds a seat with
 * the role voorzitter. Deleting a body deletes its seats and constituency rounds. */
#include "sql.h"
#include "stk.h"

static const svc_field fields[] = {
    {.name = "code", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 2, .max = 64},
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "soort", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = stk_body_kinds},
    {.name = "vergaderfrequentieWeken",
     .type = SVC_T_INTEGER,
     .flags = SVC_NULLABLE,
     .min = 1,
     .max = 52},
    {.name = "actielijnen", .type = SVC_T_ARRAY, .max = 5, .items = SVC_T_INTEGER},
    {.name = "programmaId", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 100},
    {.name = "omschrijving", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 2000},
    {.name = NULL},
};

static void check(const json_t *body, int partial, svc_errors *errs) {
    (void)partial;
    stk_check_action_lines(body, "actielijnen", errs);
}

const stk_resource stk_bodies = {
    .collection = "/gremia",
    .what = "Dit gremium",
    .audit_type = "gremium",
    .fields = fields,
    .check = check,
    .sql_insert = SQL_BODY_INSERT,
    .sql_get = SQL_BODY_GET,
    .sql_lock = SQL_BODY_LOCK,
    .sql_update = SQL_BODY_UPDATE,
    .sql_delete = SQL_BODY_DELETE,
};

void stk_body_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *filters[3];
    filters[0] = stk_query_enum(r, "soort", stk_body_kinds, errs);
    filters[1] = stk_query_int(r, "actielijn", 1, 5, errs);
    filters[2] = stk_query_text(r, "zoek", 100, errs);
    stk_list(r, errs, "gremia", SQL_BODY_LIST, filters, 3);
    svc_errors_free(errs);
}
