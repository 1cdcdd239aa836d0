-- SYNTHETIC DEMO DATA of the contributions service: a plausible multi-year budget 2024-2027 of
-- the Samenwerkingsagenda Jeugdhulp Twente. NOT agenda content and NOT real figures: every row
-- is marked demo = true and its text starts with "DEMO". Loaded by `contributions-service
-- --demo` (scripts/run, scripts/bench; `scripts/run --no-demo` skips it); a production
-- installation never loads it. Deterministic: fixed amounts and ids derived from fixed names
-- (md5(name)::uuid), so loading it twice changes nothing (ON CONFLICT DO NOTHING).
-- The municipal contributions (the structural budget split per inhabitant) and the adoption of
-- the 2024 and 2025 lines are added by the program after this file, with the service's own
-- allocation and revision logic.
--
-- Magnitudes: a programme office of a few FTE (programme manager, secretary, communications,
-- finance and legal advice of SamenTwente) costs some 450-500 thousand euros a year; each action
-- line's incidental project costs are 100-350 thousand euros a year. Organisations are referenced
-- by a stable code (the stakeholders service's organisations), action lines by number.

-- Structural part (programma): category, description, 2024 amount in euros; +3 % a year.
INSERT INTO budget_lines (id, scope_type, year, nature, category, description, amount_cents, demo)
SELECT md5('ctb-demo:begroting:' || y || ':' || s.category)::uuid, 'programma', y, 'structureel',
       s.category, 'DEMO – ' || s.description,
       (round(s.euros * power(1.03, y - 2024)) * 100)::bigint, true
FROM (VALUES
        ('projectleiding', 'Programmamanager en kwartiermaker samenwerkingsagenda', 210000),
        ('ondersteuning', 'Secretariaat en communicatie kernteam', 145000),
        ('bedrijfsvoering', 'Financieel en juridisch advies SamenTwente, huisvesting, ICT', 65000),
        ('onderzoek', 'Monitoring en leercyclus met Kennispunt Twente', 40000)
     ) AS s(category, description, euros)
CROSS JOIN generate_series(2024, 2027) AS y
ON CONFLICT (id) DO NOTHING;

-- Incidental part: project costs per action line and year (euros).
INSERT INTO budget_lines (id, scope_type, action_line, year, nature, category, description,
                          amount_cents, demo)
SELECT md5('ctb-demo:begroting:' || a.y || ':actielijn:' || a.line)::uuid, 'actielijn', a.line,
       a.y, 'incidenteel', 'projectkosten', 'DEMO – Projectkosten actielijn ' || a.line || ' ' || a.title,
       a.euros::bigint * 100, true
FROM (VALUES
        (1, 'Wonen en zorg', 2024, 180000), (1, 'Wonen en zorg', 2025, 240000),
        (1, 'Wonen en zorg', 2026, 200000), (1, 'Wonen en zorg', 2027, 120000),
        (2, 'Onderwijs en zorg', 2024, 150000), (2, 'Onderwijs en zorg', 2025, 220000),
        (2, 'Onderwijs en zorg', 2026, 180000), (2, 'Onderwijs en zorg', 2027, 100000),
        (3, 'Samenwerken met de sociale basis', 2024, 120000),
        (3, 'Samenwerken met de sociale basis', 2025, 160000),
        (3, 'Samenwerken met de sociale basis', 2026, 140000),
        (3, 'Samenwerken met de sociale basis', 2027, 90000),
        (4, 'Passende ambulante zorg', 2024, 200000), (4, 'Passende ambulante zorg', 2025, 300000),
        (4, 'Passende ambulante zorg', 2026, 260000), (4, 'Passende ambulante zorg', 2027, 150000),
        (5, 'Gedwongen kader', 2024, 160000), (5, 'Gedwongen kader', 2025, 210000),
        (5, 'Gedwongen kader', 2026, 170000), (5, 'Gedwongen kader', 2027, 110000)
     ) AS a(line, title, y, euros)
ON CONFLICT (id) DO NOTHING;

INSERT INTO budget_lines (id, scope_type, action_line, year, nature, category, description,
                          amount_cents, demo)
VALUES (md5('ctb-demo:begroting:2025:onderzoek:4')::uuid, 'actielijn', 4, 2025, 'incidenteel',
        'onderzoek', 'DEMO – Evaluatie pilots passende ambulante zorg', 6000000, true)
ON CONFLICT (id) DO NOTHING;

-- Funding sources.
INSERT INTO funding_sources (id, name, type, provider_org, conditions, period_start, period_end,
                             available_cents, demo)
VALUES
    (md5('ctb-demo:bron:gemeenten')::uuid, 'DEMO – Gemeentelijke bijdragen Twente',
     'gemeentelijke_bijdrage', 'samentwente',
     'DEMO – Structureel deel verdeeld per inwoner over de 14 gemeenten.', '2024-01-01',
     '2027-12-31', NULL, true),
    (md5('ctb-demo:bron:impulsgelden')::uuid,
     'DEMO – SPUK Expertisenetwerk Jeugd Overijssel: impulsgelden', 'spuk',
     'expertisenetwerk-jeugd-overijssel',
     'DEMO – Twee keer per jaar aan te vragen voor doorontwikkeling en transformatie.',
     '2024-01-01', '2026-12-31', 40000000, true),
    (md5('ctb-demo:bron:zonmw')::uuid, 'DEMO – ZonMw: passende ambulante zorg', 'subsidie',
     'zonmw', 'DEMO – Onderzoek en evaluatie van pilots; verantwoording na afloop.',
     '2025-01-01', '2026-12-31', 25000000, true),
    (md5('ctb-demo:bron:rijk')::uuid, 'DEMO – Rijk: middelen Hervormingsagenda', 'rijk', 'vws',
     'DEMO – Inzet op de actielijnen van de Hervormingsagenda.', '2025-01-01', '2027-12-31',
     30000000, true),
    (md5('ctb-demo:bron:provincie')::uuid, 'DEMO – Provincie Overijssel', 'provincie',
     'provincie-overijssel', NULL, '2024-01-01', '2025-12-31', 10000000, true)
ON CONFLICT (id) DO NOTHING;

-- Subsidies and other partners' contributions (money in cents, staff in hours).
INSERT INTO contributions (id, organisation, scope_type, action_line, year, kind, amount_cents,
                           hours, hourly_rate_cents, funding_source_id, status, contributed_on,
                           note, demo)
SELECT md5('ctb-demo:bijdrage:' || c.tag)::uuid, c.org, c.scope, c.line, c.y, c.kind, c.cents,
       c.hours, c.rate, md5('ctb-demo:bron:' || c.source)::uuid, c.status, c.day::date,
       'DEMO – ' || c.note, true
FROM (VALUES
    ('impuls-2024-1', 'expertisenetwerk-jeugd-overijssel', 'actielijn', 1, 2024, 'geld', 5000000, NULL::bigint, NULL::bigint, 'impulsgelden', 'gerealiseerd', '2024-04-15', 'Impulsgelden voorjaarsronde'),
    ('impuls-2024-1-toezegging', 'expertisenetwerk-jeugd-overijssel', 'actielijn', 1, 2024, 'geld', 5000000, NULL, NULL, 'impulsgelden', 'toegezegd', '2024-03-01', 'Impulsgelden voorjaarsronde (toekenning)'),
    ('impuls-2024-2', 'expertisenetwerk-jeugd-overijssel', 'actielijn', 1, 2024, 'geld', 5000000, NULL, NULL, 'impulsgelden', 'toegezegd', '2024-10-15', 'Impulsgelden najaarsronde'),
    ('impuls-2025-1', 'expertisenetwerk-jeugd-overijssel', 'actielijn', 5, 2025, 'geld', 6000000, NULL, NULL, 'impulsgelden', 'toegezegd', '2025-04-15', 'Impulsgelden voorjaarsronde'),
    ('zonmw-2025', 'zonmw', 'actielijn', 4, 2025, 'geld', 12500000, NULL, NULL, 'zonmw', 'toegezegd', '2025-02-01', 'Subsidie evaluatie pilots'),
    ('zonmw-2026', 'zonmw', 'actielijn', 4, 2026, 'geld', 12500000, NULL, NULL, 'zonmw', 'toegezegd', '2026-02-01', 'Subsidie evaluatie pilots, tweede tranche'),
    ('rijk-2025', 'vws', 'actielijn', 2, 2025, 'geld', 15000000, NULL, NULL, 'rijk', 'toegezegd', '2025-03-01', 'Hervormingsagenda: onderwijs en zorg'),
    ('provincie-2024', 'provincie-overijssel', 'actielijn', 3, 2024, 'geld', 5000000, NULL, NULL, 'provincie', 'gerealiseerd', '2024-06-01', 'Bijdrage sociale basis'),
    ('provincie-2024-toezegging', 'provincie-overijssel', 'actielijn', 3, 2024, 'geld', 5000000, NULL, NULL, 'provincie', 'toegezegd', '2024-02-01', 'Bijdrage sociale basis (toezegging)'),
    ('kennispunt-2024', 'kennispunt-twente', 'programma', NULL, 2024, 'menskracht', NULL, 400, 9500, NULL, 'toegezegd', '2024-01-15', 'Analisten voor de monitor'),
    ('kennispunt-2025', 'kennispunt-twente', 'programma', NULL, 2025, 'menskracht', NULL, 400, 9500, NULL, 'toegezegd', '2025-01-15', 'Analisten voor de monitor'),
    ('accare-2025', 'accare', 'actielijn', 2, 2025, 'menskracht', NULL, 200, NULL, NULL, 'toegezegd', '2025-02-15', 'Inzet behandelaars onderwijs-zorgarrangementen')
) AS c(tag, org, scope, line, y, kind, cents, hours, rate, source, status, day, note)
ON CONFLICT (id) DO NOTHING;

-- Expenditures of 2024: a quarter of each structural line per quarter, and some project costs.
INSERT INTO expenditures (id, budget_line_id, spent_on, amount_cents, description, demo)
SELECT md5('ctb-demo:uitgave:' || b.id || ':' || q)::uuid, b.id,
       make_date(2024, q * 3, 28), b.amount_cents / 4, 'DEMO – Kwartaal ' || q, true
FROM budget_lines b CROSS JOIN generate_series(1, 4) AS q
WHERE b.demo AND b.year = 2024 AND b.nature = 'structureel'
ON CONFLICT (id) DO NOTHING;

INSERT INTO expenditures (id, budget_line_id, spent_on, amount_cents, description, demo)
SELECT md5('ctb-demo:uitgave:' || b.id || ':project')::uuid, b.id, '2024-11-30',
       b.amount_cents * 7 / 10, 'DEMO – Projectkosten 2024', true
FROM budget_lines b
WHERE b.demo AND b.year = 2024 AND b.nature = 'incidenteel'
ON CONFLICT (id) DO NOTHING;
