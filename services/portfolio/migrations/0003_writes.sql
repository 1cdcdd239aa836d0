-- Every change is one function: (path id, JSON body, actor, the editor's action lines or NULL for
-- no limit) -> pf_result. The service validates the body's shape first (one 400 with every
-- problem), checks If-Match on the row where the resource has one, then calls the function in
-- the transaction that also writes the audit row. A failure status rolls the transaction back.

CREATE TYPE pf_result AS (
    status integer,     -- 200, 201, 204 or the problem's status (400, 403, 404, 409)
    field text,         -- for a 400: the invalid parameter
    detail text,        -- for a problem
    id text,            -- the resource's id (Location, ETag)
    version integer,    -- the resource's version (ETag)
    body text,          -- the representation
    audit_id text,      -- audited object (default id)
    audit_before text,
    audit_after text    -- default body
);

CREATE FUNCTION pf_fail(p_status integer, p_field text, p_detail text) RETURNS pf_result
LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(p_status, p_field, p_detail, NULL, NULL, NULL, NULL, NULL, NULL)::pf_result
$$;

CREATE FUNCTION pf_ok(p_status integer, p_id text, p_version integer, p_body json,
                      p_audit_id text, p_before json, p_after json) RETURNS pf_result
LANGUAGE sql IMMUTABLE AS $$
    SELECT ROW(p_status, NULL, NULL, p_id, p_version, p_body::text, coalesce(p_audit_id, p_id),
               p_before::text, coalesce(p_after, p_body)::text)::pf_result
$$;

CREATE FUNCTION pf_may(p_lines integer[], p_line integer) RETURNS boolean
LANGUAGE sql IMMUTABLE AS $$
    SELECT p_lines IS NULL OR p_line = ANY (p_lines)
$$;

CREATE FUNCTION pf_forbidden_line(p_line integer) RETURNS pf_result LANGUAGE sql IMMUTABLE AS $$
    SELECT pf_fail(403, NULL, format('U mag alleen projecten van uw eigen actielijnen wijzigen '
                                     '(niet van actielijn %s).', p_line))
$$;

