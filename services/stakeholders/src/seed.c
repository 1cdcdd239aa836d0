/* --seed: the organisations, bodies, people, seats and action-line leads the seeds name, from the
 * structured files in services/stakeholders/seed/ (STAKEHOLDERS_SEED_DIR), each with its source.
 *
 * Idempotent: every row is upserted on its stable code (municipalities on their CBS code). A row
 * changed through the API since (version > 1) is left alone, so a seed never overwrites an
 * editor's work; a seeded person who was erased stays erased (erased_seed_keys). Everything runs in
 * one transaction, with one audit row when something changed. A reference that does not resolve
 * (a typo in a seed file) fails the whole seed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "stk.h"

/* The statements are laid out by hand (clang-format would cut the SQL text mid-word). */
/* clang-format off */
#define ITEMS(cols) "jsonb_to_recordset($1::jsonb->'items') AS x(" cols ")"
#define NOT_ERASED(code)                                                                           \
    "encode(sha256(convert_to(" code ", 'UTF8')), 'hex') NOT IN (SELECT key_hash FROM"             \
    " erased_seed_keys)"

/* $1 the CSV of ../shared/data/twente-municipalities.csv (header line first). */
static const char SEED_MUNICIPALITIES[] =
    "WITH rows AS (SELECT split_part(l, ',', 1) AS cbs, split_part(l, ',', 2) AS name,"
    " split_part(l, ',', 3)::int AS inhabitants FROM regexp_split_to_table($1, E'\\r?\\n')"
    " WITH ORDINALITY AS t(l, i) WHERE i > 1 AND l ~ '^GM[0-9]{4},') INSERT INTO"
    " organisations AS o (code, name, type, cbs_code, inhabitants) SELECT lower(cbs),"
    " 'Gemeente ' || name, 'gemeente', cbs, inhabitants FROM rows ON CONFLICT (cbs_code) DO"
    " UPDATE SET name = excluded.name, inhabitants = excluded.inhabitants WHERE o.version ="
    " 1 AND (o.name, o.inhabitants) IS DISTINCT FROM (excluded.name, excluded.inhabitants)"
    " RETURNING 1";

static const char SEED_ORGANISATIONS[] =
    "INSERT INTO organisations AS o (code, name, type, sector, website) SELECT x.code,"
    " x.naam, x.type, x.sector, x.website FROM "
    ITEMS("code text, naam text, type text, sector text, website text")
    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, type = excluded.type, sector ="
    " excluded.sector, website = excluded.website WHERE o.version = 1 AND (o.name, o.type,"
    " o.sector, o.website) IS DISTINCT FROM (excluded.name, excluded.type, excluded.sector,"
    " excluded.website) RETURNING 1";

static const char SEED_BODIES[] =
    "INSERT INTO bodies AS g (code, name, kind, cadence_weeks, action_lines, description)"
    " SELECT x.code, x.naam, x.soort, x.\"vergaderfrequentieWeken\","
    " coalesce(x.actielijnen, '{}'), x.omschrijving FROM "
    ITEMS("code text, naam text, soort text, \"vergaderfrequentieWeken\" int, actielijnen int[], omschrijving text")
    " ON CONFLICT (code) DO UPDATE SET name = excluded.name, kind = excluded.kind,"
    " cadence_weeks = excluded.cadence_weeks, action_lines = excluded.action_lines,"
    " description = excluded.description WHERE g.version = 1 AND (g.name, g.kind,"
    " g.cadence_weeks, g.action_lines, g.description) IS DISTINCT FROM (excluded.name,"
    " excluded.kind, excluded.cadence_weeks, excluded.action_lines, excluded.description)"
    " RETURNING 1";

/* People by name as published: no contact details. */
static const char SEED_PEOPLE[] =
    "INSERT INTO people AS p (code, name, organisation_id, function) SELECT x.code, x.naam,"
    " (SELECT id FROM organisations WHERE code = x.organisatie), x.functie FROM "
    ITEMS("code text, naam text, organisatie text, functie text")
    " WHERE "
    NOT_ERASED("x.code")
    " AND (x.organisatie IS NULL OR EXISTS (SELECT 1 FROM organisations WHERE code ="
    " x.organisatie)) ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
    " organisation_id = excluded.organisation_id, function = excluded.function WHERE"
    " p.version = 1 AND (p.name, p.organisation_id, p.function) IS DISTINCT FROM"
    " (excluded.name, excluded.organisation_id, excluded.function) RETURNING 1";

