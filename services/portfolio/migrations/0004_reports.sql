-- Read models: the dashboard overview and the steering-group report, each one statement.

CREATE INDEX phase_change_project_date ON phase_change (project_id, change_date);
CREATE INDEX core_problem_line ON core_problem (action_line, created_at);

-- Per action line: projects by phase, by status and the distribution of their latest RAG.
CREATE FUNCTION pf_overview() RETURNS json LANGUAGE sql STABLE AS $$
    WITH latest AS (
        SELECT p.action_line, p.phase, p.status, pf_latest_rag(p.id) AS rag FROM project p
    )
    SELECT json_build_object('actielijnen', coalesce(json_agg(x ORDER BY x.nummer), '[]'))
    FROM (
        SELECT a.number AS nummer, a.title AS titel,
               (SELECT count(*) FROM latest l WHERE l.action_line = a.number) AS "aantalProjecten",
               (SELECT json_object_agg(v, (SELECT count(*) FROM latest l
                                           WHERE l.action_line = a.number AND l.phase = v))
                FROM unnest(ARRAY['onderzoek', 'analyse', 'plan', 'project', 'oplevering']) v)
                   AS "perFase",
               (SELECT json_object_agg(v, (SELECT count(*) FROM latest l
                                           WHERE l.action_line = a.number AND l.status = v))
                FROM unnest(ARRAY['voorgesteld', 'actief', 'gepauzeerd', 'afgerond', 'gestopt']) v)
                   AS "perStatus",
               (SELECT json_object_agg(v, (SELECT count(*) FROM latest l
                                           WHERE l.action_line = a.number
                                             AND coalesce(l.rag, 'geen') = v))
                FROM unnest(ARRAY['op_koers', 'risico', 'achter', 'geen']) v) AS "perRag"
        FROM action_line a
    ) x
$$;

