/* Versioned SQL migrations (svc/migrate.h).
 *
 * Each file runs in its own transaction, which first takes a transaction-level advisory lock
 * keyed by the current schema and then checks schema_migrations again: a second process that
 * migrates the same schema at the same time waits for the lock and then finds the file applied.
 * The version recorded is the file's four-digit number, so renaming the description of an
 * applied file does not apply it again. */
#include "svc/migrate.h"
#include "svc/error.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define VERSION_DIGITS 4

/* One lock per schema; the first key only keeps these locks apart from other advisory locks. */
static const char lock_sql[] =
    "SELECT pg_advisory_xact_lock(1835624306, hashtext(coalesce(current_schema(), '')))";
static const char create_sql[] =
    "CREATE TABLE IF NOT EXISTS schema_migrations ("
    "version text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())";
static const char applied_sql[] = "SELECT 1 FROM schema_migrations WHERE version = $1";
static const char record_sql[] = "INSERT INTO schema_migrations (version) VALUES ($1)";

typedef struct file_list {
    char **names;
    size_t count;
    size_t cap;
} file_list;

/* ---- errors ---- */

__attribute__((format(printf, 2, 3))) static void set_error(char **errmsg, const char *fmt, ...) {
    if (!errmsg || *errmsg)
        return; /* keep the first, most specific message */
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (len < 0)
        return;
    char *msg = malloc((size_t)len + 1);
    if (!msg)
        return;
    va_start(ap, fmt);
    vsnprintf(msg, (size_t)len + 1, fmt, ap);
    va_end(ap);
    while (len > 0 && (msg[len - 1] == '\n' || msg[len - 1] == ' '))
        msg[--len] = '\0';
    *errmsg = msg;
}

/* SVC_EUNAVAILABLE when the connection is gone, SVC_EDB when the database reported an error;
 * the message is the database's, prefixed with what was being done. */
static int db_failure(PGconn *conn, const PGresult *res, const char *what, char **errmsg) {
    const char *msg = res ? PQresultErrorMessage(res) : NULL;
    if (!msg || !msg[0])
        msg = PQerrorMessage(conn);
    set_error(errmsg, "%s: %s", what, msg);
    return PQstatus(conn) == CONNECTION_OK ? SVC_EDB : SVC_EUNAVAILABLE;
}

/* Run a statement (with at most one parameter); *found (may be NULL) tells whether it returned
 * rows. */
static int run(PGconn *conn, const char *sql, const char *param, bool *found, const char *what,
               char **errmsg) {
    PGresult *res = param ? PQexecParams(conn, sql, 1, NULL, &param, NULL, NULL, 0)
                          : PQexecParams(conn, sql, 0, NULL, NULL, NULL, NULL, 0);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    int rc = SVC_OK;
    if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
        if (found)
            *found = PQntuples(res) > 0;
    } else {
        rc = db_failure(conn, res, what, errmsg);
    }
    PQclear(res);
    return rc;
}

static void rollback(PGconn *conn) {
    if (PQstatus(conn) == CONNECTION_OK && PQtransactionStatus(conn) != PQTRANS_IDLE)
        PQclear(PQexec(conn, "ROLLBACK"));
}

/* BEGIN and take the schema's migration lock. */
static int begin_locked(PGconn *conn, const char *what, char **errmsg) {
    int rc = run(conn, "BEGIN", NULL, NULL, what, errmsg);
    if (rc == SVC_OK)
        rc = run(conn, lock_sql, NULL, NULL, what, errmsg);
    return rc;
}

/* ---- the directory ---- */

/* NNNN_description.sql */
static bool migration_name(const char *name) {
    size_t len = strlen(name);
    if (len < VERSION_DIGITS + 1 + 1 + 4 || strcmp(name + len - 4, ".sql") != 0)
        return false;
    for (size_t i = 0; i < VERSION_DIGITS; i++) {
        if (!isdigit((unsigned char)name[i]))
            return false;
    }
    return name[VERSION_DIGITS] == '_';
}

