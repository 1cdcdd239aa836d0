/* portfolio-service: the agenda itself (see services/portfolio/DESIGN.md).
 *
 *   portfolio-service            serve on SVC_PORT (8082)
 *   portfolio-service --migrate  apply the migrations in MIGRATIONS_DIR to DATABASE_URL and exit
 *   portfolio-service --seed     load the agenda of the seeds (PORTFOLIO_SEED_DIR) and exit */
#include <malloc.h>
#include <stdlib.h>

#include "portfolio.h"
#include "sql.h"

static int pf_seed(const svc_config *cfg, void *ctx, char **err) {
    char *dir = NULL;
    if (svc_env_string("PORTFOLIO_SEED_DIR", "services/portfolio/seed", &dir) != SVC_OK)
        return SVC_ENOMEM;
    int rc = pf_seed_dir(cfg->database_url, dir, err);
    if (rc == SVC_OK)
        svc_log(SVC_LOG_INFO, "seed loaded from %s", dir);
    free(dir);
    return rc;
}

static int pf_open(svc_config *cfg, void **ctx, char **errmsg) {
    (void)cfg;
    (void)errmsg;
    return pf_ctx_new((pf_ctx **)ctx);
}

static int pf_start(svc_server *server, void *ctx, char **errmsg) {
    (void)server;
    (void)errmsg;
    return pf_trimmer_start(&((pf_ctx *)ctx)->trimmer);
}

static void pf_close(void *ctx) {
    pf_ctx_free(ctx);
}

static const svc_service pf_service = {
    .name = "portfolio",
    .version = PF_VERSION,
    .default_port = PF_DEFAULT_PORT,
    .statements = pf_statements,
    .routes = pf_routes,
    .open = pf_open,
    .close = pf_close,
    .start = pf_start,
    .seed = pf_seed,
};

int main(int argc, char **argv) {
    /* Large answers (the steering-group report is over 1 MB, copied twice per request on its
     * way out through ulfius and libmicrohttpd) stay below a fixed mmap threshold and the heap
     * keeps up to 4 MiB free at its top, so they cost no page faults per request; at most two
     * arenas; trim.c gives the rest back every few seconds (RSS < 30 MB, issue 3 "Speed"). */
    mallopt(M_MMAP_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_TRIM_THRESHOLD, 4 * 1024 * 1024);
    mallopt(M_ARENA_MAX, 2);
    return svc_main(argc, argv, &pf_service);
}
