/* Involvements (betrokkenheden): an organisation or a person involved in an action line (1..5),
 * a project or a programme of the portfolio service (its ids, without a foreign key), with a
 * role. Queried both ways (?doelType&doelId, ?organisatieId, ?persoonId), and as a network. */
#include <string.h>

#include "sql.h"
#include "stk.h"

static const svc_field fields[] = {
    {.name = "organisatieId", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 100},
    {.name = "persoonId", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 100},
    {.name = "doelType", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = stk_target_types},
    {.name = "doelId", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 100},
    {.name = "rol", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = stk_involvement_roles},
    {.name = "toelichting", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 1000},
    {.name = NULL},
};

/* Only the role and the note change; who and what are the identity of an involvement. */
static const svc_field patch_fields[] = {
    {.name = "rol", .type = SVC_T_ENUM, .values = stk_involvement_roles},
    {.name = "toelichting", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 1000},
    {.name = NULL},
};

static int action_line_valid(const char *id) {
    return id != NULL && strlen(id) == 1 && id[0] >= '1' && id[0] <= '5';
}

static int target_id_valid(const char *id) {
    for (const char *p = id; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
              strchr("._:-", *p)))
            return 0;
    return 1;
}

static void check_target(const char *type, const char *id, const char *name, svc_errors *errs) {
    if (type == NULL || id == NULL)
        return;
    if (strcmp(type, "actielijn") == 0 && !action_line_valid(id))
        svc_errors_add(errs, name, "range", "Een actielijn heeft een nummer van 1 tot en met 5.");
    else if (strcmp(type, "actielijn") != 0 && !target_id_valid(id))
        svc_errors_add(errs, name, "format",
                       "Moet het id van het project of programma in de portfolio zijn.");
}

static void check(const json_t *body, int partial, svc_errors *errs) {
    if (partial)
        return; /* a PATCH has its own, narrower field list */
    const json_t *org = json_object_get(body, "organisatieId");
    const json_t *person = json_object_get(body, "persoonId");
    stk_check_uuid(body, "organisatieId", errs);
    stk_check_uuid(body, "persoonId", errs);
    if (json_is_string(org) == json_is_string(person))
        svc_errors_add(errs, "organisatieId", "conflict",
                       "Geef een organisatieId of een persoonId, niet allebei en niet geen van "
                       "beide.");
    check_target(json_string_value(json_object_get(body, "doelType")),
                 json_string_value(json_object_get(body, "doelId")), "doelId", errs);
}

const stk_resource stk_involvements = {
    .collection = "/betrokkenheden",
    .what = "Deze betrokkenheid",
    .audit_type = "betrokkenheid",
    .fields = fields,
    .check = check,
    .sql_insert = SQL_INV_INSERT,
    .sql_get = SQL_INV_GET,
    .sql_lock = SQL_INV_LOCK,
    .sql_update = SQL_INV_UPDATE,
    .sql_delete = SQL_INV_DELETE,
};

/* PATCH of an involvement: only rol and toelichting (a resource of its own field list). */
const stk_resource stk_involvements_patch = {
    .collection = "/betrokkenheden",
    .what = "Deze betrokkenheid",
    .audit_type = "betrokkenheid",
    .fields = patch_fields,
    .sql_get = SQL_INV_GET,
    .sql_lock = SQL_INV_LOCK,
    .sql_update = SQL_INV_UPDATE,
};

void stk_inv_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *filters[5];
    filters[0] = stk_query_enum(r, "doelType", stk_target_types, errs);
    filters[1] = stk_query_text(r, "doelId", 100, errs);
    filters[2] = stk_query_uuid(r, "organisatieId", errs);
    filters[3] = stk_query_uuid(r, "persoonId", errs);
    filters[4] = stk_query_enum(r, "rol", stk_involvement_roles, errs);
    if (filters[1] != NULL && filters[0] == NULL && svc_req_query(r, "doelType") == NULL)
        svc_errors_add(errs, "doelType", "required", "Nodig samen met doelId.");
    if (filters[0] != NULL && filters[1] != NULL)
        check_target(filters[0], filters[1], "doelId", errs);
    stk_list(r, errs, "betrokkenheden", SQL_INV_LIST, filters, 5);
    svc_errors_free(errs);
}

/* ctx: the stk_cache_ctx. The network is the same for every caller (no scope in the key). */
void stk_network(svc_req *r, void *ctx) {
    stk_cached_json(r, ctx, SQL_NETWORK, "Het netwerk");
}
