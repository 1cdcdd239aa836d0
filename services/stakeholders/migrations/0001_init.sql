-- The stakeholders service's schema: organisations, people, bodies (gremia), seats and their
-- holders, involvements in the portfolio's action lines, projects and programmes, constituency
-- rounds, and the audit trail. Names are unqualified: the service role's search_path is its
-- schema. Cross-service references (projects, programmes) are ids without a foreign key: the
-- portfolio service owns another schema (see DESIGN.md).

-- Case- and accent-insensitive search and sort text.
CREATE FUNCTION fold(t text) RETURNS text
LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
    SELECT lower(translate(t,
        'ÀÁÂÃÄÅàáâãäåÈÉÊËèéêëÌÍÎÏìíîïÒÓÔÕÖØòóôõöøÙÚÛÜùúûüÝýÿÇçÑñ',
        'AAAAAAaaaaaaEEEEeeeeIIIIiiiiOOOOOOooooooUUUUuuuuYyyCcNn'))
$$;

CREATE TABLE organisations (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CONSTRAINT organisations_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    type text NOT NULL CHECK (type IN ('gemeente', 'zorgaanbieder', 'onderwijs',
        'gecertificeerde_instelling', 'jgz', 'clientvertegenwoordiging', 'kennisinstituut',
        'financier', 'regionale_organisatie', 'rijk', 'ketenpartner', 'adviesbureau', 'overig')),
    sector text CHECK (char_length(sector) BETWEEN 1 AND 200),
    website text CHECK (website ~ '^https?://[^\s]+$' AND char_length(website) <= 500),
    cbs_code text CONSTRAINT organisations_cbs_code_key UNIQUE
        CONSTRAINT organisations_cbs_code_format CHECK (cbs_code ~ '^GM[0-9]{4}$'),
    inhabitants integer CHECK (inhabitants >= 0),
    -- A municipality has its CBS code; nothing else has one (nor inhabitants).
    CONSTRAINT organisations_cbs_code_type CHECK ((type = 'gemeente') = (cbs_code IS NOT NULL)),
    CONSTRAINT organisations_inhabitants_type CHECK (type = 'gemeente' OR inhabitants IS NULL),
    sort_key text COLLATE "C" GENERATED ALWAYS AS (fold(name) || ' ' || id::text) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX organisations_sort ON organisations (sort_key);
CREATE INDEX organisations_type ON organisations (type, sort_key);

-- People: minimal personal data (name, organisation, function; contact details optional).
CREATE TABLE people (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'), -- seed key
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    organisation_id uuid CONSTRAINT people_organisation_fk REFERENCES organisations (id),
    function text CHECK (char_length(function) BETWEEN 1 AND 200),
    email text CHECK (char_length(email) <= 254 AND email ~ '^[^@\s]+@[^@\s]+$'),
    phone text CHECK (phone ~ '^\+?[0-9 ()-]{6,20}$'),
    sort_key text COLLATE "C" GENERATED ALWAYS AS (fold(name) || ' ' || id::text) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX people_sort ON people (sort_key);
CREATE INDEX people_organisation ON people (organisation_id);

-- A seeded person who was erased must not come back with the next --seed: only a SHA-256 of
-- the seed key is kept (see DESIGN.md, Erasure).
CREATE TABLE erased_seed_keys (key_hash text PRIMARY KEY);

CREATE TABLE bodies (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CONSTRAINT bodies_code_format CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    kind text NOT NULL CHECK (kind IN ('kernteam', 'werkgroep', 'stuurgroep', 'actielijnteam',
        'bestuur', 'platform', 'projectgroep', 'klankbordgroep', 'overig')),
    cadence_weeks integer CHECK (cadence_weeks BETWEEN 1 AND 52),
    action_lines integer[] NOT NULL DEFAULT '{}'
        CONSTRAINT bodies_action_lines_range CHECK (action_lines <@ ARRAY[1, 2, 3, 4, 5]),
    programme_id text CHECK (char_length(programme_id) BETWEEN 1 AND 100), -- portfolio id
    description text CHECK (char_length(description) <= 2000),
    sort_key text COLLATE "C" GENERATED ALWAYS AS (fold(name) || ' ' || id::text) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX bodies_sort ON bodies (sort_key);
CREATE INDEX bodies_action_lines ON bodies USING gin (action_lines);

-- A seat in a body: held by up to two people (a shared seat), or by nobody (a vacancy).
CREATE TABLE seats (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,63}$'),
    body_id uuid NOT NULL CONSTRAINT seats_body_fk REFERENCES bodies (id) ON DELETE CASCADE,
    position integer NOT NULL DEFAULT 0 CHECK (position >= 0),
    role text NOT NULL CHECK (role IN ('voorzitter', 'lid', 'trekker', 'secretaris', 'adviseur',
        'plaatsvervanger')),
    constituency text CHECK (char_length(constituency) BETWEEN 1 AND 200),
    start_date date,
    end_date date,
    CONSTRAINT seats_period CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    note text CHECK (char_length(note) <= 1000),
    sort_key text COLLATE "C" GENERATED ALWAYS AS (lpad(position::text, 6, '0') || ' ' || id::text) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX seats_body ON seats (body_id, sort_key);
CREATE INDEX seats_sort ON seats (sort_key);
CREATE INDEX seats_end_date ON seats (end_date) WHERE end_date IS NOT NULL;

CREATE TABLE seat_holders (
    seat_id uuid NOT NULL REFERENCES seats (id) ON DELETE CASCADE,
    person_id uuid NOT NULL CONSTRAINT seat_holders_person_fk REFERENCES people (id),
    slot integer NOT NULL CONSTRAINT seat_holders_slot CHECK (slot IN (1, 2)),
    PRIMARY KEY (seat_id, person_id),
    CONSTRAINT seat_holders_shared UNIQUE (seat_id, slot)
);
CREATE INDEX seat_holders_person ON seat_holders (person_id);

-- The organisations a seat represents ("Accare/Karakter": two).
CREATE TABLE seat_organisations (
    seat_id uuid NOT NULL REFERENCES seats (id) ON DELETE CASCADE,
    organisation_id uuid NOT NULL CONSTRAINT seat_organisations_organisation_fk
        REFERENCES organisations (id),
    slot integer NOT NULL,
    PRIMARY KEY (seat_id, organisation_id)
);
CREATE INDEX seat_organisations_organisation ON seat_organisations (organisation_id);

-- An organisation or a person involved in an action line (1..5), a project or a programme (ids
-- of the portfolio service, no foreign key across schemas).
CREATE TABLE involvements (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation_id uuid CONSTRAINT involvements_organisation_fk REFERENCES organisations (id),
    person_id uuid CONSTRAINT involvements_person_fk REFERENCES people (id),
    CONSTRAINT involvements_subject CHECK ((organisation_id IS NULL) <> (person_id IS NULL)),
    target_type text NOT NULL CHECK (target_type IN ('actielijn', 'project', 'programma')),
    target_id text NOT NULL,
    CONSTRAINT involvements_target_id CHECK (
        (target_type = 'actielijn' AND target_id IN ('1', '2', '3', '4', '5'))
        OR (target_type <> 'actielijn' AND target_id ~ '^[A-Za-z0-9._:-]{1,100}$')),
    role text NOT NULL CHECK (role IN ('trekker', 'opdrachtgever', 'deelnemer', 'financier',
        'uitvoerder', 'adviseur')),
    note text CHECK (char_length(note) <= 1000),
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX involvements_unique ON involvements
    (coalesce(organisation_id, person_id), target_type, target_id, role);
CREATE INDEX involvements_target ON involvements (target_type, target_id, id);
CREATE INDEX involvements_organisation ON involvements (organisation_id, id);
CREATE INDEX involvements_person ON involvements (person_id, id);

-- Constituency rounds (achterbanraadpleging) after a body's session.
CREATE TABLE rounds (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    body_id uuid NOT NULL CONSTRAINT rounds_body_fk REFERENCES bodies (id) ON DELETE CASCADE,
    session_date date NOT NULL,
    mailing_date date NOT NULL,
    deadline date NOT NULL,
    CONSTRAINT rounds_dates CHECK (mailing_date >= session_date AND deadline >= mailing_date),
    subject text CHECK (char_length(subject) BETWEEN 1 AND 300),
    -- the session date as a sortable number (a date's text form depends on DateStyle)
    sort_key text COLLATE "C" GENERATED ALWAYS AS
        (lpad((session_date - DATE '2000-01-01' + 1000000)::text, 8, '0') || ' ' || id::text) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rounds_body ON rounds (body_id, sort_key);
CREATE INDEX rounds_sort ON rounds (sort_key);

CREATE TABLE round_inputs (
    round_id uuid NOT NULL REFERENCES rounds (id) ON DELETE CASCADE,
    person_id uuid NOT NULL REFERENCES people (id),
    text text NOT NULL CHECK (char_length(text) BETWEEN 1 AND 10000),
    received_on date NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (round_id, person_id)
);
CREATE INDEX round_inputs_person ON round_inputs (person_id);

CREATE TABLE audit_log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    action text NOT NULL,
    object_type text NOT NULL,
    object_id text,
    before jsonb,
    after jsonb
);
CREATE INDEX audit_log_object ON audit_log (object_type, object_id, id);

-- Replace, in every string of doc, each of secrets (a person's id, name, e-mail, phone)
-- by "[gewist]": what an erasure does to earlier audit rows that mention the person.
CREATE FUNCTION scrub_json(doc jsonb, secrets text[]) RETURNS jsonb
LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF doc IS NULL THEN
        RETURN NULL;
    END IF;
    CASE jsonb_typeof(doc)
    WHEN 'object' THEN
        RETURN coalesce((SELECT jsonb_object_agg(k, scrub_json(v, secrets))
                         FROM jsonb_each(doc) AS e(k, v)), '{}'::jsonb);
    WHEN 'array' THEN
        RETURN coalesce((SELECT jsonb_agg(scrub_json(v, secrets) ORDER BY i)
                         FROM jsonb_array_elements(doc) WITH ORDINALITY AS e(v, i)), '[]'::jsonb);
    WHEN 'string' THEN
        RETURN to_jsonb((SELECT coalesce(
            (WITH RECURSIVE r(i, t) AS (
                 SELECT 0, doc #>> '{}'
                 UNION ALL
                 SELECT r.i + 1, replace(r.t, secrets[r.i + 1], '[gewist]')
                 FROM r WHERE r.i < coalesce(array_length(secrets, 1), 0))
             SELECT t FROM r ORDER BY i DESC LIMIT 1), doc #>> '{}')));
    ELSE
        RETURN doc;
    END CASE;
END
$$;
