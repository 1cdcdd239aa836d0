/* The bodies the portfolio service accepts: field tables for svc_validate and the checks beyond
 * types and lengths. */
#ifndef PF_FIELDS_H
#define PF_FIELDS_H

#include "svc/svc.h"

extern const svc_field pf_project_create_fields[], pf_project_patch_fields[];
extern const svc_field pf_move_fields[], pf_phase_fields[];
extern const svc_field pf_milestone_fields[], pf_report_fields[];
extern const svc_field pf_programme_fields[], pf_action_line_fields[];
extern const svc_field pf_dependency_fields[], pf_dependency_patch_fields[];
extern const svc_field pf_problem_fields[], pf_triage_fields[];

extern const char *const pf_phases[], *const pf_statuses[], *const pf_kinds[], *const pf_scales[];

void pf_check_project(const json_t *body, svc_errors *errs);
void pf_check_report(const json_t *body, svc_errors *errs);
void pf_check_programme(const json_t *body, svc_errors *errs);
void pf_check_action_line(const json_t *body, svc_errors *errs);
void pf_check_dependency(const json_t *body, svc_errors *errs);
void pf_check_triage(const json_t *body, svc_errors *errs);

#endif
