/* Database access from handlers (svc/db.h). */
#include "svc/svc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PAGE_DEFAULT    20
#define PAGE_MAX        100
#define SQLSTATE_UNIQUE "23505"

int svc_db_acquire(svc_req *r, svc_conn **out) {
    int rc = svc_pool_acquire(svc_req_pool(r), out);
    if (rc == SVC_OK)
        return SVC_OK;
    *out = NULL;
    svc_reply_db_error(r, rc);
    return SVC_EREPLIED;
}

int svc_db_begin(svc_req *r, svc_conn **out) {
    if (svc_db_acquire(r, out) != SVC_OK)
        return SVC_EREPLIED;
    int rc = svc_conn_begin(*out);
    if (rc == SVC_OK)
        return SVC_OK;
    svc_db_release(r, *out);
    *out = NULL;
    svc_reply_db_error(r, rc);
    return SVC_EREPLIED;
}

int svc_db_commit(svc_req *r, svc_conn *c) {
    int rc = svc_conn_commit(c);
    if (rc == SVC_OK)
        return SVC_OK;
    svc_reply_db_error(r, rc);
    return SVC_EREPLIED;
}

void svc_db_release(svc_req *r, svc_conn *c) {
    if (c != NULL)
        svc_pool_release(svc_req_pool(r), c);
}

int svc_db_query(svc_req *r, svc_conn *c, const char *name, int n, const char *const *values,
                 const char *conflict_detail, PGresult **out) {
    int rc = svc_conn_query(c, name, n, values, out);
    if (rc == SVC_OK)
        return SVC_OK;
    *out = NULL;
    if (rc == SVC_EDB && conflict_detail != NULL &&
        strcmp(svc_conn_sqlstate(c), SQLSTATE_UNIQUE) == 0) {
        svc_reply_problem(r, 409, conflict_detail);
        return SVC_EREPLIED;
    }
    /* Two transactions got in each other's way (deadlock, serialization failure): nothing is
     * wrong with the request, and the same request again will most likely pass. */
    if (rc == SVC_EDB && (strcmp(svc_conn_sqlstate(c), "40P01") == 0 ||
                          strcmp(svc_conn_sqlstate(c), "40001") == 0)) {
        svc_reply_header(r, "Retry-After", "1");
        svc_reply_problem(r, 409,
                          "Een gelijktijdige wijziging zat in de weg; er is niets veranderd. "
                          "Probeer het opnieuw.");
        return SVC_EREPLIED;
    }
    /* Only the statement and SQLSTATE: a message's detail may quote a row (and a hash). */
    if (rc == SVC_EDB)
        svc_log(SVC_LOG_ERROR, "request %s: statement %s failed with SQLSTATE %s", svc_req_id(r),
                name, svc_conn_sqlstate(c));
    svc_reply_db_error(r, rc);
    return SVC_EREPLIED;
}

const char *svc_col(const PGresult *res, int row, int col) {
    return PQgetisnull(res, row, col) ? NULL : PQgetvalue(res, row, col);
}

int svc_col_bool(const PGresult *res, int row, int col) {
    const char *v = svc_col(res, row, col);
    return v != NULL && v[0] == 't';
}

long long svc_col_int(const PGresult *res, int row, int col) {
    const char *v = svc_col(res, row, col);
    return v ? strtoll(v, NULL, 10) : 0;
}

void svc_reply_entity(svc_req *r, int status, const char *json, const char *id,
                      const char *version) {
    char etag[SVC_ETAG_MAX];
    svc_etag_from_version(id, strtoll(version, NULL, 10), etag);
    svc_reply_header(r, "ETag", etag);
    svc_reply_json_text(r, status, json, strlen(json));
}

void svc_reply_location(svc_req *r, const char *collection, const char *id) {
    char *location = NULL;
    if (asprintf(&location, "%s%s/%s", svc_req_config(r)->base_path, collection, id) < 0)
        return;
    svc_reply_header(r, "Location", location);
    free(location);
}

void svc_reply_not_found(svc_req *r, const char *what) {
    char detail[200];
    snprintf(detail, sizeof(detail), "%s bestaat niet.", what);
    svc_reply_problem(r, 404, detail);
}

const char *svc_req_actor(const svc_req *r, const char *fallback) {
    const svc_principal *p = svc_req_principal(r);
    if (p == NULL)
        return fallback;
    return p->subject;
}

int svc_page_parse(svc_req *r, const char *collection, unsigned int *limit, json_t **cursor,
                   const char **after, svc_errors *errs) {
    *after = NULL;
    int rc = svc_req_page(r, PAGE_DEFAULT, PAGE_MAX, limit, cursor, errs);
    if (rc != SVC_OK || *cursor == NULL)
        return rc;
    /* A cursor of another list (same key) is as wrong as a tampered one. */
    const char *list = json_string_value(json_object_get(*cursor, "l"));
    const char *key = json_string_value(json_object_get(*cursor, "k"));
    if (list == NULL || key == NULL || strcmp(list, collection) != 0)
        svc_errors_add(errs, "cursor", "format",
                       "Ongeldige cursor: gebruik de waarde van een vorige pagina ongewijzigd.");
    else
        *after = key;
    return SVC_OK;
}

void svc_reply_page(svc_req *r, const char *collection, const char *member, PGresult *res) {
    const char *items = svc_col(res, 0, 0);
    const char *last = svc_col(res, 0, 1);
    char *next = NULL, *body = NULL;
    json_t *payload = NULL;
    if (svc_col_bool(res, 0, 2) && last != NULL)
        payload = json_pack("{s:s, s:s}", "l", collection, "k", last);
    int rc = svc_req_link_next(r, payload, &next);
    json_decref(payload);
    /* The cursor is base64url and a dot: nothing to escape in a JSON string. */
    int n = rc != SVC_OK ? -1
            : next       ? asprintf(&body, "{\"%s\":%s,\"volgende\":\"%s\"}", member, items, next)
                         : asprintf(&body, "{\"%s\":%s,\"volgende\":null}", member, items);
    free(next);
    if (n < 0) {
        svc_reply_db_error(r, SVC_ENOMEM);
        return;
    }
    svc_reply_json_text(r, 200, body, (size_t)n);
    free(body);
}
