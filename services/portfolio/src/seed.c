/* `--seed`: the agenda of the seeds, from the JSON files of PORTFOLIO_SEED_DIR (default
 * services/portfolio/seed), each loaded by pf_seed() in its own transaction, in name order. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "portfolio.h"

static int has_json_suffix(const char *name) {
    size_t n = strlen(name);
    return n > 5 && strcmp(name + n - 5, ".json") == 0;
}

static int cmp_names(const void *a, const void *b) {
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static int read_file(const char *path, char **out) {
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    if (doc == NULL)
        return SVC_EINVAL;
    *out = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    return *out ? SVC_OK : SVC_ENOMEM;
}

static int load_one(PGconn *pg, const char *path, char **errmsg) {
    char *text = NULL;
    if (read_file(path, &text) != SVC_OK) {
        if (asprintf(errmsg, "%s: not readable JSON", path) < 0)
            *errmsg = NULL;
        return SVC_EINVAL;
    }
    const char *params[] = {text};
    PGresult *res = PQexecParams(pg, "SELECT pf_seed($1::jsonb)", 1, NULL, params, NULL, NULL, 0);
    int rc = PQresultStatus(res) == PGRES_TUPLES_OK ? SVC_OK : SVC_EDB;
    if (rc != SVC_OK && asprintf(errmsg, "%s: %s", path, PQerrorMessage(pg)) < 0)
        *errmsg = NULL;
    else if (rc == SVC_OK)
        svc_log(SVC_LOG_INFO, "seed %s: %s new rows", path, PQgetvalue(res, 0, 0));
    PQclear(res);
    free(text);
    return rc;
}

static int list_files(const char *dir, char ***names, size_t *n) {
    DIR *d = opendir(dir);
    struct dirent *e;
    if (d == NULL)
        return SVC_ENOTFOUND;
    *names = NULL;
    *n = 0;
    while ((e = readdir(d)) != NULL) {
        if (!has_json_suffix(e->d_name))
            continue;
        char **grown = realloc(*names, (*n + 1) * sizeof(char *));
        if (grown == NULL)
            break;
        *names = grown;
        if (asprintf(&(*names)[*n], "%s/%s", dir, e->d_name) < 0)
            break;
        (*n)++;
    }
    closedir(d);
    qsort(*names, *n, sizeof(char *), cmp_names);
    return SVC_OK;
}

int pf_seed_dir(const char *conninfo, const char *dir, char **errmsg) {
    char **names = NULL;
    size_t n = 0;
    if (list_files(dir, &names, &n) != SVC_OK || n == 0) {
        if (asprintf(errmsg, "no seed files in %s", dir) < 0)
            *errmsg = NULL;
        free(names);
        return SVC_ENOTFOUND;
    }
    PGconn *pg = PQconnectdb(conninfo);
    int rc = PQstatus(pg) == CONNECTION_OK ? SVC_OK : SVC_EUNAVAILABLE;
    if (rc != SVC_OK && asprintf(errmsg, "database: %s", PQerrorMessage(pg)) < 0)
        *errmsg = NULL;
    /* One transaction for the whole seed, under an advisory lock: two starts at once are safe. */
    if (rc == SVC_OK) {
        PGresult *res = PQexec(pg, "BEGIN; SELECT pg_advisory_xact_lock(8082)");
        rc = PQresultStatus(res) == PGRES_TUPLES_OK ? SVC_OK : SVC_EDB;
        PQclear(res);
    }
    for (size_t i = 0; i < n && rc == SVC_OK; i++)
        rc = load_one(pg, names[i], errmsg);
    PQclear(PQexec(pg, rc == SVC_OK ? "COMMIT" : "ROLLBACK"));
    PQfinish(pg);
    for (size_t i = 0; i < n; i++)
        free(names[i]);
    free(names);
    return rc;
}
