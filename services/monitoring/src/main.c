/* monitoring-service: indicators per municipality and period, Kennispunt's push, norms and
 * signals (see services/monitoring/DESIGN.md).
 *
 *   monitoring-service            serve on SVC_PORT (8085)
 *   monitoring-service --migrate  apply the migrations and exit
 *   monitoring-service --seed     load areas, source monitors and indicators (idempotent)
 *   monitoring-service --demo     load the synthetic, labelled demo set (idempotent) */
#include <stdlib.h>

#include "monitoring.h"
#include "sql.h"

/* The handlers' context, with the settings it points to. */
typedef struct mon_service {
    mon_ctx ctx;
    mon_settings settings;
} mon_service;

static int mon_open(svc_config *cfg, void **out, char **err) {
    mon_service *svc = calloc(1, sizeof(*svc));
    if (svc == NULL)
        return SVC_ENOMEM;
    *out = svc;
    svc->ctx.cfg = cfg;
    svc->ctx.settings = &svc->settings;
    int rc = mon_settings_load(&svc->settings, cfg, err);
    if (rc == SVC_OK)
        rc = svc_cache_new(&svc->ctx.cache, svc->settings.cache_bytes);
    return rc;
}

static void mon_close(void *vsvc) {
    mon_service *svc = vsvc;
    if (svc == NULL)
        return;
    svc_cache_free(svc->ctx.cache);
    mon_settings_clear(&svc->settings);
    free(svc);
}

static int mon_start(svc_server *server, void *vsvc, char **err) {
    mon_service *svc = vsvc;
    return svc_server_add_stream_route(server, &mon_push_route, &mon_push_ops, &svc->ctx,
                                       svc->settings.max_push_bytes);
}

static int mon_seed_command(const svc_config *cfg, void *vsvc, char **err) {
    mon_service *svc = vsvc;
    return mon_seed(cfg, &svc->settings) == 0 ? SVC_OK : SVC_ERR;
}

static int mon_demo_command(const svc_config *cfg, void *vsvc, char **err) {
    return mon_demo(cfg) == 0 ? SVC_OK : SVC_ERR;
}

static const svc_service mon_service_def = {
    .name = "monitoring",
    .version = MON_VERSION,
    .default_port = MON_DEFAULT_PORT,
    .statements = mon_statements,
    .routes = mon_routes,
    .open = mon_open,
    .close = mon_close,
    .start = mon_start,
    .seed = mon_seed_command,
    .demo = mon_demo_command,
};

int main(int argc, char **argv) {
    return svc_main(argc, argv, &mon_service_def);
}
