/* One-shot database commands (batch.h). */
#include "batch.h"

#include <stdio.h>
#include <stdlib.h>

#include "svc/error.h"

static int fail(PGconn *conn, const char *what, char **errmsg) {
    if (errmsg != NULL && *errmsg == NULL &&
        asprintf(errmsg, "%s: %s", what, conn ? PQerrorMessage(conn) : "no connection") < 0)
        *errmsg = NULL;
    return SVC_EDB;
}

int ctb_batch_open(const char *conninfo, PGconn **out, char **errmsg) {
    *out = PQconnectdb(conninfo);
    if (PQstatus(*out) != CONNECTION_OK)
        return fail(*out, "connecting to the database", errmsg);
    return ctb_batch_exec(*out, "BEGIN", 0, NULL, NULL, NULL, errmsg);
}

int ctb_batch_close(PGconn *conn, int rc, char **errmsg) {
    if (conn != NULL && PQstatus(conn) == CONNECTION_OK) {
        int done =
            ctb_batch_exec(conn, rc == SVC_OK ? "COMMIT" : "ROLLBACK", 0, NULL, NULL, NULL, errmsg);
        if (rc == SVC_OK)
            rc = done;
    }
    PQfinish(conn);
    return rc;
}

int ctb_batch_exec(PGconn *conn, const char *sql, int n, const char *const *params, PGresult **res,
                   long *affected, char **errmsg) {
    PGresult *r =
        n > 0 ? PQexecParams(conn, sql, n, NULL, params, NULL, NULL, 0) : PQexec(conn, sql);
    ExecStatusType st = PQresultStatus(r);
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK) {
        if (errmsg != NULL && *errmsg == NULL &&
            asprintf(errmsg, "%.80s...: %s", sql, PQresultErrorMessage(r)) < 0)
            *errmsg = NULL;
        PQclear(r);
        return SVC_EDB;
    }
    if (affected != NULL)
        *affected = atol(PQcmdTuples(r));
    if (res != NULL)
        *res = r;
    else
        PQclear(r);
    return SVC_OK;
}