-- A JSON array as a sorted set; NULL when absent (so that a PATCH without it keeps the column).
CREATE FUNCTION pf_int_array(v jsonb) RETURNS integer[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(v) = 'array'
                THEN ARRAY(SELECT DISTINCT x::integer FROM jsonb_array_elements_text(v) x ORDER BY 1)
           END
$$;

CREATE FUNCTION pf_text_array(v jsonb) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE WHEN jsonb_typeof(v) = 'array'
                THEN ARRAY(SELECT DISTINCT x FROM jsonb_array_elements_text(v) x ORDER BY 1)
           END
$$;

-- Merge given preconditions into base, item by item (a given item may carry only a status).
CREATE FUNCTION pf_merge_preconditions(base jsonb, given jsonb) RETURNS jsonb
LANGUAGE sql IMMUTABLE AS $$
    SELECT coalesce(jsonb_object_agg(b.key, b.value || coalesce(given -> b.key, '{}')), base)
    FROM jsonb_each(base) b
$$;

-- Lock a project for a change that may move ranks: its action line first (every rank change
-- of a line is serialised on that row), then the project; again if it moved meanwhile.
CREATE FUNCTION pf_project_lock(p_id uuid) RETURNS project LANGUAGE plpgsql AS $$
DECLARE
    l integer;
    p project;
BEGIN
    LOOP
        SELECT action_line INTO l FROM project WHERE id = p_id;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        PERFORM 1 FROM action_line WHERE number = l FOR UPDATE;
        SELECT * INTO p FROM project WHERE id = p_id FOR UPDATE;
        IF NOT FOUND THEN
            RETURN NULL;
        END IF;
        IF p.action_line = l THEN
            RETURN p;
        END IF;
    END LOOP;
END
$$;

-- Version of a lockable resource for If-Match: (version, action line).
CREATE FUNCTION pf_project_lock_version(p_id uuid) RETURNS TABLE (version integer, line integer)
LANGUAGE plpgsql AS $$
DECLARE
    p project := pf_project_lock(p_id);
BEGIN
    IF p.id IS NOT NULL THEN
        version := p.version;
        line := p.action_line;
        RETURN NEXT;
    END IF;
END
$$;

-- Link a project to programmes; the unknown ids, if any, as text.
CREATE FUNCTION pf_set_programmes(p_id uuid, ids jsonb) RETURNS text LANGUAGE plpgsql AS $$
DECLARE
    missing text;
BEGIN
    IF ids IS NULL OR jsonb_typeof(ids) <> 'array' THEN
        RETURN NULL;
    END IF;
    SELECT string_agg(x, ', ') INTO missing FROM jsonb_array_elements_text(ids) x
    WHERE x !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       OR NOT EXISTS (SELECT 1 FROM programme g WHERE g.id = x::uuid);
    IF missing IS NOT NULL THEN
        RETURN missing;
    END IF;
    DELETE FROM project_programme WHERE project_id = p_id;
    INSERT INTO project_programme (project_id, programme_id)
    SELECT DISTINCT p_id, x::uuid FROM jsonb_array_elements_text(ids) x;
    RETURN NULL;
END
$$;

-- ---- projects ----

CREATE FUNCTION pf_project_create(p_parent text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    l integer := (d ->> 'actielijn')::integer;
    n integer;
    k integer;
    p project;
    missing text;
BEGIN
    IF NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    PERFORM 1 FROM action_line WHERE number = l FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(400, 'actielijn', 'Deze actielijn bestaat niet.');
    END IF;
    IF (d ->> 'einddatum')::date < (d ->> 'startdatum')::date THEN
        RETURN pf_fail(400, 'einddatum', 'Mag niet voor de startdatum liggen.');
    END IF;
    SELECT count(*) INTO n FROM project WHERE action_line = l;
    k := least(coalesce((d ->> 'rang')::integer, n + 1), n + 1);
    UPDATE project SET rank = rank + 1, version = version + 1, updated_at = now()
    WHERE action_line = l AND rank >= k;
    INSERT INTO project (code, action_line, title, description, kind, rank, status, scale,
                         start_date, end_date, preconditions, principles, reform_lines, tags,
                         core_problem_id)
    VALUES (d ->> 'code', l, d ->> 'titel', coalesce(d ->> 'beschrijving', ''), d ->> 'soort', k,
            coalesce(d ->> 'status', 'voorgesteld'), d ->> 'schaal',
            (d ->> 'startdatum')::date, (d ->> 'einddatum')::date,
            pf_merge_preconditions(pf_default_preconditions(), d -> 'randvoorwaarden'),
            coalesce(pf_int_array(d -> 'principes'), '{}'),
            coalesce(pf_int_array(d -> 'hervormingslijnen'), '{}'),
            coalesce(pf_text_array(d -> 'tags'), '{}'),
            (d ->> 'kernprobleemId')::uuid)
    RETURNING * INTO p;
    missing := pf_set_programmes(p.id, d -> 'programmaIds');
    IF missing IS NOT NULL THEN
        RETURN pf_fail(400, 'programmaIds', 'Onbekende programma''s: ' || missing || '.');
    END IF;
    RETURN pf_ok(201, p.id::text, p.version, pf_project_json(p), NULL, NULL, NULL);
END
$$;

CREATE FUNCTION pf_project_update(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    p project := pf_project_lock(p_id::uuid);
    before json;
    l integer;
    n integer;
    missing text;
BEGIN
    IF p.id IS NULL THEN
        RETURN pf_fail(404, NULL, 'Dit project bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, p.action_line) THEN
        RETURN pf_forbidden_line(p.action_line);
    END IF;
    before := pf_project_json(p);
    l := coalesce((d ->> 'actielijn')::integer, p.action_line);
    IF l <> p.action_line THEN
        IF NOT pf_may(p_lines, l) THEN
            RETURN pf_forbidden_line(l);
        END IF;
        PERFORM 1 FROM action_line WHERE number = l FOR UPDATE;
        IF NOT FOUND THEN
            RETURN pf_fail(400, 'actielijn', 'Deze actielijn bestaat niet.');
        END IF;
        UPDATE project SET rank = rank - 1, version = version + 1, updated_at = now()
        WHERE action_line = p.action_line AND rank > p.rank;
        SELECT count(*) INTO n FROM project WHERE action_line = l;
        p.rank := n + 1;
    END IF;
    UPDATE project SET
        action_line = l,
        rank = p.rank,
        code = CASE WHEN d ? 'code' THEN d ->> 'code' ELSE code END,
        title = coalesce(d ->> 'titel', title),
        description = coalesce(d ->> 'beschrijving', description),
        kind = coalesce(d ->> 'soort', kind),
        status = coalesce(d ->> 'status', status),
        scale = CASE WHEN d ? 'schaal' THEN d ->> 'schaal' ELSE scale END,
        start_date = CASE WHEN d ? 'startdatum' THEN (d ->> 'startdatum')::date ELSE start_date END,
        end_date = CASE WHEN d ? 'einddatum' THEN (d ->> 'einddatum')::date ELSE end_date END,
        preconditions = pf_merge_preconditions(preconditions, d -> 'randvoorwaarden'),
        principles = coalesce(pf_int_array(d -> 'principes'), principles),
        reform_lines = coalesce(pf_int_array(d -> 'hervormingslijnen'), reform_lines),
        tags = coalesce(pf_text_array(d -> 'tags'), tags),
        version = version + 1,
        updated_at = now()
    WHERE id = p.id
    RETURNING * INTO p;
    IF p.end_date < p.start_date THEN
        RETURN pf_fail(400, 'einddatum', 'Mag niet voor de startdatum liggen.');
    END IF;
    missing := pf_set_programmes(p.id, d -> 'programmaIds');
    IF missing IS NOT NULL THEN
        RETURN pf_fail(400, 'programmaIds', 'Onbekende programma''s: ' || missing || '.');
    END IF;
    RETURN pf_ok(200, p.id::text, p.version, pf_project_json(p), NULL, before, NULL);
END
$$;

-- Everything a project carries, for the audit row of its deletion: nothing is lost silently.
CREATE FUNCTION pf_project_full_json(p project) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT (pf_project_json(p)::jsonb || jsonb_build_object(
        'mijlpalen', (SELECT coalesce(jsonb_agg(pf_milestone_json(m)), '[]') FROM milestone m
                      WHERE m.project_id = p.id),
        'rapportages', (SELECT coalesce(jsonb_agg(pf_report_json(r)), '[]') FROM progress_report r
                        WHERE r.project_id = p.id),
        'fasewijzigingen', (SELECT coalesce(jsonb_agg(pf_phase_change_json(e)), '[]')
                            FROM phase_change e WHERE e.project_id = p.id),
        'afhankelijkheden', (SELECT coalesce(jsonb_agg(pf_dependency_json(x)), '[]')
                             FROM dependency x WHERE p.id IN (x.from_project, x.to_project))))::json
$$;

CREATE FUNCTION pf_project_delete(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    p project := pf_project_lock(p_id::uuid);
    before json;
BEGIN
    IF p.id IS NULL THEN
        RETURN pf_fail(404, NULL, 'Dit project bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, p.action_line) THEN
        RETURN pf_forbidden_line(p.action_line);
    END IF;
    IF p.status <> 'gestopt' AND (EXISTS (SELECT 1 FROM milestone WHERE project_id = p.id)
                                  OR EXISTS (SELECT 1 FROM progress_report WHERE project_id = p.id)) THEN
        RETURN pf_fail(409, NULL, 'Dit project heeft mijlpalen of voortgangsrapportages: zet het '
                                  'eerst op status gestopt voordat u het verwijdert.');
    END IF;
    before := pf_project_full_json(p);
    DELETE FROM project WHERE id = p.id;
    UPDATE project SET rank = rank - 1, version = version + 1, updated_at = now()
    WHERE action_line = p.action_line AND rank > p.rank;
    IF p.code IS NOT NULL THEN
        INSERT INTO seed_tombstone (kind, code) VALUES ('project', p.code) ON CONFLICT DO NOTHING;
    END IF;
    RETURN pf_ok(204, p.id::text, p.version, NULL, NULL, before, NULL);
END
$$;

-- Move a project to rank k within its action line (1..n); the others shift, ranks stay dense.
CREATE FUNCTION pf_project_move(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    p project := pf_project_lock(p_id::uuid);
    before json;
    k integer := (d ->> 'rang')::integer;
    n integer;
BEGIN
    IF p.id IS NULL THEN
        RETURN pf_fail(404, NULL, 'Dit project bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, p.action_line) THEN
        RETURN pf_forbidden_line(p.action_line);
    END IF;
    SELECT count(*) INTO n FROM project WHERE action_line = p.action_line;
    IF k > n THEN
        RETURN pf_fail(400, 'rang', format('Moet 1 tot en met %s zijn (het aantal projecten van '
                                           'actielijn %s).', n, p.action_line));
    END IF;
    before := pf_project_json(p);
    IF k < p.rank THEN
        UPDATE project SET rank = rank + 1, version = version + 1, updated_at = now()
        WHERE action_line = p.action_line AND rank >= k AND rank < p.rank;
    ELSIF k > p.rank THEN
        UPDATE project SET rank = rank - 1, version = version + 1, updated_at = now()
        WHERE action_line = p.action_line AND rank > p.rank AND rank <= k;
    END IF;
    UPDATE project SET rank = k, version = version + 1, updated_at = now() WHERE id = p.id
    RETURNING * INTO p;
    RETURN pf_ok(200, p.id::text, p.version, pf_project_json(p), NULL, before, NULL);
END
$$;

-- A phase change is an event. Into `project` (pilot) or `oplevering` with open preconditions:
-- refused unless the request accepts them, which the event records.
CREATE FUNCTION pf_phase_change_create(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    p project;
    before json;
    target text := d ->> 'fase';
    open_items text[];
    accepted text[] := '{}';
    e phase_change;
BEGIN
    SELECT * INTO p FROM project WHERE id = p_id::uuid FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Dit project bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, p.action_line) THEN
        RETURN pf_forbidden_line(p.action_line);
    END IF;
    IF target = p.phase THEN
        RETURN pf_fail(409, NULL, format('Het project is al in fase %s.', target));
    END IF;
    open_items := ARRAY(SELECT key FROM jsonb_each(p.preconditions)
                        WHERE value ->> 'status' <> 'geregeld' ORDER BY key);
    IF target IN ('project', 'oplevering') AND cardinality(open_items) > 0 THEN
        IF NOT coalesce((d ->> 'openRandvoorwaardenAccepteren')::boolean, false) THEN
            RETURN pf_fail(409, NULL, format(
                'Naar fase %s met open randvoorwaarden (%s) kan alleen als u die expliciet '
                'accepteert (openRandvoorwaardenAccepteren: true).',
                target, array_to_string(open_items, ', ')));
        END IF;
        accepted := open_items;
    END IF;
    before := pf_project_json(p);
    INSERT INTO phase_change (project_id, from_phase, to_phase, change_date, note, actor,
                              accepted_open)
    VALUES (p.id, p.phase, target, coalesce((d ->> 'datum')::date, current_date),
            coalesce(d ->> 'toelichting', ''), p_actor, accepted)
    RETURNING * INTO e;
    UPDATE project SET phase = target, version = version + 1, updated_at = now() WHERE id = p.id
    RETURNING * INTO p;
    RETURN pf_ok(201, e.id::text, 1, pf_phase_change_json(e), p.id::text, before,
                 (pf_project_json(p)::jsonb || jsonb_build_object('fasewijziging',
                                                                   pf_phase_change_json(e)))::json);
END
$$;

-- ---- milestones and progress reports ----

CREATE FUNCTION pf_parent_line(p_project text) RETURNS integer LANGUAGE sql VOLATILE AS $$
    SELECT action_line FROM project WHERE id = p_project::uuid FOR SHARE
$$;

CREATE FUNCTION pf_milestone_create(p_parent text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    l integer := pf_parent_line(p_parent);
    m milestone;
BEGIN
    IF l IS NULL THEN
        RETURN pf_fail(404, NULL, 'Dit project bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    INSERT INTO milestone (project_id, title, description, due_date, done_date, decision_asked)
    VALUES (p_parent::uuid, d ->> 'titel', coalesce(d ->> 'beschrijving', ''),
            (d ->> 'streefdatum')::date, (d ->> 'gereedOp')::date,
            coalesce((d ->> 'bestuurlijkBesluitGevraagd')::boolean, false))
    RETURNING * INTO m;
    RETURN pf_ok(201, m.id::text, m.version, pf_milestone_json(m), NULL, NULL, NULL);
END
$$;

CREATE FUNCTION pf_milestone_lock(p_id uuid) RETURNS TABLE (version integer, line integer)
LANGUAGE sql AS $$
    SELECT m.version, p.action_line FROM milestone m JOIN project p ON p.id = m.project_id
    WHERE m.id = p_id FOR UPDATE OF m
$$;

CREATE FUNCTION pf_milestone_write(p_id text, d jsonb, p_actor text, p_lines integer[],
                                   p_delete boolean) RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    m milestone;
    l integer;
    before json;
BEGIN
    SELECT * INTO m FROM milestone WHERE id = p_id::uuid FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Deze mijlpaal bestaat niet.');
    END IF;
    SELECT action_line INTO l FROM project WHERE id = m.project_id;
    IF NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    before := pf_milestone_json(m);
    IF p_delete THEN
        DELETE FROM milestone WHERE id = m.id;
        RETURN pf_ok(204, m.id::text, m.version, NULL, NULL, before, NULL);
    END IF;
    UPDATE milestone SET
        title = coalesce(d ->> 'titel', title),
        description = coalesce(d ->> 'beschrijving', description),
        due_date = coalesce((d ->> 'streefdatum')::date, due_date),
        done_date = CASE WHEN d ? 'gereedOp' THEN (d ->> 'gereedOp')::date ELSE done_date END,
        decision_asked = coalesce((d ->> 'bestuurlijkBesluitGevraagd')::boolean, decision_asked),
        version = version + 1, updated_at = now()
    WHERE id = m.id RETURNING * INTO m;
    RETURN pf_ok(200, m.id::text, m.version, pf_milestone_json(m), NULL, before, NULL);
END
$$;

CREATE FUNCTION pf_milestone_update(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_milestone_write(p_id, d, p_actor, p_lines, false) $$;
CREATE FUNCTION pf_milestone_delete(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_milestone_write(p_id, d, p_actor, p_lines, true) $$;

CREATE FUNCTION pf_report_create(p_parent text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    l integer := pf_parent_line(p_parent);
    r progress_report;
BEGIN
    IF l IS NULL THEN
        RETURN pf_fail(404, NULL, 'Dit project bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    IF (d ->> 'periodeTot')::date < (d ->> 'periodeVan')::date THEN
        RETURN pf_fail(400, 'periodeTot', 'Mag niet voor periodeVan liggen.');
    END IF;
    INSERT INTO progress_report (project_id, period_start, period_end, rag, summary, results,
                                 risks, next_steps, decisions_asked, actor)
    VALUES (p_parent::uuid, (d ->> 'periodeVan')::date, (d ->> 'periodeTot')::date,
            d ->> 'ragStatus', d ->> 'samenvatting', coalesce(d ->> 'resultaten', ''),
            coalesce(d ->> 'risicos', ''), coalesce(d ->> 'volgendeStappen', ''),
            coalesce(d ->> 'gevraagdeBesluiten', ''), p_actor)
    RETURNING * INTO r;
    RETURN pf_ok(201, r.id::text, r.version, pf_report_json(r), NULL, NULL, NULL);
END
$$;

CREATE FUNCTION pf_report_lock(p_id uuid) RETURNS TABLE (version integer, line integer)
LANGUAGE sql AS $$
    SELECT r.version, p.action_line FROM progress_report r JOIN project p ON p.id = r.project_id
    WHERE r.id = p_id FOR UPDATE OF r
$$;

CREATE FUNCTION pf_report_write(p_id text, d jsonb, p_actor text, p_lines integer[],
                                p_delete boolean) RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    r progress_report;
    l integer;
    before json;
BEGIN
    SELECT * INTO r FROM progress_report WHERE id = p_id::uuid FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Deze voortgangsrapportage bestaat niet.');
    END IF;
    SELECT action_line INTO l FROM project WHERE id = r.project_id;
    IF NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    before := pf_report_json(r);
    IF p_delete THEN
        DELETE FROM progress_report WHERE id = r.id;
        RETURN pf_ok(204, r.id::text, r.version, NULL, NULL, before, NULL);
    END IF;
    UPDATE progress_report SET
        period_start = coalesce((d ->> 'periodeVan')::date, period_start),
        period_end = coalesce((d ->> 'periodeTot')::date, period_end),
        rag = coalesce(d ->> 'ragStatus', rag),
        summary = coalesce(d ->> 'samenvatting', summary),
        results = coalesce(d ->> 'resultaten', results),
        risks = coalesce(d ->> 'risicos', risks),
        next_steps = coalesce(d ->> 'volgendeStappen', next_steps),
        decisions_asked = coalesce(d ->> 'gevraagdeBesluiten', decisions_asked),
        version = version + 1, updated_at = now()
    WHERE id = r.id RETURNING * INTO r;
    IF r.period_end < r.period_start THEN
        RETURN pf_fail(400, 'periodeTot', 'Mag niet voor periodeVan liggen.');
    END IF;
    RETURN pf_ok(200, r.id::text, r.version, pf_report_json(r), NULL, before, NULL);
END
$$;

CREATE FUNCTION pf_report_update(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_report_write(p_id, d, p_actor, p_lines, false) $$;
CREATE FUNCTION pf_report_delete(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_report_write(p_id, d, p_actor, p_lines, true) $$;

-- ---- action lines ----

CREATE FUNCTION pf_action_line_lock(p_number integer) RETURNS TABLE (version integer, line integer)
LANGUAGE sql AS $$
    SELECT a.version, a.number FROM action_line a WHERE a.number = p_number FOR UPDATE
$$;

CREATE FUNCTION pf_action_line_update(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    a action_line;
    before json;
BEGIN
    SELECT * INTO a FROM action_line WHERE number = p_id::integer FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Deze actielijn bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, a.number) THEN
        RETURN pf_forbidden_line(a.number);
    END IF;
    before := pf_action_line_json(a);
    UPDATE action_line SET
        title = coalesce(d ->> 'titel', title),
        motto = CASE WHEN d ? 'motto' THEN d ->> 'motto' ELSE motto END,
        challenge = CASE WHEN d ? 'opgave' THEN d ->> 'opgave' ELSE challenge END,
        problem_characteristics = coalesce(d -> 'kenmerken', problem_characteristics),
        governance = CASE WHEN d ? 'governance' THEN d ->> 'governance' ELSE governance END,
        leads = coalesce(d -> 'trekkers', leads),
        principles = coalesce(pf_int_array(d -> 'principes'), principles),
        reform_lines = coalesce(pf_int_array(d -> 'hervormingslijnen'), reform_lines),
        version = version + 1, updated_at = now()
    WHERE number = a.number RETURNING * INTO a;
    RETURN pf_ok(200, a.number::text, a.version, pf_action_line_json(a), NULL, before, NULL);
END
$$;

-- ---- programmes (not tied to one action line: an editor limited to lines may not change them) ----

CREATE FUNCTION pf_programme_lock(p_id uuid) RETURNS TABLE (version integer, line integer)
LANGUAGE sql AS $$
    SELECT g.version, NULL::integer FROM programme g WHERE g.id = p_id FOR UPDATE
$$;

CREATE FUNCTION pf_no_programme_rights() RETURNS pf_result LANGUAGE sql IMMUTABLE AS $$
    SELECT pf_fail(403, NULL, 'Een redacteur die tot actielijnen beperkt is, kan geen programma''s '
                              'wijzigen.')
$$;

CREATE FUNCTION pf_programme_create(p_parent text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    g programme;
BEGIN
    IF p_lines IS NOT NULL THEN
        RETURN pf_no_programme_rights();
    END IF;
    INSERT INTO programme (code, name, description, owner, contact, governance_settled, scale)
    VALUES (d ->> 'code', d ->> 'naam', coalesce(d ->> 'beschrijving', ''), d ->> 'eigenaar',
            d ->> 'contact', (d ->> 'governanceGeregeld')::boolean, d ->> 'schaal')
    ON CONFLICT (code) DO NOTHING
    RETURNING * INTO g;
    IF g.id IS NULL THEN
        RETURN pf_fail(409, NULL, 'Er bestaat al een programma met deze code.');
    END IF;
    RETURN pf_ok(201, g.id::text, g.version, pf_programme_json(g), NULL, NULL, NULL);
END
$$;

CREATE FUNCTION pf_programme_write(p_id text, d jsonb, p_actor text, p_lines integer[],
                                   p_delete boolean) RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    g programme;
    before json;
BEGIN
    SELECT * INTO g FROM programme WHERE id = p_id::uuid FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Dit programma bestaat niet.');
    END IF;
    IF p_lines IS NOT NULL THEN
        RETURN pf_no_programme_rights();
    END IF;
    before := pf_programme_json(g);
    IF p_delete THEN
        IF EXISTS (SELECT 1 FROM project_programme WHERE programme_id = g.id) THEN
            RETURN pf_fail(409, NULL, 'Er zijn nog projecten aan dit programma gekoppeld.');
        END IF;
        DELETE FROM programme WHERE id = g.id;
        RETURN pf_ok(204, g.id::text, g.version, NULL, NULL, before, NULL);
    END IF;
    IF d ? 'code' AND EXISTS (SELECT 1 FROM programme WHERE code = d ->> 'code' AND id <> g.id) THEN
        RETURN pf_fail(409, NULL, 'Er bestaat al een programma met deze code.');
    END IF;
    UPDATE programme SET
        code = coalesce(d ->> 'code', code),
        name = coalesce(d ->> 'naam', name),
        description = coalesce(d ->> 'beschrijving', description),
        owner = CASE WHEN d ? 'eigenaar' THEN d ->> 'eigenaar' ELSE owner END,
        contact = CASE WHEN d ? 'contact' THEN d ->> 'contact' ELSE contact END,
        governance_settled = CASE WHEN d ? 'governanceGeregeld'
                                  THEN (d ->> 'governanceGeregeld')::boolean
                                  ELSE governance_settled END,
        scale = CASE WHEN d ? 'schaal' THEN d ->> 'schaal' ELSE scale END,
        version = version + 1, updated_at = now()
    WHERE id = g.id RETURNING * INTO g;
    RETURN pf_ok(200, g.id::text, g.version, pf_programme_json(g), NULL, before, NULL);
END
$$;

CREATE FUNCTION pf_programme_update(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_programme_write(p_id, d, p_actor, p_lines, false) $$;
CREATE FUNCTION pf_programme_delete(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_programme_write(p_id, d, p_actor, p_lines, true) $$;

-- ---- dependencies ----

-- The action line a side of a dependency belongs to (its own number or its project's line);
-- NULL when the project does not exist.
CREATE FUNCTION pf_side_line(side jsonb) RETURNS integer LANGUAGE sql STABLE AS $$
    SELECT CASE WHEN side ? 'projectId' AND side ->> 'projectId' IS NOT NULL
                THEN (SELECT action_line FROM project WHERE id = (side ->> 'projectId')::uuid)
                ELSE (SELECT number FROM action_line WHERE number = (side ->> 'actielijn')::integer)
           END
$$;

CREATE FUNCTION pf_dependency_create(p_parent text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    from_line integer := pf_side_line(d -> 'van');
    to_line integer := pf_side_line(d -> 'naar');
    x dependency;
BEGIN
    IF from_line IS NULL THEN
        RETURN pf_fail(400, 'van', 'Dit project of deze actielijn bestaat niet.');
    END IF;
    IF to_line IS NULL THEN
        RETURN pf_fail(400, 'naar', 'Dit project of deze actielijn bestaat niet.');
    END IF;
    IF NOT pf_may(p_lines, from_line) THEN
        RETURN pf_forbidden_line(from_line);
    END IF;
    INSERT INTO dependency (from_action_line, from_project, to_action_line, to_project, note)
    VALUES ((d -> 'van' ->> 'actielijn')::integer, (d -> 'van' ->> 'projectId')::uuid,
            (d -> 'naar' ->> 'actielijn')::integer, (d -> 'naar' ->> 'projectId')::uuid,
            coalesce(d ->> 'toelichting', ''))
    RETURNING * INTO x;
    RETURN pf_ok(201, x.id::text, x.version, pf_dependency_json(x), NULL, NULL, NULL);
END
$$;

CREATE FUNCTION pf_dependency_lock(p_id uuid) RETURNS TABLE (version integer, line integer)
LANGUAGE sql AS $$
    SELECT x.version, NULL::integer FROM dependency x WHERE x.id = p_id FOR UPDATE
$$;

CREATE FUNCTION pf_dependency_write(p_id text, d jsonb, p_actor text, p_lines integer[],
                                    p_delete boolean) RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    x dependency;
    l integer;
    before json;
BEGIN
    SELECT * INTO x FROM dependency WHERE id = p_id::uuid FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Deze afhankelijkheid bestaat niet.');
    END IF;
    l := coalesce(x.from_action_line, (SELECT action_line FROM project WHERE id = x.from_project));
    IF NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    before := pf_dependency_json(x);
    IF p_delete THEN
        DELETE FROM dependency WHERE id = x.id;
        RETURN pf_ok(204, x.id::text, x.version, NULL, NULL, before, NULL);
    END IF;
    UPDATE dependency SET note = coalesce(d ->> 'toelichting', note),
                          version = version + 1, updated_at = now()
    WHERE id = x.id RETURNING * INTO x;
    RETURN pf_ok(200, x.id::text, x.version, pf_dependency_json(x), NULL, before, NULL);
END
$$;

CREATE FUNCTION pf_dependency_update(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_dependency_write(p_id, d, p_actor, p_lines, false) $$;
CREATE FUNCTION pf_dependency_delete(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE sql AS $$ SELECT pf_dependency_write(p_id, d, p_actor, p_lines, true) $$;

-- ---- core problems and ideas ----

CREATE FUNCTION pf_core_problem_create(p_parent text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    k core_problem;
BEGIN
    INSERT INTO core_problem (title, description, kind, submitted_by)
    VALUES (d ->> 'titel', coalesce(d ->> 'beschrijving', ''),
            coalesce(d ->> 'soort', 'kernprobleem'), p_actor)
    RETURNING * INTO k;
    RETURN pf_ok(201, k.id::text, k.version, pf_core_problem_json(k), NULL, NULL, NULL);
END
$$;

-- Triage: to an action line, to an existing project, to a new project (created from it), or a
-- gap in the care landscape (hiaat). Only once: a triaged problem answers 409.
CREATE FUNCTION pf_core_problem_triage(p_id text, d jsonb, p_actor text, p_lines integer[])
RETURNS pf_result LANGUAGE plpgsql AS $$
DECLARE
    k core_problem;
    before json;
    outcome text := d ->> 'uitkomst';
    l integer;
    pid uuid;
    created pf_result;
BEGIN
    SELECT * INTO k FROM core_problem WHERE id = p_id::uuid FOR UPDATE;
    IF NOT FOUND THEN
        RETURN pf_fail(404, NULL, 'Dit kernprobleem bestaat niet.');
    END IF;
    IF k.state <> 'ingediend' THEN
        RETURN pf_fail(409, NULL, format('Dit kernprobleem is al getriageerd (%s).', k.state));
    END IF;
    before := pf_core_problem_json(k);
    IF outcome = 'actielijn' THEN
        l := (d ->> 'actielijn')::integer;
        IF l IS NULL THEN
            RETURN pf_fail(400, 'actielijn', 'Verplicht bij uitkomst actielijn.');
        END IF;
    ELSIF outcome = 'project' THEN
        IF d ->> 'projectId' IS NULL THEN
            RETURN pf_fail(400, 'projectId', 'Verplicht bij uitkomst project.');
        END IF;
        SELECT id, action_line INTO pid, l FROM project WHERE id = (d ->> 'projectId')::uuid;
        IF NOT FOUND THEN
            RETURN pf_fail(400, 'projectId', 'Dit project bestaat niet.');
        END IF;
    ELSIF outcome = 'nieuw_project' THEN
        IF d -> 'project' IS NULL THEN
            RETURN pf_fail(400, 'project', 'Verplicht bij uitkomst nieuw_project.');
        END IF;
        created := pf_project_create(NULL, jsonb_build_object('beschrijving', k.description)
                                           || (d -> 'project')
                                           || jsonb_build_object('kernprobleemId', k.id),
                                     p_actor, p_lines);
        IF created.status <> 201 THEN
            created.field := 'project.' || created.field;
            RETURN created;
        END IF;
        pid := created.id::uuid;
        l := (d -> 'project' ->> 'actielijn')::integer;
        -- The new project is a change of its own in the audit trail (same transaction).
        INSERT INTO audit_log (actor, action, object_type, object_id, before, after)
        VALUES (p_actor, 'aangemaakt', 'project', created.id, NULL, created.body::jsonb);
    ELSE -- hiaat
        l := (d ->> 'actielijn')::integer;
    END IF;
    IF l IS NOT NULL AND NOT pf_may(p_lines, l) THEN
        RETURN pf_forbidden_line(l);
    END IF;
    IF l IS NOT NULL AND NOT EXISTS (SELECT 1 FROM action_line WHERE number = l) THEN
        RETURN pf_fail(400, 'actielijn', 'Deze actielijn bestaat niet.');
    END IF;
    UPDATE core_problem SET state = outcome, action_line = l, project_id = pid,
                            triage_note = d ->> 'toelichting', triaged_by = p_actor,
                            triaged_at = now(), version = version + 1, updated_at = now()
    WHERE id = k.id RETURNING * INTO k;
    RETURN pf_ok(200, k.id::text, k.version, pf_core_problem_json(k), NULL, before, NULL);
END
$$;
