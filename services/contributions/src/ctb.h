/* The contributions service: shared declarations and its handlers. */
#ifndef CTB_CTB_H
#define CTB_CTB_H

#include <jansson.h>

#include "svc/svc.h"

#define CTB_VERSION      "1.0.0"
#define CTB_DEFAULT_PORT 8084
#define CTB_SERVICE      "contributions"

/* Audit object types. */
#define AUDIT_BUDGET_LINE  "begrotingsregel"
#define AUDIT_EXPENDITURE  "uitgave"
#define AUDIT_SOURCE       "financieringsbron"
#define AUDIT_CONTRIBUTION "bijdrage"
#define AUDIT_KEY          "verdeelsleutel"

/* The NULL-terminated route table (routes.c). */
extern const svc_route ctb_routes[];

/* ---- handlers ---- */
void ctb_budget_list(svc_req *r, void *ctx);
void ctb_budget_create(svc_req *r, void *ctx);
void ctb_budget_get(svc_req *r, void *ctx);
void ctb_budget_patch(svc_req *r, void *ctx);
void ctb_budget_delete(svc_req *r, void *ctx);
void ctb_revisions_list(svc_req *r, void *ctx);
void ctb_revision_get(svc_req *r, void *ctx);

void ctb_expenditures_list(svc_req *r, void *ctx);
void ctb_expenditures_create(svc_req *r, void *ctx);
void ctb_expenditure_get(svc_req *r, void *ctx);
void ctb_expenditure_patch(svc_req *r, void *ctx);
void ctb_expenditure_delete(svc_req *r, void *ctx);

void ctb_sources_list(svc_req *r, void *ctx);
void ctb_sources_create(svc_req *r, void *ctx);
void ctb_source_get(svc_req *r, void *ctx);
void ctb_source_patch(svc_req *r, void *ctx);
void ctb_source_delete(svc_req *r, void *ctx);

void ctb_contributions_list(svc_req *r, void *ctx);
void ctb_contributions_create(svc_req *r, void *ctx);
void ctb_contribution_get(svc_req *r, void *ctx);
void ctb_contribution_patch(svc_req *r, void *ctx);
void ctb_contribution_delete(svc_req *r, void *ctx);

void ctb_keys_list(svc_req *r, void *ctx);
void ctb_keys_create(svc_req *r, void *ctx);
void ctb_key_get(svc_req *r, void *ctx);
void ctb_key_patch(svc_req *r, void *ctx);
void ctb_key_delete(svc_req *r, void *ctx);
void ctb_weights_get(svc_req *r, void *ctx);
void ctb_weights_put(svc_req *r, void *ctx);

void ctb_allocation_get(svc_req *r, void *ctx);
void ctb_allocation_export(svc_req *r, void *ctx);
void ctb_municipalities_list(svc_req *r, void *ctx);
void ctb_statement_get(svc_req *r, void *ctx);
void ctb_statement_export(svc_req *r, void *ctx);
void ctb_coverage_get(svc_req *r, void *ctx);
void ctb_budget_export(svc_req *r, void *ctx);
void ctb_contributions_export(svc_req *r, void *ctx);
void ctb_audit_list(svc_req *r, void *ctx);

/* ---- --seed and --demo (seed.c, demo.c) ---- */
int ctb_seed(const svc_config *cfg, const char *seed_dir, char **errmsg);
int ctb_demo(const svc_config *cfg, const char *demo_dir, char **errmsg);

#endif
