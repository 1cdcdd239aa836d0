/* Norms (targets): per indicator a value and comparator, valid from a date, for the region and
 * every municipality (no gebied) or for one area. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sql.h"
#include "util.h"

#define EXISTS_DETAIL                                                                              \
    "Er bestaat al een norm voor deze indicator en dit gebied met dezelfde ingangsdatum."

static const char *const comparators[] = {"<", "<=", ">", ">=", NULL};

static const svc_field fields[] = {
    {.name = "indicator", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 2, .max = 40},
    {.name = "gebied", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 2, .max = 20},
    {.name = "vergelijking", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = comparators},
    {.name = "waarde", .type = SVC_T_NUMBER, .flags = SVC_REQUIRED},
    {.name = "marge", .type = SVC_T_NUMBER, .flags = SVC_NULLABLE},
    {.name = "geldigVanaf", .type = SVC_T_DATE, .flags = SVC_REQUIRED},
    {.name = "toelichting", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .max = 1000},
    {.name = NULL}};

/* A JSON number as text for a numeric parameter (NULL for null/absent). */
static const char *number_text(const json_t *v, char *buf, size_t size) {
    if (json_is_integer(v))
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, size, "%.15g", json_real_value(v));
    else
        return NULL;
    return buf;
}

typedef struct norm_in {
    const char *v[7]; /* indicator id, area id, comparator, value, margin, valid from, note */
    char ids[2][16], value[40], margin[40];
} norm_in;

static int read_body(svc_req *r, const mon_ctx *ctx, json_t **body) {
    svc_errors *errs = NULL;
    if (mon_require_editor(r) != SVC_OK || svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, fields, SVC_REJECT_UNKNOWN, NULL, errs);
    json_t *margin = json_object_get(*body, "marge");
    if (json_is_number(margin) && json_number_value(margin) < 0)
        svc_errors_add(errs, "marge", "range", "Mag niet negatief zijn.");
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* Indicator and area codes to ids; 400 naming the unknown ones. */
static int resolve(svc_req *r, svc_conn *c, const json_t *body, norm_in *in) {
    const char *area = json_string_value(json_object_get(body, "gebied"));
    const char *params[] = {json_string_value(json_object_get(body, "indicator")), area};
    PGresult *res = NULL;
    svc_errors *errs = NULL;
    int rc = svc_db_query(r, c, SQL_NORM_RESOLVE, 2, params, NULL, &res);
    if (rc != SVC_OK)
        return rc;
    if (svc_errors_new(&errs) != SVC_OK) {
        PQclear(res);
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    if (svc_col(res, 0, 0) == NULL)
        svc_errors_add(errs, "indicator", "unknown", "Onbekende indicator.");
    if (area != NULL && svc_col(res, 0, 1) == NULL)
        svc_errors_add(errs, "gebied", "unknown", "Onbekend gebied.");
    snprintf(in->ids[0], sizeof(in->ids[0]), "%s", svc_col(res, 0, 0) ? svc_col(res, 0, 0) : "");
    snprintf(in->ids[1], sizeof(in->ids[1]), "%s", svc_col(res, 0, 1) ? svc_col(res, 0, 1) : "");
    PQclear(res);
    rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    in->v[0] = in->ids[0];
    in->v[1] = area ? in->ids[1] : NULL;
    in->v[2] = json_string_value(json_object_get(body, "vergelijking"));
    in->v[3] = number_text(json_object_get(body, "waarde"), in->value, sizeof(in->value));
    in->v[4] = number_text(json_object_get(body, "marge"), in->margin, sizeof(in->margin));
    in->v[5] = json_string_value(json_object_get(body, "geldigVanaf"));
    in->v[6] = json_string_value(json_object_get(body, "toelichting"));
    return rc;
}

void mon_norms_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    const char *params[4] = {svc_req_query(r, "indicator"), svc_req_query(r, "gebied")};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    mon_reply_list(r, "normen", SQL_NORM_LIST, 4, params, errs);
    svc_errors_free(errs);
}

void mon_norms_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!mon_is_uuid(id)) {
        svc_reply_not_found(r, "Deze norm");
        return;
    }
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_NORM_GET, 1, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, "Deze norm");
        else
            svc_reply_entity(r, 200, svc_col(res, 0, 0), id, svc_col(res, 0, 1));
    }
    PQclear(res);
    svc_db_release(r, c);
}

void mon_norms_create(svc_req *r, void *vctx) {
    json_t *body = NULL;
    norm_in in;
    svc_conn *c = NULL;
    PGresult *res = NULL;
    memset(&in, 0, sizeof(in));
    int rc = read_body(r, vctx, &body);
    if (rc == SVC_OK)
        rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = resolve(r, c, body, &in);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_NORM_INSERT, 7, in.v, EXISTS_DETAIL, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "aangemaakt", "norm", svc_col(res, 0, 0), NULL,
                       svc_col(res, 0, 2));
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK) {
        svc_reply_location(r, "/normen", svc_col(res, 0, 0));
        svc_reply_entity(r, 201, svc_col(res, 0, 2), svc_col(res, 0, 0), svc_col(res, 0, 1));
    }
    PQclear(res);
    svc_db_release(r, c);
    json_decref(body);
}

/* Lock the norm and check If-Match; *before is its row. */
static int lock_norm(svc_req *r, svc_conn *c, const char *id, PGresult **before) {
    const char *params[] = {id};
    char etag[SVC_ETAG_MAX];
    int rc = svc_db_query(r, c, SQL_NORM_LOCK, 1, params, NULL, before);
    if (rc != SVC_OK)
        return rc;
    if (PQntuples(*before) == 0) {
        svc_reply_not_found(r, "Deze norm");
        return SVC_EREPLIED;
    }
    svc_etag_from_version(id, svc_col_int(*before, 0, 1), etag);
    return svc_req_if_match(r, etag);
}

void mon_norms_put(svc_req *r, void *vctx) {
    const char *id = svc_req_param(r, "id");
    json_t *body = NULL;
    norm_in in;
    svc_conn *c = NULL;
    PGresult *before = NULL, *res = NULL;
    memset(&in, 0, sizeof(in));
    if (!mon_is_uuid(id)) {
        svc_reply_not_found(r, "Deze norm");
        return;
    }
    int rc = read_body(r, vctx, &body);
    if (rc == SVC_OK)
        rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = lock_norm(r, c, id, &before);
    if (rc == SVC_OK)
        rc = resolve(r, c, body, &in);
    const char *params[] = {id, in.v[0], in.v[1], in.v[2], in.v[3], in.v[4], in.v[5], in.v[6]};
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_NORM_UPDATE, 8, params, EXISTS_DETAIL, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "gewijzigd", "norm", id, svc_col(before, 0, 0),
                       svc_col(res, 0, 1));
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_entity(r, 200, svc_col(res, 0, 1), id, svc_col(res, 0, 0));
    PQclear(before);
    PQclear(res);
    svc_db_release(r, c);
    json_decref(body);
}

void mon_norms_delete(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *before = NULL, *res = NULL;
    if (mon_require_editor(r) != SVC_OK)
        return;
    if (!mon_is_uuid(id)) {
        svc_reply_not_found(r, "Deze norm");
        return;
    }
    const char *params[] = {id};
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = lock_norm(r, c, id, &before);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_NORM_DELETE, 1, params, NULL, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, NULL, "verwijderd", "norm", id, svc_col(before, 0, 0), NULL);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_empty(r, 204);
    PQclear(before);
    PQclear(res);
    svc_db_release(r, c);
}
