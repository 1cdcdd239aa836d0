-- Speed (issue 3, "Speed"): the project representation as an inlinable expression, a view that
-- reads projects with it in one plan, and the data generation of the response cache
-- (svc/cache.h).

-- pf_ts was IMMUTABLE around a STABLE to_char, which keeps PostgreSQL from inlining it; STABLE
-- (what it is) lets every caller inline it.
CREATE OR REPLACE FUNCTION pf_ts(t timestamptz) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

-- The one definition of a project's representation, given its programmes and latest RAG. A
-- single SELECT of an expression, without FROM or subqueries: PostgreSQL inlines it into the
-- calling statement, so a prepared statement plans it once (a SQL function that is not inlined
-- plans its body again on every execution).
CREATE FUNCTION pf_project_doc(p project, programmes json, latest_rag text) RETURNS json
LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', p.id, 'code', p.code, 'actielijn', p.action_line, 'titel', p.title,
        'beschrijving', p.description, 'soort', p.kind, 'rang', p.rank, 'fase', p.phase,
        'status', p.status, 'schaal', p.scale, 'startdatum', p.start_date,
        'einddatum', p.end_date, 'randvoorwaarden', p.preconditions,
        'principes', to_json(p.principles), 'hervormingslijnen', to_json(p.reform_lines),
        'programmas', programmes,
        'tags', to_json(p.tags), 'nummerInBron', p.seed_number,
        'kernprobleemId', p.core_problem_id, 'bron', p.source,
        'laatsteRag', latest_rag,
        'aangemaakt', pf_ts(p.created_at), 'gewijzigd', pf_ts(p.updated_at), 'versie', p.version)
$$;

CREATE FUNCTION pf_project_programmes(p_id uuid) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT coalesce(json_agg(json_build_object('id', g.id, 'code', g.code, 'naam', g.name)
                             ORDER BY g.code), '[]')
    FROM project_programme pp JOIN programme g ON g.id = pp.programme_id
    WHERE pp.project_id = p_id
$$;

-- For the writes (before and after images of a row value): the same representation.
CREATE OR REPLACE FUNCTION pf_project_json(p project) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT pf_project_doc(p, pf_project_programmes(p.id), pf_latest_rag(p.id))
$$;

-- For the reads: every column of project plus `doc`, its representation. The subqueries are
-- written out (not pf_project_programmes/pf_latest_rag, which are not inlinable) so that a
-- prepared statement over this view has one cached plan with no function bodies to plan.
CREATE VIEW project_doc AS
SELECT p.*, pf_project_doc(
    p,
    (SELECT coalesce(json_agg(json_build_object('id', g.id, 'code', g.code, 'naam', g.name)
                              ORDER BY g.code), '[]')
     FROM project_programme pp JOIN programme g ON g.id = pp.programme_id
     WHERE pp.project_id = p.id),
    (SELECT r.rag FROM progress_report r WHERE r.project_id = p.id
     ORDER BY r.period_end DESC, r.created_at DESC LIMIT 1)) AS doc
FROM project p;

-- The data generation of the response cache: one row, bumped by a statement-level trigger on
-- every table a cached answer (project lists, overview, steering-group report) reads, in the
-- writing transaction, so it changes exactly when such a change commits.
CREATE TABLE cache_generation (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint NOT NULL
);
INSERT INTO cache_generation (generation) VALUES (1);

-- The schema of the migration is fixed in the function: the trigger fires for any writer,
-- whatever its search_path (e.g. psql as the superuser).
CREATE FUNCTION pf_bump_generation() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE cache_generation SET generation = generation + 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['action_line', 'programme', 'project', 'project_programme',
                             'phase_change', 'milestone', 'progress_report', 'dependency',
                             'core_problem', 'audit_log'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION pf_bump_generation()',
                       t || '_generation', t);
    END LOOP;
END
$$;