-- The steering-group report for [p_from, p_to]: per action line the projects (phase, status,
-- latest RAG up to p_to), what changed (phase changes, reports and audited changes in the
-- range), milestones due in the p_weeks weeks after p_to and those overdue at p_to, decisions
-- asked, and new core problems. Each part is aggregated once, grouped by action line (hash
-- joins), not once per line.
CREATE FUNCTION pf_steering_report(p_from date, p_to date, p_weeks integer) RETURNS json
LANGUAGE sql STABLE AS $$
    WITH proj AS MATERIALIZED (
        SELECT p.id, p.action_line, p.rank, p.title, p.phase, p.status, p.kind,
               (SELECT r.rag FROM progress_report r
                WHERE r.project_id = p.id AND r.period_end <= p_to
                ORDER BY r.period_end DESC, r.created_at DESC LIMIT 1) AS rag
        FROM project p
    ),
    projects AS (
        SELECT p.action_line AS line, json_agg(json_build_object(
                   'id', p.id, 'rang', p.rank, 'titel', p.title, 'soort', p.kind,
                   'fase', p.phase, 'status', p.status, 'laatsteRag', p.rag) ORDER BY p.rank) AS j
        FROM proj p GROUP BY p.action_line
    ),
    phases AS (
        SELECT p.action_line AS line, json_agg(json_build_object(
                   'projectId', e.project_id, 'titel', p.title, 'vanFase', e.from_phase,
                   'naarFase', e.to_phase, 'datum', e.change_date, 'toelichting', e.note,
                   'door', e.actor, 'geaccepteerdeOpenRandvoorwaarden', to_json(e.accepted_open))
                   ORDER BY e.change_date, e.created_at) AS j
        FROM phase_change e JOIN proj p ON p.id = e.project_id
        WHERE e.change_date BETWEEN p_from AND p_to GROUP BY p.action_line
    ),
    reports AS (
        SELECT p.action_line AS line, json_agg(json_build_object(
                   'id', r.id, 'projectId', r.project_id, 'titel', p.title,
                   'periodeVan', r.period_start, 'periodeTot', r.period_end, 'ragStatus', r.rag,
                   'samenvatting', r.summary, 'risicos', r.risks, 'volgendeStappen', r.next_steps)
                   ORDER BY r.period_end, r.created_at) AS j
        FROM progress_report r JOIN proj p ON p.id = r.project_id
        WHERE r.period_end BETWEEN p_from AND p_to GROUP BY p.action_line
    ),
    changes AS (
        SELECT p.action_line AS line, json_agg(json_build_object(
                   'projectId', p.id, 'titel', p.title, 'actie', g.action,
                   'tijdstip', pf_ts(g.at), 'actor', g.actor) ORDER BY g.id) AS j
        FROM audit_log g JOIN proj p ON g.object_id = p.id::text
        WHERE g.object_type = 'project' AND g.at >= p_from AND g.at < p_to + 1
        GROUP BY p.action_line
    ),
    open_milestones AS (
        SELECT p.action_line, p.title AS project, m.*
        FROM milestone m JOIN proj p ON p.id = m.project_id
        WHERE m.done_date IS NULL AND m.due_date <= p_to + 7 * p_weeks
    ),
    upcoming AS (
        SELECT m.action_line AS line, json_agg(json_build_object(
                   'id', m.id, 'projectId', m.project_id, 'project', m.project, 'titel', m.title,
                   'streefdatum', m.due_date, 'bestuurlijkBesluitGevraagd', m.decision_asked)
                   ORDER BY m.due_date) AS j
        FROM open_milestones m WHERE m.due_date > p_to GROUP BY m.action_line
    ),
    overdue AS (
        SELECT m.action_line AS line, json_agg(json_build_object(
                   'id', m.id, 'projectId', m.project_id, 'project', m.project, 'titel', m.title,
                   'streefdatum', m.due_date, 'bestuurlijkBesluitGevraagd', m.decision_asked)
                   ORDER BY m.due_date) AS j
        FROM open_milestones m WHERE m.due_date <= p_to GROUP BY m.action_line
    ),
    decisions AS (
        SELECT q.line, json_agg(q.b ORDER BY q.d) AS j FROM (
            SELECT m.action_line AS line, m.due_date AS d,
                   json_build_object('bron', 'mijlpaal', 'id', m.id, 'projectId', m.project_id,
                                     'project', m.project, 'tekst', m.title, 'datum', m.due_date) AS b
            FROM open_milestones m WHERE m.decision_asked
            UNION ALL
            SELECT p.action_line, r.period_end,
                   json_build_object('bron', 'rapportage', 'id', r.id, 'projectId', r.project_id,
                                     'project', p.title, 'tekst', r.decisions_asked,
                                     'datum', r.period_end)
            FROM progress_report r JOIN proj p ON p.id = r.project_id
            WHERE r.decisions_asked <> '' AND r.period_end BETWEEN p_from AND p_to
        ) q GROUP BY q.line
    ),
    problems AS (
        SELECT k.action_line AS line, json_agg(pf_core_problem_json(k) ORDER BY k.created_at) AS j
        FROM core_problem k
        WHERE k.created_at >= p_from AND k.created_at < p_to + 1
        GROUP BY k.action_line
    )
    SELECT json_build_object(
        'van', p_from, 'tot', p_to, 'weken', p_weeks,
        'actielijnen', (SELECT coalesce(json_agg(json_build_object(
            'nummer', a.number, 'titel', a.title,
            'projecten', coalesce(pr.j, '[]'), 'faseWijzigingen', coalesce(ph.j, '[]'),
            'rapportages', coalesce(re.j, '[]'), 'wijzigingen', coalesce(ch.j, '[]'),
            'mijlpalenKomend', coalesce(up.j, '[]'), 'mijlpalenTeLaat', coalesce(od.j, '[]'),
            'gevraagdeBesluiten', coalesce(de.j, '[]'), 'nieuweKernproblemen', coalesce(kp.j, '[]'))
            ORDER BY a.number), '[]')
            FROM action_line a
            LEFT JOIN projects pr ON pr.line = a.number LEFT JOIN phases ph ON ph.line = a.number
            LEFT JOIN reports re ON re.line = a.number LEFT JOIN changes ch ON ch.line = a.number
            LEFT JOIN upcoming up ON up.line = a.number LEFT JOIN overdue od ON od.line = a.number
            LEFT JOIN decisions de ON de.line = a.number LEFT JOIN problems kp ON kp.line = a.number),
        'nieuweKernproblemenZonderActielijn',
            (SELECT coalesce(j, '[]') FROM (SELECT 1) one LEFT JOIN problems ON problems.line IS NULL))
$$;