static const char SEED_SEATS[] =
    "INSERT INTO seats AS s (code, body_id, position, role, constituency, note) SELECT"
    " x.code, (SELECT id FROM bodies WHERE code = x.gremium), x.volgorde, x.rol,"
    " x.achterban, x.toelichting FROM "
    ITEMS("code text, gremium text, volgorde int, rol text, achterban text, toelichting text")
    " ON CONFLICT (code) DO UPDATE SET body_id = excluded.body_id, position ="
    " excluded.position, role = excluded.role, constituency = excluded.constituency, note ="
    " excluded.note WHERE s.version = 1 AND (s.body_id, s.position, s.role, s.constituency,"
    " s.note) IS DISTINCT FROM (excluded.body_id, excluded.position, excluded.role,"
    " excluded.constituency, excluded.note) RETURNING 1";

/* An unknown organisation code is a NULL, which fails the seed (NOT NULL). */
static const char SEED_SEAT_ORGANISATIONS[] =
    "INSERT INTO seat_organisations (seat_id, organisation_id, slot) SELECT s.id, (SELECT"
    " id FROM organisations WHERE code = e.c), e.i FROM "
    ITEMS("code text, organisaties jsonb")
    " JOIN seats s ON s.code = x.code AND s.version = 1 CROSS JOIN LATERAL"
    " jsonb_array_elements_text(coalesce(x.organisaties, '[]')) WITH ORDINALITY AS e(c, i)"
    " ON CONFLICT DO NOTHING RETURNING 1";

/* Holders of seats still as seeded; an erased person is skipped, an unknown code fails. */
static const char SEED_SEAT_HOLDERS[] =
    "INSERT INTO seat_holders (seat_id, person_id, slot) SELECT s.id, (SELECT id FROM"
    " people WHERE code = e.c), e.i FROM "
    ITEMS("code text, personen jsonb")
    " JOIN seats s ON s.code = x.code AND s.version = 1 CROSS JOIN LATERAL"
    " jsonb_array_elements_text(coalesce(x.personen, '[]')) WITH ORDINALITY AS e(c, i)"
    " WHERE "
    NOT_ERASED("e.c")
    " ON CONFLICT DO NOTHING RETURNING 1";

static const char SEED_INVOLVEMENTS[] =
    "INSERT INTO involvements (organisation_id, person_id, target_type, target_id, role,"
    " note) SELECT (SELECT id FROM organisations WHERE code = x.organisatie), (SELECT id"
    " FROM people WHERE code = x.persoon), x.\"doelType\", x.\"doelId\", x.rol,"
    " x.toelichting FROM "
    ITEMS("organisatie text, persoon text, \"doelType\" text, \"doelId\" text, rol text, toelichting text")
    " WHERE x.persoon IS NULL OR "
    NOT_ERASED("x.persoon")
    " ON CONFLICT DO NOTHING RETURNING 1";

static const char SEED_AUDIT[] =
    "INSERT INTO audit_log (actor, action, object_type, object_id, before, after) VALUES"
    " ('systeem', 'seed', 'seed', NULL, NULL, $1::jsonb)";

/* clang-format on */

typedef struct seed_step {
    const char *file; /* in the seed folder */
    const char *label;
    const char *sql;
} seed_step;

static const seed_step steps[] = {
    {"gemeenten.csv", "gemeenten", SEED_MUNICIPALITIES},
    {"organisaties.json", "organisaties", SEED_ORGANISATIONS},
    {"gremia.json", "gremia", SEED_BODIES},
    {"personen.json", "personen", SEED_PEOPLE},
    {"zetels.json", "zetels", SEED_SEATS},
    {"zetels.json", "zetelorganisaties", SEED_SEAT_ORGANISATIONS},
    {"zetels.json", "zetelhouders", SEED_SEAT_HOLDERS},
    {"betrokkenheden.json", "betrokkenheden", SEED_INVOLVEMENTS},
    {NULL, NULL, NULL},
};

