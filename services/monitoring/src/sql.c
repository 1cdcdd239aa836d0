/* Every SQL statement of the monitoring service, prepared per connection by the pool. All values
 * are bound parameters; PostgreSQL builds the JSON, handlers pass the text through. */
#include "sql.h"

#include <stddef.h>

#include "svc/db.h"

#define TS(col) SVC_SQL_TS(col)

/* ---- representations ---- */

#define AREA_JSON                                                                                  \
    "json_build_object('code', a.code, 'naam', a.name, 'niveau', a.level, 'bovenliggend',"         \
    " (SELECT p.code FROM area p WHERE p.id = a.parent_id), 'inwoners', a.inhabitants,"            \
    " 'inwonersPeildatum', a.inhabitants_date, 'inwonersToelichting', a.inhabitants_note)"

#define SOURCE_JSON                                                                                \
    "json_build_object('code', s.code, 'naam', s.name, 'beschrijving', s.description,"             \
    " 'uitgever', s.publisher, 'frequentie', s.frequency, 'bronvermelding', s.source_note)"

#define INDICATOR_JSON                                                                             \
    "json_build_object('code', i.code, 'naam', i.name, 'beschrijving', i.description,"             \
    " 'eenheid', i.unit, 'richting', i.direction, 'bron', i.source_code,"                          \
    " 'frequentie', i.frequency, 'regionaleWaarde', i.aggregation,"                                \
    " 'principes', to_json(i.principles), 'actielijnen', to_json(i.action_lines),"                 \
    " 'projecten', to_json(i.projects))"

#define NORM_JSON                                                                                  \
    "json_build_object('id', n.id, 'indicator', (SELECT code FROM indicator WHERE id ="            \
    " n.indicator_id), 'gebied', (SELECT code FROM area WHERE id = n.area_id),"                    \
    " 'vergelijking', n.comparator, 'waarde', n.value, 'marge', n.margin,"                         \
    " 'geldigVanaf', n.valid_from, 'toelichting', n.note, 'demo', n.demo)"

#define BATCH_JSON                                                                                 \
    "json_build_object('id', b.id, 'tijdstip', " TS(                                               \
        "b.created_at") ", 'actor', b.actor,"                                                      \
                        " 'clientId', b.client_id, 'formaat', b.format, 'modus', b.mode, "         \
                        "'status', b.status,"                                                      \
                        " 'aantallen', json_build_object('rijen', b.rows_total, 'aangemaakt', "    \
                        "b.created,"                                                               \
                        " 'bijgewerkt', b.updated, 'ongewijzigd', b.unchanged, 'afgewezen', "      \
                        "b.rejected),"                                                             \
                        " 'idempotencyKey', b.idempotency_key, 'demo', b.demo, 'omschrijving', "   \
                        "b.label)"

#define OBS_JSON                                                                                   \
    "json_build_object('indicator', i.code, 'gebied', a.code, 'periode', o.period,"                \
    " 'waarde', o.value, 'teller', o.numerator, 'noemer', o.denominator, 'status', o.status,"      \
    " 'import', o.batch_id, 'versie', o.version, 'bijgewerkt', " TS("o.updated_at") ")"

#define INT_ARRAY(p)  "ARRAY(SELECT e::int FROM json_array_elements_text(" p "::json) e)"
#define UUID_ARRAY(p) "ARRAY(SELECT e::uuid FROM json_array_elements_text(" p "::json) e)"

/* ---- areas and sources ---- */

/* $1 level, $2 parent code, $3 last code of the previous page, $4 limit */
static const char AREA_LIST[] =
    "WITH page AS (SELECT a.code AS k, " AREA_JSON " AS obj, row_number() OVER (ORDER BY a.code)"
    " AS n FROM area a WHERE a.code > coalesce($3::text, '')"
    " AND ($1::text IS NULL OR a.level = $1)"
    " AND ($2::text IS NULL OR a.parent_id = (SELECT id FROM area WHERE code = $2))"
    " ORDER BY a.code LIMIT $4::int + 1)" SVC_SQL_PAGE_RESULT("$4::int");

