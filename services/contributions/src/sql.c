/* Every SQL statement of the contributions service, prepared per connection by the pool. All
 * values are bound parameters. Writes take the validated JSON body as one jsonb parameter (j);
 * PostgreSQL builds the JSON representations, handlers pass the text through. */
#include "sql.h"

#include <stddef.h>
#include <string.h>

#include "svc/db.h"

#define TS(col)            SVC_SQL_TS(col)
#define PAGE_RESULT(limit) SVC_SQL_PAGE_RESULT(limit)
#define ZERO_UUID          "'00000000-0000-0000-0000-000000000000'::uuid"

/* Keyset position "<int>|<uuid>" of lists ordered by (an integer or date, id). */
#define KEY_INT_ID(a, id) a "::text || '|' || " id "::text"
#define AFTER_INT_ID(a, id, p)                                                                     \
    "(" a ", " id ") > (coalesce(split_part(" p "::text, '|', 1)::int, -2147483648),"              \
    " coalesce(nullif(split_part(" p "::text, '|', 2), '')::uuid, " ZERO_UUID "))"
#define AFTER_DATE_ID(a, id, p)                                                                    \
    "(" a ", " id ") > (coalesce(split_part(" p "::text, '|', 1)::date, '-infinity'::date),"       \
    " coalesce(nullif(split_part(" p "::text, '|', 2), '')::uuid, " ZERO_UUID "))"

/* A member of the body j, if present, else the current column. */
#define PICK(col, key, cast)                                                                       \
    col " = CASE WHEN j ? '" key "' THEN (j->>'" key "')" cast " ELSE " col " END"
/* Scope, action line and project change together (the handler requires "scope" with them). */
#define PICK_SCOPE                                                                                 \
    PICK("scope_type", "scope", "")                                                                \
    ", action_line = CASE WHEN j ? 'scope' THEN"                                                   \
    " (j->>'actielijn')::int ELSE action_line END, project_id = CASE WHEN j ? 'scope' THEN"        \
    " (j->>'projectId')::uuid ELSE project_id END"
#define SCOPE_FILTER(a, ps, pl, pp)                                                                \
    " AND (" ps "::text IS NULL OR " a ".scope_type = " ps ")"                                     \
    " AND (" pl "::int IS NULL OR " a ".action_line = " pl "::int)"                                \
    " AND (" pp "::uuid IS NULL OR " a ".project_id = " pp "::uuid)"
/* The body of an insert ($1, with $2 the actor) or an update ($2, with $3 the actor): every
 * write statement takes the actor, whether or not it stores it. */
#define BODY      " FROM (SELECT $1::jsonb AS j, $2::text AS actor) AS body"
#define BODY2     " FROM (SELECT $2::jsonb AS j, $3::text AS actor) AS body"
#define BODY_ONLY " FROM (SELECT $1::jsonb AS j) AS body"

/* ---- budget lines ---- */

#define BUDGET_JSON                                                                                \
    "json_build_object('id', b.id, 'scope', b.scope_type, 'actielijn', b.action_line,"             \
    " 'projectId', b.project_id, 'jaar', b.year, 'aard', b.nature, 'categorie', b.category,"       \
    " 'omschrijving', b.description, 'bedrag', b.amount_cents, 'status', b.status,"                \
    " 'revisie', b.revision, 'demo', b.demo, 'aangemaakt', " TS(                                   \
        "b.created_at") ","                                                                        \
                        " 'gewijzigd', " TS("b.updated_at") ")"

/* The adopted state of a line, as a revision (in the transaction of the change). */
#define BUDGET_REVISION(param_reason, param_actor)                                                 \
    " r AS (INSERT INTO budget_line_revisions (line_id, revision, reason, data, actor)"            \
    " SELECT b.id, b.revision, " param_reason ", " BUDGET_JSON ", " param_actor                    \
    " FROM w b WHERE b.status = 'vastgesteld')"

/* $1 vanJaar, $2 totJaar, $3 scope, $4 actielijn, $5 projectId, $6 aard, $7 status, $8 categorie,
 * $9 after, $10 limit */
static const char BUDGET_LIST[] = "WITH page AS (SELECT " KEY_INT_ID(
    "b.year",
    "b.id") " AS k, " BUDGET_JSON " AS obj,"
            " row_number() OVER (ORDER BY b.year, b.id) AS n FROM budget_lines b"
            " WHERE " AFTER_INT_ID(
                "b.year", "b.id",
                "$9") " AND b.year BETWEEN coalesce($1::int, 2000) AND coalesce($2::int, "
                      "2100)" SCOPE_FILTER("b", "$3", "$4",
                                           "$5") " AND ($6::text IS NULL OR b.nature = $6) AND "
                                                 "($7::text IS NULL OR b.status = $7)"
                                                 " AND ($8::text IS NULL OR b.category = $8)"
                                                 " ORDER BY b.year, b.id LIMIT $10::int + "
                                                 "1)" PAGE_RESULT("$10::int");

