/* The routes of the contributions service (below /api/contributions/v1). The shared server adds
 * /health, /health/ready, /metrics and /openapi.json. Reads need contributions:read, writes
 * contributions:write (and, in the handler, a staff editor role or, for contributions, a
 * municipal client of the same municipality). */
#include "ctb.h"

#define READ  "contributions:read"
#define WRITE "contributions:write"
#define JSON  SVC_BODY_JSON

const svc_route ctb_routes[] = {
    {"GET", "/begrotingsregels", ctb_budget_list, 0, READ},
    {"POST", "/begrotingsregels", ctb_budget_create, JSON, WRITE},
    {"GET", "/begrotingsregels/:id", ctb_budget_get, 0, READ},
    {"PATCH", "/begrotingsregels/:id", ctb_budget_patch, JSON, WRITE},
    {"DELETE", "/begrotingsregels/:id", ctb_budget_delete, 0, WRITE},
    {"GET", "/begrotingsregels/:id/revisies", ctb_revisions_list, 0, READ},
    {"GET", "/begrotingsregels/:id/revisies/:revisie", ctb_revision_get, 0, READ},
    {"GET", "/begrotingsregels/:id/uitgaven", ctb_expenditures_list, 0, READ},
    {"POST", "/begrotingsregels/:id/uitgaven", ctb_expenditures_create, JSON, WRITE},
    {"GET", "/uitgaven/:id", ctb_expenditure_get, 0, READ},
    {"PATCH", "/uitgaven/:id", ctb_expenditure_patch, JSON, WRITE},
    {"DELETE", "/uitgaven/:id", ctb_expenditure_delete, 0, WRITE},
    {"GET", "/financieringsbronnen", ctb_sources_list, 0, READ},
    {"POST", "/financieringsbronnen", ctb_sources_create, JSON, WRITE},
    {"GET", "/financieringsbronnen/:id", ctb_source_get, 0, READ},
    {"PATCH", "/financieringsbronnen/:id", ctb_source_patch, JSON, WRITE},
    {"DELETE", "/financieringsbronnen/:id", ctb_source_delete, 0, WRITE},
    {"GET", "/bijdragen", ctb_contributions_list, 0, READ},
    {"POST", "/bijdragen", ctb_contributions_create, JSON, WRITE},
    {"GET", "/bijdragen/:id", ctb_contribution_get, 0, READ},
    {"PATCH", "/bijdragen/:id", ctb_contribution_patch, JSON, WRITE},
    {"DELETE", "/bijdragen/:id", ctb_contribution_delete, 0, WRITE},
    {"GET", "/verdeelsleutels", ctb_keys_list, 0, READ},
    {"POST", "/verdeelsleutels", ctb_keys_create, JSON, WRITE},
    {"GET", "/verdeelsleutels/:id", ctb_key_get, 0, READ},
    {"PATCH", "/verdeelsleutels/:id", ctb_key_patch, JSON, WRITE},
    {"DELETE", "/verdeelsleutels/:id", ctb_key_delete, 0, WRITE},
    {"GET", "/verdeelsleutels/:id/gewichten/:jaar", ctb_weights_get, 0, READ},
    {"PUT", "/verdeelsleutels/:id/gewichten/:jaar", ctb_weights_put, JSON, WRITE},
    {"GET", "/verdelingen", ctb_allocation_get, 0, READ},
    {"GET", "/gemeenten", ctb_municipalities_list, 0, READ},
    {"GET", "/gemeenten/:code/jaaroverzichten/:jaar", ctb_statement_get, 0, READ},
    {"GET", "/dekking", ctb_coverage_get, 0, READ},
    {"GET", "/exports/begroting", ctb_budget_export, 0, READ},
    {"GET", "/exports/bijdragen", ctb_contributions_export, 0, READ},
    {"GET", "/exports/verdeling", ctb_allocation_export, 0, READ},
    {"GET", "/exports/jaaroverzicht", ctb_statement_export, 0, READ},
    {"GET", "/audit", ctb_audit_list, 0, READ},
    {NULL, NULL, NULL, 0, NULL},
};