static const char AREA_GET[] = "SELECT " AREA_JSON "::text FROM area a WHERE a.code = $1";

static const char SOURCE_LIST[] =
    "SELECT json_build_object('bronnen', coalesce(json_agg(" SOURCE_JSON
    " ORDER BY s.code), '[]'))::text FROM source_monitor s";

/* ---- indicators ---- */

/* $1 source, $2 action line, $3 frequency, $4 last code, $5 limit */
static const char INDICATOR_LIST[] =
    "WITH page AS (SELECT i.code AS k, " INDICATOR_JSON " AS obj,"
    " row_number() OVER (ORDER BY i.code) AS n FROM indicator i"
    " WHERE i.code > coalesce($4::text, '') AND ($1::text IS NULL OR i.source_code = $1)"
    " AND ($2::int IS NULL OR i.action_lines @> ARRAY[$2::int])"
    " AND ($3::text IS NULL OR i.frequency = $3)"
    " ORDER BY i.code LIMIT $5::int + 1)" SVC_SQL_PAGE_RESULT("$5::int");

static const char INDICATOR_GET[] =
    "SELECT " INDICATOR_JSON "::text, i.version FROM indicator i WHERE i.code = $1";

/* $1 code, $2 name, $3 description, $4 unit, $5 direction, $6 source, $7 frequency,
 * $8 aggregation, $9 principles, $10 action lines, $11 projects (JSON arrays). No row: the
 * source does not exist. */
static const char INDICATOR_INSERT[] =
    "INSERT INTO indicator AS i (code, name, description, unit, direction, source_code,"
    " frequency, aggregation, principles, action_lines, projects)"
    " SELECT $1, $2, coalesce($3, ''), $4, $5, s.code, $7, $8, " INT_ARRAY(
        "$9") ","
              " " INT_ARRAY("$10") ", " UUID_ARRAY("$11") " FROM source_monitor s WHERE s.code = $6"
                                                          " RETURNING i.version, " INDICATOR_JSON
                                                          "::text";

/* The indicator as it is, locked, and whether it has observations. */
static const char INDICATOR_LOCK[] =
    "SELECT " INDICATOR_JSON "::text, i.version, i.frequency,"
    " EXISTS (SELECT 1 FROM observation o WHERE o.indicator_id = i.id)"
    " FROM indicator i WHERE i.code = $1 FOR UPDATE";

/* As INDICATOR_INSERT, for the code $1. No row: the source does not exist. */
static const char INDICATOR_UPDATE[] =
    "UPDATE indicator AS i SET name = $2, description = coalesce($3, ''), unit = $4,"
    " direction = $5, source_code = s.code, frequency = $7, aggregation = $8,"
    " principles = " INT_ARRAY("$9") ", action_lines = " INT_ARRAY(
        "$10") ","
               " projects = " UUID_ARRAY(
                   "$11") ", version = i.version + 1, updated_at = now()"
                          " FROM source_monitor s WHERE s.code = $6 AND i.code = $1"
                          " RETURNING i.version, " INDICATOR_JSON "::text";

/* ---- norms ---- */

/* $1 indicator code, $2 area code, $3 last id, $4 limit */
static const char NORM_LIST[] =
    "WITH page AS (SELECT n.id AS k, " NORM_JSON " AS obj, row_number() OVER (ORDER BY n.id) AS n"
    " FROM norm n WHERE n.id > coalesce($3::uuid, '00000000-0000-0000-0000-000000000000')"
    " AND ($1::text IS NULL OR n.indicator_id = (SELECT id FROM indicator WHERE code = $1))"
    " AND ($2::text IS NULL OR n.area_id = (SELECT id FROM area WHERE code = $2))"
    " ORDER BY n.id LIMIT $4::int + 1)" SVC_SQL_PAGE_RESULT("$4::int");

static const char NORM_GET[] =
    "SELECT " NORM_JSON "::text, n.version FROM norm n WHERE n.id = $1::uuid";

/* $1 indicator code, $2 area code (may be NULL): their ids (NULL when unknown). */
static const char NORM_RESOLVE[] = "SELECT (SELECT id FROM indicator WHERE code = $1),"
                                   " (SELECT id FROM area WHERE code = $2)";