static const char BUDGET_GET[] =
    "SELECT " BUDGET_JSON "::text, b.version FROM budget_lines b WHERE b.id = $1::uuid";

/* $1 body, $2 actor */
static const char BUDGET_INSERT[] =
    "WITH w AS (INSERT INTO budget_lines (scope_type, action_line, project_id, year, nature,"
    " category, description, amount_cents, status, revision)"
    " SELECT j->>'scope', (j->>'actielijn')::int, (j->>'projectId')::uuid, (j->>'jaar')::int,"
    " j->>'aard', j->>'categorie', j->>'omschrijving', (j->>'bedrag')::bigint,"
    " coalesce(j->>'status', 'raming'), CASE WHEN j->>'status' = 'vastgesteld' THEN 1 ELSE 0 "
    "END" BODY
    " RETURNING *)," BUDGET_REVISION("coalesce($1::jsonb->>'toelichting', 'Vastgesteld')",
                                     "$2") " SELECT b.id, b.version, " BUDGET_JSON
                                           "::text FROM w b";

/* json, version, status, has expenditures */
static const char BUDGET_LOCK[] =
    "SELECT " BUDGET_JSON "::text, b.version, b.status,"
    " EXISTS (SELECT 1 FROM expenditures e WHERE e.budget_line_id = b.id)"
    " FROM budget_lines b WHERE b.id = $1::uuid FOR UPDATE";

/* $1 id, $2 body, $3 actor. A change of an adopted line is its next revision. */
static const char BUDGET_UPDATE[] = "WITH w AS (UPDATE budget_lines SET " PICK_SCOPE ", " PICK(
    "year", "jaar",
    "::int") ","
             " " PICK("nature", "aard", "") ", " PICK(
                 "category", "categorie",
                 "") ","
                     " " PICK("description", "omschrijving", "") ", " PICK(
                         "amount_cents", "bedrag",
                         "::bigint") ","
                                     " " PICK(
                                         "status", "status",
                                         "") ","
                                             " revision = CASE WHEN status = 'vastgesteld' THEN "
                                             "revision + 1"
                                             " WHEN j->>'status' = 'vastgesteld' THEN 1 ELSE 0 END,"
                                             " version = version + 1, updated_at = now()" BODY2
                                             " WHERE id = $1::uuid RETURNING *)," BUDGET_REVISION(
                                                 "coalesce($2::jsonb->>'toelichting', "
                                                 "'Vastgesteld')",
                                                 "$3") " SELECT b.version, " BUDGET_JSON
                                                       "::text FROM w b";

static const char BUDGET_DELETE[] = "DELETE FROM budget_lines WHERE id = $1::uuid";

#define REVISION_JSON                                                                              \
    "json_build_object('revisie', r.revision, 'toelichting', r.reason, 'tijdstip', " TS(           \
        "r.created_at") ", 'door', r.actor, 'regel', r.data)"

static const char REVISION_LIST[] =
    "SELECT EXISTS (SELECT 1 FROM budget_lines WHERE id = $1::uuid),"
    " (SELECT coalesce(json_agg(" REVISION_JSON " ORDER BY r.revision), '[]')::text"
    " FROM budget_line_revisions r WHERE r.line_id = $1::uuid)";

static const char REVISION_GET[] = "SELECT " REVISION_JSON "::text FROM budget_line_revisions r"
                                   " WHERE r.line_id = $1::uuid AND r.revision = $2::int";

/* $1 vanJaar, $2 totJaar: the budget with what was spent per line. */
static const char BUDGET_EXPORT[] =
    "SELECT b.id, b.year, b.scope_type, b.action_line, b.project_id, b.nature, b.category,"
    " b.description, b.amount_cents, b.status, b.revision,"
    " (SELECT coalesce(sum(e.amount_cents), 0) FROM expenditures e"
    " WHERE e.budget_line_id = b.id), b.demo"
    " FROM budget_lines b WHERE b.year BETWEEN coalesce($1::int, 2000) AND coalesce($2::int, 2100)"
    " ORDER BY b.year, array_position(ARRAY['programma', 'actielijn', 'project'], b.scope_type),"
    " b.action_line NULLS FIRST, b.nature DESC, b.category, b.id";

/* ---- expenditures ---- */