static int read_text(const char *dir, const char *name, char **out) {
    char path[1024];
    snprintf(path, sizeof(path), "%s/%s", dir, name);
    FILE *f = fopen(path, "rb");
    *out = NULL;
    if (f == NULL) {
        svc_log(SVC_LOG_ERROR, "seed: cannot open %s", path);
        return SVC_ENOTFOUND;
    }
    size_t cap = 65536, len = 0, n;
    char *buf = malloc(cap + 1);
    while (buf != NULL && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap) {
            char *grown = realloc(buf, cap * 2 + 1);
            if (grown == NULL) {
                free(buf);
                buf = NULL;
            }
            buf = grown;
            cap *= 2;
        }
    }
    fclose(f);
    if (buf == NULL)
        return SVC_ENOMEM;
    buf[len] = '\0';
    *out = buf;
    return SVC_OK;
}

/* Run one step: *changed gets the number of rows inserted or updated. */
static int run_step(PGconn *pg, const char *dir, const seed_step *s, int *changed) {
    char *text = NULL;
    int rc = read_text(dir, s->file, &text);
    if (rc != SVC_OK)
        return rc;
    const char *params[] = {text};
    PGresult *res = PQexecParams(pg, s->sql, 1, NULL, params, NULL, NULL, 0);
    if (PQresultStatus(res) != PGRES_TUPLES_OK) {
        svc_log(SVC_LOG_ERROR, "seed %s (%s): %s", s->label, s->file, PQresultErrorMessage(res));
        rc = SVC_EDB;
    } else {
        *changed = PQntuples(res);
    }
    PQclear(res);
    free(text);
    return rc;
}

static int exec_ok(PGconn *pg, const char *sql) {
    PGresult *res = PQexec(pg, sql);
    int ok = PQresultStatus(res) == PGRES_COMMAND_OK || PQresultStatus(res) == PGRES_TUPLES_OK;
    if (!ok)
        svc_log(SVC_LOG_ERROR, "seed: %s", PQresultErrorMessage(res));
    PQclear(res);
    return ok ? SVC_OK : SVC_EDB;
}

static int run_all(PGconn *pg, const char *dir) {
    json_t *counts = json_object();
    int rc = counts ? exec_ok(pg, "BEGIN") : SVC_ENOMEM, total = 0;
    /* Two seeds at once: the second waits, then finds nothing to do. */
    if (rc == SVC_OK)
        rc = exec_ok(pg, "SELECT pg_advisory_xact_lock(hashtext('stakeholders-seed'))");
    for (const seed_step *s = steps; rc == SVC_OK && s->file != NULL; s++) {
        int changed = 0;
        rc = run_step(pg, dir, s, &changed);
        total += changed;
        if (rc == SVC_OK && changed > 0)
            json_object_set_new(counts, s->label, json_integer(changed));
    }
    char *after = rc == SVC_OK && total > 0 ? json_dumps(counts, JSON_COMPACT) : NULL;
    if (after != NULL) {
        const char *params[] = {after};
        PGresult *res = PQexecParams(pg, SEED_AUDIT, 1, NULL, params, NULL, NULL, 0);
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            rc = SVC_EDB;
        PQclear(res);
    }
    if (rc == SVC_OK)
        rc = exec_ok(pg, "COMMIT");
    if (rc == SVC_OK)
        svc_log(SVC_LOG_INFO, "seed: %d rows inserted or updated %s", total,
                after ? after : "(nothing to do)");
    free(after);
    json_decref(counts);
    return rc;
}

int stk_seed(const char *conninfo, const char *dir) {
    PGconn *pg = PQconnectdb(conninfo);
    int rc = SVC_OK;
    if (PQstatus(pg) != CONNECTION_OK) {
        svc_log(SVC_LOG_ERROR, "seed: cannot connect: %s", PQerrorMessage(pg));
        rc = SVC_EUNAVAILABLE;
    } else {
        rc = run_all(pg, dir);
    }
    PQfinish(pg);
    return rc;
}
