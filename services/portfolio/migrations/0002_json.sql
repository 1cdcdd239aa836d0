-- Representations built by PostgreSQL (json_build_object), one function per resource, so that
-- every statement that answers a resource builds it the same way.

CREATE FUNCTION pf_ts(t timestamptz) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
$$;

CREATE FUNCTION pf_principle_json(x principle) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object('nummer', x.number, 'titel', x.title, 'bron', x.source)
$$;

CREATE FUNCTION pf_reform_line_json(x reform_line) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object('nummer', x.number, 'titel', x.title, 'bron', x.source)
$$;

CREATE FUNCTION pf_action_line_json(a action_line) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'nummer', a.number, 'titel', a.title, 'motto', a.motto, 'opgave', a.challenge,
        'kenmerken', a.problem_characteristics, 'governance', a.governance, 'trekkers', a.leads,
        'principes', to_json(a.principles), 'hervormingslijnen', to_json(a.reform_lines),
        'bron', a.source, 'gewijzigd', pf_ts(a.updated_at), 'versie', a.version)
$$;

CREATE FUNCTION pf_programme_json(g programme) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', g.id, 'code', g.code, 'naam', g.name, 'beschrijving', g.description,
        'eigenaar', g.owner, 'contact', g.contact, 'governanceGeregeld', g.governance_settled,
        'schaal', g.scale, 'bron', g.source, 'aangemaakt', pf_ts(g.created_at),
        'gewijzigd', pf_ts(g.updated_at), 'versie', g.version)
$$;

CREATE FUNCTION pf_latest_rag(p_id uuid) RETURNS text LANGUAGE sql STABLE AS $$
    SELECT r.rag FROM progress_report r WHERE r.project_id = p_id
    ORDER BY r.period_end DESC, r.created_at DESC LIMIT 1
$$;

CREATE FUNCTION pf_project_json(p project) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', p.id, 'code', p.code, 'actielijn', p.action_line, 'titel', p.title,
        'beschrijving', p.description, 'soort', p.kind, 'rang', p.rank, 'fase', p.phase,
        'status', p.status, 'schaal', p.scale, 'startdatum', p.start_date,
        'einddatum', p.end_date, 'randvoorwaarden', p.preconditions,
        'principes', to_json(p.principles), 'hervormingslijnen', to_json(p.reform_lines),
        'programmas', (SELECT coalesce(json_agg(json_build_object('id', g.id, 'code', g.code,
                                                                  'naam', g.name) ORDER BY g.code), '[]')
                       FROM project_programme pp JOIN programme g ON g.id = pp.programme_id
                       WHERE pp.project_id = p.id),
        'tags', to_json(p.tags), 'nummerInBron', p.seed_number,
        'kernprobleemId', p.core_problem_id, 'bron', p.source,
        'laatsteRag', pf_latest_rag(p.id),
        'aangemaakt', pf_ts(p.created_at), 'gewijzigd', pf_ts(p.updated_at), 'versie', p.version)
$$;

CREATE FUNCTION pf_phase_change_json(e phase_change) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', e.id, 'projectId', e.project_id, 'vanFase', e.from_phase, 'naarFase', e.to_phase,
        'datum', e.change_date, 'toelichting', e.note, 'door', e.actor,
        'geaccepteerdeOpenRandvoorwaarden', to_json(e.accepted_open),
        'geregistreerd', pf_ts(e.created_at))
$$;

CREATE FUNCTION pf_milestone_json(m milestone) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', m.id, 'projectId', m.project_id, 'titel', m.title, 'beschrijving', m.description,
        'streefdatum', m.due_date, 'gereedOp', m.done_date,
        'bestuurlijkBesluitGevraagd', m.decision_asked,
        'aangemaakt', pf_ts(m.created_at), 'gewijzigd', pf_ts(m.updated_at), 'versie', m.version)
$$;

CREATE FUNCTION pf_report_json(r progress_report) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', r.id, 'projectId', r.project_id, 'periodeVan', r.period_start,
        'periodeTot', r.period_end, 'ragStatus', r.rag, 'samenvatting', r.summary,
        'resultaten', r.results, 'risicos', r.risks, 'volgendeStappen', r.next_steps,
        'gevraagdeBesluiten', r.decisions_asked, 'door', r.actor,
        'aangemaakt', pf_ts(r.created_at), 'gewijzigd', pf_ts(r.updated_at), 'versie', r.version)
$$;

CREATE FUNCTION pf_dependency_json(d dependency) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', d.id, 'code', d.code,
        'van', json_build_object('actielijn', d.from_action_line, 'projectId', d.from_project),
        'naar', json_build_object('actielijn', d.to_action_line, 'projectId', d.to_project),
        'toelichting', d.note, 'bron', d.source,
        'aangemaakt', pf_ts(d.created_at), 'gewijzigd', pf_ts(d.updated_at), 'versie', d.version)
$$;

CREATE FUNCTION pf_core_problem_json(k core_problem) RETURNS json LANGUAGE sql STABLE AS $$
    SELECT json_build_object(
        'id', k.id, 'titel', k.title, 'beschrijving', k.description, 'soort', k.kind,
        'ingediendDoor', k.submitted_by, 'status', k.state, 'actielijn', k.action_line,
        'projectId', k.project_id, 'triageToelichting', k.triage_note,
        'getriageerdDoor', k.triaged_by, 'getriageerdOp', pf_ts(k.triaged_at),
        'ingediend', pf_ts(k.created_at), 'versie', k.version)
$$;
