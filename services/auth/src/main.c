/* auth-service: the embedded identity provider (see services/auth/DESIGN.md).
 *
 *   auth-service            serve on SVC_PORT (8081)
 *   auth-service --migrate  apply the migrations in MIGRATIONS_DIR to DATABASE_URL and exit */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "sql.h"

static int usage(void) {
    fprintf(stderr, "usage: auth-service [--migrate]\n");
    return 2;
}

static int run_migrate(const svc_config *cfg) {
    char *err = NULL;
    int applied = 0;
    int rc = svc_migrate_url(cfg->database_url, cfg->migrations_dir, &applied, &err);
    if (rc != SVC_OK) {
        svc_log(SVC_LOG_ERROR, "migration failed: %s", err ? err : svc_strerror(rc));
        free(err);
        return 1;
    }
    svc_log(SVC_LOG_INFO, "migrations applied: %d", applied);
    return 0;
}

/* The verifier of our own tokens: our signing key and the still-published old keys, our issuer
 * and the first audience we issue for (JWT_PUBLIC_KEYS does not apply to the issuer itself). */
static int make_verifier(const auth_ctx *ctx, svc_verifier **out, char **err) {
    svc_verifier_opts opts = {
        .issuer = ctx->cfg->jwt_issuer,
        .audience = json_string_value(json_array_get(ctx->settings->audience, 0)),
        .public_keys = auth_keys_spec(ctx->keys),
        .leeway_s = ctx->cfg->jwt_leeway_s,
        .cache_capacity = 4096,
    };
    return svc_verifier_new(out, &opts, err);
}

static int serve(auth_ctx *ctx, char **err) {
    svc_server *server = NULL;
    svc_verifier *verifier = NULL;
    int rc = svc_server_new(&server, ctx->cfg, auth_statements, err);
    if (rc == SVC_OK)
        rc = make_verifier(ctx, &verifier, err);
    if (rc == SVC_OK) {
        svc_server_set_verifier(server, verifier);
        rc = auth_bootstrap_admin(svc_server_pool(server), ctx->hasher, ctx->settings, err);
    }
    if (rc == SVC_OK)
        rc = svc_server_add_routes(server, auth_routes, ctx);
    if (rc == SVC_OK) {
        svc_log(SVC_LOG_INFO, "auth service listening on %s:%u, signing key %s",
                ctx->cfg->bind_address, ctx->cfg->port, auth_keys_kid(ctx->keys));
        rc = svc_server_run(server);
    }
    svc_server_free(server);
    return rc;
}

static int run_service(svc_config *cfg) {
    auth_settings settings;
    auth_ctx ctx = {.cfg = cfg, .settings = &settings};
    char *err = NULL;
    int rc = auth_settings_load(&settings, cfg, &err);
    if (rc == SVC_OK && cfg->database_url[0] == '\0') {
        err = strdup("DATABASE_URL is required: the auth service keeps its users in PostgreSQL");
        rc = SVC_EINVAL;
    }
    if (rc == SVC_OK)
        rc = auth_hasher_new(&ctx.hasher);
    if (rc == SVC_OK)
        rc = auth_keys_load(&ctx.keys, settings.signing_key_path, settings.published_keys, &err);
    if (rc == SVC_OK && asprintf(&ctx.cookie_path, "%s/sessies", cfg->base_path) < 0) {
        ctx.cookie_path = NULL;
        rc = SVC_ENOMEM;
    }
    /* The server must not load JWT_PUBLIC_KEYS: this service verifies with its own keys. */
    free(cfg->jwt_public_keys);
    cfg->jwt_public_keys = strdup("");
    if (rc == SVC_OK && cfg->jwt_public_keys == NULL)
        rc = SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = serve(&ctx, &err);
    if (rc != SVC_OK)
        svc_log(SVC_LOG_ERROR, "auth service: %s", err ? err : svc_strerror(rc));
    free(err);
    free(ctx.cookie_path);
    auth_keys_free(ctx.keys);
    auth_hasher_free(ctx.hasher);
    auth_settings_clear(&settings);
    return rc == SVC_OK ? 0 : 1;
}

int main(int argc, char **argv) {
    svc_config cfg;
    char *err = NULL;
    svc_log_level level = SVC_LOG_INFO;
    memset(&cfg, 0, sizeof(cfg));
    if (argc > 2 || (argc == 2 && strcmp(argv[1], "--migrate") != 0))
        return usage();
    int rc = svc_config_load(&cfg, "auth", AUTH_VERSION, AUTH_DEFAULT_PORT, &err);
    if (rc == SVC_OK && svc_log_level_parse(cfg.log_level, &level) != SVC_OK)
        level = SVC_LOG_INFO;
    svc_log_init("auth", level);
    int status = 1;
    if (rc != SVC_OK)
        svc_log(SVC_LOG_ERROR, "configuration: %s", err ? err : svc_strerror(rc));
    else if (argc == 2)
        status = run_migrate(&cfg);
    else
        status = run_service(&cfg);
    free(err);
    svc_config_clear(&cfg);
    return status;
}
