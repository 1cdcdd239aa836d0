/* Helpers of --seed and --demo (loader.h). */
#include <stdio.h>
#include <stdlib.h>

#include "loader.h"
#include "svc/log.h"

PGconn *mon_loader_connect(const char *conninfo) {
    if (conninfo == NULL || conninfo[0] == '\0') {
        svc_log(SVC_LOG_ERROR, "DATABASE_URL is required");
        return NULL;
    }
    PGconn *pg = PQconnectdb(conninfo);
    if (PQstatus(pg) != CONNECTION_OK) {
        svc_log(SVC_LOG_ERROR, "cannot connect to the database: %s", PQerrorMessage(pg));
        PQfinish(pg);
        return NULL;
    }
    return pg;
}

int mon_loader_exec(PGconn *pg, const char *what, const char *sql, int n,
                    const char *const *params) {
    PGresult *res = n > 0 ? PQexecParams(pg, sql, n, NULL, params, NULL, NULL, 0) : PQexec(pg, sql);
    ExecStatusType st = PQresultStatus(res);
    int ok = st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK;
    if (!ok)
        svc_log(SVC_LOG_ERROR, "%s failed: %s", what, PQresultErrorMessage(res));
    PQclear(res);
    return ok ? 0 : -1;
}

char *mon_loader_read_file(const char *path, size_t *len) {
    FILE *f = fopen(path, "rb");
    char *buf = NULL;
    long size = -1;
    if (f != NULL && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)size + 1)) != NULL &&
        fread(buf, 1, (size_t)size, f) == (size_t)size) {
        buf[size] = '\0';
        *len = (size_t)size;
    } else {
        svc_log(SVC_LOG_ERROR, "cannot read %s", path);
        free(buf);
        buf = NULL;
    }
    if (f != NULL)
        fclose(f);
    return buf;
}
