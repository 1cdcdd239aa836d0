/* Indicators: list, read, create, replace (If-Match). Writes need monitoring:write and the role
 * redacteur or beheerder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql.h"
#include "util.h"

#define EXISTS_DETAIL "Er bestaat al een indicator met deze code."

static const char *const units[] = {"aantal", "percentage", "per_1000_jeugdigen",
                                    "weken",  "euro",       NULL};
static const char *const directions[] = {"hoger_is_beter", "lager_is_beter", "neutraal", NULL};
static const char *const frequencies[] = {"maand", "kwartaal", "jaar", NULL};
static const char *const rules[] = {"som", "ratio", "gewogen_gemiddelde", "niet_aggregeerbaar",
                                    NULL};

#define COMMON_FIELDS                                                                              \
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},           \
        {.name = "beschrijving", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 4000},        \
        {.name = "eenheid", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = units},           \
        {.name = "richting", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = directions},     \
        {.name = "bron", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 2, .max = 40},        \
        {.name = "frequentie", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = frequencies},  \
        {.name = "regionaleWaarde", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = rules},   \
        {.name = "principes", .type = SVC_T_ARRAY, .max = 8, .items = SVC_T_INTEGER},              \
        {.name = "actielijnen", .type = SVC_T_ARRAY, .max = 5, .items = SVC_T_INTEGER},            \
        {.name = "projecten", .type = SVC_T_ARRAY, .max = 100, .items = SVC_T_STRING}, {           \
        .name = NULL                                                                               \
    }

static const svc_field create_fields[] = {
    {.name = "code", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 2, .max = 40},
    COMMON_FIELDS};
static const svc_field put_fields[] = {{.name = "code", .type = SVC_T_STRING, .min = 2, .max = 40},
                                       COMMON_FIELDS};

static void check_numbers(const json_t *list, const char *name, long long max, svc_errors *errs) {
    size_t i;
    const json_t *v;
    json_array_foreach(list, i, v) {
        if (!json_is_integer(v))
            continue;
        if (json_integer_value(v) < 1 || json_integer_value(v) > max)
            svc_errors_add(errs, name, "range", "Elk nummer moet van 1 tot en met %lld zijn.", max);
        for (size_t j = 0; j < i; j++) {
            if (json_equal(json_array_get(list, j), v))
                svc_errors_add(errs, name, "duplicate", "Een nummer staat er twee keer in.");
        }
    }
}

static void check_body(const json_t *body, const char *path_code, svc_errors *errs) {
    const char *code = json_string_value(json_object_get(body, "code"));
    if (code != NULL && !mon_is_indicator_code(code))
        svc_errors_add(errs, "code", "format",
                       "Hoofdletters, cijfers en _ (begint met een letter), 2 tot 40 tekens.");
    if (code != NULL && path_code != NULL && strcmp(code, path_code) != 0)
        svc_errors_add(errs, "code", "conflict", "De code van een indicator verandert niet.");
    check_numbers(json_object_get(body, "principes"), "principes", 8, errs);
    check_numbers(json_object_get(body, "actielijnen"), "actielijnen", 5, errs);
    size_t i;
    const json_t *v;
    json_array_foreach(json_object_get(body, "projecten"), i, v) {
        if (json_is_string(v) && !mon_is_uuid(json_string_value(v)))
            svc_errors_add(errs, "projecten", "format",
                           "Elk project is een id (UUID) van de portfoliodienst.");
    }
}

static int read_body(svc_req *r, const mon_ctx *ctx, const char *path_code, json_t **body) {
    svc_errors *errs = NULL;
    if (mon_require_editor(r) != SVC_OK || svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, path_code ? put_fields : create_fields, SVC_REJECT_UNKNOWN, NULL, errs);
    check_body(*body, path_code, errs);
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* The statement parameters $1..$11 of INDICATOR_INSERT / _UPDATE; arrays are JSON text. */
typedef struct ind_params {
    const char *v[11];
    char *arrays[3];
} ind_params;

static void params_fill(ind_params *p, const json_t *body, const char *code) {
    static const char *const arrays[] = {"principes", "actielijnen", "projecten"};
    static const char *const names[] = {"naam", "beschrijving", "eenheid",        "richting",
                                        "bron", "frequentie",   "regionaleWaarde"};
    p->v[0] = code;
    for (int i = 0; i < 7; i++)
        p->v[i + 1] = json_string_value(json_object_get(body, names[i]));
    for (int i = 0; i < 3; i++) {
        const json_t *a = json_object_get(body, arrays[i]);
        p->arrays[i] = a ? json_dumps(a, JSON_COMPACT) : strdup("[]");
        p->v[8 + i] = p->arrays[i];
    }
}

