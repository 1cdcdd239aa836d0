-- The data generation of the response cache (svc/cache.h, issue 4 "Speed"): one row, bumped by
-- a statement-level trigger on every table the cached network (GET /netwerk) reads, in the
-- writing transaction, so that it changes exactly when such a change commits.
CREATE TABLE cache_generation (
    only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
    generation bigint NOT NULL
);
INSERT INTO cache_generation (generation) VALUES (1);

-- The schema of the migration is fixed in the function: the trigger fires for any writer,
-- whatever its search_path (e.g. psql as the superuser).
CREATE FUNCTION stk_bump_generation() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    UPDATE cache_generation SET generation = generation + 1;
    RETURN NULL;
END
$$;

DO $$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['organisations', 'people', 'bodies', 'seats', 'seat_holders',
                             'seat_organisations', 'involvements'] LOOP
        EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I'
                       ' FOR EACH STATEMENT EXECUTE FUNCTION stk_bump_generation()',
                       t || '_generation', t);
    END LOOP;
END
$$;
