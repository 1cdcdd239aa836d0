/* auth-service: the embedded identity provider (see services/auth/DESIGN.md).
 *
 *   auth-service            serve on SVC_PORT (8081)
 *   auth-service --migrate  apply the migrations in MIGRATIONS_DIR to DATABASE_URL and exit */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "auth.h"
#include "sql.h"

/* What the handlers share, with the settings it is made from. */
typedef struct auth_service {
    auth_ctx ctx;
    auth_settings settings;
} auth_service;

static void auth_close(void *vsvc) {
    auth_service *svc = vsvc;
    if (svc == NULL)
        return;
    free(svc->ctx.cookie_path);
    auth_keys_free(svc->ctx.keys);
    auth_hasher_free(svc->ctx.hasher);
    auth_settings_clear(&svc->settings);
    free(svc);
}

static int auth_open(svc_config *cfg, void **out, char **err) {
    auth_service *svc = calloc(1, sizeof(*svc));
    if (svc == NULL)
        return SVC_ENOMEM;
    *out = svc;
    svc->ctx.cfg = cfg;
    svc->ctx.settings = &svc->settings;
    int rc = auth_settings_load(&svc->settings, cfg, err);
    if (rc == SVC_OK)
        rc = auth_hasher_new(&svc->ctx.hasher);
    if (rc == SVC_OK)
        rc = auth_keys_load(&svc->ctx.keys, svc->settings.signing_key_path,
                            svc->settings.published_keys, err);
    if (rc == SVC_OK && asprintf(&svc->ctx.cookie_path, "%s/sessies", cfg->base_path) < 0) {
        svc->ctx.cookie_path = NULL;
        rc = SVC_ENOMEM;
    }
    /* The server must not load JWT_PUBLIC_KEYS: this service verifies with its own keys. */
    free(cfg->jwt_public_keys);
    cfg->jwt_public_keys = strdup("");
    if (rc == SVC_OK && cfg->jwt_public_keys == NULL)
        rc = SVC_ENOMEM;
    return rc;
}

/* The verifier of our own tokens: our signing key and the still-published old keys, our issuer
 * and the first audience we issue for (JWT_PUBLIC_KEYS does not apply to the issuer itself);
 * then the first administrator, if configured. */
static int auth_start(svc_server *server, void *vsvc, char **err) {
    auth_service *svc = vsvc;
    svc_verifier *verifier = NULL;
    svc_verifier_opts opts = {
        .issuer = svc->ctx.cfg->jwt_issuer,
        .audience = json_string_value(json_array_get(svc->settings.audience, 0)),
        .public_keys = auth_keys_spec(svc->ctx.keys),
        .leeway_s = svc->ctx.cfg->jwt_leeway_s,
        .cache_capacity = 4096,
    };
    int rc = svc_verifier_new(&verifier, &opts, err);
    if (rc != SVC_OK)
        return rc;
    svc_server_set_verifier(server, verifier);
    svc_log(SVC_LOG_INFO, "signing key %s", auth_keys_kid(svc->ctx.keys));
    return auth_bootstrap_admin(svc_server_pool(server), svc->ctx.hasher, &svc->settings, err);
}

static const svc_service auth_service_def = {
    .name = "auth",
    .version = AUTH_VERSION,
    .default_port = AUTH_DEFAULT_PORT,
    .statements = auth_statements,
    .routes = auth_routes,
    .open = auth_open,
    .close = auth_close,
    .start = auth_start,
};

int main(int argc, char **argv) {
    return svc_main(argc, argv, &auth_service_def);
}
