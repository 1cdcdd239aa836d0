/* Every statement of the portfolio service. Writes call one pf_*(id, body, actor, lines)
 * function (pf_result); reads build their JSON in PostgreSQL. */
#include "sql.h"
#include "svc/db.h"

#define WRITE(fn)  "SELECT (x).* FROM (SELECT " fn "($1, $2::jsonb, $3, $4::int[]) AS x) s"
#define LOCK(call) "SELECT version, line FROM " call
#define LIST(member, fn, from)                                                                     \
    "SELECT json_build_object('" member "', coalesce(json_agg(" fn "), '[]'))::text FROM " from
/* The children of a project, or no row when the project does not exist. */
#define CHILDREN(member, fn, table, order)                                                         \
    "SELECT json_build_object('" member "', (SELECT coalesce(json_agg(" fn " ORDER BY " order      \
    "), '[]') FROM " table                                                                         \
    " x WHERE x.project_id = p.id))::text FROM project p WHERE p.id = $1::uuid"

/* $1 action line, $2 phase, $3 status, $4 kind, $5 scale, $6 programme (id or code),
 * $7 principle, $8 Dutch full-text query, $9 tag, $10 key after, $11 limit. Keyset: action line
 * then rank, as action_line * 1000000 + rank (indexed). */
static const char PROJECTS[] =
    "WITH page AS (SELECT p.action_line * 1000000 + p.rank AS k, p.doc AS obj,"
    " row_number() OVER (ORDER BY p.action_line * 1000000 + p.rank) AS n FROM project_doc p"
    " WHERE p.action_line * 1000000 + p.rank > coalesce($10::bigint, 0)"
    " AND ($1::int IS NULL OR p.action_line = $1::int)"
    " AND ($2::text IS NULL OR p.phase = $2) AND ($3::text IS NULL OR p.status = $3)"
    " AND ($4::text IS NULL OR p.kind = $4) AND ($5::text IS NULL OR p.scale = $5)"
    " AND ($6::text IS NULL OR EXISTS (SELECT 1 FROM project_programme pp"
    "   JOIN programme g ON g.id = pp.programme_id WHERE pp.project_id = p.id"
    "   AND (g.id::text = $6 OR g.code = $6)))"
    " AND ($7::int IS NULL OR p.principles @> ARRAY[$7::int])"
    " AND ($8::text IS NULL OR p.search @@ websearch_to_tsquery('dutch', $8))"
    " AND ($9::text IS NULL OR p.tags @> ARRAY[$9::text])"
    " ORDER BY p.action_line * 1000000 + p.rank LIMIT $11::int + 1)" SVC_SQL_PAGE_RESULT(
        "$11::int");

/* $1 status, $2 action line, $3 key after, $4 limit: newest first. */
static const char PROBLEMS[] =
    "WITH page AS (SELECT to_char(k.created_at, 'YYYYMMDDHH24MISSUS') || k.id::text AS k,"
    " pf_core_problem_json(k) AS obj, row_number() OVER (ORDER BY k.created_at DESC, k.id DESC) AS "
    "n"
    " FROM core_problem k WHERE (to_char(k.created_at, 'YYYYMMDDHH24MISSUS') || k.id::text)"
    "   < coalesce($3::text, 'z')"
    " AND ($1::text IS NULL OR k.state = $1) AND ($2::int IS NULL OR k.action_line = $2::int)"
    " ORDER BY k.created_at DESC, k.id DESC LIMIT $4::int + 1)"
    " SELECT coalesce(json_agg(obj ORDER BY n) FILTER (WHERE n <= $4::int), '[]')::text,"
    " min(k) FILTER (WHERE n = $4::int), count(*) > $4::int FROM page";

/* $1 after id, $2 limit, $3 object type, $4 object id, $5 from, $6 to (date: inclusive). */
static const char AUDIT_FEED[] =
    "WITH page AS (SELECT a.id AS k, json_build_object('id', a.id, 'tijdstip', pf_ts(a.at),"
    " 'actor', a.actor, 'actie', a.action, 'objectType', a.object_type, 'objectId', a.object_id,"
    " 'voor', a.before, 'na', a.after) AS obj, row_number() OVER (ORDER BY a.id DESC) AS n"
    " FROM audit_log a WHERE a.id < coalesce($1::bigint, 9223372036854775807)"
    " AND ($3::text IS NULL OR a.object_type = $3) AND ($4::text IS NULL OR a.object_id = $4)"
    " AND ($5::text IS NULL OR a.at >= $5::timestamptz)"
    " AND ($6::text IS NULL OR a.at < CASE WHEN length($6) = 10 THEN ($6::date + 1)::timestamptz"
    "   ELSE $6::timestamptz END)"
    " ORDER BY a.id DESC LIMIT $2::int + 1)" SVC_SQL_PAGE_RESULT("$2::int");

static const char DEPENDENCIES[] =
    "SELECT json_build_object('afhankelijkheden', coalesce(json_agg(pf_dependency_json(d)"
    " ORDER BY d.created_at, d.id), '[]'))::text FROM dependency d"
    " LEFT JOIN project fp ON fp.id = d.from_project LEFT JOIN project tp ON tp.id = d.to_project"
    " WHERE ($1::int IS NULL OR $1::int IN (d.from_action_line, d.to_action_line,"
    "   fp.action_line, tp.action_line))"
    " AND ($2::uuid IS NULL OR $2::uuid IN (d.from_project, d.to_project))";

