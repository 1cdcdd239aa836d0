/* Constituency rounds (achterbanraadplegingen): after a body's session the members consult their
 * constituency (the seed's rhythm: the mailing a week after the session, a week for input). Each
 * member's input is recorded; a round shows who has and who has not responded. Members are the
 * holders of the body's seats whose period covers the session date. */
#include <stdio.h>
#include <string.h>

#include "sql.h"
#include "stk.h"

static const svc_field fields[] = {
    {.name = "gremiumId", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 100},
    {.name = "sessiedatum", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    {.name = "verzenddatum", .type = SVC_T_DATE},
    {.name = "inbrengUiterlijk", .type = SVC_T_DATE},
    {.name = "onderwerp", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 300},
    {.name = NULL},
};

static const svc_field patch_fields[] = {
    {.name = "sessiedatum", .type = SVC_T_DATE},
    {.name = "verzenddatum", .type = SVC_T_DATE},
    {.name = "inbrengUiterlijk", .type = SVC_T_DATE},
    {.name = "onderwerp", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 300},
    {.name = NULL},
};

static const svc_field input_fields[] = {
    {.name = "persoonId", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 100},
    {.name = "tekst", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 10000},
    {.name = "ontvangenOp", .type = SVC_T_DATE},
    {.name = NULL},
};

static const char *date_of(const json_t *body, const char *name) {
    const char *v = json_string_value(json_object_get(body, name));
    return v != NULL && svc_is_date(v) ? v : NULL;
}

static void check(const json_t *body, int partial, svc_errors *errs) {
    (void)partial;
    const char *session = date_of(body, "sessiedatum"), *mailing = date_of(body, "verzenddatum");
    const char *deadline = date_of(body, "inbrengUiterlijk");
    stk_check_uuid(body, "gremiumId", errs);
    if (session != NULL && mailing != NULL && strcmp(mailing, session) < 0)
        svc_errors_add(errs, "verzenddatum", "range", "Mag niet voor de sessiedatum liggen.");
    if (mailing != NULL && deadline != NULL && strcmp(deadline, mailing) < 0)
        svc_errors_add(errs, "inbrengUiterlijk", "range", "Mag niet voor de verzenddatum liggen.");
    else if (session != NULL && deadline != NULL && strcmp(deadline, session) < 0)
        svc_errors_add(errs, "inbrengUiterlijk", "range", "Mag niet voor de sessiedatum liggen.");
}

const stk_resource stk_rounds = {
    .collection = "/achterbanraadplegingen",
    .what = "Deze achterbanraadpleging",
    .audit_type = "achterbanraadpleging",
    .fields = fields,
    .check = check,
    .sql_insert = SQL_ROUND_INSERT,
    .sql_get = SQL_ROUND_GET,
    .sql_lock = SQL_ROUND_LOCK,
    .sql_update = SQL_ROUND_UPDATE,
    .sql_delete = SQL_ROUND_DELETE,
};

const stk_resource stk_rounds_patch = {
    .collection = "/achterbanraadplegingen",
    .what = "Deze achterbanraadpleging",
    .audit_type = "achterbanraadpleging",
    .fields = patch_fields,
    .check = check,
    .sql_get = SQL_ROUND_GET,
    .sql_lock = SQL_ROUND_LOCK,
    .sql_update = SQL_ROUND_UPDATE,
};

void stk_round_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *filters[1];
    filters[0] = stk_query_uuid(r, "gremiumId", errs);
    stk_list(r, errs, "achterbanraadplegingen", SQL_ROUND_LIST, filters, 1);
    svc_errors_free(errs);
}

static int read_input(svc_req *r, json_t **body) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, input_fields, SVC_REJECT_UNKNOWN, NULL, errs);
    stk_check_uuid(*body, "persoonId", errs);
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

static void not_a_member(svc_req *r) {
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_errors_add(errs, "persoonId", "reference",
                   "Deze persoon heeft op de sessiedatum geen zetel in dit gremium.");
    svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
}

/* Record, audit, commit and answer with the round (its ETag goes up with every input). */
static void insert_input(svc_req *r, svc_conn *c, const char *id, const json_t *body) {
    const char *person = json_string_value(json_object_get(body, "persoonId"));
    const char *params[] = {id, person, json_string_value(json_object_get(body, "tekst")),
                            json_string_value(json_object_get(body, "ontvangenOp"))};
    const char *ids[] = {id};
    PGresult *res = NULL, *round = NULL;
    int rc = stk_query(r, c, SQL_INPUT_INSERT, 4, params, &res);
    if (rc == SVC_OK && PQntuples(res) == 0) {
        not_a_member(r);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "inbreng-vastgelegd", "inbreng", id, NULL, svc_col(res, 0, 0));
    if (rc == SVC_OK)
        rc = stk_query(r, c, SQL_ROUND_GET, 1, ids, &round);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK) {
        char collection[120];
        snprintf(collection, sizeof(collection), "/achterbanraadplegingen/%s/inbreng", id);
        svc_reply_location(r, collection, person);
        svc_reply_entity(r, 201, svc_col(round, 0, 0), id, svc_col(round, 0, 1));
    }
    PQclear(round);
    PQclear(res);
}

void stk_input_create(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    json_t *body = NULL;
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    if (stk_require_editor(r) != SVC_OK)
        return;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Deze achterbanraadpleging");
        return;
    }
    const char *params[] = {id};
    if (read_input(r, &body) == SVC_OK && svc_db_begin(r, &c) == SVC_OK &&
        stk_query(r, c, SQL_ROUND_LOCK, 1, params, &cur) == SVC_OK) {
        if (PQntuples(cur) == 0)
            svc_reply_not_found(r, "Deze achterbanraadpleging");
        else
            insert_input(r, c, id, body);
    }
    PQclear(cur);
    svc_db_release(r, c);
    json_decref(body);
}

void stk_input_delete(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id"), *person = svc_req_param(r, "persoonId");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (stk_require_editor(r) != SVC_OK)
        return;
    if (!svc_is_uuid(id) || !svc_is_uuid(person)) {
        svc_reply_not_found(r, "Deze inbreng");
        return;
    }
    const char *params[] = {id, person};
    if (svc_db_begin(r, &c) == SVC_OK &&
        stk_query(r, c, SQL_INPUT_DELETE, 2, params, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, "Deze inbreng");
        else if (svc_audit(r, c, NULL, "inbreng-verwijderd", "inbreng", id, svc_col(res, 0, 0),
                           NULL) == SVC_OK &&
                 svc_db_commit(r, c) == SVC_OK)
            svc_reply_empty(r, 204);
    }
    PQclear(res);
    svc_db_release(r, c);
}
