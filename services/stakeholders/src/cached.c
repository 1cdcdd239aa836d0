/* The network (GET /netwerk) through the shared response cache (svc_reply_cached, svc/cache.h),
 * valid per data generation: migration 0002 bumps it by a statement-level trigger on every table
 * the network reads, in the writing transaction; 0003 shows it as the library expects it. */
#include <stdlib.h>

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
    *out = ctx;
    return SVC_OK;
}

void stk_cache_ctx_free(stk_cache_ctx *ctx) {
    if (ctx == NULL)
        return;
    svc_cache_free(ctx->cache);
    free(ctx);
}

void stk_cached_json(svc_req *r, stk_cache_ctx *ctx, const char *sql, const char *what) {
    svc_reply_cached(r, ctx->cache, &(svc_cached_read){.stmt = sql, .what = what});
}