const svc_statement pf_statements[] = {
    {SQL_PRINCIPLES, LIST("principes", "pf_principle_json(x) ORDER BY x.number", "principle x")},
    {SQL_PRINCIPLE_GET,
     "SELECT pf_principle_json(x)::text, 1 FROM principle x WHERE x.number = $1::int"},
    {SQL_REFORM_LINES,
     LIST("hervormingslijnen", "pf_reform_line_json(x) ORDER BY x.number", "reform_line x")},
    {SQL_REFORM_LINE_GET,
     "SELECT pf_reform_line_json(x)::text, 1 FROM reform_line x WHERE x.number = $1::int"},
    {SQL_ACTION_LINES,
     LIST("actielijnen", "pf_action_line_json(x) ORDER BY x.number", "action_line x")},
    {SQL_ACTION_LINE_GET,
     "SELECT pf_action_line_json(x)::text, x.version FROM action_line x WHERE x.number = $1::int"},
    {SQL_ACTION_LINE_LOCK, LOCK("pf_action_line_lock($1::int)")},
    {SQL_ACTION_LINE_UPD, WRITE("pf_action_line_update")},
    {SQL_PROGRAMMES, LIST("programmas", "pf_programme_json(x) ORDER BY x.code", "programme x")},
    {SQL_PROGRAMME_GET,
     "SELECT pf_programme_json(x)::text, x.version FROM programme x WHERE x.id = $1::uuid"},
    {SQL_PROGRAMME_LOCK, LOCK("pf_programme_lock($1::uuid)")},
    {SQL_PROGRAMME_INS, WRITE("pf_programme_create")},
    {SQL_PROGRAMME_UPD, WRITE("pf_programme_update")},
    {SQL_PROGRAMME_DEL, WRITE("pf_programme_delete")},
    {SQL_PROJECTS, PROJECTS},
    {SQL_PROJECT_GET, "SELECT x.doc::text, x.version FROM project_doc x WHERE x.id = $1::uuid"},
    {SQL_PROJECT_LOCK, LOCK("pf_project_lock_version($1::uuid)")},
    {SQL_PROJECT_INS, WRITE("pf_project_create")},
    {SQL_PROJECT_UPD, WRITE("pf_project_update")},
    {SQL_PROJECT_DEL, WRITE("pf_project_delete")},
    {SQL_PROJECT_MOVE, WRITE("pf_project_move")},
    {SQL_PHASES,
     CHILDREN("fasewijzigingen", "pf_phase_change_json(x)", "phase_change", "x.created_at, x.id")},
    {SQL_PHASE_GET, "SELECT pf_phase_change_json(x)::text, 1 FROM phase_change x"
                    " WHERE x.id = $2::uuid AND x.project_id = $1::uuid"},
    {SQL_PHASE_INS, WRITE("pf_phase_change_create")},
    {SQL_MILESTONES,
     CHILDREN("mijlpalen", "pf_milestone_json(x)", "milestone", "x.due_date, x.created_at")},
    {SQL_MILESTONE_GET,
     "SELECT pf_milestone_json(x)::text, x.version FROM milestone x WHERE x.id = $1::uuid"},
    {SQL_MILESTONE_LOCK, LOCK("pf_milestone_lock($1::uuid)")},
    {SQL_MILESTONE_INS, WRITE("pf_milestone_create")},
    {SQL_MILESTONE_UPD, WRITE("pf_milestone_update")},
    {SQL_MILESTONE_DEL, WRITE("pf_milestone_delete")},
    {SQL_REPORTS, CHILDREN("rapportages", "pf_report_json(x)", "progress_report",
                           "x.period_end DESC, x.created_at DESC")},
    {SQL_REPORT_GET,
     "SELECT pf_report_json(x)::text, x.version FROM progress_report x WHERE x.id = $1::uuid"},
    {SQL_REPORT_LOCK, LOCK("pf_report_lock($1::uuid)")},
    {SQL_REPORT_INS, WRITE("pf_report_create")},
    {SQL_REPORT_UPD, WRITE("pf_report_update")},
    {SQL_REPORT_DEL, WRITE("pf_report_delete")},
    {SQL_DEPENDENCIES, DEPENDENCIES},
    {SQL_DEPENDENCY_GET,
     "SELECT pf_dependency_json(x)::text, x.version FROM dependency x WHERE x.id = $1::uuid"},
    {SQL_DEPENDENCY_LOCK, LOCK("pf_dependency_lock($1::uuid)")},
    {SQL_DEPENDENCY_INS, WRITE("pf_dependency_create")},
    {SQL_DEPENDENCY_UPD, WRITE("pf_dependency_update")},
    {SQL_DEPENDENCY_DEL, WRITE("pf_dependency_delete")},
    {SQL_PROBLEMS, PROBLEMS},
    {SQL_PROBLEM_GET,
     "SELECT pf_core_problem_json(x)::text, x.version FROM core_problem x WHERE x.id = $1::uuid"},
    {SQL_PROBLEM_INS, WRITE("pf_core_problem_create")},
    {SQL_PROBLEM_TRIAGE, WRITE("pf_core_problem_triage")},
    {SQL_GENERATION, "SELECT generation FROM cache_generation"},
    {SQL_OVERVIEW, "SELECT pf_overview()::text"},
    {SQL_STEERING, "SELECT pf_steering_report($1::date, $2::date, $3::int)::text"},
    {SQL_AUDIT_FEED, AUDIT_FEED},
    {SQL_SEED, "SELECT pf_seed($1::jsonb)"},
    {NULL, NULL},
};
