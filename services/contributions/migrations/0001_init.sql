-- The contributions service's schema: municipalities (reference), budget lines with revisions,
-- expenditures, funding sources, contributions, allocation keys with weights, and the audit
-- trail. Money is integer euro cents (bigint), staff capacity whole hours. Names are
-- unqualified: the service role's search_path is its schema.
--
-- Cross-service references are ids without foreign keys (other schemas, other services): action
-- lines by number (1..5), projects by portfolio id (uuid), organisations by stakeholders id or
-- code (text). Municipalities by CBS code, kept here as reference data (--seed).

CREATE TABLE municipalities (
    code text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),
    name text NOT NULL,
    inhabitants integer NOT NULL CHECK (inhabitants >= 0),
    reference_date date NOT NULL,
    note text
);

-- Where an amount goes: the whole programme, an action line, or a project (of an action line).
-- Reused by budget lines and contributions.
CREATE TABLE budget_lines (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    scope_type text NOT NULL CHECK (scope_type IN ('programma', 'actielijn', 'project')),
    action_line integer CHECK (action_line BETWEEN 1 AND 5),
    project_id uuid,
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    nature text NOT NULL CHECK (nature IN ('structureel', 'incidenteel')),
    category text NOT NULL CHECK (char_length(category) BETWEEN 1 AND 100),
    description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 1000),
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    status text NOT NULL DEFAULT 'raming' CHECK (status IN ('raming', 'vastgesteld')),
    -- 0 while an estimate; 1 once adopted (the original); +1 for every later revision.
    revision integer NOT NULL DEFAULT 0,
    demo boolean NOT NULL DEFAULT false, -- synthetic demo data (--demo), never agenda content
    version integer NOT NULL DEFAULT 1,  -- ETag
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK ((scope_type = 'programma' AND action_line IS NULL AND project_id IS NULL)
           OR (scope_type = 'actielijn' AND action_line IS NOT NULL AND project_id IS NULL)
           OR (scope_type = 'project' AND project_id IS NOT NULL)),
    CHECK ((status = 'raming') = (revision = 0))
);
CREATE INDEX budget_lines_year ON budget_lines (year, id);
CREATE INDEX budget_lines_scope ON budget_lines (scope_type, action_line, project_id, year);
CREATE INDEX budget_lines_year_nature ON budget_lines (year, nature) INCLUDE (amount_cents);

-- Every adopted state of a budget line: revision 1 is the line as adopted (the original), each
-- later change of the adopted line adds the next. Never changed or deleted.
CREATE TABLE budget_line_revisions (
    line_id uuid NOT NULL REFERENCES budget_lines (id),
    revision integer NOT NULL CHECK (revision >= 1),
    reason text,
    data jsonb NOT NULL,
    actor text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (line_id, revision)
);

CREATE TABLE expenditures (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    budget_line_id uuid NOT NULL REFERENCES budget_lines (id) ON DELETE RESTRICT,
    spent_on date NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
    description text NOT NULL CHECK (char_length(description) BETWEEN 1 AND 1000),
    demo boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX expenditures_line ON expenditures (budget_line_id, spent_on, id) INCLUDE (amount_cents);

CREATE TABLE funding_sources (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    type text NOT NULL CHECK (type IN ('gemeentelijke_bijdrage', 'spuk', 'subsidie', 'rijk',
                                       'zorgverzekeraar', 'provincie', 'overig')),
    provider_org text, -- stakeholders organisation id or code (no foreign key: other schema)
    conditions text,
    period_start date,
    period_end date,
    available_cents bigint CHECK (available_cents >= 0),
    demo boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (period_end IS NULL OR period_start IS NULL OR period_end >= period_start)
);
CREATE INDEX funding_sources_name ON funding_sources (name, id);

CREATE TABLE contributions (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    organisation text,                                 -- stakeholders id or code
    municipality text REFERENCES municipalities (code), -- the contributing municipality
    scope_type text NOT NULL CHECK (scope_type IN ('programma', 'actielijn', 'project')),
    action_line integer CHECK (action_line BETWEEN 1 AND 5),
    project_id uuid,
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    kind text NOT NULL CHECK (kind IN ('geld', 'menskracht')),
    amount_cents bigint CHECK (amount_cents >= 0),
    hours bigint CHECK (hours >= 0),
    hourly_rate_cents bigint CHECK (hourly_rate_cents >= 0),
    -- What the contribution is worth in cents: the money, or the hours at their rate (0 unvalued).
    value_cents bigint GENERATED ALWAYS AS
        (coalesce(amount_cents, hours * hourly_rate_cents, 0)) STORED,
    funding_source_id uuid REFERENCES funding_sources (id) ON DELETE RESTRICT,
    status text NOT NULL CHECK (status IN ('toegezegd', 'gerealiseerd')),
    contributed_on date,
    note text,
    demo boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    CHECK (organisation IS NOT NULL OR municipality IS NOT NULL),
    CHECK ((scope_type = 'programma' AND action_line IS NULL AND project_id IS NULL)
           OR (scope_type = 'actielijn' AND action_line IS NOT NULL AND project_id IS NULL)
           OR (scope_type = 'project' AND project_id IS NOT NULL)),
    CHECK ((kind = 'geld' AND amount_cents IS NOT NULL AND hours IS NULL
            AND hourly_rate_cents IS NULL)
           OR (kind = 'menskracht' AND hours IS NOT NULL AND amount_cents IS NULL))
);
CREATE INDEX contributions_year ON contributions (year, id);
CREATE INDEX contributions_municipality ON contributions (municipality, year, id);
CREATE INDEX contributions_organisation ON contributions (organisation, year);
CREATE INDEX contributions_scope ON contributions (scope_type, action_line, project_id, year);
CREATE INDEX contributions_source ON contributions (funding_source_id);
CREATE INDEX contributions_year_status ON contributions (year, status)
    INCLUDE (scope_type, action_line, project_id, value_cents, hours);

CREATE TABLE allocation_keys (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    code text UNIQUE CHECK (code ~ '^[a-z0-9-]{2,64}$'), -- stable slug, e.g. per-inwoner
    name text NOT NULL UNIQUE CHECK (char_length(name) BETWEEN 1 AND 200),
    basis text NOT NULL CHECK (basis IN ('inwoners', 'jeugdigen', 'zorggebruik', 'gelijk',
                                         'maatwerk')),
    description text,
    demo boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE allocation_weights (
    key_id uuid NOT NULL REFERENCES allocation_keys (id) ON DELETE CASCADE,
    year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    municipality text NOT NULL REFERENCES municipalities (code),
    weight bigint NOT NULL CHECK (weight BETWEEN 0 AND 1000000000000000),
    PRIMARY KEY (key_id, year, municipality)
);

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
