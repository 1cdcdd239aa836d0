/* The routes of the auth service (below /api/auth/v1). The shared server adds /health,
 * /health/ready, /metrics and /openapi.json. */
#include "auth.h"
#include "scopes.h"

#define ADMIN  AUTH_SCOPE_ADMIN
#define PUBLIC SVC_PUBLIC
#define JSON   SVC_BODY_JSON

const svc_route auth_routes[] = {
    {"POST", "/token", auth_token_post, PUBLIC | SVC_BODY_FORM, NULL},
    {"POST", "/sessies", auth_login, PUBLIC | JSON, NULL},
    {"POST", "/sessies/vernieuwen", auth_refresh, PUBLIC, NULL},
    {"DELETE", "/sessies/huidig", auth_logout, PUBLIC, NULL},
    {"GET", "/mij", auth_me_get, 0, NULL},
    {"PUT", "/mij/wachtwoord", auth_me_password, JSON, NULL},
    {"GET", "/gebruikers", auth_users_list, 0, ADMIN},
    {"POST", "/gebruikers", auth_users_create, JSON, ADMIN},
    {"GET", "/gebruikers/:id", auth_users_get, 0, ADMIN},
    {"PATCH", "/gebruikers/:id", auth_users_patch, JSON, ADMIN},
    {"PUT", "/gebruikers/:id/wachtwoord", auth_users_password, JSON, ADMIN},
    {"GET", "/clients", auth_clients_list, 0, ADMIN},
    {"POST", "/clients", auth_clients_create, JSON, ADMIN},
    {"GET", "/clients/:id", auth_clients_get, 0, ADMIN},
    {"PATCH", "/clients/:id", auth_clients_patch, JSON, ADMIN},
    {"POST", "/clients/:id/geheimen", auth_clients_secret_rotate, 0, ADMIN},
    {"DELETE", "/clients/:id/geheimen", auth_clients_secret_revoke, 0, ADMIN},
    {"GET", "/audit", svc_audit_list, 0, ADMIN},
    {"GET", "/.well-known/jwks.json", auth_jwks, PUBLIC, NULL},
    {NULL, NULL, NULL, 0, NULL},
};