#define EXP_JSON                                                                                   \
    "json_build_object('id', e.id, 'begrotingsregelId', e.budget_line_id, 'datum', e.spent_on,"    \
    " 'bedrag', e.amount_cents, 'omschrijving', e.description, 'demo', e.demo,"                    \
    " 'aangemaakt', " TS("e.created_at") ", 'gewijzigd', " TS("e.updated_at") ")"

/* $1 line, $2 after, $3 limit */
static const char EXP_LIST[] =
    "WITH page AS (SELECT e.spent_on::text || '|' || e.id::text AS k, " EXP_JSON " AS obj,"
    " row_number() OVER (ORDER BY e.spent_on, e.id) AS n FROM expenditures e"
    " WHERE e.budget_line_id = $1::uuid AND " AFTER_DATE_ID(
        "e.spent_on", "e.id",
        "$2") " ORDER BY e.spent_on, e.id LIMIT $3::int + 1)" PAGE_RESULT("$3::int");

static const char EXP_GET[] =
    "SELECT " EXP_JSON "::text, e.version FROM expenditures e WHERE e.id = $1::uuid";

/* No row when the budget line does not exist. */
static const char EXP_INSERT[] =
    "INSERT INTO expenditures AS e (budget_line_id, spent_on, amount_cents, description)"
    " SELECT (j->>'begrotingsregelId')::uuid, (j->>'datum')::date, (j->>'bedrag')::bigint,"
    " j->>'omschrijving'" BODY
    " WHERE EXISTS (SELECT 1 FROM budget_lines b WHERE b.id = (j->>'begrotingsregelId')::uuid)"
    " RETURNING e.id, e.version, " EXP_JSON "::text";

static const char EXP_LOCK[] = "SELECT " EXP_JSON "::text, e.version FROM expenditures e"
                               " WHERE e.id = $1::uuid FOR UPDATE";

static const char EXP_UPDATE[] = "UPDATE expenditures AS e SET " PICK(
    "spent_on", "datum", "::date") ","
                                   " " PICK("amount_cents", "bedrag", "::bigint") ", " PICK(
                                       "description", "omschrijving",
                                       "") ","
                                           " version = e.version + 1, updated_at = now()" BODY2
                                           " WHERE e.id = $1::uuid RETURNING e.version, " EXP_JSON
                                           "::text";

static const char EXP_DELETE[] = "DELETE FROM expenditures WHERE id = $1::uuid";

/* ---- funding sources ---- */

#define SOURCE_JSON                                                                                \
    "json_build_object('id', f.id, 'naam', f.name, 'soort', f.type, 'verstrekker',"                \
    " f.provider_org, 'voorwaarden', f.conditions, 'periodeVan', f.period_start,"                  \
    " 'periodeTot', f.period_end, 'beschikbaarBedrag', f.available_cents,"                         \
    " 'toegezegd', (SELECT coalesce(sum(c.value_cents), 0) FROM contributions c"                   \
    " WHERE c.funding_source_id = f.id AND c.status = 'toegezegd'), 'demo', f.demo,"               \
    " 'aangemaakt', " TS("f.created_at") ", 'gewijzigd', " TS("f.updated_at") ")"

/* $1 soort, $2 after, $3 limit */
static const char SOURCE_LIST[] =
    "WITH page AS (SELECT f.id AS k, " SOURCE_JSON " AS obj, row_number() OVER (ORDER BY f.id)"
    " AS n FROM funding_sources f WHERE f.id > coalesce($2::uuid, " ZERO_UUID ")"
    " AND ($1::text IS NULL OR f.type = $1) ORDER BY f.id LIMIT $3::int + 1)" PAGE_RESULT(
        "$3::int");

static const char SOURCE_GET[] =
    "SELECT " SOURCE_JSON "::text, f.version FROM funding_sources f WHERE f.id = $1::uuid";

static const char SOURCE_INSERT[] =
    "INSERT INTO funding_sources AS f (name, type, provider_org, conditions, period_start,"
    " period_end, available_cents) SELECT j->>'naam', j->>'soort', j->>'verstrekker',"
    " j->>'voorwaarden', (j->>'periodeVan')::date, (j->>'periodeTot')::date,"
    " (j->>'beschikbaarBedrag')::bigint" BODY " RETURNING f.id, f.version, " SOURCE_JSON "::text";

/* json, version, has contributions */
static const char SOURCE_LOCK[] =
    "SELECT " SOURCE_JSON "::text, f.version,"
    " EXISTS (SELECT 1 FROM contributions c WHERE c.funding_source_id = f.id),"
    " f.period_start, f.period_end FROM funding_sources f WHERE f.id = $1::uuid FOR UPDATE";

