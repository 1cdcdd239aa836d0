-- The portfolio service's schema: the agenda itself. Names are unqualified: the service role's
-- search_path is its schema. References to other services (people of the stakeholders service)
-- are ids only, never foreign keys across schemas (see DESIGN.md).

-- Reference lists: the 8 guiding principles (Regiovisie) and the 8 reform-agenda lines.
CREATE TABLE principle (
    number integer PRIMARY KEY CHECK (number BETWEEN 1 AND 8),
    title text NOT NULL,
    source text
);

CREATE TABLE reform_line (
    number integer PRIMARY KEY CHECK (number BETWEEN 1 AND 8),
    title text NOT NULL,
    source text
);

CREATE TABLE action_line (
    number integer PRIMARY KEY CHECK (number BETWEEN 1 AND 5),
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
    motto text,
    challenge text,                                  -- opgave
    problem_characteristics jsonb NOT NULL DEFAULT '[]', -- [{"titel","tekst"}]
    governance text,
    leads jsonb NOT NULL DEFAULT '[]',               -- [{"naam","persoonId"}] (stakeholders ids)
    principles integer[] NOT NULL DEFAULT '{}' CHECK (principles <@ ARRAY[1,2,3,4,5,6,7,8]),
    reform_lines integer[] NOT NULL DEFAULT '{}' CHECK (reform_lines <@ ARRAY[1,2,3,4,5,6,7,8]),
    source text,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE programme (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '',
    owner text,
    contact text,
    governance_settled boolean, -- NULL: the seeds do not say
    scale text CHECK (scale IN ('landelijk', 'bovenregionaal', 'regionaal', 'subregionaal', 'lokaal', 'wijk')),
    source text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- The five preconditions (randvoorwaarden) of step 4, each {"status","toelichting"}.
CREATE FUNCTION pf_default_preconditions() RETURNS jsonb LANGUAGE sql IMMUTABLE AS $$
    SELECT jsonb_build_object(
        'projectorganisatie', jsonb_build_object('status', 'open', 'toelichting', ''),
        'uitvoeringEnFasering', jsonb_build_object('status', 'open', 'toelichting', ''),
        'menskrachtEnMiddelen', jsonb_build_object('status', 'open', 'toelichting', ''),
        'financiering', jsonb_build_object('status', 'open', 'toelichting', ''),
        'evaluatie', jsonb_build_object('status', 'open', 'toelichting', ''))
$$;

CREATE TABLE project (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'), -- stable key of seeded projects
    action_line integer NOT NULL REFERENCES action_line (number),
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 500),
    description text NOT NULL DEFAULT '',
    kind text NOT NULL CHECK (kind IN ('nieuw', 'doorgaan', 'besloten', 'lopend')),
    rank integer NOT NULL CHECK (rank >= 1),
    phase text NOT NULL DEFAULT 'onderzoek'
        CHECK (phase IN ('onderzoek', 'analyse', 'plan', 'project', 'oplevering')),
    status text NOT NULL DEFAULT 'voorgesteld'
        CHECK (status IN ('voorgesteld', 'actief', 'gepauzeerd', 'afgerond', 'gestopt')),
    scale text CHECK (scale IN ('landelijk', 'bovenregionaal', 'regionaal', 'subregionaal', 'lokaal', 'wijk')),
    start_date date,
    end_date date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
    preconditions jsonb NOT NULL DEFAULT pf_default_preconditions(),
    principles integer[] NOT NULL DEFAULT '{}' CHECK (principles <@ ARRAY[1,2,3,4,5,6,7,8]),
    reform_lines integer[] NOT NULL DEFAULT '{}' CHECK (reform_lines <@ ARRAY[1,2,3,4,5,6,7,8]),
    tags text[] NOT NULL DEFAULT '{}',
    seed_number text, -- the item's number or letter in the seed, e.g. "2" of Actielijn 2
    core_problem_id uuid, -- the core problem it was created from, if any
    source text,
    search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('dutch', title), 'A') || setweight(to_tsvector('dutch', description), 'B')
    ) STORED,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    -- Ranks are dense 1..n per action line. Deferred, so that a shift may pass through
    -- duplicates inside its transaction; moves are serialised per action line (FOR UPDATE on
    -- the action_line row).
    CONSTRAINT project_rank_unique UNIQUE (action_line, rank) DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX project_search ON project USING gin (search);
