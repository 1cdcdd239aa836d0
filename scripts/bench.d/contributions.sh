# shellcheck shell=bash
# Benchmarks of the contributions service (see scripts/bench.d/README.md and issue 5, "Speed"):
# the allocation of an amount over the 14 municipalities >= 0.35 x pgbench -S; the coverage
# overview 2024-2027 over 2,000 budget lines and 5,000 contributions with p99 < 50 ms. Both are
# served from the service's caches per data generation after the first request (one prepared
# primary-key lookup per request; see services/contributions/DESIGN.md, "Speed").

BENCH_SCENARIOS+=(
    "contributions-verdeling|contributions|GET|/api/contributions/v1/verdelingen?verdeelsleutel=per-inwoner&jaar=2025&bedrag=123456789|0.35|0|"
    "contributions-dekking|contributions|GET|/api/contributions/v1/dekking?vanJaar=2024&totJaar=2027|0|50|"
)

# 2,000 budget lines (category bench, 2024-2027, over the programme and the five action lines),
# 5,000 contributions (note bench-...) of municipalities and organisations, pledged and realised,
# money and staff hours, and 2,000 expenditures. Synthetic, recognisable by "bench", loaded once
# (the platform database persists between runs). Deterministic: derived from generate_series.
bench_setup_contributions() {
    bench_psql <<'SQL'
SET search_path = contributions;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM budget_lines WHERE category = 'bench') THEN
        RETURN;
    END IF;
    INSERT INTO budget_lines (scope_type, action_line, year, nature, category, description,
                              amount_cents, status, revision)
    SELECT CASE WHEN i % 6 = 0 THEN 'programma' ELSE 'actielijn' END,
           CASE WHEN i % 6 = 0 THEN NULL ELSE i % 6 END, 2024 + i % 4,
           CASE WHEN i % 3 = 0 THEN 'structureel' ELSE 'incidenteel' END, 'bench',
           'bench-' || i, 100000 + (i * 7919) % 5000000, 'raming', 0
    FROM generate_series(1, 2000) AS i;
    INSERT INTO contributions (organisation, municipality, scope_type, action_line, year, kind,
                               amount_cents, hours, hourly_rate_cents, status, note)
    SELECT CASE WHEN i % 2 = 0 THEN 'bench-org-' || i % 40 END,
           CASE WHEN i % 2 = 1 THEN m.code END,
           CASE WHEN i % 6 = 0 THEN 'programma' ELSE 'actielijn' END,
           CASE WHEN i % 6 = 0 THEN NULL ELSE i % 6 END, 2024 + i % 4,
           CASE WHEN i % 10 = 0 THEN 'menskracht' ELSE 'geld' END,
           CASE WHEN i % 10 = 0 THEN NULL ELSE 10000 + (i * 104729) % 2000000 END,
           CASE WHEN i % 10 = 0 THEN 10 + i % 300 END,
           CASE WHEN i % 10 = 0 THEN 9500 END,
           CASE WHEN i % 4 = 0 THEN 'gerealiseerd' ELSE 'toegezegd' END, 'bench-' || i
    FROM generate_series(1, 5000) AS i
    JOIN (SELECT code, row_number() OVER (ORDER BY code) - 1 AS n FROM municipalities) AS m
      ON m.n = i % 14;
    INSERT INTO expenditures (budget_line_id, spent_on, amount_cents, description)
    SELECT b.id, make_date(b.year, 6, 30), b.amount_cents / 3, 'bench'
    FROM budget_lines b WHERE b.category = 'bench';
    ANALYZE budget_lines;
    ANALYZE contributions;
    ANALYZE expenditures;
END
$$;
SQL
}