static const char SOURCE_UPDATE[] =
    "UPDATE funding_sources AS f SET " PICK("name", "naam", "") ", " PICK(
        "type", "soort",
        "") ","
            " " PICK("provider_org", "verstrekker", "") ", " PICK(
                "conditions", "voorwaarden",
                "") ","
                    " " PICK("period_start", "periodeVan", "::date") ", " PICK(
                        "period_end", "periodeTot",
                        "::date") ", " PICK("available_cents", "beschikbaarBedrag",
                                            "::bigint") ","
                                                        " version = f.version + 1, updated_at = "
                                                        "now()" BODY2
                                                        " WHERE f.id = $1::uuid RETURNING "
                                                        "f.version, " SOURCE_JSON "::text";

static const char SOURCE_DELETE[] = "DELETE FROM funding_sources WHERE id = $1::uuid";

/* ---- contributions ---- */

#define CTB_JSON                                                                                   \
    "json_build_object('id', c.id, 'organisatie', c.organisation, 'gemeente', c.municipality,"     \
    " 'scope', c.scope_type, 'actielijn', c.action_line, 'projectId', c.project_id,"               \
    " 'jaar', c.year, 'soort', c.kind, 'bedrag', c.amount_cents, 'uren', c.hours,"                 \
    " 'uurtarief', c.hourly_rate_cents, 'waarde', c.value_cents,"                                  \
    " 'financieringsbronId', c.funding_source_id, 'status', c.status, 'datum', c.contributed_on,"  \
    " 'toelichting', c.note, 'demo', c.demo, 'aangemaakt', " TS(                                   \
        "c.created_at") ","                                                                        \
                        " 'gewijzigd', " TS("c.updated_at") ")"

/* References that must exist: the municipality and the funding source. */
#define CTB_REFS_OK                                                                                \
    " (j->>'gemeente' IS NULL OR EXISTS (SELECT 1 FROM municipalities m"                           \
    " WHERE m.code = j->>'gemeente')) AND (j->>'financieringsbronId' IS NULL OR EXISTS"            \
    " (SELECT 1 FROM funding_sources s WHERE s.id = (j->>'financieringsbronId')::uuid))"

/* $1 jaar, $2 gemeente, $3 organisatie, $4 status, $5 soort, $6 scope, $7 actielijn,
 * $8 projectId, $9 financieringsbronId, $10 after, $11 limit */
static const char CTB_LIST[] = "WITH page AS (SELECT " KEY_INT_ID(
    "c.year",
    "c.id") " AS k, " CTB_JSON " AS obj,"
            " row_number() OVER (ORDER BY c.year, c.id) AS n FROM contributions c"
            " WHERE " AFTER_INT_ID(
                "c.year", "c.id",
                "$10") " AND ($1::int IS NULL OR c.year = $1::int) AND ($2::text IS NULL OR "
                       "c.municipality = $2)"
                       " AND ($3::text IS NULL OR c.organisation = $3) AND ($4::text IS NULL OR "
                       "c.status = $4)"
                       " AND ($5::text IS NULL OR c.kind = $5)" SCOPE_FILTER(
                           "c", "$6", "$7",
                           "$8") " AND ($9::uuid IS NULL OR c.funding_source_id = $9::uuid)"
                                 " ORDER BY c.year, c.id LIMIT $11::int + 1)" PAGE_RESULT(
                                     "$11::int");

/* json, version, municipality */
static const char CTB_GET[] = "SELECT " CTB_JSON "::text, c.version, c.municipality"
                              " FROM contributions c WHERE c.id = $1::uuid";

static const char CTB_INSERT[] =
    "INSERT INTO contributions AS c (organisation, municipality, scope_type, action_line,"
    " project_id, year, kind, amount_cents, hours, hourly_rate_cents, funding_source_id, status,"
    " contributed_on, note) SELECT j->>'organisatie', j->>'gemeente', j->>'scope',"
    " (j->>'actielijn')::int, (j->>'projectId')::uuid, (j->>'jaar')::int, j->>'soort',"
    " (j->>'bedrag')::bigint, (j->>'uren')::bigint, (j->>'uurtarief')::bigint,"
    " (j->>'financieringsbronId')::uuid, j->>'status', (j->>'datum')::date, j->>'toelichting'" BODY
    " WHERE" CTB_REFS_OK " RETURNING c.id, c.version, " CTB_JSON "::text";

/* json, version, municipality, organisation, kind */
static const char CTB_LOCK[] = "SELECT " CTB_JSON "::text, c.version, c.municipality,"
                               " c.organisation, c.kind FROM contributions c"
                               " WHERE c.id = $1::uuid FOR UPDATE";