/* A file that looks meant as a migration but would be ignored is an error, not a silent skip. */
static bool misnamed(const char *name) {
    size_t len = strlen(name);
    return isdigit((unsigned char)name[0]) && len >= 4 && strcmp(name + len - 4, ".sql") == 0 &&
           !migration_name(name);
}

static void list_free(file_list *list) {
    for (size_t i = 0; i < list->count; i++)
        free(list->names[i]);
    free(list->names);
}

static int list_add(file_list *list, const char *name) {
    if (list->count == list->cap) {
        size_t cap = list->cap ? list->cap * 2 : 16;
        char **names = realloc(list->names, cap * sizeof *names);
        if (!names)
            return SVC_ENOMEM;
        list->names = names;
        list->cap = cap;
    }
    list->names[list->count] = strdup(name);
    if (!list->names[list->count])
        return SVC_ENOMEM;
    list->count++;
    return SVC_OK;
}

static int by_name(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int list_migrations(const char *dir, file_list *list, char **errmsg) {
    DIR *d = opendir(dir);
    if (!d) {
        int err = errno;
        set_error(errmsg, "migrations directory %s: %s", dir, strerror(err));
        return err == ENOENT ? SVC_ENOTFOUND : SVC_ERR;
    }
    int rc = SVC_OK;
    struct dirent *e;
    while (rc == SVC_OK && (e = readdir(d)) != NULL) {
        if (misnamed(e->d_name)) {
            set_error(errmsg, "migration %s: name must be NNNN_description.sql", e->d_name);
            rc = SVC_EINVAL;
        } else if (migration_name(e->d_name)) {
            rc = list_add(list, e->d_name);
        }
    }
    closedir(d);
    if (rc != SVC_OK)
        return rc;
    qsort(list->names, list->count, sizeof *list->names, by_name);
    for (size_t i = 1; i < list->count; i++) {
        if (strncmp(list->names[i - 1], list->names[i], VERSION_DIGITS) == 0) {
            set_error(errmsg, "migrations %s and %s have the same number", list->names[i - 1],
                      list->names[i]);
            return SVC_EINVAL;
        }
    }
    return SVC_OK;
}

static int read_file(const char *path, char **out) {
    *out = NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return errno == ENOENT ? SVC_ENOTFOUND : SVC_ERR;
    size_t cap = 8192, len = 0;
    char *buf = malloc(cap);
    int rc = buf ? SVC_OK : SVC_ENOMEM;
    while (rc == SVC_OK) {
        if (cap - len < 2) {
            char *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                rc = SVC_ENOMEM;
                break;
            }
            buf = bigger;
            cap *= 2;
        }
        size_t n = fread(buf + len, 1, cap - len - 1, f);
        len += n;
        if (n == 0) {
            if (ferror(f))
                rc = SVC_ERR;
            break;
        }
    }
    fclose(f);
    if (rc != SVC_OK) {
        free(buf);
        return rc;
    }
    buf[len] = '\0';
    *out = buf;
    return SVC_OK;
}

/* ---- applying ---- */

static int ensure_table(PGconn *conn, char **errmsg) {
    const char *what = "creating schema_migrations";
    int rc = begin_locked(conn, what, errmsg);
    if (rc == SVC_OK)
        rc = run(conn, create_sql, NULL, NULL, what, errmsg);
    if (rc == SVC_OK)
        rc = run(conn, "COMMIT", NULL, NULL, what, errmsg);
    if (rc != SVC_OK)
        rollback(conn);
    return rc;
}

/* Run the file's statements (several in one string, hence PQexec) inside the open transaction. */
static int run_script(PGconn *conn, const char *sql, const char *name, char **errmsg) {
    PGresult *res = PQexec(conn, sql);
    ExecStatusType st = res ? PQresultStatus(res) : PGRES_FATAL_ERROR;
    int rc = SVC_OK;
    if (st != PGRES_COMMAND_OK && st != PGRES_TUPLES_OK && st != PGRES_EMPTY_QUERY) {
        if (st == PGRES_COPY_IN || st == PGRES_COPY_OUT || st == PGRES_COPY_BOTH) {
            set_error(errmsg, "migration %s: COPY with STDIN/STDOUT is not supported", name);
            rc = SVC_EINVAL;
        } else {
            char what[300];
            snprintf(what, sizeof what, "migration %s", name);
            rc = db_failure(conn, res, what, errmsg);
        }
    } else if (PQtransactionStatus(conn) != PQTRANS_INTRANS) {
        /* The file ended the transaction itself: whatever it did is no longer atomic with the
         * record of its version. Refuse instead of recording half of it. */
        set_error(errmsg, "migration %s: must not contain COMMIT or ROLLBACK", name);
        rc = SVC_EINVAL;
    }
    PQclear(res);
    return rc;
}

