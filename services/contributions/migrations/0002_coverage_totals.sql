-- The coverage overview reads pre-aggregated totals per (year, scope) instead of aggregating
-- every budget line, contribution and expenditure per request (issue 5: p99 < 50 ms over 2,000
-- lines and 5,000 contributions; the full aggregation took ~6 ms of CPU per request, so 64
-- concurrent requests queued for hundreds of milliseconds). Triggers keep the totals in the
-- transaction of every change; the table is derived data and can be rebuilt from scratch with
-- the INSERT at the end of this file.

CREATE TABLE coverage_totals (
    year integer NOT NULL,
    scope_type text NOT NULL,
    action_line integer,
    project_id uuid,
    structural bigint NOT NULL DEFAULT 0,
    incidental bigint NOT NULL DEFAULT 0,
    pledged bigint NOT NULL DEFAULT 0,
    realised bigint NOT NULL DEFAULT 0,
    pledged_hours bigint NOT NULL DEFAULT 0,
    realised_hours bigint NOT NULL DEFAULT 0,
    spent bigint NOT NULL DEFAULT 0,
    CONSTRAINT coverage_totals_key UNIQUE NULLS NOT DISTINCT (year, scope_type, action_line,
                                                            project_id)
);

-- Add the deltas to the totals of one (year, scope).
CREATE FUNCTION coverage_add(p_year integer, p_scope text, p_line integer, p_project uuid,
                             d_structural bigint, d_incidental bigint, d_pledged bigint,
                             d_realised bigint, d_pledged_hours bigint, d_realised_hours bigint,
                             d_spent bigint) RETURNS void LANGUAGE sql AS $$
    INSERT INTO coverage_totals AS t (year, scope_type, action_line, project_id, structural,
                                      incidental, pledged, realised, pledged_hours,
                                      realised_hours, spent)
    VALUES (p_year, p_scope, p_line, p_project, d_structural, d_incidental, d_pledged,
            d_realised, d_pledged_hours, d_realised_hours, d_spent)
    ON CONFLICT ON CONSTRAINT coverage_totals_key DO UPDATE SET
        structural = t.structural + EXCLUDED.structural,
        incidental = t.incidental + EXCLUDED.incidental,
        pledged = t.pledged + EXCLUDED.pledged,
        realised = t.realised + EXCLUDED.realised,
        pledged_hours = t.pledged_hours + EXCLUDED.pledged_hours,
        realised_hours = t.realised_hours + EXCLUDED.realised_hours,
        spent = t.spent + EXCLUDED.spent
$$;