/* Kind, amount, hours and rate change together (the handler requires "soort" with them). */
static const char CTB_UPDATE[] = "UPDATE contributions AS c SET " PICK(
    "organisation", "organisatie",
    "") ","
        " " PICK("municipality", "gemeente", "") ", " PICK_SCOPE ", " PICK(
            "year", "jaar",
            "::int") ","
                     " kind = CASE WHEN j ? 'soort' THEN j->>'soort' ELSE kind END,"
                     " amount_cents = CASE WHEN j ? 'soort' THEN (j->>'bedrag')::bigint ELSE "
                     "amount_cents END,"
                     " hours = CASE WHEN j ? 'soort' THEN (j->>'uren')::bigint ELSE hours END,"
                     " hourly_rate_cents = CASE WHEN j ? 'soort' THEN (j->>'uurtarief')::bigint"
                     " ELSE hourly_rate_cents END,"
                     " " PICK("funding_source_id", "financieringsbronId", "::uuid") ", " PICK(
                         "status", "status",
                         "") ", " PICK("contributed_on", "datum",
                                       "::date") ", " PICK("note", "toelichting",
                                                           "") ","
                                                               " version = c.version + 1, "
                                                               "updated_at = now()" BODY2
                                                               " WHERE c.id = $1::uuid RETURNING "
                                                               "c.version, " CTB_JSON "::text";

/* No row when a reference is unknown (checked before the update). */
static const char CTB_REFS[] = "SELECT 1" BODY_ONLY " WHERE" CTB_REFS_OK;

static const char CTB_DELETE[] = "DELETE FROM contributions WHERE id = $1::uuid";

/* Warnings after a write: realised more than pledged for the same contributor, destination,
 * year and kind (money in cents, staff in hours). */
static const char CTB_WARN[] =
    "SELECT coalesce(json_agg(json_build_object('code', 'gerealiseerd-boven-toegezegd',"
    " 'melding', 'Er is meer gerealiseerd dan toegezegd voor deze bijdrager, bestemming, dit"
    " jaar en deze soort.', 'toegezegd', t.p, 'gerealiseerd', t.r, 'eenheid', t.unit)), '[]')::text"
    " FROM (SELECT CASE WHEN c.kind = 'geld' THEN 'cent' ELSE 'uur' END AS unit,"
    " coalesce(sum(CASE WHEN c.kind = 'geld' THEN x.amount_cents ELSE x.hours END)"
    " FILTER (WHERE x.status = 'toegezegd'), 0) AS p,"
    " coalesce(sum(CASE WHEN c.kind = 'geld' THEN x.amount_cents ELSE x.hours END)"
    " FILTER (WHERE x.status = 'gerealiseerd'), 0) AS r"
    " FROM contributions c JOIN contributions x ON x.year = c.year AND x.kind = c.kind"
    " AND x.scope_type = c.scope_type AND x.action_line IS NOT DISTINCT FROM c.action_line"
    " AND x.project_id IS NOT DISTINCT FROM c.project_id"
    " AND x.municipality IS NOT DISTINCT FROM c.municipality"
    " AND x.organisation IS NOT DISTINCT FROM c.organisation"
    " WHERE c.id = $1::uuid GROUP BY c.kind) t WHERE t.r > t.p";

/* $1 jaar, $2 gemeente */
static const char CTB_EXPORT[] =
    "SELECT c.id, c.year, c.municipality, m.name, c.organisation, c.scope_type, c.action_line,"
    " c.project_id, c.kind, c.amount_cents, c.hours, c.hourly_rate_cents, c.value_cents,"
    " f.name, c.status, c.contributed_on, c.note, c.demo FROM contributions c"
    " LEFT JOIN municipalities m ON m.code = c.municipality"
    " LEFT JOIN funding_sources f ON f.id = c.funding_source_id"
    " WHERE ($1::int IS NULL OR c.year = $1::int) AND ($2::text IS NULL OR c.municipality = $2)"
    " ORDER BY c.year, c.municipality NULLS LAST, c.organisation, c.id";

/* ---- allocation keys ---- */

#define KEY_JSON                                                                                   \
    "json_build_object('id', k.id, 'code', k.code, 'naam', k.name, 'grondslag', k.basis,"          \
    " 'omschrijving', k.description, 'jaren', (SELECT coalesce(json_agg(DISTINCT w.year ORDER BY " \
    "w.year), '[]')"                                                                               \
    " FROM allocation_weights w WHERE w.key_id = k.id), 'demo', k.demo,"                           \
    " 'aangemaakt', " TS("k.created_at") ", 'gewijzigd', " TS("k.updated_at") ")"

