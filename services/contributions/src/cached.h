/* The service's response caches (svc/cache.h), valid per data generation (migration 0003): the
 * coverage overview (whole answers) and the allocation weights of a key for a year. */
#ifndef CTB_CACHED_H
#define CTB_CACHED_H

#include "svc/cache.h"
#include "svc/db.h"
#include "svc/error.h"
#include "svc/pool.h"

/* Byte budgets: together well within the 30 MB the service may use. */
#define CTB_COVERAGE_CACHE_BYTES   (2u << 20)
#define CTB_ALLOCATION_CACHE_BYTES (1u << 20)

/* The generation rows of cache_generations. */
#define CTB_GEN_COVERAGE   "coverage"
#define CTB_GEN_ALLOCATION "allocation"

/* The handlers' context (svc_service.open/close). */
typedef struct ctb_ctx {
    svc_cache *coverage;
    svc_cache *allocation;
} ctb_ctx;

int ctb_ctx_open(svc_config *cfg, void **ctx, char **errmsg);
void ctb_ctx_close(void *ctx);

/* The current generation of name (CTB_GEN_*) into *gen: one prepared primary-key lookup. On
 * failure the answer (503) is set and SVC_EREPLIED returned. */
int ctb_generation(svc_req *r, svc_conn *c, const char *name, long long *gen);

#endif
