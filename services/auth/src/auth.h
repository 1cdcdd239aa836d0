/* The auth service's shared state and its handlers. */
#ifndef AUTH_AUTH_H
#define AUTH_AUTH_H

#include <jansson.h>

#include "keys.h"
#include "passwords.h"
#include "svc/svc.h"

#define AUTH_VERSION      "1.0.0"
#define AUTH_DEFAULT_PORT 8081

/* The AUTH_* variables (see DESIGN.md, Configuration). */
typedef struct auth_settings {
    char *signing_key_path;      /* AUTH_SIGNING_KEY, required */
    char *published_keys;        /* AUTH_PUBLISHED_KEYS, keyset spec, may be "" */
    json_t *audience;            /* AUTH_TOKEN_AUDIENCE as a JSON array (comma list in the env) */
    unsigned long access_ttl_s;  /* AUTH_ACCESS_TOKEN_TTL_S, 600, at most 900 */
    unsigned long client_ttl_s;  /* AUTH_CLIENT_TOKEN_TTL_S, 3600, at most 21600 */
    unsigned long refresh_ttl_s; /* AUTH_REFRESH_TOKEN_TTL_S, 43200, at most 86400 */
    unsigned long lockout_threshold; /* AUTH_LOCKOUT_THRESHOLD, 5 */
    unsigned long lockout_seconds;   /* AUTH_LOCKOUT_SECONDS, 900 */
    char *bootstrap_username; /* AUTH_BOOTSTRAP_ADMIN_USERNAME (lower-cased), NULL if unset */
    char *bootstrap_password; /* AUTH_BOOTSTRAP_ADMIN_PASSWORD, NULL if unset */
} auth_settings;

/* Read and check the AUTH_* variables. On SVC_EINVAL *errmsg gets a malloc'ed message naming the
 * variable. s must be cleared with auth_settings_clear() whatever the result. */
int auth_settings_load(auth_settings *s, const svc_config *cfg, char **errmsg);
void auth_settings_clear(auth_settings *s);

/* What every handler gets as its ctx. */
typedef struct auth_ctx {
    const svc_config *cfg;
    const auth_settings *settings;
    auth_keys *keys;
    auth_hasher *hasher;
    char *cookie_path; /* <base>/sessies */
} auth_ctx;

/* The NULL-terminated route table (routes.c). */
extern const svc_route auth_routes[];

/* Create the first admin when AUTH_BOOTSTRAP_ADMIN_* are set and no user exists yet. */
int auth_bootstrap_admin(svc_pool *pool, auth_hasher *hasher, const auth_settings *s,
                         char **errmsg);

/* Handlers (ctx is the auth_ctx). */
void auth_token_post(svc_req *r, void *ctx);
void auth_login(svc_req *r, void *ctx);
void auth_refresh(svc_req *r, void *ctx);
void auth_logout(svc_req *r, void *ctx);
void auth_me_get(svc_req *r, void *ctx);
void auth_me_password(svc_req *r, void *ctx);
void auth_users_list(svc_req *r, void *ctx);
void auth_users_create(svc_req *r, void *ctx);
void auth_users_get(svc_req *r, void *ctx);
void auth_users_patch(svc_req *r, void *ctx);
void auth_users_password(svc_req *r, void *ctx);
void auth_clients_list(svc_req *r, void *ctx);
void auth_clients_create(svc_req *r, void *ctx);
void auth_clients_get(svc_req *r, void *ctx);
void auth_clients_patch(svc_req *r, void *ctx);
void auth_clients_secret_rotate(svc_req *r, void *ctx);
void auth_clients_secret_revoke(svc_req *r, void *ctx);
void svc_audit_list(svc_req *r, void *ctx);
void auth_jwks(svc_req *r, void *ctx);

#endif