/* $1 after (name), $2 limit */
static const char KEY_LIST[] =
    "WITH page AS (SELECT k.name AS k, " KEY_JSON " AS obj, row_number() OVER (ORDER BY k.name)"
    " AS n FROM allocation_keys k WHERE k.name > coalesce($1::text, '')"
    " ORDER BY k.name LIMIT $2::int + 1)" PAGE_RESULT("$2::int");

static const char KEY_GET[] =
    "SELECT " KEY_JSON "::text, k.version FROM allocation_keys k WHERE k.id = $1::uuid";

static const char KEY_INSERT[] =
    "INSERT INTO allocation_keys AS k (code, name, basis, description)"
    " SELECT j->>'code', j->>'naam', j->>'grondslag', j->>'omschrijving'" BODY
    " RETURNING k.id, k.version, " KEY_JSON "::text";

static const char KEY_LOCK[] = "SELECT " KEY_JSON "::text, k.version, k.basis"
                               " FROM allocation_keys k WHERE k.id = $1::uuid FOR UPDATE";

static const char KEY_UPDATE[] =
    "UPDATE allocation_keys AS k SET " PICK("code", "code", "") ", " PICK(
        "name", "naam", "") ","
                            " " PICK("basis", "grondslag", "") ", " PICK(
                                "description", "omschrijving",
                                "") ","
                                    " version = k.version + 1, updated_at = now()" BODY2
                                    " WHERE k.id = $1::uuid RETURNING k.version, " KEY_JSON
                                    "::text";

static const char KEY_DELETE[] = "DELETE FROM allocation_keys WHERE id = $1::uuid";

/* $1 key, $2 year: version, basis, the weights of that year (equal shares: 1 each). */
static const char WEIGHTS_GET[] =
    "SELECT k.version, k.basis, json_build_object('verdeelsleutelId', k.id, 'jaar', $2::int,"
    " 'gewichten', coalesce(json_agg(json_build_object('gemeente', m.code, 'naam', m.name,"
    " 'gewicht', CASE WHEN k.basis = 'gelijk' THEN 1 ELSE w.weight END) ORDER BY m.code)"
    " FILTER (WHERE k.basis = 'gelijk' OR w.weight IS NOT NULL), '[]'),"
    " 'totaalGewicht', coalesce(sum(CASE WHEN k.basis = 'gelijk' THEN 1 ELSE w.weight END), "
    "0))::text"
    " FROM allocation_keys k CROSS JOIN municipalities m LEFT JOIN allocation_weights w"
    " ON w.key_id = k.id AND w.year = $2::int AND w.municipality = m.code"
    " WHERE k.id = $1::uuid GROUP BY k.id";

static const char WEIGHTS_CLEAR[] =
    "DELETE FROM allocation_weights WHERE key_id = $1::uuid AND year = $2::int";

/* $1 key, $2 year, $3 [{"gemeente","gewicht"}]: the number of known municipalities stored. */
static const char WEIGHTS_PUT[] =
    "WITH ins AS (INSERT INTO allocation_weights (key_id, year, municipality, weight)"
    " SELECT $1::uuid, $2::int, e->>'gemeente', (e->>'gewicht')::bigint"
    " FROM json_array_elements($3::json) e JOIN municipalities m ON m.code = e->>'gemeente'"
    " RETURNING 1) SELECT count(*) FROM ins";

static const char KEY_TOUCH[] =
    "UPDATE allocation_keys SET version = version + 1, updated_at = now() WHERE id = $1::uuid"
    " RETURNING version";

/* ---- allocation, statement, coverage ---- */

/* The allocation rows: one per municipality (CBS order); the weights of the latest year up to the
 * requested one (else the earliest there is); equal shares weigh 1 each. See the ALLOC_* columns.
 * Kept lean (one key condition, no optional branches) so that PostgreSQL settles on one generic
 * plan instead of planning every call: the amount of a budget line or of the structural budget
 * comes from a query before. */
#define ALLOCATION_SQL(key)                                                                        \
    "SELECT k.id, k.code, k.name, k.basis, $2::int,"                                               \
    " CASE WHEN k.basis = 'gelijk' THEN $2::int ELSE wy.year END, $3::bigint, true, m.code,"       \
    " m.name, CASE WHEN k.basis = 'gelijk' THEN 1 ELSE coalesce(w.weight, 0) END"                  \
    " FROM allocation_keys k LEFT JOIN LATERAL (SELECT x.year FROM allocation_weights x"           \
    " WHERE x.key_id = k.id ORDER BY x.year > $2::int, abs(x.year - $2::int) LIMIT 1) wy ON true"  \
    " CROSS JOIN municipalities m LEFT JOIN allocation_weights w ON w.key_id = k.id"               \
    " AND w.year = wy.year AND w.municipality = m.code WHERE " key " ORDER BY m.code"

