/* The routes of the portfolio service (below /api/portfolio/v1). The shared server adds
 * /health, /health/ready, /metrics and /openapi.json. Writes need portfolio:write here and the
 * role redacteur or beheerder in the handler (pf_write_run). */
#include "portfolio.h"

#define READ  PF_SCOPE_READ
#define WRITE PF_SCOPE_WRITE
#define JSON  SVC_BODY_JSON

const svc_route pf_routes[] = {
    {"GET", "/principes", pf_principles_list, 0, READ},
    {"GET", "/principes/:nummer", pf_principle_get, 0, READ},
    {"GET", "/hervormingslijnen", pf_reform_lines_list, 0, READ},
    {"GET", "/hervormingslijnen/:nummer", pf_reform_line_get, 0, READ},
    {"GET", "/actielijnen", pf_action_lines_list, 0, READ},
    {"GET", "/actielijnen/:nummer", pf_action_line_get, 0, READ},
    {"PATCH", "/actielijnen/:nummer", pf_action_line_patch, JSON, WRITE},
    {"GET", "/programmas", pf_programmes_list, 0, READ},
    {"POST", "/programmas", pf_programme_create, JSON, WRITE},
    {"GET", "/programmas/:id", pf_programme_get, 0, READ},
    {"PATCH", "/programmas/:id", pf_programme_patch, JSON, WRITE},
    {"DELETE", "/programmas/:id", pf_programme_delete, 0, WRITE},
    {"GET", "/projecten", pf_projects_list, 0, READ},
    {"POST", "/projecten", pf_project_create, JSON, WRITE},
    {"GET", "/projecten/:id", pf_project_get, 0, READ},
    {"PATCH", "/projecten/:id", pf_project_patch, JSON, WRITE},
    {"DELETE", "/projecten/:id", pf_project_delete, 0, WRITE},
    {"POST", "/projecten/:id/rang", pf_project_move, JSON, WRITE},
    {"GET", "/projecten/:id/fasewijzigingen", pf_phase_changes_list, 0, READ},
    {"POST", "/projecten/:id/fasewijzigingen", pf_phase_change_create, JSON, WRITE},
    {"GET", "/projecten/:id/fasewijzigingen/:wijziging", pf_phase_change_get, 0, READ},
    {"GET", "/projecten/:id/mijlpalen", pf_milestones_list, 0, READ},
    {"POST", "/projecten/:id/mijlpalen", pf_milestone_create, JSON, WRITE},
    {"GET", "/projecten/:id/rapportages", pf_reports_list, 0, READ},
    {"POST", "/projecten/:id/rapportages", pf_report_create, JSON, WRITE},
    {"GET", "/mijlpalen/:id", pf_milestone_get, 0, READ},
    {"PATCH", "/mijlpalen/:id", pf_milestone_patch, JSON, WRITE},
    {"DELETE", "/mijlpalen/:id", pf_milestone_delete, 0, WRITE},
    {"GET", "/rapportages/:id", pf_report_get, 0, READ},
    {"PATCH", "/rapportages/:id", pf_report_patch, JSON, WRITE},
    {"DELETE", "/rapportages/:id", pf_report_delete, 0, WRITE},
    {"GET", "/afhankelijkheden", pf_dependencies_list, 0, READ},
    {"POST", "/afhankelijkheden", pf_dependency_create, JSON, WRITE},
    {"GET", "/afhankelijkheden/:id", pf_dependency_get, 0, READ},
    {"PATCH", "/afhankelijkheden/:id", pf_dependency_patch, JSON, WRITE},
    {"DELETE", "/afhankelijkheden/:id", pf_dependency_delete, 0, WRITE},
    {"GET", "/kernproblemen", pf_core_problems_list, 0, READ},
    {"POST", "/kernproblemen", pf_core_problem_create, JSON, READ},
    {"GET", "/kernproblemen/:id", pf_core_problem_get, 0, READ},
    {"POST", "/kernproblemen/:id/triage", pf_core_problem_triage, JSON, WRITE},
    {"GET", "/overzicht", pf_overview, 0, READ},
    {"GET", "/stuurgroeprapportage", pf_steering_report, 0, READ},
    {"GET", "/audit", pf_audit_feed, 0, READ},
    {NULL, NULL, NULL, 0, NULL},
};
