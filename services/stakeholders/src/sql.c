/* Every SQL statement of the stakeholders service, prepared per connection by the pool. All
 * values are bound parameters. Writes take the validated request body as one jsonb parameter
 * ("b") and PostgreSQL picks the fields; PATCH keeps a column unless the body has its key.
 * PostgreSQL builds every JSON representation, handlers pass the text through.
 *
 * Conventions of the generic handlers (resource.c): INSERT $1 body -> id, version; GET/LOCK $1 id
 * -> representation, version; UPDATE $1 id, $2 body -> id, version; DELETE $1 id -> id. */
#include "sql.h"

#include "svc/db.h"

#include <stddef.h>

#define TS(col)            SVC_SQL_TS(col)
#define PAGE_RESULT(limit) SVC_SQL_PAGE_RESULT(limit)
#define BODY               " FROM (SELECT $2::jsonb AS b) AS x"
/* A column kept unless the PATCH body names its key. */
#define KEEP(key, col) "CASE WHEN b ? '" key "' THEN b->>'" key "' ELSE " col " END"
#define KEEP_T(key, col, type)                                                                     \
    "CASE WHEN b ? '" key "' THEN (b->>'" key "')::" type " ELSE " col " END"
#define INT_ARRAY(expr)                                                                            \
    "coalesce(ARRAY(SELECT e::int FROM jsonb_array_elements_text(" expr ") AS a(e)), '{}')"

/* The statements are laid out by hand (clang-format would cut the SQL text mid-word). */
/* clang-format off */

/* ---- organisations ---- */

#define ORG_JSON                                                                                   \
    "json_build_object('id', o.id, 'code', o.code, 'naam', o.name, 'type', o.type,"                \
    " 'sector', o.sector, 'website', o.website, 'cbsCode', o.cbs_code,"                            \
    " 'inwoners', o.inhabitants, 'gewijzigdOp', " TS("o.updated_at") ")"

/* $1 type, $2 search text, $3 CBS code, $4 last key, $5 limit */
static const char ORG_LIST[] =
    "WITH page AS (SELECT o.sort_key AS k, "
    ORG_JSON
    " AS obj, row_number() OVER (ORDER BY o.sort_key) AS n FROM organisations o WHERE"
    " o.sort_key > coalesce($4::text, '') AND ($1::text IS NULL OR o.type = $1) AND"
    " ($3::text IS NULL OR o.cbs_code = $3) AND ($2::text IS NULL OR strpos(fold(o.name),"
    " fold($2)) > 0      OR strpos(fold(coalesce(o.sector, '')), fold($2)) > 0) ORDER BY"
    " o.sort_key LIMIT $5::int + 1)"
    PAGE_RESULT("$5::int");

static const char ORG_GET[] =
    "SELECT "
    ORG_JSON
    "::text, o.version FROM organisations o WHERE o.id = $1::uuid";
static const char ORG_LOCK[] =
    "SELECT "
    ORG_JSON
    "::text, o.version FROM organisations o WHERE o.id = $1::uuid FOR UPDATE";
static const char ORG_INSERT[] =
    "INSERT INTO organisations AS o (code, name, type, sector, website, cbs_code,"
    " inhabitants) SELECT b->>'code', b->>'naam', b->>'type', b->>'sector', b->>'website',"
    " b->>'cbsCode', (b->>'inwoners')::int FROM (SELECT $1::jsonb AS b) AS x RETURNING"
    " o.id, o.version";
static const char ORG_UPDATE[] =
    "UPDATE organisations AS o SET code = "
    KEEP("code", "o.code")
    ", name = "
    KEEP("naam", "o.name")
    ", type = "
    KEEP("type", "o.type")
    ", sector = "
    KEEP("sector", "o.sector")
    ", website = "
    KEEP("website", "o.website")
    ", cbs_code = "
    KEEP("cbsCode", "o.cbs_code")
    ", inhabitants = "
    KEEP_T("inwoners", "o.inhabitants", "int")
    ", version = o.version + 1, updated_at = now()"
    BODY
    " WHERE o.id = $1::uuid RETURNING o.id, o.version";
/* What still refers to an organisation: people, seats, involvements. */
static const char ORG_DEPS[] =
    "SELECT (SELECT count(*) FROM people WHERE organisation_id = $1::uuid), (SELECT"
    " count(*) FROM seat_organisations WHERE organisation_id = $1::uuid), (SELECT count(*)"
    " FROM involvements WHERE organisation_id = $1::uuid)";
static const char ORG_DELETE[] =
    "DELETE FROM organisations WHERE id = $1::uuid RETURNING id";

/* ---- people ---- */