/* $1 key id, $2 year, $3 amount. */
static const char ALLOCATION_BY_ID[] = ALLOCATION_SQL("k.id = $1::uuid");
/* $1 key code, $2 year, $3 amount. */
static const char ALLOCATION_BY_CODE[] =
    ALLOCATION_SQL("k.id = (SELECT c.id FROM allocation_keys c WHERE c.code = $1::text)");

/* $1 budget line: its year and amount. */
static const char LINE_AMOUNT[] =
    "SELECT year::text, amount_cents::text FROM budget_lines WHERE id = $1::uuid";

/* $1 year: the structural budget of the year. */
static const char STRUCTURAL_TOTAL[] =
    "SELECT coalesce(sum(amount_cents), 0)::text FROM budget_lines"
    " WHERE year = $1::int AND nature = 'structureel'";

static const char MUNICIPALITIES[] =
    "SELECT coalesce(json_agg(json_build_object('code', m.code, 'naam', m.name, 'inwoners',"
    " m.inhabitants, 'peildatum', m.reference_date, 'toelichting', m.note) ORDER BY m.code),"
    " '[]')::text FROM municipalities m";

#define CTB_TOTALS(year)                                                                           \
    "(SELECT json_build_object('toegezegd', coalesce(sum(c.value_cents)"                           \
    " FILTER (WHERE c.status = 'toegezegd'), 0), 'gerealiseerd', coalesce(sum(c.value_cents)"      \
    " FILTER (WHERE c.status = 'gerealiseerd'), 0), 'urenToegezegd', coalesce(sum(c.hours)"        \
    " FILTER (WHERE c.status = 'toegezegd'), 0), 'urenGerealiseerd', coalesce(sum(c.hours)"        \
    " FILTER (WHERE c.status = 'gerealiseerd'), 0)) FROM contributions c"                          \
    " WHERE c.municipality = m.code AND c.year = " year ")::text"

/* $1 municipality, $2 year: name, contributions of the year, totals of the year and the one
 * before. No row for an unknown municipality. */
static const char STATEMENT[] =
    "SELECT m.name, (SELECT coalesce(json_agg(" CTB_JSON " ORDER BY c.scope_type, c.action_line,"
    " c.contributed_on, c.id), '[]') FROM contributions c WHERE c.municipality = m.code"
    " AND c.year = $2::int)::text, " CTB_TOTALS("$2::int") ", " CTB_TOTALS(
        "$2::int - 1") " FROM municipalities m WHERE m.code = $1";

#define COV_SCOPE_FILTER(a) SCOPE_FILTER(a, "$3", "$4", "$5")
#define COV_MONEY(s, i, p, r, ph, rh, e)                                                           \
    "json_build_object('begroot', json_build_object('structureel', " s ", 'incidenteel', " i ","   \
    " 'totaal', " s " + " i "), 'toegezegd', " p ", 'gerealiseerd', " r ", 'urenToegezegd', " ph   \
    ", 'urenGerealiseerd', " rh ", 'uitgegeven', " e ", 'tekort', " s " + " i " - " p ")"

#define COV_TOTAL                                                                                  \
    COV_MONEY("coalesce(sum(a.s), 0)", "coalesce(sum(a.i), 0)", "coalesce(sum(a.p), 0)",           \
              "coalesce(sum(a.r), 0)", "coalesce(sum(a.ph), 0)", "coalesce(sum(a.rh), 0)",         \
              "coalesce(sum(a.e), 0)")
#define COV_SCOPE COV_MONEY("a.s", "a.i", "a.p", "a.r", "a.ph", "a.rh", "a.e")
#define SCOPE_ORDER                                                                                \
    "array_position(ARRAY['programma', 'actielijn', 'project'], a.scope_type), a.action_line,"     \
    " a.project_id"

/* $1 vanJaar, $2 totJaar, $3 scope, $4 actielijn, $5 projectId: per year and scope, the budget
 * (structural, incidental), pledged and realised coverage, spending and the gap, from the totals
 * the triggers of migration 0002 keep. */
#define COV_NOT_ZERO                                                                               \
    " AND (t.structural, t.incidental, t.pledged, t.realised, t.pledged_hours, t.realised_hours,"  \
    " t.spent) <> (0, 0, 0, 0, 0, 0, 0)"
#define COV_ROWS                                                                                   \
    "SELECT t.year, t.scope_type, t.action_line, t.project_id, t.structural AS s,"                 \
    " t.incidental AS i, t.pledged AS p, t.realised AS r, t.pledged_hours AS ph,"                  \
    " t.realised_hours AS rh, t.spent AS e FROM coverage_totals t"                                 \
    " WHERE t.year BETWEEN $1::int AND $2::int" COV_SCOPE_FILTER("t") COV_NOT_ZERO

