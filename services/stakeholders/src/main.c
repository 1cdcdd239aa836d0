/* stakeholders-service: organisations, people, bodies, seats and vacancies, involvements and
 * constituency rounds (see services/stakeholders/DESIGN.md).
 *
 *   stakeholders-service            serve on SVC_PORT (8083)
 *   stakeholders-service --migrate  apply the migrations in MIGRATIONS_DIR to DATABASE_URL
 *   stakeholders-service --seed     load the seed (STAKEHOLDERS_SEED_DIR) idempotently */
#include <stdlib.h>

#include "sql.h"
#include "stk.h"

static int stk_seed_command(const svc_config *cfg, void *ctx, char **err) {
    char *dir = NULL;
    if (svc_env_string("STAKEHOLDERS_SEED_DIR", "services/stakeholders/seed", &dir) != SVC_OK)
        return SVC_ENOMEM;
    int rc = stk_seed(cfg->database_url, dir);
    free(dir);
    return rc;
}

/* Each resource's routes come with the resource's description as their context; the cached
 * routes with the response cache made by stk_open. */
static int stk_start(svc_server *server, void *ctx, char **err) {
    int rc = SVC_OK;
    for (const stk_route_table *t = stk_route_tables; rc == SVC_OK && t->routes != NULL; t++)
        rc = svc_server_add_routes(server, t->routes, (void *)t->ctx);
    if (rc == SVC_OK)
        rc = svc_server_add_routes(server, stk_cached_routes, ctx);
    return rc;
}

static int stk_open(svc_config *cfg, void **ctx, char **errmsg) {
    (void)cfg;
    (void)errmsg;
    return stk_cache_ctx_new((stk_cache_ctx **)ctx);
}

static void stk_close(void *ctx) {
    stk_cache_ctx_free(ctx);
}

static const svc_service stk_service = {
    .name = "stakeholders",
    .version = STK_VERSION,
    .default_port = STK_DEFAULT_PORT,
    .statements = stk_statements,
    .open = stk_open,
    .close = stk_close,
    .start = stk_start,
    .seed = stk_seed_command,
};

int main(int argc, char **argv) {
    return svc_main(argc, argv, &stk_service);
}
