/* contributions-service: multi-year budget, coverage, contributions and the split over the 14
 * municipalities (see services/contributions/DESIGN.md).
 *
 *   contributions-service            serve on SVC_PORT (8084)
 *   contributions-service --migrate  apply the migrations in MIGRATIONS_DIR and exit
 *   contributions-service --seed     load the reference data (CONTRIBUTIONS_SEED_DIR) and exit
 *   contributions-service --demo     load the synthetic demo budget (CONTRIBUTIONS_DEMO_DIR) */
#include <stdlib.h>

#include "cached.h"
#include "ctb.h"
#include "sql.h"

static int ctb_seed_command(const svc_config *cfg, void *ctx, char **err) {
    char *dir = NULL;
    int rc = svc_env_string("CONTRIBUTIONS_SEED_DIR", "services/contributions/seed", &dir);
    if (rc == SVC_OK)
        rc = ctb_seed(cfg, dir, err);
    free(dir);
    return rc;
}

static int ctb_demo_command(const svc_config *cfg, void *ctx, char **err) {
    char *dir = NULL;
    int rc = svc_env_string("CONTRIBUTIONS_DEMO_DIR", "services/contributions/demo", &dir);
    if (rc == SVC_OK)
        rc = ctb_demo(cfg, dir, err);
    free(dir);
    return rc;
}

static const svc_service ctb_service = {
    .name = "contributions",
    .version = CTB_VERSION,
    .default_port = CTB_DEFAULT_PORT,
    .statements = ctb_statements,
    .routes = ctb_routes,
    .open = ctb_ctx_open,
    .close = ctb_ctx_close,
    .seed = ctb_seed_command,
    .demo = ctb_demo_command,
};

int main(int argc, char **argv) {
    return svc_main(argc, argv, &ctb_service);
}
