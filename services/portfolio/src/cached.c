/* Reads answered through the shared response cache (svc_reply_cached, svc/cache.h): the project
 * lists, one project, the overview and the steering-group report. The key is the request (path
 * and sorted query); the generation is cache_generation.generation, bumped by a statement-level
 * trigger on every table these answers read (migration 0006), in the writing transaction. */
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
    *out = ctx;
    return SVC_OK;
}

void pf_ctx_free(pf_ctx *ctx) {
    if (ctx == NULL)
        return;
    pf_trimmer_stop(&ctx->trimmer);
    svc_cache_free(ctx->cache);
    free(ctx);
}

void pf_cached(svc_req *r, pf_ctx *ctx, const svc_cached_read *q) {
    svc_cached_read read = *q;
    read.generation = SQL_GENERATION;
    atomic_fetch_add_explicit(&ctx->trimmer.reads, 1, memory_order_relaxed);
    svc_reply_cached(r, ctx->cache, &read);
}
