-- The monitoring service's schema: areas, source monitors, indicators, norms, observations with
-- their history, import batches with their conflicts, idempotency keys, and the audit trail.
-- Names are unqualified: the service role's search_path is its schema.

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

-- Areas: the region and its municipalities (CBS code), later districts (wijken). A compact
-- integer id keys the observations; the code is the natural key of the API.
CREATE TABLE area (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9_-]{2,20}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    level text NOT NULL CHECK (level IN ('regio', 'gemeente', 'wijk')),
    parent_id integer REFERENCES area (id),
    inhabitants integer CHECK (inhabitants >= 0),
    inhabitants_date date,
    inhabitants_note text,
    CHECK ((level = 'regio') = (parent_id IS NULL))
);
CREATE INDEX area_parent ON area (parent_id);

-- The monitors indicators come from (Twentse Monitor Sociaal Domein, ...).
CREATE TABLE source_monitor (
    code text PRIMARY KEY CHECK (code ~ '^[a-z0-9-]{2,40}$'),
    name text NOT NULL,
    description text NOT NULL DEFAULT '',
    publisher text NOT NULL DEFAULT '',
    frequency text,
    source_note text NOT NULL DEFAULT ''
);

CREATE TABLE indicator (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 200),
    description text NOT NULL DEFAULT '',
    unit text NOT NULL
        CHECK (unit IN ('aantal', 'percentage', 'per_1000_jeugdigen', 'weken', 'euro')),
    direction text NOT NULL CHECK (direction IN ('hoger_is_beter', 'lager_is_beter', 'neutraal')),
    source_code text NOT NULL REFERENCES source_monitor (code),
    frequency text NOT NULL CHECK (frequency IN ('maand', 'kwartaal', 'jaar')),
    aggregation text NOT NULL
        CHECK (aggregation IN ('som', 'ratio', 'gewogen_gemiddelde', 'niet_aggregeerbaar')),
    principles integer[] NOT NULL DEFAULT '{}' CHECK (principles <@ ARRAY[1, 2, 3, 4, 5, 6, 7, 8]),
    action_lines integer[] NOT NULL DEFAULT '{}' CHECK (action_lines <@ ARRAY[1, 2, 3, 4, 5]),
    projects uuid[] NOT NULL DEFAULT '{}', -- ids of the portfolio service, not checked here
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX indicator_action_lines ON indicator USING gin (action_lines);

-- The first day of a period in the notation of the API: 2024, 2024-Q1, 2024-03.
CREATE FUNCTION period_start(p text) RETURNS date
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE
        WHEN p ~ '^\d{4}$' THEN make_date(p::int, 1, 1)
        WHEN p ~ '^\d{4}-Q[1-4]$' THEN make_date(left(p, 4)::int, (right(p, 1)::int - 1) * 3 + 1, 1)
        WHEN p ~ '^\d{4}-(0[1-9]|1[0-2])$' THEN make_date(left(p, 4)::int, right(p, 2)::int, 1)
    END
$$;

-- Does a period's notation fit a frequency?
CREATE FUNCTION period_fits(p text, frequency text) RETURNS boolean
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $$
    SELECT CASE frequency
        WHEN 'jaar' THEN p ~ '^(19|20|21)\d{2}$'
        WHEN 'kwartaal' THEN p ~ '^(19|20|21)\d{2}-Q[1-4]$'
        WHEN 'maand' THEN p ~ '^(19|20|21)\d{2}-(0[1-9]|1[0-2])$'
        ELSE false
    END
$$;

