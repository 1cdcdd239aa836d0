/* --demo: the synthetic demo set, clearly labelled and kept apart from real data.
 *
 * Quarterly values 2019-Q1 .. 2025-Q4 for every seeded indicator and the 14 municipalities, with
 * plausible magnitudes (scaled by inhabitants), a trend and noise. Deterministic: the noise is
 * taken from md5(indicator, area, period), never from random(). Every value belongs to the one
 * import batch labelled DEMO (format 'demo', demo = true); norms for a few indicators are marked
 * demo too. Existing observations are never overwritten (ON CONFLICT DO NOTHING), so real data
 * pushed for the same key wins and running it again changes nothing. */
#include "loader.h"
#include "monitoring.h"

#define DEMO_BATCH "00000000-0000-4000-8000-00000000de70"

/* Per indicator: base level (rate per unit for ratios, per 10,000 inhabitants for counts, the
 * value itself for means), relative change per quarter, relative noise. */
#define DEMO_SPEC                                                                                  \
    "(VALUES ('JH_AANDEEL_JEUGDHULP', 12.5, 0.004, 0.08), ('JH_ZONDER_VERBLIJF_PER_1000', 110,"    \
    " 0.003, 0.08), ('JH_MET_VERBLIJF_PER_1000', 11, -0.004, 0.12), ('JH_UITHUISPLAATSINGEN', "    \
    "2.2,"                                                                                         \
    " -0.005, 0.25), ('JH_PLEEGZORG_AANDEEL', 52, 0.003, 0.06), ('JH_JEUGDZORGPLUS', 0.35, -0.01," \
    " 0.4), ('JH_KOSTEN_PER_JEUGDIGE', 380, 0.008, 0.07), ('WT_SPECIALISTISCH_AMBULANT', 7.5,"     \
    " 0.006, 0.15), ('WT_JGGZ', 10, 0.007, 0.15), ('WT_VERBLIJF', 14, 0.004, 0.2),"                \
    " ('WT_WACHTENDEN', 9, 0.008, 0.15), ('JB_VOTS', 0.9, -0.004, 0.35), ('JB_OTS_PER_1000', 8.5," \
    " -0.004, 0.1), ('JB_INSTROOM', 6, 0.002, 0.2), ('JB_DOORLOOPTIJD', 16, -0.003, 0.12),"        \
    " ('JB_UITSTROOM', 5.5, 0.002, 0.2), ('JB_HERINSTROOM', 14, -0.002, 0.15),"                    \
    " ('JB_WACHTTIJD_RAAD', 9, 0.004, 0.2), ('JB_CRISISINTERVENTIES', 1.8, 0.004, 0.3),"           \
    " ('OJ_THUISZITTERS', 4.5, -0.003, 0.25), ('OJ_THUISZITTERS_PER_1000', 2.6, -0.003, 0.15),"    \
    " ('OJ_VRIJSTELLINGEN', 3.2, 0.002, 0.25), ('OJ_JEUGDHULP_OP_SCHOOL', 45, 0.01, 0.08),"        \
    " ('SS_VERWIJZING_HUISARTS', 38, 0.002, 0.08), ('SS_TEVREDEN_CLIENTEN', 78, 0.001, 0.05),"     \
    " ('SS_VOLGENS_PLAN_BEEINDIGD', 62, 0.002, 0.07)) AS d(code, base, trend, noise)"

static const char BATCH_SQL[] =
    "INSERT INTO import_batch (id, actor, format, mode, status, demo, label)"
    " VALUES ('" DEMO_BATCH "', 'demo', 'demo', 'atomisch', 'verwerkt', true,"
    " 'DEMO - synthetische gegevens (monitoring-service --demo), geen echte cijfers')"
    " ON CONFLICT (id) DO NOTHING";