-- A budget line: its amount by nature, and (when its year or scope moves) its expenditures.
CREATE FUNCTION coverage_budget_line() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    spent bigint := 0;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        IF TG_OP = 'UPDATE' THEN
            SELECT coalesce(sum(e.amount_cents), 0) INTO spent FROM expenditures e
            WHERE e.budget_line_id = OLD.id;
        END IF;
        PERFORM coverage_add(OLD.year, OLD.scope_type, OLD.action_line, OLD.project_id,
            CASE WHEN OLD.nature = 'structureel' THEN -OLD.amount_cents ELSE 0 END,
            CASE WHEN OLD.nature = 'incidenteel' THEN -OLD.amount_cents ELSE 0 END,
            0, 0, 0, 0, -spent);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM coverage_add(NEW.year, NEW.scope_type, NEW.action_line, NEW.project_id,
            CASE WHEN NEW.nature = 'structureel' THEN NEW.amount_cents ELSE 0 END,
            CASE WHEN NEW.nature = 'incidenteel' THEN NEW.amount_cents ELSE 0 END,
            0, 0, 0, 0, spent);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION coverage_contribution() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' THEN
        PERFORM coverage_add(OLD.year, OLD.scope_type, OLD.action_line, OLD.project_id, 0, 0,
            CASE WHEN OLD.status = 'toegezegd' THEN -OLD.value_cents ELSE 0 END,
            CASE WHEN OLD.status = 'gerealiseerd' THEN -OLD.value_cents ELSE 0 END,
            CASE WHEN OLD.status = 'toegezegd' THEN -coalesce(OLD.hours, 0) ELSE 0 END,
            CASE WHEN OLD.status = 'gerealiseerd' THEN -coalesce(OLD.hours, 0) ELSE 0 END, 0);
    END IF;
    IF TG_OP <> 'DELETE' THEN
        PERFORM coverage_add(NEW.year, NEW.scope_type, NEW.action_line, NEW.project_id, 0, 0,
            CASE WHEN NEW.status = 'toegezegd' THEN NEW.value_cents ELSE 0 END,
            CASE WHEN NEW.status = 'gerealiseerd' THEN NEW.value_cents ELSE 0 END,
            CASE WHEN NEW.status = 'toegezegd' THEN coalesce(NEW.hours, 0) ELSE 0 END,
            CASE WHEN NEW.status = 'gerealiseerd' THEN coalesce(NEW.hours, 0) ELSE 0 END, 0);
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION coverage_expenditure() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    line budget_lines%ROWTYPE;
BEGIN
    IF TG_OP <> 'INSERT' THEN
        SELECT * INTO line FROM budget_lines WHERE id = OLD.budget_line_id;
        IF FOUND THEN
            PERFORM coverage_add(line.year, line.scope_type, line.action_line, line.project_id,
                                 0, 0, 0, 0, 0, 0, -OLD.amount_cents);
        END IF;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        SELECT * INTO line FROM budget_lines WHERE id = NEW.budget_line_id;
        PERFORM coverage_add(line.year, line.scope_type, line.action_line, line.project_id,
                             0, 0, 0, 0, 0, 0, NEW.amount_cents);
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER budget_lines_coverage AFTER INSERT OR DELETE OR UPDATE OF year, scope_type,
    action_line, project_id, nature, amount_cents ON budget_lines
    FOR EACH ROW EXECUTE FUNCTION coverage_budget_line();
CREATE TRIGGER contributions_coverage AFTER INSERT OR DELETE OR UPDATE OF year, scope_type,
    action_line, project_id, status, amount_cents, hours, hourly_rate_cents ON contributions
    FOR EACH ROW EXECUTE FUNCTION coverage_contribution();
CREATE TRIGGER expenditures_coverage AFTER INSERT OR DELETE OR UPDATE OF budget_line_id,
    amount_cents ON expenditures
    FOR EACH ROW EXECUTE FUNCTION coverage_expenditure();

-- What exists already.
INSERT INTO coverage_totals (year, scope_type, action_line, project_id, structural, incidental,
                             pledged, realised, pledged_hours, realised_hours, spent)
SELECT year, scope_type, action_line, project_id, sum(s), sum(i), sum(p), sum(r), sum(ph),
       sum(rh), sum(e)
FROM (
    SELECT b.year, b.scope_type, b.action_line, b.project_id,
           CASE WHEN b.nature = 'structureel' THEN b.amount_cents ELSE 0 END AS s,
           CASE WHEN b.nature = 'incidenteel' THEN b.amount_cents ELSE 0 END AS i,
           0 AS p, 0 AS r, 0 AS ph, 0 AS rh, 0 AS e FROM budget_lines b
    UNION ALL
    SELECT c.year, c.scope_type, c.action_line, c.project_id, 0, 0,
           CASE WHEN c.status = 'toegezegd' THEN c.value_cents ELSE 0 END,
           CASE WHEN c.status = 'gerealiseerd' THEN c.value_cents ELSE 0 END,
           CASE WHEN c.status = 'toegezegd' THEN coalesce(c.hours, 0) ELSE 0 END,
           CASE WHEN c.status = 'gerealiseerd' THEN coalesce(c.hours, 0) ELSE 0 END, 0
    FROM contributions c
    UNION ALL
    SELECT b.year, b.scope_type, b.action_line, b.project_id, 0, 0, 0, 0, 0, 0, x.amount_cents
    FROM expenditures x JOIN budget_lines b ON b.id = x.budget_line_id
) AS src
GROUP BY year, scope_type, action_line, project_id;