#define PERSON_JSON                                                                                \
    "json_build_object('id', p.id, 'naam', p.name, 'organisatieId', p.organisation_id,"            \
    " 'organisatieNaam', (SELECT po.name FROM organisations po WHERE po.id = p.organisation_id),"  \
    " 'functie', p.function, 'email', p.email, 'telefoon', p.phone)"

/* $1 organisation, $2 search text, $3 last key, $4 limit */
static const char PERSON_LIST[] =
    "WITH page AS (SELECT p.sort_key AS k, "
    PERSON_JSON
    " AS obj, row_number() OVER (ORDER BY p.sort_key) AS n FROM people p WHERE p.sort_key >"
    " coalesce($3::text, '') AND ($1::uuid IS NULL OR p.organisation_id = $1::uuid) AND"
    " ($2::text IS NULL OR strpos(fold(p.name), fold($2)) > 0) ORDER BY p.sort_key LIMIT"
    " $4::int + 1)"
    PAGE_RESULT("$4::int");
static const char PERSON_GET[] =
    "SELECT "
    PERSON_JSON
    "::text, p.version FROM people p WHERE p.id = $1::uuid";
static const char PERSON_LOCK[] =
    "SELECT "
    PERSON_JSON
    "::text, p.version FROM people p WHERE p.id = $1::uuid FOR UPDATE";
static const char PERSON_INSERT[] =
    "INSERT INTO people AS p (name, organisation_id, function, email, phone) SELECT"
    " b->>'naam', (b->>'organisatieId')::uuid, b->>'functie', b->>'email', b->>'telefoon'"
    " FROM (SELECT $1::jsonb AS b) AS x RETURNING p.id, p.version";
static const char PERSON_UPDATE[] =
    "UPDATE people AS p SET name = "
    KEEP("naam", "p.name")
    ", organisation_id = "
    KEEP_T("organisatieId", "p.organisation_id", "uuid")
    ", function = "
    KEEP("functie", "p.function")
    ", email = "
    KEEP("email", "p.email")
    ", phone = "
    KEEP("telefoon", "p.phone")
    ", version = p.version + 1, updated_at = now()"
    BODY
    " WHERE p.id = $1::uuid RETURNING p.id, p.version";

/* ---- seats (before people's export, which embeds them) ---- */

#define SEAT_VACANT                                                                                \
    "(NOT EXISTS (SELECT 1 FROM seat_holders h WHERE h.seat_id = s.id)"                            \
    " OR coalesce(s.end_date < current_date, false))"
#define SEAT_JSON                                                                                  \
    "json_build_object('id', s.id, 'code', s.code, 'gremiumId', s.body_id,"                        \
    " 'gremiumNaam', (SELECT sb.name FROM bodies sb WHERE sb.id = s.body_id),"                     \
    " 'volgorde', s.position, 'rol', s.role, 'achterban', s.constituency,"                         \
    " 'startdatum', s.start_date, 'einddatum', s.end_date, 'toelichting', s.note,"                 \
    " 'personen', coalesce((SELECT json_agg(json_build_object('id', hp.id, 'naam', hp.name)"       \
    "   ORDER BY h.slot) FROM seat_holders h JOIN people hp ON hp.id = h.person_id"                \
    "   WHERE h.seat_id = s.id), '[]'),"                                                           \
    " 'organisaties', coalesce((SELECT json_agg(json_build_object('id', so.id, 'naam', so.name)"   \
    "   ORDER BY r.slot) FROM seat_organisations r JOIN organisations so"                          \
    "   ON so.id = r.organisation_id WHERE r.seat_id = s.id), '[]'),"                              \
    " 'gedeeld', (SELECT count(*) FROM seat_holders h WHERE h.seat_id = s.id) = 2,"                \
    " 'vacature', " SEAT_VACANT ")"

/* ---- people: export (everything held about one person) ---- */

