/* The MONITORING_* variables, checked once at start. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "monitoring.h"

#define MIB                    (1024UL * 1024UL)
#define DEFAULT_MAX_PUSH_BYTES (256UL * MIB)
#define MAX_MAX_PUSH_BYTES     (2048UL * MIB)
#define DEFAULT_CACHE_BYTES    (4UL * MIB)
#define MAX_CACHE_BYTES        (1024UL * MIB)

int mon_settings_load(mon_settings *s, svc_config *cfg, char **errmsg) {
    unsigned long push = 0, cache = 0;
    memset(s, 0, sizeof(*s));
    if (svc_env_uint("MONITORING_MAX_PUSH_BYTES", DEFAULT_MAX_PUSH_BYTES, 1, MAX_MAX_PUSH_BYTES,
                     &push) != SVC_OK) {
        if (errmsg != NULL && asprintf(errmsg,
                                       "MONITORING_MAX_PUSH_BYTES must be a whole number of bytes "
                                       "from 1 to %lu",
                                       MAX_MAX_PUSH_BYTES) < 0)
            *errmsg = NULL;
        return SVC_EINVAL;
    }
    if (svc_env_uint("MONITORING_CACHE_BYTES", DEFAULT_CACHE_BYTES, 0, MAX_CACHE_BYTES, &cache) !=
        SVC_OK) {
        if (errmsg != NULL && asprintf(errmsg,
                                       "MONITORING_CACHE_BYTES must be a whole number of bytes "
                                       "from 0 to %lu",
                                       MAX_CACHE_BYTES) < 0)
            *errmsg = NULL;
        return SVC_EINVAL;
    }
    s->cache_bytes = cache;
    if (svc_env_string("MONITORING_SEED_DIR", "services/monitoring/seed", &s->seed_dir) != SVC_OK)
        return SVC_ENOMEM;
    /* The shared server enforces cfg->max_body_bytes before any handler runs: it becomes the
     * push limit, and the definition routes check MAX_BODY_BYTES themselves. */
    s->max_json_bytes = cfg->max_body_bytes;
    s->max_push_bytes = push;
    cfg->max_body_bytes = push;
    return SVC_OK;
}

void mon_settings_clear(mon_settings *s) {
    free(s->seed_dir);
    memset(s, 0, sizeof(*s));
}
