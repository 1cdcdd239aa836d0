/* The first admin: created from AUTH_BOOTSTRAP_ADMIN_* when the service starts on an empty
 * user table, so a fresh installation can be administered at all. Later starts change nothing
 * (not even the password), so the variables can stay set. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "sql.h"

static int exec(svc_conn *c, const char *name, int n, const char *const *values, PGresult **out) {
    PGresult *res = NULL;
    int rc = svc_conn_query(c, name, n, values, &res);
    if (out != NULL && rc == SVC_OK)
        *out = res;
    else
        PQclear(res);
    return rc;
}

/* Inside the transaction: lock out a concurrent bootstrap, then insert if nobody exists. */
static int create_if_empty(svc_conn *c, const auth_settings *s, const char *hash, int *created) {
    PGresult *res = NULL;
    const char *params[] = {s->bootstrap_username, "Beheerder", NULL, "beheerder", NULL, hash};
    int rc = exec(c, SQL_USERS_LOCK_BOOTSTRAP, 0, NULL, NULL);
    if (rc == SVC_OK)
        rc = exec(c, SQL_USERS_EXIST, 0, NULL, &res);
    int exists = rc == SVC_OK && strcmp(PQgetvalue(res, 0, 0), "t") == 0;
    PQclear(res);
    res = NULL;
    if (rc != SVC_OK || exists)
        return rc;
    rc = exec(c, SQL_USER_INSERT, 6, params, &res);
    if (rc == SVC_OK)
        rc = svc_audit_conn(c, SVC_AUDIT_SYSTEM, "aangemaakt", AUDIT_USER, PQgetvalue(res, 0, 0),
                            NULL, PQgetvalue(res, 0, 2));
    PQclear(res);
    *created = rc == SVC_OK;
    return rc;
}

int auth_bootstrap_admin(svc_pool *pool, auth_hasher *hasher, const auth_settings *s,
                         char **errmsg) {
    svc_conn *c = NULL;
    char *hash = NULL;
    int created = 0;
    if (s->bootstrap_username == NULL)
        return SVC_OK;
    if (pool == NULL) {
        *errmsg = strdup("AUTH_BOOTSTRAP_ADMIN_USERNAME needs DATABASE_URL");
        return SVC_EINVAL;
    }
    int rc = auth_password_hash(hasher, s->bootstrap_password, &hash);
    if (rc == SVC_OK)
        rc = svc_pool_acquire(pool, &c);
    if (rc == SVC_OK)
        rc = svc_conn_begin(c);
    if (rc == SVC_OK)
        rc = create_if_empty(c, s, hash, &created);
    if (rc == SVC_OK)
        rc = svc_conn_commit(c);
    if (rc != SVC_OK && asprintf(errmsg, "cannot create the bootstrap admin: %s%s%s",
                                 svc_strerror(rc), c ? " " : "", c ? svc_conn_sqlstate(c) : "") < 0)
        *errmsg = NULL;
    if (c != NULL)
        svc_pool_release(pool, c);
    if (rc == SVC_OK && created)
        svc_log(SVC_LOG_INFO, "bootstrap admin %s created", s->bootstrap_username);
    free(hash);
    return rc;
}
