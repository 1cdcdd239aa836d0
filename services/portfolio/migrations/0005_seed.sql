-- `portfolio-service --seed`: load the agenda of the seeds (services/portfolio/seed/*.json),
-- idempotently, upserting on natural keys (numbers, codes) so that ids stay stable. A row that
-- was changed through the API (version > 1) keeps its changes; a seeded project that was deleted
-- (seed_tombstone) is not brought back. Returns the number of rows inserted.
CREATE FUNCTION pf_seed(doc jsonb) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    item jsonb;
    inserted integer := 0;
    n integer;
    pid uuid;
    src text := doc ->> 'bron';
BEGIN
    FOR item IN SELECT * FROM jsonb_array_elements(coalesce(doc -> 'principes', '[]')) LOOP
        INSERT INTO principle (number, title, source)
        VALUES ((item ->> 'nummer')::integer, item ->> 'titel', src)
        ON CONFLICT (number) DO UPDATE SET title = excluded.title, source = excluded.source;
    END LOOP;
    FOR item IN SELECT * FROM jsonb_array_elements(coalesce(doc -> 'hervormingslijnen', '[]')) LOOP
        INSERT INTO reform_line (number, title, source)
        VALUES ((item ->> 'nummer')::integer, item ->> 'titel', src)
        ON CONFLICT (number) DO UPDATE SET title = excluded.title, source = excluded.source;
    END LOOP;
    FOR item IN SELECT * FROM jsonb_array_elements(coalesce(doc -> 'actielijnen', '[]')) LOOP
        INSERT INTO action_line (number, title, motto, challenge, problem_characteristics,
                                 governance, leads, principles, reform_lines, source)
        VALUES ((item ->> 'nummer')::integer, item ->> 'titel', item ->> 'motto',
                item ->> 'opgave', coalesce(item -> 'kenmerken', '[]'), item ->> 'governance',
                coalesce(item -> 'trekkers', '[]'), pf_int_array(item -> 'principes'),
                pf_int_array(item -> 'hervormingslijnen'), src)
        ON CONFLICT (number) DO UPDATE SET
            title = excluded.title, motto = excluded.motto, challenge = excluded.challenge,
            problem_characteristics = excluded.problem_characteristics,
            governance = excluded.governance, leads = excluded.leads,
            principles = excluded.principles, reform_lines = excluded.reform_lines,
            source = excluded.source
        WHERE action_line.version = 1;
    END LOOP;
    FOR item IN SELECT * FROM jsonb_array_elements(coalesce(doc -> 'programmas', '[]')) LOOP
        INSERT INTO programme (code, name, description, owner, contact, governance_settled,
                               scale, source)
        VALUES (item ->> 'code', item ->> 'naam', coalesce(item ->> 'beschrijving', ''),
                item ->> 'eigenaar', item ->> 'contact', (item ->> 'governanceGeregeld')::boolean,
                item ->> 'schaal', src)
        ON CONFLICT (code) DO UPDATE SET
            name = excluded.name, description = excluded.description, owner = excluded.owner,
            contact = excluded.contact, governance_settled = excluded.governance_settled,
            scale = excluded.scale, source = excluded.source
        WHERE programme.version = 1;
    END LOOP;
    -- Projects in the seed's order: a new one goes to the end of its action line, so a fresh
    -- installation has exactly the seed's ranks.
    FOR item IN SELECT * FROM jsonb_array_elements(coalesce(doc -> 'projecten', '[]')) LOOP
        CONTINUE WHEN EXISTS (SELECT 1 FROM seed_tombstone
                              WHERE kind = 'project' AND code = item ->> 'code');
        SELECT id INTO pid FROM project WHERE code = item ->> 'code';
        IF pid IS NULL THEN
            PERFORM 1 FROM action_line WHERE number = (item ->> 'actielijn')::integer FOR UPDATE;
            SELECT count(*) INTO n FROM project WHERE action_line = (item ->> 'actielijn')::integer;
            INSERT INTO project (code, action_line, title, description, kind, rank, phase, status,
                                 scale, principles, reform_lines, tags, seed_number, source)
            VALUES (item ->> 'code', (item ->> 'actielijn')::integer, item ->> 'titel',
                    coalesce(item ->> 'beschrijving', ''), item ->> 'soort', n + 1,
                    coalesce(item ->> 'fase', 'onderzoek'), coalesce(item ->> 'status', 'voorgesteld'),
                    item ->> 'schaal', coalesce(pf_int_array(item -> 'principes'), '{}'),
                    coalesce(pf_int_array(item -> 'hervormingslijnen'), '{}'),
                    coalesce(pf_text_array(item -> 'tags'), '{}'), item ->> 'nummerInBron', src)
            RETURNING id INTO pid;
            inserted := inserted + 1;
        ELSE
            UPDATE project SET title = item ->> 'titel',
                               description = coalesce(item ->> 'beschrijving', ''),
                               kind = item ->> 'soort', scale = item ->> 'schaal',
                               tags = coalesce(pf_text_array(item -> 'tags'), '{}'),
                               seed_number = item ->> 'nummerInBron', source = src
            WHERE id = pid AND version = 1;
            CONTINUE WHEN NOT FOUND;
        END IF;
        DELETE FROM project_programme WHERE project_id = pid;
        INSERT INTO project_programme (project_id, programme_id)
        SELECT pid, g.id FROM programme g
        WHERE g.code IN (SELECT jsonb_array_elements_text(coalesce(item -> 'programmaCodes', '[]')));
    END LOOP;
    FOR item IN SELECT * FROM jsonb_array_elements(coalesce(doc -> 'afhankelijkheden', '[]')) LOOP
        INSERT INTO dependency (code, from_action_line, from_project, to_action_line, to_project,
                                note, source)
        SELECT item ->> 'code', (item -> 'van' ->> 'actielijn')::integer, fp.id,
               (item -> 'naar' ->> 'actielijn')::integer, tp.id, item ->> 'toelichting', src
        FROM (SELECT 1) one
        LEFT JOIN project fp ON fp.code = item -> 'van' ->> 'project'
        LEFT JOIN project tp ON tp.code = item -> 'naar' ->> 'project'
        WHERE (item -> 'van' ->> 'project' IS NULL OR fp.id IS NOT NULL)
          AND (item -> 'naar' ->> 'project' IS NULL OR tp.id IS NOT NULL)
        ON CONFLICT (code) DO UPDATE SET note = excluded.note, source = excluded.source
        WHERE dependency.version = 1;
    END LOOP;
    RETURN inserted;
END
$$;
