/* Answers served from the shared response cache (svc/cache.h): the network (GET /netwerk). The
 * key is the request (path and sorted query); the generation is cache_generation.generation,
 * bumped by a statement-level trigger on every table the network reads (migration 0002), in the
 * writing transaction. A hit costs one prepared round trip (the generation); a miss computes
 * the answer once per key however many requests miss at the same moment (a striped lock, never
 * the cache's own). */
#include <stdlib.h>
#include <string.h>

#include "sql.h"
#include "stk.h"

#define STK_CACHE_DEFAULT_BYTES (4ul * 1024 * 1024)

int stk_cache_ctx_new(stk_cache_ctx **out) {
    unsigned long budget = 0;
    stk_cache_ctx *ctx = calloc(1, sizeof(*ctx));
    if (ctx == NULL)
        return SVC_ENOMEM;
    int rc = svc_env_uint("STAKEHOLDERS_CACHE_BYTES", STK_CACHE_DEFAULT_BYTES, 256ul * 1024,
                          256ul * 1024 * 1024, &budget);
    if (rc == SVC_OK)
        rc = svc_cache_new(&ctx->cache, budget);
    if (rc != SVC_OK) {
        free(ctx);
        return rc;
    }
    for (size_t i = 0; i < STK_CACHE_STRIPES; i++)
        pthread_mutex_init(&ctx->stripes[i], NULL);
    *out = ctx;
    return SVC_OK;
}

void stk_cache_ctx_free(stk_cache_ctx *ctx) {
    if (ctx == NULL)
        return;
    for (size_t i = 0; i < STK_CACHE_STRIPES; i++)
        pthread_mutex_destroy(&ctx->stripes[i]);
    svc_cache_free(ctx->cache);
    free(ctx);
}

static pthread_mutex_t *stripe(stk_cache_ctx *ctx, const char *key) {
    size_t h = 5381;
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = h * 33 + *p;
    return &ctx->stripes[h % STK_CACHE_STRIPES];
}

static int generation(svc_req *r, svc_conn *c, long long *out) {
    PGresult *res = NULL;
    int rc = svc_db_query(r, c, SQL_GENERATION, 0, NULL, NULL, &res);
    if (rc == SVC_OK)
        *out = svc_col_int(res, 0, 0);
    PQclear(res);
    return rc;
}

static int serve_hit(svc_req *r, stk_cache_ctx *ctx, const char *key, long long gen) {
    svc_cache_entry *e = NULL;
    size_t len = 0;
    if (svc_cache_get(ctx->cache, key, gen, &e) != SVC_OK)
        return SVC_ENOTFOUND;
    const char *body = svc_cache_entry_body(e, &len);
    svc_reply_json_text(r, 200, body, len);
    svc_reply_header(r, "X-Cache", "hit"); /* as the monitoring service answers */
    svc_cache_entry_release(e);
    return SVC_OK;
}

/* Compute, store and answer; under the key's stripe lock, checking the cache again first. */
static void serve_miss(svc_req *r, stk_cache_ctx *ctx, svc_conn *c, const char *sql,
                       const char *what, const char *key, long long gen) {
    pthread_mutex_t *lock = stripe(ctx, key);
    PGresult *res = NULL;
    pthread_mutex_lock(lock);
    if (serve_hit(r, ctx, key, gen) == SVC_OK) {
        pthread_mutex_unlock(lock);
        return;
    }
    if (stk_query(r, c, sql, 0, NULL, &res) == SVC_OK) {
        const char *body = PQntuples(res) > 0 ? svc_col(res, 0, 0) : NULL;
        if (body != NULL)
            svc_cache_put(ctx->cache, key, gen, body, strlen(body)); /* a miss costs speed only */
        pthread_mutex_unlock(lock);
        if (body != NULL) {
            svc_reply_json_text(r, 200, body, strlen(body));
            svc_reply_header(r, "X-Cache", "miss");
        } else
            svc_reply_not_found(r, what);
    } else {
        pthread_mutex_unlock(lock);
    }
    PQclear(res);
}

void stk_cached_json(svc_req *r, stk_cache_ctx *ctx, const char *sql, const char *what) {
    char *key = NULL;
    svc_conn *c = NULL;
    long long gen = 0;
    if (svc_cache_request_key(r, NULL, &key) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (svc_db_acquire(r, &c) == SVC_OK && generation(r, c, &gen) == SVC_OK &&
        serve_hit(r, ctx, key, gen) != SVC_OK)
        serve_miss(r, ctx, c, sql, what, key, gen);
    svc_db_release(r, c);
    free(key);
}
