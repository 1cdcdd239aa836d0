/* People: minimal personal data (name, organisation, function; e-mail and phone optional). */
#include <regex.h>
#include <string.h>

#include "sql.h"
#include "stk.h"

static const svc_field fields[] = {
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "organisatieId", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 100},
    {.name = "functie", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 200},
    {.name = "email", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 254},
    {.name = "telefoon", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 40},
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

static void check(const json_t *body, int partial, svc_errors *errs) {
    (void)partial;
    const char *email = json_string_value(json_object_get(body, "email"));
    const char *phone = json_string_value(json_object_get(body, "telefoon"));
    stk_check_uuid(body, "organisatieId", errs);
    if (email != NULL && !matches("^[^@[:space:]]+@[^@[:space:]]+$", email))
        svc_errors_add(errs, "email", "format", "Moet een e-mailadres zijn (naam@domein).");
    if (phone != NULL && !matches("^\\+?[0-9 ()-]{6,20}$", phone))
        svc_errors_add(errs, "telefoon", "format",
                       "Moet een telefoonnummer zijn (cijfers, spaties, +, haakjes, -).");
}

const stk_resource stk_people = {
    .collection = "/personen",
    .what = "Deze persoon",
    .audit_type = "persoon",
    .fields = fields,
    .check = check,
    .sql_insert = SQL_PERSON_INSERT,
    .sql_get = SQL_PERSON_GET,
    .sql_lock = SQL_PERSON_LOCK,
    .sql_update = SQL_PERSON_UPDATE,
};

void stk_person_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *filters[2];
    filters[0] = stk_query_uuid(r, "organisatieId", errs);
    filters[1] = stk_query_text(r, "zoek", 100, errs);
    stk_list(r, errs, "personen", SQL_PERSON_LIST, filters, 2);
    svc_errors_free(errs);
}