CREATE INDEX project_principles ON project USING gin (principles);
CREATE INDEX project_tags ON project USING gin (tags);
CREATE INDEX project_phase ON project (phase, action_line, rank);
CREATE INDEX project_status ON project (status, action_line, rank);
CREATE INDEX project_kind ON project (kind, action_line, rank);
CREATE INDEX project_scale ON project (scale, action_line, rank);
-- The list's keyset: action line then rank, as one sortable number.
CREATE INDEX project_order ON project ((action_line * 1000000 + rank));

CREATE TABLE project_programme (
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    programme_id uuid NOT NULL REFERENCES programme (id) ON DELETE RESTRICT,
    PRIMARY KEY (project_id, programme_id)
);
CREATE INDEX project_programme_programme ON project_programme (programme_id, project_id);

-- Codes of seeded projects that were deleted: --seed does not bring them back.
CREATE TABLE seed_tombstone (
    kind text NOT NULL,
    code text NOT NULL,
    deleted_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (kind, code)
);

-- Phase changes are events: the history of a project's process.
CREATE TABLE phase_change (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    from_phase text NOT NULL,
    to_phase text NOT NULL,
    change_date date NOT NULL DEFAULT current_date,
    note text NOT NULL DEFAULT '',
    actor text NOT NULL,
    accepted_open text[] NOT NULL DEFAULT '{}', -- open preconditions explicitly accepted
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX phase_change_project ON phase_change (project_id, created_at);
CREATE INDEX phase_change_date ON phase_change (change_date);

CREATE TABLE milestone (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    description text NOT NULL DEFAULT '',
    due_date date NOT NULL,
    done_date date,
    decision_asked boolean NOT NULL DEFAULT false, -- a decision by the administrators
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX milestone_project ON milestone (project_id, due_date);
CREATE INDEX milestone_open_due ON milestone (due_date) WHERE done_date IS NULL;

CREATE TABLE progress_report (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    project_id uuid NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    period_start date NOT NULL,
    period_end date NOT NULL CHECK (period_end >= period_start),
    rag text NOT NULL CHECK (rag IN ('op_koers', 'risico', 'achter')),
    summary text NOT NULL,
    results text NOT NULL DEFAULT '',
    risks text NOT NULL DEFAULT '',
    next_steps text NOT NULL DEFAULT '',
    decisions_asked text NOT NULL DEFAULT '',
    actor text NOT NULL,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX progress_report_project ON progress_report (project_id, period_end DESC, created_at DESC);
CREATE INDEX progress_report_period ON progress_report (period_end);

-- Dependencies (samenhang): each side an action line or a project.
CREATE TABLE dependency (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,79}$'),
    from_action_line integer REFERENCES action_line (number),
    from_project uuid REFERENCES project (id) ON DELETE CASCADE,
    to_action_line integer REFERENCES action_line (number),
    to_project uuid REFERENCES project (id) ON DELETE CASCADE,
    note text NOT NULL DEFAULT '',
    source text,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((from_action_line IS NULL) <> (from_project IS NULL)),
    CHECK ((to_action_line IS NULL) <> (to_project IS NULL))
);
CREATE INDEX dependency_from_line ON dependency (from_action_line);
CREATE INDEX dependency_to_line ON dependency (to_action_line);
CREATE INDEX dependency_from_project ON dependency (from_project);
CREATE INDEX dependency_to_project ON dependency (to_project);

-- Core problems and ideas (the loop back to step 2).
CREATE TABLE core_problem (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 300),
    description text NOT NULL DEFAULT '',
    kind text NOT NULL DEFAULT 'kernprobleem' CHECK (kind IN ('kernprobleem', 'idee')),
    submitted_by text NOT NULL,
    state text NOT NULL DEFAULT 'ingediend'
        CHECK (state IN ('ingediend', 'actielijn', 'project', 'nieuw_project', 'hiaat')),
    action_line integer REFERENCES action_line (number),
    project_id uuid REFERENCES project (id) ON DELETE SET NULL,
    triage_note text,
    triaged_by text,
    triaged_at timestamptz,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX core_problem_state ON core_problem (state, created_at);
CREATE INDEX core_problem_created ON core_problem (created_at);

-- Who changed what, when, before and after (svc/audit.h).
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
CREATE INDEX audit_log_at ON audit_log (at);
