/* A plain connection for the one-shot commands (--seed, --demo): one transaction, errors as
 * messages. */
#ifndef CTB_BATCH_H
#define CTB_BATCH_H

#include <libpq-fe.h>

/* Connect and BEGIN; on failure *errmsg gets a malloc'ed message. */
int ctb_batch_open(const char *conninfo, PGconn **out, char **errmsg);
/* COMMIT (ok) or ROLLBACK, then close. Returns rc, or an error if the commit failed. */
int ctb_batch_close(PGconn *conn, int rc, char **errmsg);
/* Run SQL with text parameters; *affected (may be NULL) gets the rows changed. *res (may be
 * NULL) gets the result to PQclear. */
int ctb_batch_exec(PGconn *conn, const char *sql, int n, const char *const *params, PGresult **res,
                   long *affected, char **errmsg);

#endif
