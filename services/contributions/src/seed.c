/* --seed: the reference data, idempotently (upserts on natural keys): the 14 municipalities of
 * Twente with their inhabitants, and the allocation key "Per inwoner" filled with them, from
 * seed/twente-municipalities.csv (a copy of ../shared/data/twente-municipalities.csv). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "batch.h"
#include "ctb.h"
#include "params.h"

#define CSV_FILE  "twente-municipalities.csv"
#define MAX_LINES 64

static const char UPSERT_MUNICIPALITY[] =
    "INSERT INTO municipalities AS m (code, name, inhabitants, reference_date, note)"
    " VALUES ($1, $2, $3::int, $4::date, nullif($5, '')) ON CONFLICT (code) DO UPDATE"
    " SET name = EXCLUDED.name, inhabitants = EXCLUDED.inhabitants,"
    " reference_date = EXCLUDED.reference_date, note = EXCLUDED.note"
    " WHERE (m.name, m.inhabitants, m.reference_date, m.note) IS DISTINCT FROM"
    " (EXCLUDED.name, EXCLUDED.inhabitants, EXCLUDED.reference_date, EXCLUDED.note)";

static const char UPSERT_KEY[] =
    "INSERT INTO allocation_keys (code, name, basis, description) VALUES ('per-inwoner',"
    " 'Per inwoner', 'inwoners', 'Solidariteitsbeginsel: verdeling naar het aantal inwoners per"
    " gemeente (CBS, zie peildatum per gemeente). Gevuld bij de installatie.')"
    " ON CONFLICT (code) DO NOTHING";

/* $1 year, $2 municipality, $3 weight */
static const char UPSERT_WEIGHT[] =
    "INSERT INTO allocation_weights AS w (key_id, year, municipality, weight)"
    " SELECT k.id, $1::int, $2, $3::bigint FROM allocation_keys k WHERE k.code = 'per-inwoner'"
    " ON CONFLICT (key_id, year, municipality) DO UPDATE SET weight = EXCLUDED.weight"
    " WHERE w.weight IS DISTINCT FROM EXCLUDED.weight";

static const char AUDIT_SEED[] =
    "INSERT INTO audit_log (actor, action, object_type, object_id, after)"
    " SELECT 'systeem', 'seed', 'verdeelsleutel', k.id::text, json_build_object('jaar', $1::int,"
    " 'gewichtenGewijzigd', $2::int) FROM allocation_keys k WHERE k.code = 'per-inwoner'";

typedef struct row {
    char *fields[5]; /* code, name, inhabitants, reference_date, note (point into the line) */
} row;

/* Split "a,b,c,d,rest" (the note may hold commas); 0 when the line is not a municipality. */
static int split(char *line, row *out) {
    line[strcspn(line, "\r\n")] = '\0';
    for (int i = 0; i < 4; i++) {
        out->fields[i] = line;
        char *comma = strchr(line, ',');
        if (comma == NULL)
            return 0;
        *comma = '\0';
        line = comma + 1;
    }
    out->fields[4] = line;
    return ctb_is_gemeente(out->fields[0]) && ctb_parse_int(out->fields[2], 0, 100000000, NULL) &&
           strlen(out->fields[3]) == 10;
}

static int read_csv(const char *path, char lines[][512], row *rows, int *n, char **errmsg) {
    FILE *f = fopen(path, "r");
    *n = 0;
    if (f == NULL) {
        if (asprintf(errmsg, "cannot open %s", path) < 0)
            *errmsg = NULL;
        return SVC_ENOTFOUND;
    }
    int rc = SVC_OK, first = 1;
    while (*n < MAX_LINES && fgets(lines[*n], 512, f) != NULL) {
        if (first) { /* the header */
            first = 0;
            continue;
        }
        if (lines[*n][0] == '\n' || lines[*n][0] == '\0')
            continue;
        if (!split(lines[*n], &rows[*n])) {
            if (asprintf(errmsg, "%s: malformed line %d", path, *n + 2) < 0)
                *errmsg = NULL;
            rc = SVC_EINVAL;
            break;
        }
        (*n)++;
    }
    fclose(f);
    return rc;
}

/* The key's year: the latest reference year in the file (one figure per municipality). */
static int key_year(const row *rows, int n) {
    int year = 0;
    for (int i = 0; i < n; i++)
        if (atoi(rows[i].fields[3]) > year)
            year = atoi(rows[i].fields[3]);
    return year;
}

static int load(PGconn *conn, const row *rows, int n, char **errmsg) {
    char year[16];
    long changed = 0, one = 0;
    snprintf(year, sizeof(year), "%d", key_year(rows, n));
    int rc = ctb_batch_exec(conn, UPSERT_KEY, 0, NULL, NULL, NULL, errmsg);
    for (int i = 0; rc == SVC_OK && i < n; i++) {
        const char *const *m = (const char *const *)rows[i].fields;
        const char *w[] = {year, m[0], m[2]};
        rc = ctb_batch_exec(conn, UPSERT_MUNICIPALITY, 5, m, NULL, NULL, errmsg);
        if (rc == SVC_OK)
            rc = ctb_batch_exec(conn, UPSERT_WEIGHT, 3, w, NULL, &one, errmsg);
        changed += one;
    }
    char count[24];
    snprintf(count, sizeof(count), "%ld", changed);
    const char *audit[] = {year, count};
    if (rc == SVC_OK && changed > 0)
        rc = ctb_batch_exec(conn, AUDIT_SEED, 2, audit, NULL, NULL, errmsg);
    if (rc == SVC_OK)
        svc_log(SVC_LOG_INFO, "seed: %d municipalities, key per-inwoner %s (%ld weights changed)",
                n, year, changed);
    return rc;
}

int ctb_seed(const svc_config *cfg, const char *seed_dir, char **errmsg) {
    static char lines[MAX_LINES][512];
    static row rows[MAX_LINES];
    char path[1024];
    int n = 0;
    PGconn *conn = NULL;
    snprintf(path, sizeof(path), "%s/%s", seed_dir, CSV_FILE);
    int rc = read_csv(path, lines, rows, &n, errmsg);
    if (rc == SVC_OK && n == 0) {
        *errmsg = strdup("the municipalities file has no rows");
        rc = SVC_EINVAL;
    }
    if (rc == SVC_OK)
        rc = ctb_batch_open(cfg->database_url, &conn, errmsg);
    if (rc == SVC_OK)
        rc = ctb_batch_exec(conn, "SELECT pg_advisory_xact_lock(hashtext('contributions.seed'))", 0,
                            NULL, NULL, NULL, errmsg);
    if (rc == SVC_OK)
        rc = load(conn, rows, n, errmsg);
    return conn ? ctb_batch_close(conn, rc, errmsg) : rc;
}