static const char PERSON_EXPORT[] =
    "SELECT json_build_object('exportdatum', "
    TS("now()")
    ", 'persoon', json_build_object('id', p.id, 'naam', p.name, 'organisatieId',"
    " p.organisation_id,   'organisatieNaam', (SELECT po.name FROM organisations po WHERE"
    " po.id = p.organisation_id),   'functie', p.function, 'email', p.email, 'telefoon',"
    " p.phone,   'aangemaaktOp', "
    TS("p.created_at")
    ", 'gewijzigdOp', "
    TS("p.updated_at")
    "), 'zetels', coalesce((SELECT json_agg("
    SEAT_JSON
    " ORDER BY s.sort_key) FROM seats s   WHERE s.id IN (SELECT seat_id FROM seat_holders"
    " WHERE person_id = p.id)), '[]'), 'betrokkenheden', coalesce((SELECT"
    " json_agg(json_build_object('id', i.id,   'doelType', i.target_type, 'doelId',"
    " i.target_id, 'rol', i.role, 'toelichting', i.note)   ORDER BY i.id) FROM involvements"
    " i WHERE i.person_id = p.id), '[]'), 'inbreng', coalesce((SELECT"
    " json_agg(json_build_object('raadplegingId', ri.round_id,   'sessiedatum',"
    " rr.session_date, 'tekst', ri.text, 'ontvangenOp', ri.received_on)   ORDER BY"
    " rr.session_date) FROM round_inputs ri JOIN rounds rr ON rr.id = ri.round_id   WHERE"
    " ri.person_id = p.id), '[]'), 'audit', coalesce((SELECT"
    " json_agg(json_build_object('id', a.id, 'tijdstip', "
    TS("a.at")
    ",   'actie', a.action, 'objectType', a.object_type, 'objectId', a.object_id,   'voor',"
    " a.before, 'na', a.after) ORDER BY a.id) FROM audit_log a   WHERE a.object_id ="
    " p.id::text OR strpos(a.before::text, p.id::text) > 0   OR strpos(a.after::text,"
    " p.id::text) > 0), '[]'))::text FROM people p WHERE p.id = $1::uuid";

/* ---- erasure ---- */

/* The person's identifying values: what is scrubbed from the audit trail. */
static const char ERASE_LOCK[] =
    "SELECT array_remove(ARRAY[p.id::text, p.name, p.email, p.phone], NULL)::text, (SELECT"
    " count(*) FROM seat_holders WHERE person_id = p.id) FROM people p WHERE p.id ="
    " $1::uuid FOR UPDATE";
static const char ERASE_SEATS[] =
    "UPDATE seats SET version = version + 1, updated_at = now() WHERE id IN (SELECT seat_id"
    " FROM seat_holders WHERE person_id = $1::uuid) RETURNING id";
static const char ERASE_HOLDERS[] =
    "DELETE FROM seat_holders WHERE person_id = $1::uuid";
static const char ERASE_INVOLVED[] =
    "DELETE FROM involvements WHERE person_id = $1::uuid";
static const char ERASE_INPUTS[] =
    "DELETE FROM round_inputs WHERE person_id = $1::uuid";
static const char ERASE_TOMBSTONE[] =
    "INSERT INTO erased_seed_keys (key_hash) SELECT encode(sha256(convert_to(code,"
    " 'UTF8')), 'hex') FROM people WHERE id = $1::uuid AND code IS NOT NULL ON CONFLICT DO"
    " NOTHING";
static const char ERASE_PERSON[] =
    "DELETE FROM people WHERE id = $1::uuid";
/* $1 person id, $2 the identifying values (text[]): rows about the person lose their object id
 * and contents, input rows mentioning them lose their contents, any other row has the values
 * replaced. */
static const char ERASE_SCRUB[] =
    "UPDATE audit_log a SET object_id = CASE WHEN a.object_id = $1 THEN NULL ELSE"
    " a.object_id END, before = CASE WHEN a.object_id = $1 OR a.object_type = 'inbreng'"
    " THEN NULL   ELSE scrub_json(a.before, $2::text[]) END, after = CASE WHEN a.object_id"
    " = $1 OR a.object_type = 'inbreng' THEN NULL   ELSE scrub_json(a.after, $2::text[])"
    " END WHERE a.object_id = $1 OR EXISTS (SELECT 1 FROM unnest($2::text[]) AS v(t)  "
    " WHERE strpos(a.before::text, v.t) > 0 OR strpos(a.after::text, v.t) > 0)";

/* ---- bodies ---- */

#define BODY_JSON                                                                                  \
    "json_build_object('id', g.id, 'code', g.code, 'naam', g.name, 'soort', g.kind,"               \
    " 'vergaderfrequentieWeken', g.cadence_weeks, 'actielijnen', to_json(g.action_lines),"         \
    " 'programmaId', g.programme_id, 'omschrijving', g.description,"                               \
    " 'voorzitters', coalesce((SELECT json_agg(json_build_object('id', cp.id, 'naam', cp.name)"    \
    "   ORDER BY cs.sort_key, ch.slot) FROM seats cs JOIN seat_holders ch ON ch.seat_id = cs.id"   \
    "   JOIN people cp ON cp.id = ch.person_id WHERE cs.body_id = g.id"                            \
    "   AND cs.role = 'voorzitter'), '[]'),"                                                       \
    " 'aantalZetels', (SELECT count(*) FROM seats s WHERE s.body_id = g.id),"                      \
    " 'aantalVacatures', (SELECT count(*) FROM seats s WHERE s.body_id = g.id AND " SEAT_VACANT    \
    "))"

