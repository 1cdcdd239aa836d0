-- The data generation of the answer cache (see DESIGN.md, "Answer cache"), and a faster
-- region_values() for the uncached queries.
--
-- One row counts the changes to what the series, snapshot and signals are built from. A
-- statement-level trigger on every such table bumps it in the changing transaction, so a reader
-- sees the new generation exactly when it sees the new data (same snapshot rules), and a cached
-- answer of an older generation is never served after the commit.
CREATE TABLE data_generation (
    id boolean PRIMARY KEY DEFAULT true CHECK (id),
    value bigint NOT NULL
);
INSERT INTO data_generation (id, value) VALUES (true, 1);

-- search_path fixed to the schema of the migration: the trigger also fires for writes by other
-- roles (e.g. bulk loads as the superuser) whose search_path does not name this schema.
CREATE FUNCTION bump_data_generation() RETURNS trigger
LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE data_generation SET value = value + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER observation_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON observation
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER norm_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON norm
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER indicator_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON indicator
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER area_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON area
    FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();
CREATE TRIGGER source_monitor_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON source_monitor FOR EACH STATEMENT EXECUTE FUNCTION bump_data_generation();

-- The history trigger has the same problem with other roles' search_path.
ALTER FUNCTION observation_keep_history() SET search_path FROM CURRENT;

-- The regional value, driven from the child areas: one range scan of the primary key per child
-- (indicator, area, period range), the sums formed per period first and the indicator's rule
-- applied once per period (not the indicator row joined to every observation). Same results as
-- the version of 0001.
CREATE OR REPLACE FUNCTION region_values(p_indicator integer, p_region integer, p_from text,
                                         p_to text)
RETURNS TABLE (period text, value numeric, areas integer) LANGUAGE sql STABLE AS $$
    SELECT s.period,
           CASE i.aggregation
               WHEN 'som' THEN s.total
               WHEN 'ratio' THEN round(s.numerators / nullif(s.denominators, 0)
                                       * unit_factor(i.unit), 4)
               WHEN 'gewogen_gemiddelde' THEN round(s.weighted / nullif(s.weights, 0), 4)
           END,
           s.n
    FROM (SELECT o.period, sum(o.value) AS total,
                 sum(o.numerator) FILTER (WHERE o.denominator IS NOT NULL) AS numerators,
                 sum(o.denominator) FILTER (WHERE o.numerator IS NOT NULL) AS denominators,
                 sum(o.value * a.inhabitants) AS weighted, sum(a.inhabitants) AS weights,
                 count(*)::integer AS n
          FROM area a
          JOIN observation o ON o.indicator_id = p_indicator AND o.area_id = a.id
                            AND o.period >= p_from AND o.period <= p_to
          WHERE a.parent_id = p_region
          GROUP BY o.period) s
    JOIN indicator i ON i.id = p_indicator AND i.aggregation <> 'niet_aggregeerbaar'
$$;
