/* A bounded, thread-safe PostgreSQL connection pool.
 *
 * - At most `size` connections, opened on demand; a PGconn is used by one thread at a time.
 * - Statements are named and prepared per connection on first use, and prepared again after a
 *   reconnect (a new connection has none).
 * - A broken connection is closed on release and reopened on a later acquire, with exponential
 *   backoff (100 ms doubling to 5 s) while the database stays unreachable, so requests fail fast
 *   with SVC_EUNAVAILABLE instead of hanging.
 * - svc_pool_acquire() waits at most acquire_timeout_ms, then returns SVC_EBUSY (answer 503 with
 *   Retry-After).
 * - svc_pool_release() rolls back any transaction left open. */
#ifndef SVC_POOL_H
#define SVC_POOL_H

#include <libpq-fe.h>
#include <stddef.h>

typedef struct svc_statement {
    const char *name; /* NULL ends a list */
    const char *sql;  /* with $1..$n placeholders */
} svc_statement;

typedef struct svc_pool_opts {
    const char *conninfo;
    unsigned int size;
    unsigned int acquire_timeout_ms;
    const svc_statement *statements; /* NULL-terminated table, may be NULL; must outlive pool */
} svc_pool_opts;

typedef struct svc_pool_stats {
    unsigned int size;             /* configured maximum */
    unsigned int open;             /* connections currently open */
    unsigned int in_use;           /* connections currently acquired */
    unsigned long long acquires;   /* total successful acquires */
    unsigned long long waits;      /* acquires that had to wait for a free connection */
    unsigned long long timeouts;   /* acquires that gave up (SVC_EBUSY) */
    unsigned long long reconnects; /* connections (re)opened */
} svc_pool_stats;

typedef struct svc_pool svc_pool;
typedef struct svc_conn svc_conn;

int svc_pool_new(svc_pool **out, const svc_pool_opts *opts);
/* Closes every connection. All connections must have been released. */
void svc_pool_free(svc_pool *pool);

int svc_pool_acquire(svc_pool *pool, svc_conn **out);
void svc_pool_release(svc_pool *pool, svc_conn *conn);
void svc_pool_get_stats(svc_pool *pool, svc_pool_stats *out);
/* Readiness: SVC_OK when a connection answers "SELECT 1". */
int svc_pool_ping(svc_pool *pool);

/* Execute the named prepared statement (from the pool's table). On SVC_OK, *out is a result with
 * status PGRES_TUPLES_OK or PGRES_COMMAND_OK that the caller PQclear()s. On SVC_EDB the SQLSTATE
 * is available through svc_conn_sqlstate(); on SVC_EUNAVAILABLE the connection broke. */
int svc_conn_query(svc_conn *conn, const char *name, int nparams, const char *const *values,
                   PGresult **out);
/* Execute SQL text without parameters (BEGIN, COMMIT, SET LOCAL ...). */
int svc_conn_exec(svc_conn *conn, const char *sql);
int svc_conn_begin(svc_conn *conn);
int svc_conn_commit(svc_conn *conn);
int svc_conn_rollback(svc_conn *conn);
/* SQLSTATE of the last SVC_EDB error on this connection ("" if none), e.g. "23505". */
const char *svc_conn_sqlstate(const svc_conn *conn);
/* The last error message from the database ("" if none), for logs only. */
const char *svc_conn_error(const svc_conn *conn);
/* The underlying connection, for COPY and other special cases. */
PGconn *svc_conn_pg(svc_conn *conn);

#endif
