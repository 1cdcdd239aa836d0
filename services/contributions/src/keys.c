/* Allocation keys (verdeelsleutels) and their weights per municipality per year. Bases:
 * inwoners, jeugdigen, zorggebruik (woonplaatsbeginsel: weights pushed or entered per year),
 * gelijk (equal shares: every municipality weighs 1, no weights stored) and maatwerk (custom).
 * Weights are whole numbers >= 0 (inhabitants, young people, clients, or points). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "access.h"
#include "ctb.h"
#include "params.h"
#include "resource.h"
#include "sql.h"

#define MAX_WEIGHT 1000000000000000LL

enum { LOCK_JSON, LOCK_VERSION, LOCK_BASIS };

static const svc_field key_fields[] = {
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "code", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 2, .max = 64},
    {.name = "grondslag", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = ctb_bases},
    {.name = "omschrijving", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 1, .max = 2000},
    {.name = NULL},
};

static const svc_field weights_fields[] = {
    {.name = "gewichten",
     .type = SVC_T_ARRAY,
     .flags = SVC_REQUIRED,
     .min = 1,
     .max = 100,
     .items = SVC_T_OBJECT},
    {.name = NULL},
};

static const svc_field weight_fields[] = {
    {.name = "gemeente", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 6, .max = 6},
    {.name = "gewicht", .type = SVC_T_INTEGER, .flags = SVC_REQUIRED, .min = 0, .max = MAX_WEIGHT},
    {.name = NULL},
};

static void check_key(const json_t *body, const PGresult *cur, svc_errors *errs) {
    (void)cur;
    const char *code = json_string_value(json_object_get(body, "code"));
    if (code != NULL && strspn(code, "abcdefghijklmnopqrstuvwxyz0123456789-") != strlen(code))
        svc_errors_add(errs, "code", "format", "Alleen kleine letters, cijfers en koppeltekens.");
}

static const ctb_resource key = {
    .collection = "/verdeelsleutels",
    .what = "Deze verdeelsleutel",
    .audit_type = AUDIT_KEY,
    .create_fields = key_fields,
    .patch_fields = key_fields,
    .check = check_key,
    .sql_get = SQL_KEY_GET,
    .sql_insert = SQL_KEY_INSERT,
    .sql_lock = SQL_KEY_LOCK,
    .sql_update = SQL_KEY_UPDATE,
    .sql_delete = SQL_KEY_DELETE,
    .conflict = "Er bestaat al een verdeelsleutel met deze naam of code.",
};

void ctb_keys_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = ctb_errors(r);
    if (errs == NULL)
        return;
    ctb_list(r, "verdeelsleutels", SQL_KEY_LIST, NULL, 0, errs);
    svc_errors_free(errs);
}

void ctb_keys_create(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_create(r, &key, NULL);
}

void ctb_key_get(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_get(r, &key, svc_req_param(r, "id"));
}

void ctb_key_patch(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_patch(r, &key, svc_req_param(r, "id"));
}

void ctb_key_delete(svc_req *r, void *ctx) {
    (void)ctx;
    ctb_resource_delete(r, &key, svc_req_param(r, "id"));
}

/* ---- weights of one year ---- */

static int path_key_year(svc_req *r, const char **id, const char **year) {
    *id = svc_req_param(r, "id");
    *year = svc_req_param(r, "jaar");
    if (!ctb_is_uuid(*id)) {
        svc_reply_not_found(r, key.what);
        return SVC_EREPLIED;
    }
    if (!ctb_parse_int(*year, CTB_YEAR_MIN, CTB_YEAR_MAX, NULL)) {
        svc_reply_not_found(r, "Dit jaar");
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

void ctb_weights_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id, *year;
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (path_key_year(r, &id, &year) != SVC_OK)
        return;
    const char *params[] = {id, year};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_WEIGHTS_GET, 2, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, key.what);
        else
            svc_reply_entity(r, 200, svc_col(res, 0, 2), id, svc_col(res, 0, 0));
    }
    PQclear(res);
    svc_db_release(r, c);
}