/* $1 indicator id, $2 area id, $3 comparator, $4 value, $5 margin, $6 valid from, $7 note */
static const char NORM_INSERT[] =
    "INSERT INTO norm AS n (indicator_id, area_id, comparator, value, margin, valid_from, note)"
    " VALUES ($1::int, $2::int, $3, $4::numeric, $5::numeric, $6::date, coalesce($7, ''))"
    " RETURNING n.id, n.version, " NORM_JSON "::text";

static const char NORM_LOCK[] =
    "SELECT " NORM_JSON "::text, n.version FROM norm n WHERE n.id = $1::uuid FOR UPDATE";

/* $1 id, then as NORM_INSERT from $2 */
static const char NORM_UPDATE[] =
    "UPDATE norm AS n SET indicator_id = $2::int, area_id = $3::int, comparator = $4,"
    " value = $5::numeric, margin = $6::numeric, valid_from = $7::date, note = coalesce($8, ''),"
    " version = n.version + 1, updated_at = now() WHERE n.id = $1::uuid"
    " RETURNING n.version, " NORM_JSON "::text";

static const char NORM_DELETE[] = "DELETE FROM norm WHERE id = $1::uuid";

/* ---- the push ---- */

/* The staging table of one push; it goes with its transaction. Valid rows (problem = false) come
 * with their ids resolved; a rejected row is one line per problem (seq 1, 2, ...). */
const char mon_sql_push_tables[] =
    "CREATE TEMP TABLE push_staging (row_number integer NOT NULL, line_number integer,"
    " seq integer NOT NULL, problem boolean NOT NULL, indicator_id integer, area_id integer,"
    " period text, value numeric, numerator numeric, denominator numeric, status text,"
    " field text, code text, reason text) ON COMMIT DROP";

const char mon_sql_push_copy[] = "COPY push_staging FROM STDIN";

/* What the push reads its rows' checks from (catalog.h), in byte order of the codes. */
static const char PUSH_INDICATORS[] =
    "SELECT code, id, frequency, aggregation = 'ratio',"
    " unit IN ('percentage', 'per_1000_jeugdigen') FROM indicator ORDER BY code COLLATE \"C\"";
static const char PUSH_AREAS[] = "SELECT code, id FROM area ORDER BY code COLLATE \"C\"";

#define NEW_VALUES "s.value, s.numerator, s.denominator, s.status"

/* Dry run: what the push would create, update and leave as it is. */
static const char PUSH_CLASSIFY[] =
    "SELECT count(*) FILTER (WHERE o.indicator_id IS NULL),"
    " count(*) FILTER (WHERE o.indicator_id IS NOT NULL AND (o.value, o.numerator,"
    " o.denominator, o.status) IS DISTINCT FROM (" NEW_VALUES ")),"
    " count(*) FILTER (WHERE o.indicator_id IS NOT NULL AND (o.value, o.numerator,"
    " o.denominator, o.status) IS NOT DISTINCT FROM (" NEW_VALUES "))"
    " FROM push_staging s LEFT JOIN observation o ON o.indicator_id = s.indicator_id"
    " AND o.area_id = s.area_id AND o.period = s.period WHERE NOT s.problem";

/* $1 batch: insert new observations, update changed ones (the trigger keeps the old values),
 * leave equal ones alone. Result: created, updated. */
static const char PUSH_UPSERT[] =
    "WITH up AS (INSERT INTO observation AS o (indicator_id, area_id, period, value, numerator,"
    " denominator, status, batch_id) SELECT s.indicator_id, s.area_id, s.period, " NEW_VALUES ","
    " $1::uuid FROM push_staging s WHERE NOT s.problem"
    " ON CONFLICT (indicator_id, area_id, period) DO UPDATE SET value = EXCLUDED.value,"
    " numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator,"
    " status = EXCLUDED.status, batch_id = EXCLUDED.batch_id, version = o.version + 1,"
    " updated_at = now() WHERE (o.value, o.numerator, o.denominator, o.status)"
    " IS DISTINCT FROM (EXCLUDED.value, EXCLUDED.numerator, EXCLUDED.denominator,"
    " EXCLUDED.status) RETURNING (o.xmax = 0) AS inserted)"
    " SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM up";