/* $1 kind, $2 action line, $3 search text, $4 last key, $5 limit */
static const char BODY_LIST[] =
    "WITH page AS (SELECT g.sort_key AS k, "
    BODY_JSON
    " AS obj, row_number() OVER (ORDER BY g.sort_key) AS n FROM bodies g WHERE g.sort_key >"
    " coalesce($4::text, '') AND ($1::text IS NULL OR g.kind = $1) AND ($2::int IS NULL OR"
    " g.action_lines @> ARRAY[$2::int]) AND ($3::text IS NULL OR strpos(fold(g.name),"
    " fold($3)) > 0) ORDER BY g.sort_key LIMIT $5::int + 1)"
    PAGE_RESULT("$5::int");
static const char BODY_GET[] =
    "SELECT "
    BODY_JSON
    "::text, g.version FROM bodies g WHERE g.id = $1::uuid";
static const char BODY_LOCK[] =
    "SELECT "
    BODY_JSON
    "::text, g.version FROM bodies g WHERE g.id = $1::uuid FOR UPDATE";
static const char BODY_INSERT[] =
    "INSERT INTO bodies AS g (code, name, kind, cadence_weeks, action_lines, programme_id,"
    " description) SELECT b->>'code', b->>'naam', b->>'soort',"
    " (b->>'vergaderfrequentieWeken')::int, "
    INT_ARRAY("b->'actielijnen'")
    ", b->>'programmaId', b->>'omschrijving' FROM (SELECT $1::jsonb AS b) AS x RETURNING"
    " g.id, g.version";
static const char
    BODY_UPDATE[] =
        "UPDATE bodies AS g SET code = " KEEP("code", "g.code") ", name = " KEEP("naam", "g.name") ", kind = " KEEP(
            "soort",
            "g.kind") ","
                      " cadence_weeks = " KEEP_T(
                          "vergaderfrequentieWeken", "g.cadence_weeks",
                          "int") ","
                                 " action_lines = CASE WHEN b ? 'actielijnen' THEN " INT_ARRAY(
                                     "b->'actielijnen'") " ELSE g.action_lines END,"
                                                         " programme_id = " KEEP(
                                                             "programmaId",
                                                             "g.programme_id") ", description "
                                                                               "= " KEEP(
                                                                                   "omschrijv"
                                                                                   "ing",
                                                                                   "g."
                                                                                   "descripti"
                                                                                   "on") ", "
                                                                                         "ver"
                                                                                         "sio"
                                                                                         "n "
                                                                                         "= "
                                                                                         "g."
                                                                                         "ver"
                                                                                         "sio"
                                                                                         "n "
                                                                                         "+ "
                                                                                         "1, "
                                                                                         "upd"
                                                                                         "ate"
                                                                                         "d_"
                                                                                         "at "
                                                                                         "= "
                                                                                         "now"
                                                                                         "("
                                                                                         ")" BODY
                                                                                         " WH"
                                                                                         "ERE"
                                                                                         " g."
                                                                                         "id "
                                                                                         "= "
                                                                                         "$1:"
                                                                                         ":uu"
                                                                                         "id "
                                                                                         "RET"
                                                                                         "URN"
                                                                                         "ING"
                                                                                         " g."
                                                                                         "id,"
                                                                                         " g."
                                                                                         "ver"
                                                                                         "sio"
                                                                                         "n";
static const char BODY_DELETE[] =
    "DELETE FROM bodies WHERE id = $1::uuid RETURNING id";

/* ---- seats ---- */

/* $1 body, $2 person, $3 organisation, $4 vacant only, $5 last key, $6 limit */
static const char SEAT_LIST[] =
    "WITH page AS (SELECT s.sort_key AS k, "
    SEAT_JSON
    " AS obj, row_number() OVER (ORDER BY s.sort_key) AS n FROM seats s WHERE s.sort_key >"
    " coalesce($5::text, '') AND ($1::uuid IS NULL OR s.body_id = $1::uuid) AND ($2::uuid"
    " IS NULL OR EXISTS (SELECT 1 FROM seat_holders h WHERE h.seat_id = s.id      AND"
    " h.person_id = $2::uuid)) AND ($3::uuid IS NULL OR EXISTS (SELECT 1 FROM"
    " seat_organisations r      WHERE r.seat_id = s.id AND r.organisation_id = $3::uuid))"
    " AND ($4::boolean IS NULL OR "
    SEAT_VACANT
    " = $4::boolean) ORDER BY s.sort_key LIMIT $6::int + 1)"
    PAGE_RESULT("$6::int");
static const char SEAT_GET[] =
    "SELECT "
    SEAT_JSON
    "::text, s.version FROM seats s WHERE s.id = $1::uuid";
