/* Areas (the region and its municipalities) and source monitors: read-only, loaded by --seed. */
#include <string.h>

#include "sql.h"
#include "util.h"

static const char *const levels[] = {"regio", "gemeente", "wijk", NULL};

void mon_areas_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    const char *params[4] = {svc_req_query(r, "niveau"), svc_req_query(r, "bovenliggend")};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    int known = params[0] == NULL;
    for (int i = 0; levels[i] != NULL && !known; i++)
        known = strcmp(levels[i], params[0]) == 0;
    if (!known)
        svc_errors_add(errs, "niveau", "enum", "Moet regio, gemeente of wijk zijn.");
    if (params[1] != NULL && !mon_is_area_code(params[1]))
        svc_errors_add(errs, "bovenliggend", "format", "Moet een gebiedscode zijn.");
    mon_reply_list(r, "gebieden", SQL_AREA_LIST, 4, params, errs);
    svc_errors_free(errs);
}

void mon_areas_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *params[] = {svc_req_param(r, "code")};
    mon_reply_query_json(r, SQL_AREA_GET, 1, params, "Dit gebied");
}

void mon_sources_list(svc_req *r, void *ctx) {
    (void)ctx;
    mon_reply_query_json(r, SQL_SOURCE_LIST, 0, NULL, "De lijst van bronnen");
}