/* The rejected rows of the answer: the first $1 problems and their total. */
static const char PUSH_SUMMARY[] =
    "SELECT json_build_object('afwijzingen', coalesce((SELECT json_agg(json_build_object("
    "'rij', x.row_number, 'regel', x.line_number, 'veld', x.field, 'code', x.code,"
    " 'reden', x.reason) ORDER BY x.row_number, x.seq) FROM (SELECT * FROM push_staging"
    " WHERE problem ORDER BY row_number, seq LIMIT $1::int) x), '[]'),"
    " 'afwijzingenTotaal', (SELECT count(*) FROM push_staging WHERE problem))::text";

/* Duplicates among the valid rows, for a push with more keys than the duplicate table holds
 * (dedupe.h): every row but the first of a key becomes a rejected row, as the table would have
 * made it. */
static const char PUSH_DUPLICATES[] =
    "UPDATE push_staging s SET problem = true, seq = 1, indicator_id = NULL, area_id = NULL,"
    " period = NULL, value = NULL, numerator = NULL, denominator = NULL, status = NULL,"
    " field = 'periode', code = 'duplicate', reason = 'Dezelfde indicator, hetzelfde gebied en"
    " dezelfde periode als rij ' || d.first_row || '.'"
    " FROM (SELECT row_number, first_row FROM (SELECT row_number, min(row_number) OVER"
    " (PARTITION BY indicator_id, area_id, period) AS first_row FROM push_staging"
    " WHERE NOT problem) x WHERE row_number <> first_row) d"
    " WHERE s.row_number = d.row_number AND NOT s.problem";

/* $1 actor, $2 client id, $3 format, $4 mode, $5 idempotency key */
static const char BATCH_INSERT[] =
    "INSERT INTO import_batch (actor, client_id, format, mode, status, idempotency_key)"
    " VALUES ($1, $2, $3, $4, 'bezig', $5) RETURNING id";

/* $1 id, $2 status, $3 rows, $4 created, $5 updated, $6 unchanged, $7 rejected */
static const char BATCH_FINISH[] =
    "UPDATE import_batch AS b SET status = $2, rows_total = $3::int, created = $4::int,"
    " updated = $5::int, unchanged = $6::int, rejected = $7::int WHERE b.id = $1::uuid"
    " RETURNING " BATCH_JSON "::text";

static const char CONFLICTS_SAVE[] =
    "INSERT INTO import_conflict (batch_id, seq, row_number, line_number, field, code, reason)"
    " SELECT $1::uuid, row_number() OVER (ORDER BY row_number, seq), row_number, line_number,"
    " field, code, reason FROM push_staging WHERE problem";

/* $1 actor, $2 key: retries of one key wait for each other. */
static const char IDEM_LOCK[] =
    "SELECT pg_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 6))";
static const char IDEM_GET[] =
    "SELECT request_hash, status, response, batch_id FROM idempotency_key"
    " WHERE actor = $1 AND key = $2";
static const char IDEM_PUT[] =
    "INSERT INTO idempotency_key (actor, key, request_hash, status, response, batch_id)"
    " VALUES ($1, $2, $3, $4::int, $5, $6::uuid)";

/* ---- batches ---- */

/* $1 status, $2 last seq, $3 limit: newest first */
static const char BATCH_LIST[] =
    "WITH page AS (SELECT b.seq AS k, " BATCH_JSON " AS obj, row_number() OVER (ORDER BY b.seq"
    " DESC) AS n FROM import_batch b WHERE b.seq < coalesce($2::bigint, 9223372036854775807)"
    " AND ($1::text IS NULL OR b.status = $1) ORDER BY b.seq DESC LIMIT $3::int + "
    "1)" SVC_SQL_PAGE_RESULT("$3::int");

static const char BATCH_GET[] =
    "SELECT " BATCH_JSON "::text FROM import_batch b WHERE b.id = $1::uuid";

