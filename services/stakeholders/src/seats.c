/* Seats (zetels) in bodies: up to two people (a shared seat) or none (a vacancy), the
 * organisations represented, role, constituency, period and note. The vacancy overview lists the
 * open and soon-to-open seats across bodies. */
#include <string.h>

#include "sql.h"
#include "stk.h"

static const svc_field fields[] = {
    {.name = "gremiumId", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 100},
    {.name = "volgorde", .type = SVC_T_INTEGER, .min = 0, .max = 100000},
    {.name = "rol", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = stk_seat_roles},
    {.name = "achterban", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 200},
    {.name = "startdatum", .type = SVC_T_DATE, .flags = SVC_NULLABLE},
    {.name = "einddatum", .type = SVC_T_DATE, .flags = SVC_NULLABLE},
    {.name = "toelichting", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 1000},
    {.name = "personen", .type = SVC_T_ARRAY, .max = 2, .items = SVC_T_STRING},
    {.name = "organisatieIds", .type = SVC_T_ARRAY, .max = 5, .items = SVC_T_STRING},
    {.name = NULL},
};

static void check(const json_t *body, int partial, svc_errors *errs) {
    (void)partial;
    const char *start = json_string_value(json_object_get(body, "startdatum"));
    const char *end = json_string_value(json_object_get(body, "einddatum"));
    stk_check_uuid(body, "gremiumId", errs);
    stk_check_uuid_array(body, "personen", errs);
    stk_check_uuid_array(body, "organisatieIds", errs);
    /* ISO dates compare as text; a PATCH with one of them is checked by the database. */
    if (start != NULL && end != NULL && svc_is_date(start) && svc_is_date(end) &&
        strcmp(end, start) < 0)
        svc_errors_add(errs, "einddatum", "range", "Mag niet voor de startdatum liggen.");
}

static const char *const after_write[] = {SQL_SEAT_CLEAR_HOLD, SQL_SEAT_SET_HOLD,
                                          SQL_SEAT_CLEAR_ORGS, SQL_SEAT_SET_ORGS, NULL};

const stk_resource stk_seats = {
    .collection = "/zetels",
    .what = "Deze zetel",
    .audit_type = "zetel",
    .fields = fields,
    .check = check,
    .sql_insert = SQL_SEAT_INSERT,
    .sql_get = SQL_SEAT_GET,
    .sql_lock = SQL_SEAT_LOCK,
    .sql_update = SQL_SEAT_UPDATE,
    .sql_delete = SQL_SEAT_DELETE,
    .after_write = after_write,
};

void stk_seat_list(svc_req *r, void *ctx) {
    (void)ctx;
    static const char *const booleans[] = {"true", "false", NULL};
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *filters[4];
    filters[0] = stk_query_uuid(r, "gremiumId", errs);
    filters[1] = stk_query_uuid(r, "persoonId", errs);
    filters[2] = stk_query_uuid(r, "organisatieId", errs);
    filters[3] = stk_query_enum(r, "vacature", booleans, errs);
    stk_list(r, errs, "zetels", SQL_SEAT_LIST, filters, 4);
    svc_errors_free(errs);
}

#define DEFAULT_WITHIN_DAYS "90"

void stk_vacancies(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *within = stk_query_int(r, "binnenDagen", 0, 3650, errs);
    const char *body = stk_query_uuid(r, "gremiumId", errs);
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        const char *params[] = {within ? within : DEFAULT_WITHIN_DAYS, body};
        stk_reply_report(r, SQL_VACANCIES, 2, params, "Dit overzicht");
    }
    svc_errors_free(errs);
}
