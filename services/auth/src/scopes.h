/* Roles, scopes and what a token may carry. */
#ifndef AUTH_SCOPES_H
#define AUTH_SCOPES_H

#define AUTH_SCOPE_ADMIN "auth:admin"

/* The staff roles, NULL-terminated: beheerder, redacteur, lezer. */
extern const char *const auth_roles[];
/* The scopes an admin may give a machine client (every scope but auth:admin), NULL-terminated. */
extern const char *const auth_client_scopes[];

/* The space-separated scopes of a role, or NULL for an unknown role. Static text. */
const char *auth_role_scope(const char *role);

/* The scopes a client-credentials token gets (RFC 6749 section 3.3): all granted ones when
 * requested is NULL, else the requested ones (space separated, each once, in the order asked).
 * SVC_EINVAL when a requested scope is not granted, or requested names none at all.
 * *out is malloc'ed. */
int auth_scope_narrow(const char *granted, const char *requested, char **out);

#endif