/* $1 batch, $2 last seq, $3 limit. No row when the batch does not exist. */
static const char BATCH_CONFLICTS[] =
    "WITH page AS (SELECT c.seq AS k, json_build_object('rij', c.row_number, 'regel',"
    " c.line_number, 'veld', c.field, 'code', c.code, 'reden', c.reason) AS obj,"
    " row_number() OVER (ORDER BY c.seq) AS n FROM import_conflict c"
    " WHERE c.batch_id = $1::uuid AND c.seq > coalesce($2::int, 0) ORDER BY c.seq"
    " LIMIT $3::int + 1)" SVC_SQL_PAGE_RESULT(
        "$3::int") " WHERE EXISTS (SELECT 1 FROM import_batch WHERE id = $1::uuid)";

/* ---- observations ---- */

#define OBS_KEY                                                                                    \
    "lpad(o.indicator_id::text, 10, '0') || '|' || lpad(o.area_id::text, 10, '0') || '|' ||"       \
    " o.period"

/* $1 indicator, $2 area, $3 from, $4 to, $5 status, $6 batch, $7 last key, $8 limit */
static const char OBS_LIST[] =
    "WITH page AS (SELECT " OBS_KEY " AS k, " OBS_JSON " AS obj,"
    " row_number() OVER (ORDER BY o.indicator_id, o.area_id, o.period) AS n"
    " FROM observation o JOIN indicator i ON i.id = o.indicator_id"
    " JOIN area a ON a.id = o.area_id"
    " WHERE (o.indicator_id, o.area_id, o.period) > (coalesce(split_part($7, '|', 1)::int, 0),"
    " coalesce(split_part($7, '|', 2)::int, 0), coalesce(split_part($7, '|', 3), ''))"
    " AND ($1::text IS NULL OR i.code = $1) AND ($2::text IS NULL OR a.code = $2)"
    " AND ($3::text IS NULL OR o.period >= $3) AND ($4::text IS NULL OR o.period <= $4)"
    " AND ($5::text IS NULL OR o.status = $5) AND ($6::uuid IS NULL OR o.batch_id = $6::uuid)"
    " ORDER BY o.indicator_id, o.area_id, o.period LIMIT $8::int + 1)" SVC_SQL_PAGE_RESULT(
        "$8::int");

/* $1 indicator, $2 area, $3 period: the observation and its earlier values, newest first */
static const char OBS_GET[] =
    "SELECT (" OBS_JSON "::jsonb || jsonb_build_object('historie', coalesce((SELECT"
    " jsonb_agg(jsonb_build_object('waarde', h.value, 'teller', h.numerator, 'noemer',"
    " h.denominator, 'status', h.status, 'import', h.batch_id, 'vervangenDoor', h.replaced_by,"
    " 'geldigTot', " TS(
        "h.valid_until") ") ORDER BY h.id DESC) FROM observation_history h"
                         " WHERE h.indicator_id = o.indicator_id AND h.area_id = o.area_id"
                         " AND h.period = o.period), '[]')))::text"
                         " FROM observation o JOIN indicator i ON i.id = o.indicator_id"
                         " JOIN area a ON a.id = o.area_id WHERE i.code = $1 AND a.code = $2 AND "
                         "o.period = $3";

/* $1 indicator, $2 area, $3 from, $4 to, $5 separator: the push format, header included */
static const char OBS_EXPORT[] =
    "SELECT 'indicator' || $5 || 'gebied' || $5 || 'periode' || $5 || 'waarde' || $5 ||"
    " 'teller' || $5 || 'noemer' || $5 || 'status' || E'\\n' || coalesce(string_agg("
    "concat_ws($5, i.code, a.code, o.period, o.value::text, coalesce(o.numerator::text, ''),"
    " coalesce(o.denominator::text, ''), o.status), E'\\n' ORDER BY i.code, a.code, o.period)"
    " || E'\\n', '')"
    " FROM observation o JOIN indicator i ON i.id = o.indicator_id"
    " JOIN area a ON a.id = o.area_id"
    " WHERE ($1::text IS NULL OR i.code = $1) AND ($2::text IS NULL OR a.code = $2)"
    " AND ($3::text IS NULL OR o.period >= $3) AND ($4::text IS NULL OR o.period <= $4)";

