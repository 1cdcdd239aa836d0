/* portfolio-service: the agenda itself (see services/portfolio/DESIGN.md).
 *
 *   portfolio-service            serve on SVC_PORT (8082)
 *   portfolio-service --migrate  apply the migrations in MIGRATIONS_DIR to DATABASE_URL and exit
 *   portfolio-service --seed     load the agenda of the seeds (PORTFOLIO_SEED_DIR) and exit */
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

static const svc_service pf_service = {
    .name = "portfolio",
    .version = PF_VERSION,
    .default_port = PF_DEFAULT_PORT,
    .statements = pf_statements,
    .routes = pf_routes,
    .seed = pf_seed,
};

int main(int argc, char **argv) {
    return svc_main(argc, argv, &pf_service);
}