static const char SEAT_LOCK[] =
    "SELECT "
    SEAT_JSON
    "::text, s.version FROM seats s WHERE s.id = $1::uuid FOR UPDATE";
static const char SEAT_INSERT[] =
    "INSERT INTO seats AS s (body_id, position, role, constituency, start_date, end_date,"
    " note) SELECT (b->>'gremiumId')::uuid, coalesce((b->>'volgorde')::int, 0), b->>'rol',"
    " b->>'achterban', (b->>'startdatum')::date, (b->>'einddatum')::date, b->>'toelichting'"
    " FROM (SELECT $1::jsonb AS b) AS x RETURNING s.id, s.version";
static const char SEAT_UPDATE[] =
    "UPDATE seats AS s SET body_id = "
    KEEP_T("gremiumId", "s.body_id", "uuid")
    ", position = coalesce("
    KEEP_T("volgorde", "s.position", "int")
    ", 0), role = "
    KEEP("rol", "s.role")
    ", constituency = "
    KEEP("achterban", "s.constituency")
    ", start_date = "
    KEEP_T("startdatum", "s.start_date", "date")
    ", end_date = "
    KEEP_T("einddatum", "s.end_date", "date")
    ", note = "
    KEEP("toelichting", "s.note")
    ", version = s.version + 1, updated_at = now()"
    BODY
    " WHERE s.id = $1::uuid RETURNING s.id, s.version";
static const char SEAT_DELETE[] =
    "DELETE FROM seats WHERE id = $1::uuid RETURNING id";
/* $1 seat id, $2 body: holders and organisations are replaced when the body names them. */
static const char SEAT_CLEAR_HOLD[] =
    "DELETE FROM seat_holders WHERE seat_id = $1::uuid AND $2::jsonb ? 'personen'";
static const char SEAT_SET_HOLD[] =
    "INSERT INTO seat_holders (seat_id, person_id, slot) SELECT $1::uuid, e::uuid, i FROM"
    " jsonb_array_elements_text(CASE WHEN $2::jsonb ? 'personen' THEN $2::jsonb->'personen'"
    " ELSE '[]' END) WITH ORDINALITY AS a(e, i)";
static const char SEAT_CLEAR_ORGS[] =
    "DELETE FROM seat_organisations WHERE seat_id = $1::uuid AND $2::jsonb ?"
    " 'organisatieIds'";
static const char SEAT_SET_ORGS[] =
    "INSERT INTO seat_organisations (seat_id, organisation_id, slot) SELECT $1::uuid,"
    " e::uuid, i FROM jsonb_array_elements_text(CASE WHEN $2::jsonb ? 'organisatieIds' THEN"
    " $2::jsonb->'organisatieIds' ELSE '[]' END) WITH ORDINALITY AS a(e, i)";

/* The vacancy overview: seats that are open (nobody, or the period ended) or open within $1
 * days (the holder's end date comes); $2 body or NULL. */
static const char VACANCIES[] =
    "SELECT json_build_object('peildatum', current_date, 'binnenDagen', $1::int,"
    " 'vacatures', coalesce(json_agg(json_build_object(   'status', CASE WHEN "
    SEAT_VACANT
    " THEN 'open' ELSE 'binnenkort' END,   'vrijVanaf', CASE WHEN "
    SEAT_VACANT
    " THEN NULL ELSE s.end_date + 1 END,   'zetel', "
    SEAT_JSON
    ") ORDER BY (SELECT fold(vb.name) FROM bodies vb   WHERE vb.id = s.body_id), s.body_id,"
    " s.sort_key), '[]'))::text FROM seats s WHERE ($2::uuid IS NULL OR s.body_id ="
    " $2::uuid) AND ("
    SEAT_VACANT
    " OR s.end_date <= current_date + $1::int)";

/* ---- involvements ---- */

#define INV_JSON                                                                                   \
    "json_build_object('id', i.id, 'organisatieId', i.organisation_id,"                            \
    " 'organisatieNaam', (SELECT io.name FROM organisations io WHERE io.id = i.organisation_id),"  \
    " 'persoonId', i.person_id,"                                                                   \
    " 'persoonNaam', (SELECT ip.name FROM people ip WHERE ip.id = i.person_id),"                   \
    " 'doelType', i.target_type, 'doelId', i.target_id, 'rol', i.role, 'toelichting', i.note)"