/* ---- queries ---- */

#define NORM_BRIEF(n)                                                                              \
    "CASE WHEN " n ".id IS NULL THEN NULL ELSE json_build_object('id', " n ".id,"                  \
    " 'vergelijking', " n ".comparator, 'waarde', " n ".value, 'marge', " n ".margin,"             \
    " 'geldigVanaf', " n ".valid_from, 'demo', " n ".demo) END"

/* $1 indicator, $2 area codes (text[]; NULL: the region and its municipalities), $3 from,
 * $4 to. The region's line is its own observations, else the value formed by the indicator's
 * rule ("berekend"). Second column: the requested codes that do not exist. */
static const char SERIES[] =
    "WITH ind AS (SELECT * FROM indicator WHERE code = $1),"
    " region AS (SELECT id FROM area WHERE level = 'regio' ORDER BY id LIMIT 1),"
    " sel AS (SELECT a.id, a.code, a.name, a.level, g.ord FROM unnest($2::text[])"
    " WITH ORDINALITY AS g(code, ord) JOIN area a ON a.code = g.code"
    " UNION ALL SELECT a.id, a.code, a.name, a.level,"
    " row_number() OVER (ORDER BY a.level <> 'regio', a.name) FROM area a, region r"
    " WHERE $2::text[] IS NULL AND (a.id = r.id OR a.parent_id = r.id)),"
    " own AS (SELECT o.area_id, o.period, o.value, o.status FROM ind"
    " CROSS JOIN (SELECT DISTINCT id FROM sel) s JOIN observation o ON o.indicator_id = ind.id"
    " AND o.area_id = s.id AND o.period >= $3 AND o.period <= $4),"
    " calc AS (SELECT s.id AS area_id, rv.period, rv.value FROM sel s CROSS JOIN ind"
    " CROSS JOIN LATERAL region_values(ind.id, s.id, $3, $4) rv WHERE s.level = 'regio'"
    " AND NOT EXISTS (SELECT 1 FROM observation x WHERE x.indicator_id = ind.id"
    " AND x.area_id = s.id AND x.period = rv.period)),"
    " pts AS (SELECT area_id, period, value, status, false AS calc FROM own"
    " UNION ALL SELECT area_id, period, value, NULL, true FROM calc),"
    " agg AS (SELECT area_id, json_agg(json_build_object('periode', period, 'waarde', value,"
    " 'status', status, 'berekend', calc) ORDER BY period) AS points FROM pts GROUP BY area_id)"
    " SELECT (SELECT json_build_object('indicator', " INDICATOR_JSON ","
    " 'perioden', (SELECT coalesce(json_agg(p.period ORDER BY p.period), '[]')"
    " FROM (SELECT DISTINCT period FROM pts) p), 'reeksen', (SELECT coalesce(json_agg("
    "json_build_object('gebied', s.code, 'naam', s.name, 'niveau', s.level, 'waarden',"
    " coalesce(agg.points, '[]')) ORDER BY s.ord), '[]') FROM sel s"
    " LEFT JOIN agg ON agg.area_id = s.id))::text FROM ind i),"
    " (SELECT string_agg(g, ', ') FROM unnest($2::text[]) g"
    " WHERE NOT EXISTS (SELECT 1 FROM area WHERE code = g))";

/* $1 indicator, $2 period (NULL: the latest with data), $3 trend window (periods). Per
 * municipality its latest value up to the period with the applicable norm's status and the
 * trend; the region's own value or the one formed by the rule, with its norm. */
