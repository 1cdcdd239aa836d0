/* Versioned SQL migrations per service schema.
 *
 * Files in dir named NNNN_description.sql are applied in name order, each once, each in its own
 * transaction, and recorded in the table schema_migrations (version, applied_at) of the
 * connection's current schema (the service role's search_path). A transaction-level advisory
 * lock makes two processes migrating at once safe: the second waits, then finds nothing to do. */
#ifndef SVC_MIGRATE_H
#define SVC_MIGRATE_H

#include <libpq-fe.h>

/* *applied (may be NULL) gets the number of files applied now. On failure, *errmsg (may be
 * NULL) gets a malloc'ed message naming the file and the database's error. */
int svc_migrate(PGconn *conn, const char *dir, int *applied, char **errmsg);
/* Connect with conninfo, migrate, disconnect: what `<service> --migrate` runs. */
int svc_migrate_url(const char *conninfo, const char *dir, int *applied, char **errmsg);

#endif
