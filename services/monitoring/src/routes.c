/* The routes of the monitoring service (below /api/monitoring/v1). The shared server adds
 * /health, /health/ready, /metrics and /openapi.json. Literal routes before :param routes. */
#include "monitoring.h"

#define READ   MON_SCOPE_READ
#define WRITE  MON_SCOPE_WRITE
#define INGEST MON_SCOPE_INGEST
#define JSON   SVC_BODY_JSON

const svc_route mon_routes[] = {
    {"GET", "/gebieden", mon_areas_list, 0, READ},
    {"GET", "/gebieden/:code", mon_areas_get, 0, READ},
    {"GET", "/bronnen", mon_sources_list, 0, READ},
    {"GET", "/indicatoren", mon_indicators_list, 0, READ},
    {"POST", "/indicatoren", mon_indicators_create, JSON, WRITE},
    {"GET", "/indicatoren/:code", mon_indicators_get, 0, READ},
    {"PUT", "/indicatoren/:code", mon_indicators_put, JSON, WRITE},
    {"GET", "/indicatoren/:code/reeks", mon_series, 0, READ},
    {"GET", "/indicatoren/:code/momentopname", mon_snapshot, 0, READ},
    {"GET", "/normen", mon_norms_list, 0, READ},
    {"POST", "/normen", mon_norms_create, JSON, WRITE},
    {"GET", "/normen/:id", mon_norms_get, 0, READ},
    {"PUT", "/normen/:id", mon_norms_put, JSON, WRITE},
    {"DELETE", "/normen/:id", mon_norms_delete, 0, WRITE},
    {"GET", "/importen", mon_batches_list, 0, READ},
    {"GET", "/importen/:id", mon_batches_get, 0, READ},
    {"GET", "/importen/:id/afwijzingen", mon_batches_conflicts, 0, READ},
    {"GET", "/waarnemingen", mon_observations_list, 0, READ},
    {"GET", "/waarnemingen/export", mon_observations_export, 0, READ},
    {"GET", "/waarnemingen/:indicator/:gebied/:periode", mon_observations_get, 0, READ},
    {"GET", "/signalen", mon_signals, 0, READ},
    {"GET", "/audit", svc_audit_list, 0, WRITE},
    {NULL, NULL, NULL, 0, NULL},
};

/* POST /importen takes its body as a stream (push.c): a push of any size in flat memory. */
const svc_route mon_push_route = {"POST", "/importen", NULL, JSON | SVC_BODY_CSV, INGEST};