/* $1 target type, $2 target id, $3 organisation, $4 person, $5 role, $6 last key, $7 limit */
static const char INV_LIST[] =
    "WITH page AS (SELECT i.id::text AS k, "
    INV_JSON
    " AS obj, row_number() OVER (ORDER BY i.id) AS n FROM involvements i WHERE i.id >"
    " coalesce($6::uuid, '00000000-0000-0000-0000-000000000000') AND ($1::text IS NULL OR"
    " i.target_type = $1) AND ($2::text IS NULL OR i.target_id = $2) AND ($3::uuid IS NULL"
    " OR i.organisation_id = $3::uuid) AND ($4::uuid IS NULL OR i.person_id = $4::uuid) AND"
    " ($5::text IS NULL OR i.role = $5) ORDER BY i.id LIMIT $7::int + 1)"
    PAGE_RESULT("$7::int");
static const char INV_GET[] =
    "SELECT "
    INV_JSON
    "::text, i.version FROM involvements i WHERE i.id = $1::uuid";
static const char INV_LOCK[] =
    "SELECT "
    INV_JSON
    "::text, i.version FROM involvements i WHERE i.id = $1::uuid FOR UPDATE";
static const char INV_INSERT[] =
    "INSERT INTO involvements AS i (organisation_id, person_id, target_type, target_id,"
    " role, note) SELECT (b->>'organisatieId')::uuid, (b->>'persoonId')::uuid,"
    " b->>'doelType', b->>'doelId', b->>'rol', b->>'toelichting' FROM (SELECT $1::jsonb AS"
    " b) AS x RETURNING i.id, i.version";
static const char INV_UPDATE[] =
    "UPDATE involvements AS i SET role = "
    KEEP("rol", "i.role")
    ", note = "
    KEEP("toelichting", "i.note")
    ", version = i.version + 1, updated_at = now()"
    BODY
    " WHERE i.id = $1::uuid RETURNING i.id, i.version";
static const char INV_DELETE[] =
    "DELETE FROM involvements WHERE id = $1::uuid RETURNING id";

/* The network for a graph view: nodes (organisations, people, bodies, action lines, and the
 * projects and programmes referred to) and edges between them. */
static const char NETWORK[] =
    "WITH n AS ( SELECT 'organisatie:' || o.id AS id, 'organisatie' AS soort, o.name AS"
    " label,  o.type AS type FROM organisations o UNION ALL SELECT 'persoon:' || p.id,"
    " 'persoon', p.name, NULL FROM people p UNION ALL SELECT 'gremium:' || g.id, 'gremium',"
    " g.name, g.kind FROM bodies g UNION ALL SELECT 'actielijn:' || a, 'actielijn',"
    " 'Actielijn ' || a, NULL  FROM generate_series(1, 5) AS a UNION ALL SELECT DISTINCT"
    " t.target_type || ':' || t.target_id, t.target_type,  initcap(t.target_type) || ' ' ||"
    " t.target_id, NULL FROM involvements t  WHERE t.target_type <> 'actielijn' UNION"
    " SELECT 'programma:' || g.programme_id, 'programma', 'Programma ' || g.programme_id, "
    " NULL FROM bodies g WHERE g.programme_id IS NOT NULL), e AS ( SELECT 'persoon:' ||"
    " p.id AS bron, 'organisatie:' || p.organisation_id AS doel,  'werktBij' AS soort, NULL"
    " AS rol FROM people p WHERE p.organisation_id IS NOT NULL UNION ALL SELECT 'persoon:'"
    " || h.person_id, 'gremium:' || s.body_id, 'zetel', s.role  FROM seats s JOIN"
    " seat_holders h ON h.seat_id = s.id UNION ALL SELECT DISTINCT 'organisatie:' ||"
    " r.organisation_id, 'gremium:' || s.body_id,  'vertegenwoordigdIn', NULL FROM seats s"
    " JOIN seat_organisations r ON r.seat_id = s.id UNION ALL SELECT 'gremium:' || g.id,"
    " 'actielijn:' || a, 'hoortBij', NULL  FROM bodies g, unnest(g.action_lines) AS a UNION"
    " ALL SELECT 'gremium:' || g.id, 'programma:' || g.programme_id, 'hoortBij', NULL  FROM"
    " bodies g WHERE g.programme_id IS NOT NULL UNION ALL SELECT CASE WHEN i.person_id IS"
    " NULL THEN 'organisatie:' || i.organisation_id  ELSE 'persoon:' || i.person_id END,"
    " i.target_type || ':' || i.target_id,  'betrokken', i.role FROM involvements i) SELECT"
    " json_build_object( 'knopen', (SELECT coalesce(json_agg(json_build_object('id', id,"
    " 'soort', soort,   'label', label, 'type', type) ORDER BY soort, label, id), '[]')"
    " FROM n), 'verbindingen', (SELECT coalesce(json_agg(json_build_object('bron', bron,"
    " 'doel', doel,   'soort', soort, 'rol', rol) ORDER BY bron, doel, soort, rol), '[]')"
    " FROM e))::text";

