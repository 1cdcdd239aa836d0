/* The monitoring service's shared state and its handlers. */
#ifndef MON_MONITORING_H
#define MON_MONITORING_H

#include "svc/cache.h"
#include "svc/svc.h"

#define MON_VERSION      "1.0.0"
#define MON_DEFAULT_PORT 8085

#define MON_SCOPE_READ   "monitoring:read"
#define MON_SCOPE_WRITE  "monitoring:write"
#define MON_SCOPE_INGEST "monitoring:ingest"

/* The MONITORING_* variables (see DESIGN.md, Configuration). */
typedef struct mon_settings {
    size_t
        max_push_bytes; /* MONITORING_MAX_PUSH_BYTES, default 256 MiB: the body limit of a push */
    char *seed_dir;     /* MONITORING_SEED_DIR, default "services/monitoring/seed" */
    size_t cache_bytes; /* MONITORING_CACHE_BYTES, default 4 MiB: the answer cache's budget */
    size_t push_memory_keys; /* MONITORING_PUSH_MEMORY_KEYS, default 1048576 (dedupe.h) */
} mon_settings;

/* Read the MONITORING_* variables. The push's limit is its own (a streamed route); every other
 * route keeps the server's MAX_BODY_BYTES. */
int mon_settings_load(mon_settings *s, svc_config *cfg, char **errmsg);
void mon_settings_clear(mon_settings *s);

typedef struct mon_ctx {
    const svc_config *cfg;
    const mon_settings *settings;
    svc_cache *cache; /* answers of the read queries (svc_reply_cached) */
} mon_ctx;

extern const svc_route mon_routes[];

/* --seed and --demo (seed.c, demo.c): idempotent loads, exit status 0/1. */
int mon_seed(const svc_config *cfg, const mon_settings *s);
int mon_demo(const svc_config *cfg);

/* Handlers (ctx is the mon_ctx). */
void mon_areas_list(svc_req *r, void *ctx);
void mon_areas_get(svc_req *r, void *ctx);
void mon_sources_list(svc_req *r, void *ctx);
void mon_indicators_list(svc_req *r, void *ctx);
void mon_indicators_get(svc_req *r, void *ctx);
void mon_indicators_create(svc_req *r, void *ctx);
void mon_indicators_put(svc_req *r, void *ctx);
void mon_norms_list(svc_req *r, void *ctx);
void mon_norms_get(svc_req *r, void *ctx);
void mon_norms_create(svc_req *r, void *ctx);
void mon_norms_put(svc_req *r, void *ctx);
void mon_norms_delete(svc_req *r, void *ctx);
/* POST /importen, streamed (see svc_body_ops). */
extern const svc_route mon_push_route;
extern const svc_body_ops mon_push_ops;
void mon_batches_list(svc_req *r, void *ctx);
void mon_batches_get(svc_req *r, void *ctx);
void mon_batches_conflicts(svc_req *r, void *ctx);
void mon_observations_list(svc_req *r, void *ctx);
void mon_observations_get(svc_req *r, void *ctx);
void mon_observations_export(svc_req *r, void *ctx);
void mon_series(svc_req *r, void *ctx);
void mon_snapshot(svc_req *r, void *ctx);
void mon_signals(svc_req *r, void *ctx);

#endif