static const char SNAPSHOT[] =
    "WITH ind AS (SELECT * FROM indicator WHERE code = $1),"
    " region AS (SELECT * FROM area WHERE level = 'regio' ORDER BY id LIMIT 1),"
    " per AS (SELECT coalesce($2::text, (SELECT max(o.period) FROM observation o, ind"
    " WHERE o.indicator_id = ind.id)) AS period),"
    " muni AS (SELECT m.code, m.name, l.period, l.value, l.numerator, l.denominator, l.status,"
    " n.id AS nid, " NORM_BRIEF(
        "n") " AS norm,"
             " norm_status(l.value, n.comparator, n.value, n.margin) AS st,"
             " trend_json(t.vals, ind.direction) AS trend"
             " FROM area m CROSS JOIN ind CROSS JOIN per CROSS JOIN region r"
             " LEFT JOIN LATERAL (SELECT o.period, o.value, o.numerator, o.denominator, o.status"
             " FROM observation o WHERE o.indicator_id = ind.id AND o.area_id = m.id"
             " AND o.period <= per.period ORDER BY o.period DESC LIMIT 1) l ON true"
             " LEFT JOIN LATERAL (SELECT array_agg(x.value ORDER BY x.period) AS vals FROM (SELECT"
             " o.period, o.value FROM observation o WHERE o.indicator_id = ind.id AND o.area_id = "
             "m.id"
             " AND o.period <= per.period ORDER BY o.period DESC LIMIT $3::int + 1) x) t ON true"
             " LEFT JOIN LATERAL applicable_norm(ind.id, m.id, l.period) n ON true"
             " WHERE m.parent_id = r.id),"
             " reg AS (SELECT r.code, r.name, o.value AS own, rv.value AS calc, rv.areas,"
             " n.id AS nid, " NORM_BRIEF(
                 "n") " AS norm,"
                      " norm_status(coalesce(o.value, rv.value), n.comparator, n.value, n.margin) "
                      "AS st"
                      " FROM region r CROSS JOIN ind CROSS JOIN per"
                      " LEFT JOIN observation o ON o.indicator_id = ind.id AND o.area_id = r.id"
                      " AND o.period = per.period"
                      " LEFT JOIN LATERAL region_values(ind.id, r.id, per.period, per.period) rv "
                      "ON true"
                      " LEFT JOIN LATERAL applicable_norm(ind.id, r.id, per.period) n ON true)"
                      " SELECT json_build_object('indicator', " INDICATOR_JSON ","
                      " 'periode', (SELECT period FROM per),"
                      " 'regio', (SELECT json_build_object('code', code, 'naam', name, 'waarde',"
                      " coalesce(own, calc), 'berekend', own IS NULL AND calc IS NOT NULL, 'regel',"
                      " i.aggregation, 'aantalGemeenten', coalesce(areas, 0), 'norm', norm, "
                      "'normStatus', st)"
                      " FROM reg), 'gemeenten', (SELECT "
                      "coalesce(json_agg(json_build_object('code', code,"
                      " 'naam', name, 'periode', period, 'waarde', value, 'teller', numerator, "
                      "'noemer',"
                      " denominator, 'status', status, 'norm', norm, 'normStatus', st, 'trend', "
                      "trend)"
                      " ORDER BY name), '[]') FROM muni))::text FROM ind i";

/* $1 window n, $2 indicator, $3 municipality, $4 action line, $5 kind: every municipality and
 * indicator whose latest value misses its norm ("norm") or that got worse n periods in a row
 * ("verslechtering"). */