/* u: deterministic noise in [-1, 1) from md5; young people ~ 20% of the inhabitants. */
static const char OBSERVATIONS_SQL[] =
    "WITH q AS (SELECT y || '-Q' || k AS period, (y - 2019) * 4 + k - 1 AS t"
    " FROM generate_series(2019, 2025) y, generate_series(1, 4) k),"
    " g AS (SELECT i.id AS iid, i.code, i.unit, i.aggregation, a.id AS aid, a.inhabitants,"
    " q.period, q.t, d.base, d.trend, d.noise, ((('x' || substr(md5(i.code || a.code ||"
    " q.period), 1, 8))::bit(32)::int)::numeric / 2147483648) AS u"
    " FROM " DEMO_SPEC " JOIN indicator i ON i.code = d.code"
    " CROSS JOIN area a CROSS JOIN q WHERE a.level = 'gemeente'),"
    " v AS (SELECT g.*, g.base * (1 + g.trend * g.t) * (1 + g.noise * g.u) AS level,"
    " round(g.inhabitants * 0.2) AS youth FROM g)"
    " INSERT INTO observation (indicator_id, area_id, period, value, numerator, denominator,"
    " status, batch_id)"
    " SELECT iid, aid, period,"
    " CASE WHEN aggregation = 'ratio' THEN round(round(youth * level / unit_factor(unit))"
    " / youth * unit_factor(unit), 2)"
    " WHEN aggregation = 'som' THEN greatest(round(inhabitants / 10000.0 * level), 0)"
    " WHEN unit = 'euro' THEN round(level) ELSE round(level, 1) END,"
    " CASE WHEN aggregation = 'ratio' THEN round(youth * level / unit_factor(unit)) END,"
    " CASE WHEN aggregation = 'ratio' THEN youth END,"
    " CASE WHEN period >= '2025' THEN 'voorlopig' ELSE 'definitief' END, '" DEMO_BATCH "'"
    " FROM v ON CONFLICT DO NOTHING";

/* Non-aggregable indicators get a regional value of their own (the mean of the municipalities,
 * as Kennispunt would deliver it). */
static const char REGION_SQL[] =
    "INSERT INTO observation (indicator_id, area_id, period, value, status, batch_id)"
    " SELECT o.indicator_id, r.id, o.period, round(avg(o.value), 1), min(o.status),"
    " '" DEMO_BATCH "' FROM observation o JOIN indicator i ON i.id = o.indicator_id"
    " JOIN area a ON a.id = o.area_id JOIN area r ON r.id = a.parent_id"
    " WHERE o.batch_id = '" DEMO_BATCH "' AND i.aggregation = 'niet_aggregeerbaar'"
    " GROUP BY o.indicator_id, r.id, o.period ON CONFLICT DO NOTHING";

static const char NORMS_SQL[] =
    "INSERT INTO norm (indicator_id, comparator, value, margin, valid_from, note, demo)"
    " SELECT i.id, n.cmp, n.value, n.margin, DATE '2019-01-01',"
    " 'DEMO-norm (synthetisch, geen vastgestelde norm)', true"
    " FROM (VALUES ('WT_SPECIALISTISCH_AMBULANT', '<=', 8, 1), ('WT_JGGZ', '<=', 10, 2),"
    " ('JH_MET_VERBLIJF_PER_1000', '<=', 11, 1), ('JB_HERINSTROOM', '<=', 14, 2),"
    " ('OJ_THUISZITTERS_PER_1000', '<=', 2.5, 0.5), ('SS_TEVREDEN_CLIENTEN', '>=', 75, 3))"
    " AS n(code, cmp, value, margin) JOIN indicator i ON i.code = n.code"
    " ON CONFLICT DO NOTHING";

static const char COUNTS_SQL[] =
    "UPDATE import_batch b SET rows_total = c.n, created = c.n FROM (SELECT count(*)::int AS n"
    " FROM observation WHERE batch_id = '" DEMO_BATCH "') c WHERE b.id = '" DEMO_BATCH "'";

int mon_demo(const svc_config *cfg) {
    PGconn *pg = mon_loader_connect(cfg->database_url);
    int rc = pg ? 0 : -1;
    if (rc == 0)
        rc = mon_loader_exec(pg, "begin", "BEGIN", 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "demo batch", BATCH_SQL, 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "demo observations", OBSERVATIONS_SQL, 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "demo region values", REGION_SQL, 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "demo norms", NORMS_SQL, 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "demo counts", COUNTS_SQL, 0, NULL);
    if (rc == 0)
        rc = mon_loader_exec(pg, "commit", "COMMIT", 0, NULL);
    if (rc == 0)
        svc_log(SVC_LOG_INFO, "demo data loaded (batch " DEMO_BATCH ")");
    PQfinish(pg);
    return rc == 0 ? 0 : 1;
}