-- Norms: per indicator a value and comparator, valid from a date, for the region and every
-- municipality without its own norm (area_id NULL) or for one area. A value that misses the
-- norm by at most `margin` is orange, by more red.
CREATE TABLE norm (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    indicator_id integer NOT NULL REFERENCES indicator (id) ON DELETE CASCADE,
    area_id integer REFERENCES area (id),
    comparator text NOT NULL CHECK (comparator IN ('<', '<=', '>', '>=')),
    value numeric NOT NULL,
    margin numeric CHECK (margin >= 0),
    valid_from date NOT NULL,
    note text NOT NULL DEFAULT '',
    demo boolean NOT NULL DEFAULT false,
    version integer NOT NULL DEFAULT 1,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX norm_unique ON norm (indicator_id, coalesce(area_id, 0), valid_from);

-- Import batches: every push (and the demo load), with who, when, format, counts and status.
CREATE TABLE import_batch (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq bigserial NOT NULL UNIQUE, -- list order (newest first) and page key
    created_at timestamptz NOT NULL DEFAULT now(),
    actor text NOT NULL,
    client_id text,
    format text NOT NULL CHECK (format IN ('csv', 'json', 'demo')),
    mode text NOT NULL CHECK (mode IN ('atomisch', 'gedeeltelijk')),
    status text NOT NULL CHECK (status IN ('bezig', 'verwerkt', 'gedeeltelijk', 'afgewezen')),
    rows_total integer NOT NULL DEFAULT 0,
    created integer NOT NULL DEFAULT 0,
    updated integer NOT NULL DEFAULT 0,
    unchanged integer NOT NULL DEFAULT 0,
    rejected integer NOT NULL DEFAULT 0,
    idempotency_key text,
    demo boolean NOT NULL DEFAULT false,
    label text NOT NULL DEFAULT ''
);

CREATE TABLE import_conflict (
    batch_id uuid NOT NULL REFERENCES import_batch (id) ON DELETE CASCADE,
    seq integer NOT NULL,
    row_number integer NOT NULL,
    line_number integer,
    field text NOT NULL,
    code text NOT NULL,
    reason text NOT NULL,
    PRIMARY KEY (batch_id, seq)
);

-- Observations: indicator x area x period -> value. The primary key serves every query that
-- fixes the indicator (series, snapshot, export), so it stays fast at ten million rows.
CREATE TABLE observation (
    indicator_id integer NOT NULL, -- checked by the push (no FK: a million RI checks per push)
    area_id integer NOT NULL,
    period text NOT NULL,
    value numeric NOT NULL,
    numerator numeric,
    denominator numeric,
    status text NOT NULL CHECK (status IN ('voorlopig', 'definitief')),
    batch_id uuid NOT NULL,
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (indicator_id, area_id, period)
) WITH (fillfactor = 90);
CREATE INDEX observation_batch ON observation (batch_id);

-- The values an observation had before a change, newest last.
CREATE TABLE observation_history (
    id bigserial PRIMARY KEY,
    indicator_id integer NOT NULL,
    area_id integer NOT NULL,
    period text NOT NULL,
    value numeric NOT NULL,
    numerator numeric,
    denominator numeric,
    status text NOT NULL,
    batch_id uuid NOT NULL,     -- the batch that had brought this value
    valid_until timestamptz NOT NULL DEFAULT now(),
    replaced_by uuid NOT NULL   -- the batch that changed it
);
CREATE INDEX observation_history_key ON observation_history (indicator_id, area_id, period, id);

-- One set-based trigger keeps the history: whatever updates observations (a push, a fix by
-- hand) leaves the old values behind. Statement level with transition tables, so a push that
-- changes a million rows writes their history in one INSERT ... SELECT.
CREATE FUNCTION observation_keep_history() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO observation_history (indicator_id, area_id, period, value, numerator,
                                     denominator, status, batch_id, replaced_by)
    SELECT o.indicator_id, o.area_id, o.period, o.value, o.numerator, o.denominator, o.status,
           o.batch_id, n.batch_id
    FROM old_rows o JOIN new_rows n USING (indicator_id, area_id, period);
    RETURN NULL;
END
$$;
CREATE TRIGGER observation_history AFTER UPDATE ON observation
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION observation_keep_history();

-- Idempotency keys of pushes: per caller, the request's hash and the answer given.
CREATE TABLE idempotency_key (
    actor text NOT NULL,
    key text NOT NULL,
    request_hash text NOT NULL,
    status integer NOT NULL,
    response text NOT NULL,
    batch_id uuid,
    created_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (actor, key)
);

-- The status of a value against a norm: groen when it meets the norm, oranje when it misses it
-- by at most the margin, rood otherwise; NULL without a value or a norm.
CREATE FUNCTION norm_status(v numeric, comparator text, target numeric, margin numeric)
RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE
        WHEN v IS NULL OR target IS NULL THEN NULL
        WHEN (comparator = '<' AND v < target) OR (comparator = '<=' AND v <= target)
          OR (comparator = '>' AND v > target) OR (comparator = '>=' AND v >= target) THEN 'groen'
        WHEN margin IS NOT NULL AND abs(v - target) <= margin THEN 'oranje'
        ELSE 'rood'
    END
$$;

-- The norm that applies to an area in a period: the area's own norm before the general one,
-- the latest that is valid at the start of the period.
CREATE FUNCTION applicable_norm(p_indicator integer, p_area integer, p_period text)
RETURNS SETOF norm LANGUAGE sql STABLE AS $$
    SELECT n.* FROM norm n
    WHERE n.indicator_id = p_indicator AND (n.area_id = p_area OR n.area_id IS NULL)
      AND n.valid_from <= period_start(p_period)
    ORDER BY (n.area_id IS NULL), n.valid_from DESC
    LIMIT 1
$$;

-- Multiplier of a ratio indicator's summed numerator / summed denominator.
CREATE FUNCTION unit_factor(unit text) RETURNS numeric
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE unit WHEN 'percentage' THEN 100 WHEN 'per_1000_jeugdigen' THEN 1000 ELSE 1 END
$$;

-- The regional value per period, formed from the child areas by the indicator's rule:
-- som: the sum of the values; ratio: sum(numerator) / sum(denominator) x the unit's factor;
-- gewogen_gemiddelde: sum(value x inhabitants) / sum(inhabitants); niet_aggregeerbaar: none.
-- Ratios and means are rounded to 4 decimals. `areas` counts the children that had a value.
CREATE FUNCTION region_values(p_indicator integer, p_region integer, p_from text, p_to text)
RETURNS TABLE (period text, value numeric, areas integer) LANGUAGE sql STABLE AS $$
    SELECT o.period,
           CASE i.aggregation
               WHEN 'som' THEN sum(o.value)
               WHEN 'ratio' THEN round(
                   sum(o.numerator) FILTER (WHERE o.denominator IS NOT NULL)
                   / nullif(sum(o.denominator) FILTER (WHERE o.numerator IS NOT NULL), 0)
                   * unit_factor(i.unit), 4)
               WHEN 'gewogen_gemiddelde' THEN round(
                   sum(o.value * a.inhabitants) / nullif(sum(a.inhabitants), 0), 4)
           END,
           count(*)::integer
    FROM indicator i
    JOIN area a ON a.parent_id = p_region
    JOIN observation o ON o.indicator_id = i.id AND o.area_id = a.id
    WHERE i.id = p_indicator AND i.aggregation <> 'niet_aggregeerbaar'
      AND o.period >= p_from AND o.period <= p_to
    GROUP BY o.period, i.aggregation, i.unit
$$;

-- The trend over a window of values (oldest first): difference, direction and, for an indicator
-- with a direction, whether that is better or worse.
CREATE FUNCTION trend_json(vals numeric[], direction text) RETURNS json
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT CASE WHEN cardinality(vals) >= 2 THEN json_build_object(
        'perioden', cardinality(vals) - 1,
        'waarden', to_json(vals),
        'verschil', vals[cardinality(vals)] - vals[1],
        'richting', CASE sign(vals[cardinality(vals)] - vals[1])
                        WHEN 1 THEN 'stijgend' WHEN -1 THEN 'dalend' ELSE 'gelijk' END,
        'oordeel', CASE
            WHEN direction = 'neutraal' THEN NULL
            WHEN vals[cardinality(vals)] = vals[1] THEN 'gelijk'
            WHEN (vals[cardinality(vals)] > vals[1]) = (direction = 'hoger_is_beter') THEN 'beter'
            ELSE 'slechter' END) END
$$;

-- Did the last n steps of a window of values (oldest first) each get worse?
CREATE FUNCTION worsened(vals numeric[], direction text, n integer) RETURNS boolean
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT direction <> 'neutraal' AND coalesce(cardinality(vals), 0) >= n + 1 AND NOT EXISTS (
        SELECT 1 FROM generate_series(cardinality(vals) - n + 1, cardinality(vals)) AS k
        WHERE NOT CASE direction WHEN 'lager_is_beter' THEN vals[k] > vals[k - 1]
                                 ELSE vals[k] < vals[k - 1] END)
$$;