/* Every entry valid, each municipality once, and something to divide by. */
static int read_weights(svc_req *r, json_t **body) {
    svc_errors *errs = ctb_errors(r);
    if (errs == NULL || svc_req_json(r, body) != SVC_OK) {
        svc_errors_free(errs);
        return SVC_EREPLIED;
    }
    svc_validate(*body, weights_fields, SVC_REJECT_UNKNOWN, NULL, errs);
    const json_t *list = json_object_get(*body, "gewichten");
    size_t i;
    const json_t *item;
    long long total = 0;
    char name[40];
    json_array_foreach(list, i, item) {
        snprintf(name, sizeof(name), "gewichten[%zu]", i);
        if (svc_validate(item, weight_fields, SVC_REJECT_UNKNOWN, name, errs) > 0)
            continue;
        const char *gm = json_string_value(json_object_get(item, "gemeente"));
        if (!ctb_is_gemeente(gm))
            svc_errors_add(errs, name, "format", "gemeente moet een CBS-gemeentecode zijn.");
        for (size_t j = 0; j < i; j++)
            if (json_equal(json_object_get(json_array_get(list, j), "gemeente"),
                           json_object_get(item, "gemeente")))
                svc_errors_add(errs, name, "duplicate", "Deze gemeente staat er al eerder in.");
        total += json_integer_value(json_object_get(item, "gewicht"));
    }
    if (json_is_array(list) && json_array_size(list) > 0 && total == 0 &&
        svc_errors_count(errs) == 0)
        svc_errors_add(errs, "gewichten", "range", "De gewichten mogen niet allemaal 0 zijn.");
    int rc = ctb_errors_reply(r, errs);
    svc_errors_free(errs);
    return rc;
}

static int query1(svc_req *r, svc_conn *c, const char *sql, int n, const char **params,
                  PGresult **out) {
    return svc_db_query(r, c, sql, n, params, NULL, out);
}

/* Replace the weights of the year inside the open transaction; the key's version goes up. */
static void store_weights(svc_req *r, svc_conn *c, const char *id, const char *year,
                          const json_t *body, const PGresult *before) {
    char *list = json_dumps(json_object_get(body, "gewichten"), JSON_COMPACT);
    const char *put[] = {id, year, list}, *key_year[] = {id, year}, *one[] = {id};
    PGresult *cleared = NULL, *stored = NULL, *touched = NULL, *after = NULL;
    int rc = list ? query1(r, c, SQL_WEIGHTS_CLEAR, 2, key_year, &cleared) : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = query1(r, c, SQL_WEIGHTS_PUT, 3, put, &stored);
    if (rc == SVC_OK && svc_col_int(stored, 0, 0) !=
                            (long long)json_array_size(json_object_get(body, "gewichten"))) {
        svc_reply_problem(r, 400, "Een of meer gemeentecodes zijn geen gemeenten van Twente.");
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = query1(r, c, SQL_KEY_TOUCH, 1, one, &touched);
    if (rc == SVC_OK)
        rc = query1(r, c, SQL_WEIGHTS_GET, 2, key_year, &after);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "gewichten-vastgelegd", AUDIT_KEY, id, svc_col(before, 0, 2),
                       svc_col(after, 0, 2));
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_entity(r, 200, svc_col(after, 0, 2), id, svc_col(touched, 0, 0));
    else if (rc == SVC_ENOMEM)
        svc_reply_problem(r, 500, NULL);
    PQclear(cleared);
    PQclear(stored);
    PQclear(touched);
    PQclear(after);
    free(list);
}

void ctb_weights_put(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id, *year;
    json_t *body = NULL;
    svc_conn *c = NULL;
    PGresult *cur = NULL, *before = NULL;
    char etag[SVC_ETAG_MAX];
    if (path_key_year(r, &id, &year) != SVC_OK || ctb_require_editor(r) != SVC_OK ||
        read_weights(r, &body) != SVC_OK) {
        json_decref(body);
        return;
    }
    const char *one[] = {id}, *key_year[] = {id, year};
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = query1(r, c, SQL_KEY_LOCK, 1, one, &cur);
    if (rc == SVC_OK && PQntuples(cur) == 0) {
        svc_reply_not_found(r, key.what);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK) {
        svc_etag_from_version(id, svc_col_int(cur, 0, LOCK_VERSION), etag);
        rc = svc_req_if_match(r, etag);
    }
    if (rc == SVC_OK && strcmp(svc_col(cur, 0, LOCK_BASIS), "gelijk") == 0) {
        svc_reply_problem(r, 409, "Een sleutel met gelijke delen heeft geen gewichten.");
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = query1(r, c, SQL_WEIGHTS_GET, 2, key_year, &before);
    if (rc == SVC_OK)
        store_weights(r, c, id, year, body, before);
    PQclear(cur);
    PQclear(before);
    svc_db_release(r, c);
    json_decref(body);
}