static void params_free(ind_params *p) {
    for (int i = 0; i < 3; i++)
        free(p->arrays[i]);
}

static int unknown_source(svc_req *r) {
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) == SVC_OK) {
        svc_errors_add(errs, "bron", "unknown", "Onbekende bron (zie GET /bronnen).");
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_reply_problem(r, 500, NULL);
    }
    svc_errors_free(errs);
    return SVC_EREPLIED;
}

void mon_indicators_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    const char *params[5] = {svc_req_query(r, "bron"), svc_req_query(r, "actielijn"),
                             svc_req_query(r, "frequentie")};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *line = params[1];
    if (line != NULL && (strlen(line) != 1 || line[0] < '1' || line[0] > '5'))
        svc_errors_add(errs, "actielijn", "range", "Moet een actielijn van 1 tot en met 5 zijn.");
    const char *f = params[2];
    if (f != NULL && strcmp(f, "maand") && strcmp(f, "kwartaal") && strcmp(f, "jaar"))
        svc_errors_add(errs, "frequentie", "enum", "Moet maand, kwartaal of jaar zijn.");
    mon_reply_list(r, "indicatoren", SQL_INDICATOR_LIST, 5, params, errs);
    svc_errors_free(errs);
}

void mon_indicators_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *code = svc_req_param(r, "code");
    const char *params[] = {code};
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_INDICATOR_GET, 1, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, "Deze indicator");
        else
            svc_reply_entity(r, 200, svc_col(res, 0, 0), code, svc_col(res, 0, 1));
    }
    PQclear(res);
    svc_db_release(r, c);
}

void mon_indicators_create(svc_req *r, void *vctx) {
    json_t *body = NULL;
    if (read_body(r, vctx, NULL, &body) != SVC_OK) {
        json_decref(body);
        return;
    }
    const char *code = json_string_value(json_object_get(body, "code"));
    ind_params p = {0};
    params_fill(&p, body, code);
    svc_conn *c = NULL;
    PGresult *res = NULL;
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_INDICATOR_INSERT, 11, p.v, EXISTS_DETAIL, &res);
    if (rc == SVC_OK && PQntuples(res) == 0)
        rc = unknown_source(r);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "aangemaakt", "indicator", code, NULL, svc_col(res, 0, 1));
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK) {
        svc_reply_location(r, "/indicatoren", code);
        svc_reply_entity(r, 201, svc_col(res, 0, 1), code, svc_col(res, 0, 0));
    }
    PQclear(res);
    svc_db_release(r, c);
    params_free(&p);
    json_decref(body);
}

/* Lock the indicator and check If-Match and the frequency rule. */
static int lock_for_update(svc_req *r, svc_conn *c, const char *code, const json_t *body,
                           PGresult **before) {
    const char *params[] = {code};
    char etag[SVC_ETAG_MAX];
    int rc = svc_db_query(r, c, SQL_INDICATOR_LOCK, 1, params, NULL, before);
    if (rc != SVC_OK)
        return rc;
    if (PQntuples(*before) == 0) {
        svc_reply_not_found(r, "Deze indicator");
        return SVC_EREPLIED;
    }
    svc_etag_from_version(code, svc_col_int(*before, 0, 1), etag);
    if (svc_req_if_match(r, etag) != SVC_OK)
        return SVC_EREPLIED;
    const char *freq = json_string_value(json_object_get(body, "frequentie"));
    if (svc_col_bool(*before, 0, 3) && strcmp(freq, svc_col(*before, 0, 2)) != 0) {
        svc_reply_problem(r, 409,
                          "De frequentie verandert niet meer zodra er waarnemingen zijn: "
                          "hun perioden passen dan niet meer.");
        return SVC_EREPLIED;
    }
    return SVC_OK;
}

void mon_indicators_put(svc_req *r, void *vctx) {
    const char *code = svc_req_param(r, "code");
    json_t *body = NULL;
    if (read_body(r, vctx, code, &body) != SVC_OK) {
        json_decref(body);
        return;
    }
    ind_params p = {0};
    params_fill(&p, body, code);
    svc_conn *c = NULL;
    PGresult *before = NULL, *res = NULL;
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = lock_for_update(r, c, code, body, &before);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_INDICATOR_UPDATE, 11, p.v, NULL, &res);
    if (rc == SVC_OK && PQntuples(res) == 0)
        rc = unknown_source(r);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "gewijzigd", "indicator", code, svc_col(before, 0, 0),
                       svc_col(res, 0, 1));
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_entity(r, 200, svc_col(res, 0, 1), code, svc_col(res, 0, 0));
    PQclear(before);
    PQclear(res);
    svc_db_release(r, c);
    params_free(&p);
    json_decref(body);
}
