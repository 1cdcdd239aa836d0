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
/* Keys of one push the duplicate table holds in memory (dedupe.h): 24 MB; a push of more keys
 * finds the duplicates of the rest in the database. */
#define DEFAULT_PUSH_KEYS (1UL << 20)
#define MAX_PUSH_KEYS     (1UL << 26)

int mon_settings_load(mon_settings *s, svc_config *cfg, char **errmsg) {
    unsigned long push = 0, cache = 0, keys = 0;
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
    if (svc_env_uint("MONITORING_PUSH_MEMORY_KEYS", DEFAULT_PUSH_KEYS, 32, MAX_PUSH_KEYS, &keys) !=
        SVC_OK) {
        if (errmsg != NULL &&
            asprintf(errmsg, "MONITORING_PUSH_MEMORY_KEYS must be a whole number from 32 to %lu",
                     MAX_PUSH_KEYS) < 0)
            *errmsg = NULL;
        return SVC_EINVAL;
    }
    /* The push streams its body (push.c), so its limit is its own; every other route keeps the
     * server's MAX_BODY_BYTES. */
    s->max_push_bytes = push;
    s->push_memory_keys = keys;
    return SVC_OK;
}

void mon_settings_clear(mon_settings *s) {
    free(s->seed_dir);
    memset(s, 0, sizeof(*s));
}