static const char COVERAGE[] =
    "WITH agg AS (" COV_ROWS "),"
    " per_year AS (SELECT y.year, json_build_object('jaar', y.year, 'totaal', " COV_TOTAL
    ", 'scopes', coalesce(json_agg(json_build_object('scope', a.scope_type, 'actielijn',"
    " a.action_line, 'projectId', a.project_id, 'bedragen', " COV_SCOPE ") ORDER BY " SCOPE_ORDER
    ") FILTER (WHERE a.year IS NOT NULL), '[]')) AS obj"
    " FROM generate_series($1::int, $2::int) AS y(year) LEFT JOIN agg a ON a.year = y.year"
    " GROUP BY y.year)"
    " SELECT json_build_object('vanJaar', $1::int, 'totJaar', $2::int,"
    " 'jaren', json_agg(obj ORDER BY year))::text FROM per_year";

/* $1 name: the data generation of a response cache (migration 0003). */
static const char GENERATION[] = "SELECT generation FROM cache_generations WHERE name = $1::text";

const svc_statement ctb_statements[] = {
    {SQL_BUDGET_LIST, BUDGET_LIST},
    {SQL_BUDGET_GET, BUDGET_GET},
    {SQL_BUDGET_INSERT, BUDGET_INSERT},
    {SQL_BUDGET_LOCK, BUDGET_LOCK},
    {SQL_BUDGET_UPDATE, BUDGET_UPDATE},
    {SQL_BUDGET_DELETE, BUDGET_DELETE},
    {SQL_REVISION_LIST, REVISION_LIST},
    {SQL_REVISION_GET, REVISION_GET},
    {SQL_BUDGET_EXPORT, BUDGET_EXPORT},
    {SQL_EXP_LIST, EXP_LIST},
    {SQL_EXP_GET, EXP_GET},
    {SQL_EXP_INSERT, EXP_INSERT},
    {SQL_EXP_LOCK, EXP_LOCK},
    {SQL_EXP_UPDATE, EXP_UPDATE},
    {SQL_EXP_DELETE, EXP_DELETE},
    {SQL_SOURCE_LIST, SOURCE_LIST},
    {SQL_SOURCE_GET, SOURCE_GET},
    {SQL_SOURCE_INSERT, SOURCE_INSERT},
    {SQL_SOURCE_LOCK, SOURCE_LOCK},
    {SQL_SOURCE_UPDATE, SOURCE_UPDATE},
    {SQL_SOURCE_DELETE, SOURCE_DELETE},
    {SQL_CTB_LIST, CTB_LIST},
    {SQL_CTB_GET, CTB_GET},
    {SQL_CTB_INSERT, CTB_INSERT},
    {SQL_CTB_LOCK, CTB_LOCK},
    {SQL_CTB_UPDATE, CTB_UPDATE},
    {SQL_CTB_REFS, CTB_REFS},
    {SQL_CTB_DELETE, CTB_DELETE},
    {SQL_CTB_WARN, CTB_WARN},
    {SQL_CTB_EXPORT, CTB_EXPORT},
    {SQL_KEY_LIST, KEY_LIST},
    {SQL_KEY_GET, KEY_GET},
    {SQL_KEY_INSERT, KEY_INSERT},
    {SQL_KEY_LOCK, KEY_LOCK},
    {SQL_KEY_UPDATE, KEY_UPDATE},
    {SQL_KEY_DELETE, KEY_DELETE},
    {SQL_WEIGHTS_GET, WEIGHTS_GET},
    {SQL_WEIGHTS_CLEAR, WEIGHTS_CLEAR},
    {SQL_WEIGHTS_PUT, WEIGHTS_PUT},
    {SQL_KEY_TOUCH, KEY_TOUCH},
    {SQL_ALLOCATION_BY_ID, ALLOCATION_BY_ID},
    {SQL_ALLOCATION_BY_CODE, ALLOCATION_BY_CODE},
    {SQL_LINE_AMOUNT, LINE_AMOUNT},
    {SQL_STRUCTURAL_TOTAL, STRUCTURAL_TOTAL},
    {SQL_MUNICIPALITIES, MUNICIPALITIES},
    {SQL_STATEMENT, STATEMENT},
    {SQL_COVERAGE, COVERAGE},
    {SQL_GENERATION, GENERATION},
    {NULL, NULL},
};

const char *ctb_sql_text(const char *name) {
    for (const svc_statement *s = ctb_statements; s->name != NULL; s++)
        if (strcmp(s->name, name) == 0)
            return s->sql;
    return NULL;
}
