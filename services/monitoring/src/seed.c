/* --seed: the region Twente, its 14 municipalities (CBS code, inhabitants), the source monitors
 * and the indicator definitions, from services/monitoring/seed (see its README.md). Upserts on
 * the natural keys, in one transaction: running it again changes nothing. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "csv.h"
#include "loader.h"
#include "monitoring.h"

static const char REGION_SQL[] =
    "INSERT INTO area (code, name, level) SELECT $1::json->'regio'->>'code',"
    " $1::json->'regio'->>'naam', 'regio' ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name";

static const char MUNICIPALITIES_SQL[] =
    "INSERT INTO area (code, name, level, parent_id, inhabitants, inhabitants_date,"
    " inhabitants_note) SELECT x.cbs_code, x.name, 'gemeente', (SELECT id FROM area WHERE code ="
    " $2), x.inhabitants, x.reference_date, x.note FROM json_to_recordset($1::json) AS x(cbs_code"
    " text, name text, inhabitants int, reference_date date, note text)"
    " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, parent_id = EXCLUDED.parent_id,"
    " inhabitants = EXCLUDED.inhabitants, inhabitants_date = EXCLUDED.inhabitants_date,"
    " inhabitants_note = EXCLUDED.inhabitants_note";

static const char REGION_INHABITANTS_SQL[] =
    "UPDATE area r SET inhabitants = (SELECT sum(inhabitants) FROM area m"
    " WHERE m.parent_id = r.id), inhabitants_note = 'som van de gemeenten'"
    " WHERE r.level = 'regio'";

static const char SOURCES_SQL[] =
    "INSERT INTO source_monitor (code, name, description, publisher, frequency, source_note)"
    " SELECT x.code, x.naam, x.beschrijving, x.uitgever, x.frequentie, x.bronvermelding"
    " FROM json_to_recordset($1::json->'bronnen') AS x(code text, naam text, beschrijving text,"
    " uitgever text, frequentie text, bronvermelding text)"
    " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,"
    " publisher = EXCLUDED.publisher, frequency = EXCLUDED.frequency,"
    " source_note = EXCLUDED.source_note";

static const char INDICATORS_SQL[] =
    "INSERT INTO indicator AS i (code, name, description, unit, direction, source_code, frequency,"
    " aggregation, principles, action_lines)"
    " SELECT x.code, x.naam, x.beschrijving, x.eenheid, x.richting, x.bron, x.frequentie,"
    " x.\"regionaleWaarde\", ARRAY(SELECT json_array_elements_text(x.principes)::int),"
    " ARRAY(SELECT json_array_elements_text(x.actielijnen)::int)"
    " FROM json_to_recordset($1::json->'indicatoren') AS x(code text, naam text, beschrijving"
    " text, eenheid text, richting text, bron text, frequentie text, \"regionaleWaarde\" text,"
    " principes json, actielijnen json)"
    " ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, description = EXCLUDED.description,"
    " unit = EXCLUDED.unit, direction = EXCLUDED.direction, source_code = EXCLUDED.source_code,"
    " aggregation = EXCLUDED.aggregation, principles = EXCLUDED.principles,"
    " action_lines = EXCLUDED.action_lines, version = i.version + 1, updated_at = now()"
    " WHERE (i.name, i.description, i.unit, i.direction, i.source_code, i.aggregation,"
    " i.principles, i.action_lines) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.description,"
    " EXCLUDED.unit, EXCLUDED.direction, EXCLUDED.source_code, EXCLUDED.aggregation,"
    " EXCLUDED.principles, EXCLUDED.action_lines)";

/* The municipalities CSV as a JSON array of objects keyed by its header. */
static char *municipalities_json(const char *text, size_t len) {
    mon_csv *csv = malloc(sizeof(*csv));
    json_t *rows = json_array();
    mon_csv_record head, rec;
    char *out = NULL;
    if (csv == NULL || rows == NULL)
        goto done;
    mon_csv_init(csv, text, len);
    if (mon_csv_next(csv, &head) != MON_CSV_RECORD || head.nfields > MON_CSV_MAX_FIELDS)
        goto done;
    char names[MON_CSV_MAX_FIELDS][32];
    size_t n = head.nfields;
    for (size_t i = 0; i < n; i++)
        snprintf(names[i], sizeof(names[i]), "%s", head.fields[i]);
    int rc;
    while ((rc = mon_csv_next(csv, &rec)) == MON_CSV_RECORD && rec.nfields == n) {
        json_t *row = json_object();
        for (size_t i = 0; i < n; i++)
            json_object_set_new(row, names[i], json_stringn(rec.fields[i], rec.lengths[i]));
        json_array_append_new(rows, row);
    }
    if (rc == MON_CSV_END)
        out = json_dumps(rows, JSON_COMPACT);
done:
    json_decref(rows);
    free(csv);
    return out;
}

static char *seed_path(const mon_settings *s, const char *file) {
    char *path = NULL;
    if (asprintf(&path, "%s/%s", s->seed_dir, file) < 0)
        return NULL;
    return path;
}

static int load(PGconn *pg, const char *defs, const char *munis) {
    json_t *d = json_loads(defs, 0, NULL);
    const char *region = json_string_value(json_object_get(json_object_get(d, "regio"), "code"));
    const char *p1[] = {defs};
    const char *p2[] = {munis, region};
    int rc = region == NULL ? -1 : 0;
    if (rc == 0)
        rc = mon_loader_exec(pg, "begin", "BEGIN", 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "region", REGION_SQL, 1, p1);
    if (rc == 0)
        rc = mon_loader_exec(pg, "municipalities", MUNICIPALITIES_SQL, 2, p2);
    if (rc == 0)
        rc = mon_loader_exec(pg, "region inhabitants", REGION_INHABITANTS_SQL, 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "sources", SOURCES_SQL, 1, p1);
    if (rc == 0)
        rc = mon_loader_exec(pg, "indicators", INDICATORS_SQL, 1, p1);
    if (rc == 0)
        rc = mon_loader_exec(pg, "commit", "COMMIT", 0, NULL);
    json_decref(d);
    return rc;
}

int mon_seed(const svc_config *cfg, const mon_settings *s) {
    char *defs_path = seed_path(s, "monitoring.json");
    char *csv_path = seed_path(s, "twente-municipalities.csv");
    size_t defs_len = 0, csv_len = 0;
    char *defs = defs_path ? mon_loader_read_file(defs_path, &defs_len) : NULL;
    char *csv = csv_path ? mon_loader_read_file(csv_path, &csv_len) : NULL;
    char *munis = csv ? municipalities_json(csv, csv_len) : NULL;
    PGconn *pg = defs && munis ? mon_loader_connect(cfg->database_url) : NULL;
    int rc = pg ? load(pg, defs, munis) : -1;
    if (rc == 0)
        svc_log(SVC_LOG_INFO, "seed loaded from %s", s->seed_dir);
    PQfinish(pg);
    free(munis);
    free(csv);
    free(defs);
    free(csv_path);
    free(defs_path);
    return rc == 0 ? 0 : 1;
}
