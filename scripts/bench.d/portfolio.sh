# shellcheck shell=bash
# Benchmarks of the portfolio service (see scripts/bench.d/README.md and issue 3, "Speed"):
# GET one project >= 0.35 x pgbench -S with p99 < 10 ms; a filtered list of 50 projects >= 0.15 x
# with p99 < 20 ms; the steering-group report for one year over 500 projects p99 < 100 ms.

# 500 synthetic projects (codes bench-1..bench-500, 100 per action line, status actief), each with
# four quarterly progress reports, three milestones and a phase change over the last year.
# Idempotent: loaded once, recognisable by the bench- prefix.
bench_setup_portfolio() {
    bench_psql <<'SQL'
SET search_path = portfolio;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM project WHERE code = 'bench-1') THEN
        RETURN;
    END IF;
    WITH base AS (
        SELECT a.number, coalesce(max(p.rank), 0) AS top
        FROM action_line a LEFT JOIN project p ON p.action_line = a.number GROUP BY a.number
    ), s AS (
        SELECT i, 1 + i % 5 AS line, row_number() OVER (PARTITION BY i % 5 ORDER BY i) AS nr
        FROM generate_series(1, 500) AS i
    )
    INSERT INTO project (code, action_line, title, description, kind, rank, phase, status, tags,
                         source)
    SELECT 'bench-' || s.i, s.line, 'Benchmarkproject ' || s.i || ' jeugdhulp in de wijk',
           'Synthetisch benchmarkproject (bench-), geen agenda-inhoud.',
           (ARRAY['nieuw', 'doorgaan', 'besloten', 'lopend'])[1 + s.i % 4], base.top + s.nr,
           (ARRAY['onderzoek', 'analyse', 'plan', 'project', 'oplevering'])[1 + s.i % 5],
           'actief', ARRAY['bench'], 'scripts/bench.d/portfolio.sh'
    FROM s JOIN base ON base.number = s.line;
    INSERT INTO progress_report (project_id, period_start, period_end, rag, summary, actor,
                                 decisions_asked)
    SELECT p.id, current_date - 91 * q - 90, current_date - 91 * q,
           (ARRAY['op_koers', 'risico', 'achter'])[1 + (q + length(p.code)) % 3],
           'Benchmarkrapportage', 'bench', CASE WHEN q = 0 THEN 'Besluit gevraagd' ELSE '' END
    FROM project p, generate_series(0, 3) AS q WHERE p.code LIKE 'bench-%';
    INSERT INTO milestone (project_id, title, due_date, decision_asked)
    SELECT p.id, 'Benchmarkmijlpaal ' || m, current_date + (m * 37 - 60), m = 2
    FROM project p, generate_series(1, 3) AS m WHERE p.code LIKE 'bench-%';
    INSERT INTO phase_change (project_id, from_phase, to_phase, change_date, actor)
    SELECT p.id, 'onderzoek', p.phase, current_date - 100, 'bench'
    FROM project p WHERE p.code LIKE 'bench-%' AND p.phase <> 'onderzoek';
END
$$;
ANALYZE project;
ANALYZE progress_report;
ANALYZE milestone;
SQL
    local id from to
    id=$(bench_psql -At -c "SELECT id FROM portfolio.project WHERE code = 'bench-250'")
    [[ $id =~ ^[0-9a-f-]{36}$ ]] || die "portfolio: the benchmark project bench-250 is missing"
    from=$(date -u -d '1 year ago' +%F)
    to=$(date -u +%F)
    BENCH_SCENARIOS+=(
        "portfolio-project-get|portfolio|GET|/api/portfolio/v1/projecten/$id|0.35|10|"
        "portfolio-project-list50|portfolio|GET|/api/portfolio/v1/projecten?actielijn=2&status=actief&limit=50|0.15|20|"
        "portfolio-steering-year|portfolio|GET|/api/portfolio/v1/stuurgroeprapportage?van=$from&tot=$to|0|100|"
    )
}

# The steering-group report after a write (a cache miss: computed in PostgreSQL) and its size.
bench_custom_portfolio() {
    local url ms bytes
    url="http://127.0.0.1:${SVC_PORT[portfolio]}/api/portfolio/v1/stuurgroeprapportage"
    url+="?van=$(date -u -d '1 year ago' +%F)&tot=$(date -u +%F)"
    bench_psql -c "UPDATE portfolio.action_line SET version = version WHERE number = 1"
    read -r ms bytes < <(curl -fsS -o /dev/null -w '%{time_total} %{size_download}\n' \
        -H "Authorization: Bearer $BENCH_TOKEN" "$url")
    ms=$(awk -v s="$ms" 'BEGIN { printf "%.1f", s * 1000 }')
    bench_result_json "{\"portfolioSteeringMissMs\":$ms,\"portfolioSteeringBytes\":$bytes}"
}
