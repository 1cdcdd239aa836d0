/* Reads answered through a response cache (svc_reply_cached, svc/cache.h).
 *
 * The kept text of an answer: JSON as is; an entity as "<version>\n<json>"; a page as
 * "<more t|f><last key>\n<items>". Stored with its terminating NUL, so that a hit can hand the
 * entry's JSON to functions that want a C string. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/svc.h"

#define SQL_DATA_GENERATION "svc_data_generation"

/* Drop the whitespace json_build_object puts between tokens (" : ", ", "), in place: the same
 * JSON, ~10% fewer bytes to copy and send on every hit. */
static size_t minify(char *json) {
    char *out = json;
    int in_string = 0;
    for (const char *p = json; *p; p++) {
        if (in_string) {
            *out++ = *p;
            if (*p == '\\' && p[1] != '\0')
                *out++ = *++p;
            else if (*p == '"')
                in_string = 0;
        } else if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r') {
            in_string = *p == '"';
            *out++ = *p;
        }
    }
    *out = '\0';
    return (size_t)(out - json);
}

const char *svc_answer_first(svc_req *r, const PGresult *res, const char *what) {
    const char *json = PQntuples(res) > 0 ? svc_col(res, 0, 0) : NULL;
    if (json == NULL)
        svc_reply_not_found(r, what);
    return json;
}

/* The text to keep for the answer json of the statement's result res; *len excludes the NUL. */
static char *encode(const PGresult *res, const char *json, svc_cached_kind kind, size_t *len) {
    const char *second = PQnfields(res) > 1 ? svc_col(res, 0, 1) : NULL;
    char *text = NULL;
    int n = -1;
    if (kind == SVC_CACHED_JSON)
        n = asprintf(&text, "%s", json);
    else if (kind == SVC_CACHED_ENTITY)
        n = asprintf(&text, "%s\n%s", second ? second : "0", json);
    else
        n = asprintf(&text, "%c%s\n%s", svc_col_bool(res, 0, 2) ? 't' : 'f', second ? second : "",
                     json);
    if (n < 0)
        return NULL;
    char *body = kind == SVC_CACHED_JSON ? text : strchr(text, '\n') + 1;
    *len = (size_t)(body - text) + minify(body);
    return text;
}

/* svc_reply_page over the columns decoded from a kept page (so the body and the Link header are
 * the library's, with a cursor made for this request). */
static void reply_page(svc_req *r, const char *collection, const char *text, size_t len) {
    const char *nl = memchr(text, '\n', len);
    PGresult *res = PQmakeEmptyPGresult(NULL, PGRES_TUPLES_OK);
    PGresAttDesc attrs[3] = {{.name = "items"}, {.name = "last"}, {.name = "more"}};
    int ok = nl != NULL && res != NULL && PQsetResultAttrs(res, 3, attrs);
    if (ok) {
        int last_len = (int)(nl - text - 1);
        ok = PQsetvalue(res, 0, 0, (char *)nl + 1, (int)(len - (size_t)(nl + 1 - text))) &&
             PQsetvalue(res, 0, 1, last_len > 0 ? (char *)text + 1 : NULL,
                        last_len > 0 ? last_len : -1) &&
             PQsetvalue(res, 0, 2, text[0] == 't' ? "t" : "f", 1);
    }
    if (ok)
        svc_reply_page(r, collection, collection, res);
    else
        svc_reply_problem(r, 500, NULL);
    PQclear(res);
}

/* svc_reply_entity (ETag from the version) over a kept entity. */
static void reply_entity(svc_req *r, const char *text, size_t len) {
    const char *nl = memchr(text, '\n', len);
    char version[24];
    size_t n = nl ? (size_t)(nl - text) : sizeof(version);
    if (n >= sizeof(version)) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    memcpy(version, text, n);
    version[n] = '\0';
    svc_reply_entity(r, 200, nl + 1, svc_req_param(r, "id"), version);
}

/* text[len] is '\0'. */
static void reply(svc_req *r, const svc_cached_read *q, const char *text, size_t len, int hit) {
    if (q->kind == SVC_CACHED_JSON)
        svc_reply_json_text(r, 200, text, len);
    else if (q->kind == SVC_CACHED_ENTITY)
        reply_entity(r, text, len);
    else
        reply_page(r, q->collection, text, len);
    svc_reply_header(r, "X-Cache", hit ? "hit" : "miss");
}

/* *gen is -1 when the generation statement finds no row: the answer is then not kept. */
static int current_generation(svc_req *r, svc_conn *c, const svc_cached_read *q, long long *gen) {
    PGresult *res = NULL;
    const char *params[] = {q->generation_param};
    int rc = svc_db_query(r, c, q->generation ? q->generation : SQL_DATA_GENERATION,
                          q->generation_param ? 1 : 0, params, NULL, &res);
    if (rc == SVC_OK)
        *gen = PQntuples(res) > 0 ? svc_col_int(res, 0, 0) : -1;
    PQclear(res);
    return rc;
}

/* Whether key is kept for gen (never for -1); *e is then the entry, to hand to reply_entry. */
static int lookup(svc_cache *cache, const char *key, long long gen, svc_cache_entry **e) {
    return gen >= 0 && svc_cache_get(cache, key, gen, e) == SVC_OK;
}

static void reply_entry(svc_req *r, const svc_cached_read *q, svc_cache_entry *e) {
    size_t len = 0;
    const char *body = svc_cache_entry_body(e, &len);
    reply(r, q, body, len - 1, 1);
    svc_cache_entry_release(e);
}

/* Compute, keep and answer; under the key's stripe lock, checking the cache again first. */
static void serve_miss(svc_req *r, svc_cache *cache, svc_conn *c, const svc_cached_read *q,
                       const char *key, long long gen) {
    pthread_mutex_t *lock = svc_cache_stripe(cache, key);
    svc_cache_entry *e = NULL;
    PGresult *res = NULL;
    pthread_mutex_lock(lock);
    if (lookup(cache, key, gen, &e)) { /* computed by another request meanwhile */
        pthread_mutex_unlock(lock);
        reply_entry(r, q, e);
        return;
    }
    if (svc_db_query(r, c, q->stmt, q->n, q->params, NULL, &res) != SVC_OK) {
        pthread_mutex_unlock(lock);
        return;
    }
    const char *json = (q->answer ? q->answer : svc_answer_first)(r, res, q->what);
    size_t len = 0;
    char *text = json ? encode(res, json, q->kind, &len) : NULL;
    if (text != NULL && gen >= 0)
        (void)svc_cache_put(cache, key, gen, text, len + 1); /* a miss only costs speed */
    pthread_mutex_unlock(lock);
    if (text != NULL)
        reply(r, q, text, len, 0);
    else if (json != NULL)
        svc_reply_problem(r, 500, NULL); /* out of memory; otherwise answer() has answered */
    free(text);
    PQclear(res);
}

void svc_reply_cached(svc_req *r, svc_cache *cache, const svc_cached_read *q) {
    char *key = NULL;
    svc_conn *c = NULL;
    long long gen = -1;
    if (svc_cache_request_key(r, q->scope, &key) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (svc_db_acquire(r, &c) == SVC_OK && current_generation(r, c, q, &gen) == SVC_OK) {
        svc_cache_entry *e = NULL;
        if (lookup(cache, key, gen, &e)) {
            /* A hit gives the connection back before the body is copied out. */
            svc_db_release(r, c);
            c = NULL;
            reply_entry(r, q, e);
        } else {
            serve_miss(r, cache, c, q, key, gen);
        }
    }
    svc_db_release(r, c);
    free(key);
}