/* ---- constituency rounds ---- */

/* Members: the holders of the body's seats whose period covers the session date. */
#define ROUND_MEMBERS                                                                              \
    "SELECT DISTINCT ON (mh.person_id) mh.person_id AS pid, mp.name AS naam,"                      \
    " ms.constituency AS achterban FROM seats ms JOIN seat_holders mh ON mh.seat_id = ms.id"       \
    " JOIN people mp ON mp.id = mh.person_id WHERE ms.body_id = r.body_id"                         \
    " AND (ms.start_date IS NULL OR ms.start_date <= r.session_date)"                              \
    " AND (ms.end_date IS NULL OR ms.end_date >= r.session_date)"                                  \
    " ORDER BY mh.person_id, ms.sort_key"
#define ROUND_JSON                                                                                 \
    "json_build_object('id', r.id, 'gremiumId', r.body_id,"                                        \
    " 'gremiumNaam', (SELECT rb.name FROM bodies rb WHERE rb.id = r.body_id),"                     \
    " 'sessiedatum', r.session_date, 'verzenddatum', r.mailing_date,"                              \
    " 'inbrengUiterlijk', r.deadline, 'onderwerp', r.subject,"                                     \
    " 'gereageerd', coalesce((SELECT json_agg(json_build_object('persoonId', ri.person_id,"        \
    "   'naam', ip.name, 'achterban', m.achterban, 'tekst', ri.text,"                              \
    "   'ontvangenOp', ri.received_on, 'opTijd', ri.received_on <= r.deadline)"                    \
    "   ORDER BY fold(ip.name), ri.person_id) FROM round_inputs ri"                                \
    "   JOIN people ip ON ip.id = ri.person_id"                                                    \
    "   LEFT JOIN (" ROUND_MEMBERS ") m ON m.pid = ri.person_id WHERE ri.round_id = r.id), '[]')," \
    " 'nietGereageerd', coalesce((SELECT json_agg(json_build_object('persoonId', m.pid,"           \
    "   'naam', m.naam, 'achterban', m.achterban) ORDER BY fold(m.naam), m.pid)"                   \
    "   FROM (" ROUND_MEMBERS ") m WHERE NOT EXISTS (SELECT 1 FROM round_inputs ri"                \
    "   WHERE ri.round_id = r.id AND ri.person_id = m.pid)), '[]'))"

/* $1 body, $2 last key, $3 limit */
static const char ROUND_LIST[] =
    "WITH page AS (SELECT r.sort_key AS k, "
    ROUND_JSON
    " AS obj, row_number() OVER (ORDER BY r.sort_key) AS n FROM rounds r WHERE r.sort_key >"
    " coalesce($2::text, '') AND ($1::uuid IS NULL OR r.body_id = $1::uuid) ORDER BY"
    " r.sort_key LIMIT $3::int + 1)"
    PAGE_RESULT("$3::int");
static const char ROUND_GET[] =
    "SELECT "
    ROUND_JSON
    "::text, r.version FROM rounds r WHERE r.id = $1::uuid";
static const char ROUND_LOCK[] =
    "SELECT "
    ROUND_JSON
    "::text, r.version FROM rounds r WHERE r.id = $1::uuid FOR UPDATE";
/* The seed's rhythm: the mailing a week after the session, a week for input. */
static const char ROUND_INSERT[] =
    "INSERT INTO rounds AS r (body_id, session_date, mailing_date, deadline, subject)"
    " SELECT (b->>'gremiumId')::uuid, (b->>'sessiedatum')::date,"
    " coalesce((b->>'verzenddatum')::date, (b->>'sessiedatum')::date + 7),"
    " coalesce((b->>'inbrengUiterlijk')::date,   coalesce((b->>'verzenddatum')::date,"
    " (b->>'sessiedatum')::date + 7) + 7), b->>'onderwerp' FROM (SELECT $1::jsonb AS b) AS"
    " x RETURNING r.id, r.version";
static const char ROUND_UPDATE[] =
    "UPDATE rounds AS r SET session_date = "
    KEEP_T("sessiedatum", "r.session_date", "date")
    ", mailing_date = "
    KEEP_T("verzenddatum", "r.mailing_date", "date")
    ", deadline = "
    KEEP_T("inbrengUiterlijk", "r.deadline", "date")
    ", subject = "
    KEEP("onderwerp", "r.subject")
    ", version = r.version + 1, updated_at = now()"
    BODY
    " WHERE r.id = $1::uuid RETURNING r.id, r.version";
static const char ROUND_DELETE[] =
    "DELETE FROM rounds WHERE id = $1::uuid RETURNING id";