static const char SIGNALS[] =
    "WITH cand AS (SELECT i.id AS iid, i.code AS icode, i.name AS iname, i.unit,"
    " i.direction, i.action_lines, i.projects, a.id AS aid, a.code AS acode, a.name AS aname,"
    " h.vals, h.periods FROM indicator i CROSS JOIN area a CROSS JOIN LATERAL (SELECT"
    " array_agg(x.value ORDER BY x.period) AS vals, array_agg(x.period ORDER BY x.period)"
    " AS periods FROM (SELECT o.period, o.value FROM observation o WHERE o.indicator_id = i.id"
    " AND o.area_id = a.id ORDER BY o.period DESC LIMIT $1::int + 1) x) h"
    " WHERE a.level = 'gemeente' AND h.vals IS NOT NULL"
    " AND ($2::text IS NULL OR i.code = $2) AND ($3::text IS NULL OR a.code = $3)"
    " AND ($4::int IS NULL OR i.action_lines @> ARRAY[$4::int])),"
    " ev AS (SELECT c.*, " NORM_BRIEF(
        "n") " AS norm,"
             " norm_status(c.vals[cardinality(c.vals)], n.comparator, n.value, n.margin) AS st,"
             " worsened(c.vals, c.direction, $1::int) AS worse FROM cand c"
             " LEFT JOIN LATERAL applicable_norm(c.iid, c.aid, c.periods[cardinality(c.periods)]) n"
             " ON true),"
             " sig AS (SELECT ev.*, array_remove(ARRAY[CASE WHEN st IN ('rood', 'oranje') THEN "
             "'norm'"
             " END, CASE WHEN worse THEN 'verslechtering' END], NULL) AS kinds FROM ev)"
             " SELECT json_build_object('perioden', $1::int, 'signalen', coalesce(json_agg("
             "json_build_object('soorten', to_json(kinds), 'indicator', json_build_object('code', "
             "icode,"
             " 'naam', iname, 'eenheid', unit, 'richting', direction), 'gemeente',"
             " json_build_object('code', acode, 'naam', aname), 'periode', "
             "periods[cardinality(periods)],"
             " 'waarde', vals[cardinality(vals)], 'norm', norm, 'normStatus', st, 'reeks', (SELECT"
             " json_agg(json_build_object('periode', u.p, 'waarde', u.v) ORDER BY u.p) FROM"
             " unnest(periods, vals) AS u(p, v)), 'actielijnen', to_json(action_lines),"
             " 'projecten', to_json(projects)) ORDER BY icode, acode), '[]'))::text"
             " FROM sig WHERE cardinality(kinds) > 0 AND ($5::text IS NULL OR $5 = ANY(kinds))";

const svc_statement mon_statements[] = {
    {SQL_AREA_LIST, AREA_LIST},
    {SQL_AREA_GET, AREA_GET},
    {SQL_SOURCE_LIST, SOURCE_LIST},
    {SQL_INDICATOR_LIST, INDICATOR_LIST},
    {SQL_INDICATOR_GET, INDICATOR_GET},
    {SQL_INDICATOR_INSERT, INDICATOR_INSERT},
    {SQL_INDICATOR_LOCK, INDICATOR_LOCK},
    {SQL_INDICATOR_UPDATE, INDICATOR_UPDATE},
    {SQL_NORM_LIST, NORM_LIST},
    {SQL_NORM_GET, NORM_GET},
    {SQL_NORM_RESOLVE, NORM_RESOLVE},
    {SQL_NORM_INSERT, NORM_INSERT},
    {SQL_NORM_LOCK, NORM_LOCK},
    {SQL_NORM_UPDATE, NORM_UPDATE},
    {SQL_NORM_DELETE, NORM_DELETE},
    {SQL_PUSH_INDICATORS, PUSH_INDICATORS},
    {SQL_PUSH_AREAS, PUSH_AREAS},
    {SQL_PUSH_CLASSIFY, PUSH_CLASSIFY},
    {SQL_PUSH_UPSERT, PUSH_UPSERT},
    {SQL_PUSH_SUMMARY, PUSH_SUMMARY},
    {SQL_PUSH_DUPLICATES, PUSH_DUPLICATES},
    {SQL_BATCH_INSERT, BATCH_INSERT},
    {SQL_BATCH_FINISH, BATCH_FINISH},
    {SQL_CONFLICTS_SAVE, CONFLICTS_SAVE},
    {SQL_IDEM_LOCK, IDEM_LOCK},
    {SQL_IDEM_GET, IDEM_GET},
    {SQL_IDEM_PUT, IDEM_PUT},
    {SQL_BATCH_LIST, BATCH_LIST},
    {SQL_BATCH_GET, BATCH_GET},
    {SQL_BATCH_CONFLICTS, BATCH_CONFLICTS},
    {SQL_OBS_LIST, OBS_LIST},
    {SQL_OBS_GET, OBS_GET},
    {SQL_OBS_EXPORT, OBS_EXPORT},
    {SQL_SERIES, SERIES},
    {SQL_SNAPSHOT, SNAPSHOT},
    {SQL_SIGNALS, SIGNALS},
    {NULL, NULL},
};
