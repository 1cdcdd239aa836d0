/* Reads answered through the shared response cache (svc/cache.h): the project lists, one
 * project, the overview and the steering-group report. The key is the request (path and sorted
 * query); the generation is cache_generation.generation, bumped by a statement-level trigger on
 * every table these answers read (migration 0006), in the writing transaction. A hit costs one
 * prepared round trip (the generation); a miss computes the answer once per key, however many
 * requests miss at the same moment (a striped lock, never the cache's own). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portfolio.h"
#include "sql.h"

#define PF_CACHE_DEFAULT_BYTES (8ul * 1024 * 1024)

int pf_ctx_new(pf_ctx **out) {
    unsigned long budget = 0;
    pf_ctx *ctx = calloc(1, sizeof(*ctx));
    if (ctx == NULL)
        return SVC_ENOMEM;
    int rc = svc_env_uint("PORTFOLIO_CACHE_BYTES", PF_CACHE_DEFAULT_BYTES, 1024ul * 1024,
                          256ul * 1024 * 1024, &budget);
    if (rc == SVC_OK)
        rc = svc_cache_new(&ctx->cache, budget);
    if (rc != SVC_OK) {
        free(ctx);
        return rc;
    }
    for (size_t i = 0; i < PF_CACHE_STRIPES; i++)
        pthread_mutex_init(&ctx->stripes[i], NULL);
    *out = ctx;
    return SVC_OK;
}

void pf_ctx_free(pf_ctx *ctx) {
    if (ctx == NULL)
        return;
    pf_trimmer_stop(&ctx->trimmer);
    for (size_t i = 0; i < PF_CACHE_STRIPES; i++)
        pthread_mutex_destroy(&ctx->stripes[i]);
    svc_cache_free(ctx->cache);
    free(ctx);
}

static pthread_mutex_t *stripe(pf_ctx *ctx, const char *key) {
    size_t h = 5381;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = h * 33 + *p;
    return &ctx->stripes[h % PF_CACHE_STRIPES];
}

/* ---- the cached text of an answer: JSON as is; an entity as "<version>\n<json>"; a page as
 * "<more t|f><last key>\n<items>". Stored with its terminating NUL, so that a hit can hand the
 * entry's JSON to functions that want a C string. ---- */

/* Drop the whitespace json_build_object puts between tokens (" : ", ", "), in place: the same
 * JSON, ~10% fewer bytes to copy and send on every hit (the report is over 1 MB). */
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

static char *encode(const PGresult *res, pf_cached_kind kind, size_t *len) {
    const char *items = svc_col(res, 0, 0), *second = svc_col(res, 0, 1);
    char *text = NULL;
    int n = -1;
    if (items == NULL)
        return NULL;
    if (kind == PF_CACHED_JSON)
        n = asprintf(&text, "%s", items);
    else if (kind == PF_CACHED_ENTITY)
        n = asprintf(&text, "%s\n%s", second ? second : "0", items);
    else
        n = asprintf(&text, "%c%s\n%s", svc_col_bool(res, 0, 2) ? 't' : 'f', second ? second : "",
                     items);
    if (n < 0)
        return NULL;
    char *json = kind == PF_CACHED_JSON ? text : strchr(text, '\n') + 1;
    *len = (size_t)(json - text) + minify(json);
    return text;
}

/* svc_reply_page over the columns decoded from a cached page (so the body and the Link header
 * are the library's, with a cursor made for this request). */
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

/* X-Cache: hit or miss, as the monitoring service answers (for tests and operators). */
/* svc_reply_entity (ETag from the version) over a cached entity. */
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
static void reply(svc_req *r, const pf_cached_read *q, const char *text, size_t len, int hit) {
    if (q->kind == PF_CACHED_JSON)
        svc_reply_json_text(r, 200, text, len);
    else if (q->kind == PF_CACHED_ENTITY)
        reply_entity(r, text, len);
    else
        reply_page(r, q->collection, text, len);
    svc_reply_header(r, "X-Cache", hit ? "hit" : "miss");
}

static int generation(svc_req *r, svc_conn *c, long long *out) {
    PGresult *res = NULL;
    int rc = svc_db_query(r, c, SQL_GENERATION, 0, NULL, NULL, &res);
    if (rc == SVC_OK)
        *out = svc_col_int(res, 0, 0);
    PQclear(res);
    return rc;
}

static int serve_hit(svc_req *r, pf_ctx *ctx, const pf_cached_read *q, const char *key,
                     long long gen) {
    svc_cache_entry *e = NULL;
    size_t len = 0;
    if (svc_cache_get(ctx->cache, key, gen, &e) != SVC_OK)
        return SVC_ENOTFOUND;
    const char *body = svc_cache_entry_body(e, &len);
    reply(r, q, body, len - 1, 1);
    svc_cache_entry_release(e);
    return SVC_OK;
}

/* Compute, store and answer; under the key's stripe lock, checking the cache again first. */
static void serve_miss(svc_req *r, pf_ctx *ctx, svc_conn *c, const pf_cached_read *q,
                       const char *key, long long gen) {
    pthread_mutex_t *lock = stripe(ctx, key);
    PGresult *res = NULL;
    pthread_mutex_lock(lock);
    if (serve_hit(r, ctx, q, key, gen) == SVC_OK) {
        pthread_mutex_unlock(lock);
        return;
    }
    if (svc_db_query(r, c, q->sql, q->n, q->params, NULL, &res) == SVC_OK) {
        size_t len = 0;
        char *text = encode(res, q->kind, &len);
        if (text != NULL)
            svc_cache_put(ctx->cache, key, gen, text, len + 1); /* a miss only costs speed */
        pthread_mutex_unlock(lock);
        if (text != NULL)
            reply(r, q, text, len, 0);
        else if (svc_col(res, 0, 0) == NULL)
            svc_reply_not_found(r, q->what);
        else
            svc_reply_problem(r, 500, NULL);
        free(text);
    } else {
        pthread_mutex_unlock(lock);
    }
    PQclear(res);
}

void pf_cached(svc_req *r, pf_ctx *ctx, const pf_cached_read *q) {
    char *key = NULL;
    svc_conn *c = NULL;
    long long gen = 0;
    if (svc_cache_request_key(r, q->scope, &key) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (svc_db_acquire(r, &c) == SVC_OK && generation(r, c, &gen) == SVC_OK &&
        serve_hit(r, ctx, q, key, gen) != SVC_OK)
        serve_miss(r, ctx, c, q, key, gen);
    svc_db_release(r, c);
    free(key);
}
