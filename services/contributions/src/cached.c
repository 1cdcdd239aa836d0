/* The response caches and their data generations (cached.h). */
#include "cached.h"

#include <stdlib.h>

#include "sql.h"

int ctb_ctx_open(svc_config *cfg, void **out, char **errmsg) {
    (void)cfg;
    (void)errmsg;
    ctb_ctx *ctx = calloc(1, sizeof(*ctx));
    if (ctx == NULL || svc_cache_new(&ctx->coverage, CTB_COVERAGE_CACHE_BYTES) != SVC_OK ||
        svc_cache_new(&ctx->allocation, CTB_ALLOCATION_CACHE_BYTES) != SVC_OK) {
        ctb_ctx_close(ctx);
        return SVC_ENOMEM;
    }
    *out = ctx;
    return SVC_OK;
}

void ctb_ctx_close(void *p) {
    ctb_ctx *ctx = p;
    if (ctx == NULL)
        return;
    svc_cache_free(ctx->coverage);
    svc_cache_free(ctx->allocation);
    free(ctx);
}

int ctb_generation(svc_req *r, svc_conn *c, const char *name, long long *gen) {
    const char *params[] = {name};
    PGresult *res = NULL;
    int rc = svc_db_query(r, c, SQL_GENERATION, 1, params, NULL, &res);
    if (rc != SVC_OK)
        return SVC_EREPLIED;
    *gen = PQntuples(res) == 1 ? svc_col_int(res, 0, 0) : -1;
    PQclear(res);
    return SVC_OK;
}
