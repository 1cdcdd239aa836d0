-- Data generations for the service's response caches (svc/cache.h; issue 5, "Speed"): the
-- coverage overview and the allocation weights are cached in the service per generation. A
-- statement-level trigger bumps the generation in the transaction of every write that changes
-- what those answers show, so a request that reads the current generation (one primary-key
-- lookup) after a write never gets an answer cached before it. The price: the writers of one
-- generation row are serialised from their first change until their commit.

CREATE TABLE cache_generations (
    name text PRIMARY KEY,
    generation bigint NOT NULL DEFAULT 0
);

INSERT INTO cache_generations (name) VALUES ('coverage'), ('allocation');

CREATE FUNCTION cache_generation_bump() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE cache_generations SET generation = generation + 1 WHERE name = TG_ARGV[0];
    RETURN NULL;
END
$$;

-- The coverage overview reads coverage_totals, which the row triggers of migration 0002 keep
-- from these three tables.
CREATE TRIGGER budget_lines_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON budget_lines FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('coverage');
CREATE TRIGGER contributions_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON contributions FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('coverage');
CREATE TRIGGER expenditures_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON expenditures FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('coverage');
-- And directly, should the derived table ever be rebuilt.
CREATE TRIGGER coverage_totals_generation AFTER DELETE OR TRUNCATE
    ON coverage_totals FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('coverage');

-- The allocation: the keys (name, code, basis), their weights and the municipalities.
CREATE TRIGGER allocation_keys_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON allocation_keys FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('allocation');
CREATE TRIGGER allocation_weights_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON allocation_weights FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('allocation');
CREATE TRIGGER municipalities_generation AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE
    ON municipalities FOR EACH STATEMENT EXECUTE FUNCTION cache_generation_bump('allocation');

-- The trigger functions find their tables whatever the writer's search path (a superuser with
-- psql, a script): the schema of this migration, fixed at creation.
ALTER FUNCTION cache_generation_bump() SET search_path FROM CURRENT;
ALTER FUNCTION coverage_add(integer, text, integer, uuid, bigint, bigint, bigint, bigint, bigint,
                            bigint, bigint) SET search_path FROM CURRENT;
ALTER FUNCTION coverage_budget_line() SET search_path FROM CURRENT;
ALTER FUNCTION coverage_contribution() SET search_path FROM CURRENT;
ALTER FUNCTION coverage_expenditure() SET search_path FROM CURRENT;