/* $1 round, $2 person, $3 text, $4 received date (default today): only a member may give input.
 * Returns the input as JSON for the audit trail. */
static const char INPUT_INSERT[] =
    "INSERT INTO round_inputs (round_id, person_id, text, received_on) SELECT r.id,"
    " $2::uuid, $3, coalesce($4::date, current_date) FROM rounds r WHERE r.id = $1::uuid"
    " AND EXISTS (SELECT 1 FROM ("
    ROUND_MEMBERS
    ") m WHERE m.pid = $2::uuid) RETURNING json_build_object('raadplegingId', round_id,"
    " 'persoonId', person_id, 'tekst', text, 'ontvangenOp', received_on)::text";
static const char INPUT_DELETE[] =
    "DELETE FROM round_inputs WHERE round_id = $1::uuid AND person_id = $2::uuid RETURNING"
    " json_build_object('raadplegingId', round_id, 'persoonId', person_id, 'tekst', text,"
    " 'ontvangenOp', received_on)::text";

/* clang-format on */

const svc_statement stk_statements[] = {
    {SQL_ORG_LIST, ORG_LIST},
    {SQL_ORG_GET, ORG_GET},
    {SQL_ORG_INSERT, ORG_INSERT},
    {SQL_ORG_LOCK, ORG_LOCK},
    {SQL_ORG_UPDATE, ORG_UPDATE},
    {SQL_ORG_DEPS, ORG_DEPS},
    {SQL_ORG_DELETE, ORG_DELETE},
    {SQL_PERSON_LIST, PERSON_LIST},
    {SQL_PERSON_GET, PERSON_GET},
    {SQL_PERSON_INSERT, PERSON_INSERT},
    {SQL_PERSON_LOCK, PERSON_LOCK},
    {SQL_PERSON_UPDATE, PERSON_UPDATE},
    {SQL_PERSON_EXPORT, PERSON_EXPORT},
    {SQL_ERASE_LOCK, ERASE_LOCK},
    {SQL_ERASE_SEATS, ERASE_SEATS},
    {SQL_ERASE_HOLDERS, ERASE_HOLDERS},
    {SQL_ERASE_INVOLVED, ERASE_INVOLVED},
    {SQL_ERASE_INPUTS, ERASE_INPUTS},
    {SQL_ERASE_TOMBSTONE, ERASE_TOMBSTONE},
    {SQL_ERASE_PERSON, ERASE_PERSON},
    {SQL_ERASE_SCRUB, ERASE_SCRUB},
    {SQL_BODY_LIST, BODY_LIST},
    {SQL_BODY_GET, BODY_GET},
    {SQL_BODY_INSERT, BODY_INSERT},
    {SQL_BODY_LOCK, BODY_LOCK},
    {SQL_BODY_UPDATE, BODY_UPDATE},
    {SQL_BODY_DELETE, BODY_DELETE},
    {SQL_SEAT_LIST, SEAT_LIST},
    {SQL_SEAT_GET, SEAT_GET},
    {SQL_SEAT_INSERT, SEAT_INSERT},
    {SQL_SEAT_LOCK, SEAT_LOCK},
    {SQL_SEAT_UPDATE, SEAT_UPDATE},
    {SQL_SEAT_DELETE, SEAT_DELETE},
    {SQL_SEAT_CLEAR_HOLD, SEAT_CLEAR_HOLD},
    {SQL_SEAT_SET_HOLD, SEAT_SET_HOLD},
    {SQL_SEAT_CLEAR_ORGS, SEAT_CLEAR_ORGS},
    {SQL_SEAT_SET_ORGS, SEAT_SET_ORGS},
    {SQL_VACANCIES, VACANCIES},
    {SQL_INV_LIST, INV_LIST},
    {SQL_INV_GET, INV_GET},
    {SQL_INV_INSERT, INV_INSERT},
    {SQL_INV_LOCK, INV_LOCK},
    {SQL_INV_UPDATE, INV_UPDATE},
    {SQL_INV_DELETE, INV_DELETE},
    {SQL_NETWORK, NETWORK},
    {SQL_ROUND_LIST, ROUND_LIST},
    {SQL_ROUND_GET, ROUND_GET},
    {SQL_ROUND_INSERT, ROUND_INSERT},
    {SQL_ROUND_LOCK, ROUND_LOCK},
    {SQL_ROUND_UPDATE, ROUND_UPDATE},
    {SQL_ROUND_DELETE, ROUND_DELETE},
    {SQL_INPUT_INSERT, INPUT_INSERT},
    {SQL_INPUT_DELETE, INPUT_DELETE},
    {NULL, NULL},
};