static int apply_file(PGconn *conn, const char *dir, const char *name, bool *did, char **errmsg) {
    char version[VERSION_DIGITS + 1];
    memcpy(version, name, VERSION_DIGITS);
    version[VERSION_DIGITS] = '\0';
    char what[300];
    snprintf(what, sizeof what, "migration %s", name);
    *did = false;

    bool found = false;
    int rc = begin_locked(conn, what, errmsg);
    if (rc == SVC_OK)
        rc = run(conn, applied_sql, version, &found, what, errmsg);
    if (rc == SVC_OK && !found) {
        size_t plen = strlen(dir) + 1 + strlen(name) + 1;
        char *path = malloc(plen);
        char *sql = NULL;
        rc = path ? SVC_OK : SVC_ENOMEM;
        if (rc == SVC_OK) {
            snprintf(path, plen, "%s/%s", dir, name);
            rc = read_file(path, &sql);
            if (rc != SVC_OK)
                set_error(errmsg, "migration %s: cannot read %s", name, path);
        }
        if (rc == SVC_OK)
            rc = run_script(conn, sql, name, errmsg);
        if (rc == SVC_OK)
            rc = run(conn, record_sql, version, NULL, what, errmsg);
        free(sql);
        free(path);
    }
    if (rc == SVC_OK)
        rc = run(conn, "COMMIT", NULL, NULL, what, errmsg);
    if (rc != SVC_OK) {
        rollback(conn);
        return rc;
    }
    *did = !found;
    return SVC_OK;
}

int svc_migrate(PGconn *conn, const char *dir, int *applied, char **errmsg) {
    if (applied)
        *applied = 0;
    if (errmsg)
        *errmsg = NULL;
    if (!conn || !dir)
        return SVC_EINVAL;
    if (PQstatus(conn) != CONNECTION_OK) {
        set_error(errmsg, "migrations: not connected: %s", PQerrorMessage(conn));
        return SVC_EUNAVAILABLE;
    }
    if (PQtransactionStatus(conn) != PQTRANS_IDLE) {
        set_error(errmsg, "migrations: the connection is inside a transaction");
        return SVC_EINVAL;
    }
    file_list list = {0};
    int rc = list_migrations(dir, &list, errmsg);
    if (rc == SVC_OK)
        rc = ensure_table(conn, errmsg);
    for (size_t i = 0; rc == SVC_OK && i < list.count; i++) {
        bool did;
        rc = apply_file(conn, dir, list.names[i], &did, errmsg);
        if (rc == SVC_OK && did && applied)
            (*applied)++;
    }
    list_free(&list);
    return rc;
}

static void quiet_notice(void *arg, const char *message) {
    (void)arg;
    (void)message;
}

int svc_migrate_url(const char *conninfo, const char *dir, int *applied, char **errmsg) {
    if (applied)
        *applied = 0;
    if (errmsg)
        *errmsg = NULL;
    if (!conninfo || !dir)
        return SVC_EINVAL;
    PGconn *conn = PQconnectdb(conninfo);
    if (!conn) {
        set_error(errmsg, "migrations: out of memory");
        return SVC_ENOMEM;
    }
    int rc;
    if (PQstatus(conn) != CONNECTION_OK) {
        set_error(errmsg, "migrations: cannot connect: %s", PQerrorMessage(conn));
        rc = SVC_EUNAVAILABLE;
    } else {
        /* "relation already exists, skipping" and the like are not worth a line on stderr. */
        PQsetNoticeProcessor(conn, quiet_notice, NULL);
        rc = svc_migrate(conn, dir, applied, errmsg);
    }
    PQfinish(conn);
    return rc;
}
