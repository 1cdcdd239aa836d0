/* --demo: the clearly labelled synthetic demo budget 2024-2027 (demo/demo.sql), then, with the
 * service's own logic: the 2024 and 2025 lines adopted (revision 1), and every municipality's
 * contribution to the structural budget of each year, split per inhabitant (the allocation of
 * /verdelingen). Idempotent: fixed ids, nothing done twice. Needs --seed first. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "allocation.h"
#include "batch.h"
#include "ctb.h"
#include "sql.h"

#define DEMO_FILE "demo.sql"

static const char DEMO_TO_ADOPT[] =
    "SELECT id FROM budget_lines WHERE demo AND status = 'raming' AND year <= 2025 ORDER BY id";

/* $1 year, $2 municipality, $3 cents, $4 status, $5 date */
static const char DEMO_MUNICIPAL[] =
    "INSERT INTO contributions (id, municipality, scope_type, year, kind, amount_cents,"
    " funding_source_id, status, contributed_on, note, demo)"
    " VALUES (md5('ctb-demo:bijdrage:' || $1 || ':' || $2 || ':' || $4)::uuid, $2, 'programma',"
    " $1::int, 'geld', $3::bigint, md5('ctb-demo:bron:gemeenten')::uuid, $4, $5::date,"
    " 'DEMO – Bijdrage structureel deel, verdeeld per inwoner', true)"
    " ON CONFLICT (id) DO NOTHING";

static char *read_file(const char *path, char **errmsg) {
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    long size = -1;
    if (f != NULL && fseek(f, 0, SEEK_END) == 0 && (size = ftell(f)) >= 0 &&
        fseek(f, 0, SEEK_SET) == 0 && (text = malloc((size_t)size + 1)) != NULL) {
        if (fread(text, 1, (size_t)size, f) != (size_t)size) {
            free(text);
            text = NULL;
        } else {
            text[size] = '\0';
        }
    }
    if (f != NULL)
        fclose(f);
    if (text == NULL && asprintf(errmsg, "cannot read %s", path) < 0)
        *errmsg = NULL;
    return text;
}

static int adopt(PGconn *conn, char **errmsg) {
    static const char body[] =
        "{\"status\":\"vastgesteld\",\"toelichting\":\"DEMO – vastgesteld door het algemeen "
        "bestuur\"}";
    PGresult *ids = NULL;
    int rc = ctb_batch_exec(conn, DEMO_TO_ADOPT, 0, NULL, &ids, NULL, errmsg);
    for (int i = 0; rc == SVC_OK && i < PQntuples(ids); i++) {
        const char *params[] = {PQgetvalue(ids, i, 0), body, SVC_AUDIT_SYSTEM};
        rc = ctb_batch_exec(conn, ctb_sql_text(SQL_BUDGET_UPDATE), 3, params, NULL, NULL, errmsg);
    }
    PQclear(ids);
    return rc;
}

/* The structural budget of year per inhabitant: pledged, and for 2024 also paid. */
static int municipal(PGconn *conn, int year, char **errmsg) {
    char y[16], cents[32], day[32];
    snprintf(y, sizeof(y), "%d", year);
    const char *of_year[] = {y};
    PGresult *rows = NULL, *total = NULL;
    ctb_allocation a;
    int rc =
        ctb_batch_exec(conn, ctb_sql_text(SQL_STRUCTURAL_TOTAL), 1, of_year, &total, NULL, errmsg);
    if (rc != SVC_OK)
        return rc;
    const char *params[] = {"per-inwoner", y, PQgetvalue(total, 0, 0)};
    rc = ctb_batch_exec(conn, ctb_sql_text(SQL_ALLOCATION_BY_CODE), 3, params, &rows, NULL, errmsg);
    PQclear(total);
    if (rc != SVC_OK)
        return rc;
    rc = ctb_allocation_compute(rows, &a);
    if (rc != SVC_OK && asprintf(errmsg, "demo: no per-inhabitant key (run --seed first)") < 0)
        *errmsg = NULL;
    for (size_t i = 0; rc == SVC_OK && i < a.n; i++) {
        snprintf(cents, sizeof(cents), "%lld", (long long)a.shares[i]);
        snprintf(day, sizeof(day), "%d-01-31", year - 1);
        const char *pledge[] = {y, svc_col(a.rows, (int)i, ALLOC_GM_CODE), cents, "toegezegd", day};
        rc = ctb_batch_exec(conn, DEMO_MUNICIPAL, 5, pledge, NULL, NULL, errmsg);
        snprintf(day, sizeof(day), "%d-03-31", year);
        const char *paid[] = {y, svc_col(a.rows, (int)i, ALLOC_GM_CODE), cents, "gerealiseerd",
                              day};
        if (rc == SVC_OK && year == 2024)
            rc = ctb_batch_exec(conn, DEMO_MUNICIPAL, 5, paid, NULL, NULL, errmsg);
    }
    ctb_allocation_clear(&a);
    return rc;
}

int ctb_demo(const svc_config *cfg, const char *demo_dir, char **errmsg) {
    char path[1024];
    PGconn *conn = NULL;
    snprintf(path, sizeof(path), "%s/%s", demo_dir, DEMO_FILE);
    char *sql = read_file(path, errmsg);
    int rc = sql ? ctb_batch_open(cfg->database_url, &conn, errmsg) : SVC_ENOTFOUND;
    if (rc == SVC_OK)
        rc = ctb_batch_exec(conn, "SELECT pg_advisory_xact_lock(hashtext('contributions.demo'))", 0,
                            NULL, NULL, NULL, errmsg);
    if (rc == SVC_OK)
        rc = ctb_batch_exec(conn, sql, 0, NULL, NULL, NULL, errmsg);
    if (rc == SVC_OK)
        rc = adopt(conn, errmsg);
    for (int year = 2024; rc == SVC_OK && year <= 2027; year++)
        rc = municipal(conn, year, errmsg);
    if (rc == SVC_OK)
        svc_log(SVC_LOG_INFO, "demo: the synthetic demo budget 2024-2027 is loaded");
    free(sql);
    return conn ? ctb_batch_close(conn, rc, errmsg) : rc;
}
