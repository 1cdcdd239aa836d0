/* The changes of the agenda: one pf_write description per route. */
#include "fields.h"
#include "portfolio.h"
#include "sql.h"

#define REJECT  SVC_REJECT_UNKNOWN
#define PARTIAL (SVC_REJECT_UNKNOWN | SVC_PARTIAL)
#define WRITE_HANDLER(name, ...)                                                                   \
    void name(svc_req *r, void *ctx) {                                                             \
        (void)ctx;                                                                                 \
        static const pf_write w = {__VA_ARGS__};                                                   \
        pf_write_run(r, &w);                                                                       \
    }

#define PROJECT "Dit project"

WRITE_HANDLER(pf_action_line_patch, .id_kind = PF_ID_LINE, .what = "Deze actielijn",
              .fields = pf_action_line_fields, .policy = PARTIAL, .check = pf_check_action_line,
              .sql_lock = SQL_ACTION_LINE_LOCK, .if_match = 1, .sql_write = SQL_ACTION_LINE_UPD,
              .object_type = "actielijn", .action = "gewijzigd")

WRITE_HANDLER(pf_programme_create, .what = "Dit programma", .fields = pf_programme_fields,
              .policy = REJECT, .check = pf_check_programme, .sql_write = SQL_PROGRAMME_INS,
              .object_type = "programma", .action = "aangemaakt", .location = "/programmas")
WRITE_HANDLER(pf_programme_patch, .id_kind = PF_ID_UUID, .what = "Dit programma",
              .fields = pf_programme_fields, .policy = PARTIAL, .check = pf_check_programme,
              .sql_lock = SQL_PROGRAMME_LOCK, .if_match = 1, .sql_write = SQL_PROGRAMME_UPD,
              .object_type = "programma", .action = "gewijzigd")
WRITE_HANDLER(pf_programme_delete, .id_kind = PF_ID_UUID, .what = "Dit programma",
              .sql_lock = SQL_PROGRAMME_LOCK, .sql_write = SQL_PROGRAMME_DEL,
              .object_type = "programma", .action = "verwijderd")

WRITE_HANDLER(pf_project_create, .what = PROJECT, .fields = pf_project_create_fields,
              .policy = REJECT, .check = pf_check_project, .sql_write = SQL_PROJECT_INS,
              .object_type = "project", .action = "aangemaakt", .location = "/projecten")
WRITE_HANDLER(pf_project_patch, .id_kind = PF_ID_UUID, .what = PROJECT,
              .fields = pf_project_patch_fields, .policy = PARTIAL, .check = pf_check_project,
              .sql_lock = SQL_PROJECT_LOCK, .if_match = 1, .sql_write = SQL_PROJECT_UPD,
              .object_type = "project", .action = "gewijzigd")
WRITE_HANDLER(pf_project_delete, .id_kind = PF_ID_UUID, .what = PROJECT,
              .sql_lock = SQL_PROJECT_LOCK, .sql_write = SQL_PROJECT_DEL, .object_type = "project",
              .action = "verwijderd")
WRITE_HANDLER(pf_project_move, .id_kind = PF_ID_UUID, .what = PROJECT, .fields = pf_move_fields,
              .policy = REJECT, .sql_lock = SQL_PROJECT_LOCK, .sql_write = SQL_PROJECT_MOVE,
              .object_type = "project", .action = "rang_gewijzigd")
WRITE_HANDLER(pf_phase_change_create, .id_kind = PF_ID_UUID, .what = PROJECT,
              .fields = pf_phase_fields, .policy = REJECT, .sql_lock = SQL_PROJECT_LOCK,
              .sql_write = SQL_PHASE_INS, .object_type = "project", .action = "fase_gewijzigd",
              .location = "/projecten/%s/fasewijzigingen")

WRITE_HANDLER(pf_milestone_create, .id_kind = PF_ID_UUID, .what = PROJECT,
              .fields = pf_milestone_fields, .policy = REJECT, .sql_write = SQL_MILESTONE_INS,
              .object_type = "mijlpaal", .action = "aangemaakt", .location = "/mijlpalen")
WRITE_HANDLER(pf_milestone_patch, .id_kind = PF_ID_UUID, .what = "Deze mijlpaal",
              .fields = pf_milestone_fields, .policy = PARTIAL, .sql_lock = SQL_MILESTONE_LOCK,
              .if_match = 1, .sql_write = SQL_MILESTONE_UPD, .object_type = "mijlpaal",
              .action = "gewijzigd")
WRITE_HANDLER(pf_milestone_delete, .id_kind = PF_ID_UUID, .what = "Deze mijlpaal",
              .sql_lock = SQL_MILESTONE_LOCK, .sql_write = SQL_MILESTONE_DEL,
              .object_type = "mijlpaal", .action = "verwijderd")

WRITE_HANDLER(pf_report_create, .id_kind = PF_ID_UUID, .what = PROJECT, .fields = pf_report_fields,
              .policy = REJECT, .check = pf_check_report, .sql_write = SQL_REPORT_INS,
              .object_type = "rapportage", .action = "aangemaakt", .location = "/rapportages")
WRITE_HANDLER(pf_report_patch, .id_kind = PF_ID_UUID, .what = "Deze voortgangsrapportage",
              .fields = pf_report_fields, .policy = PARTIAL, .check = pf_check_report,
              .sql_lock = SQL_REPORT_LOCK, .if_match = 1, .sql_write = SQL_REPORT_UPD,
              .object_type = "rapportage", .action = "gewijzigd")
WRITE_HANDLER(pf_report_delete, .id_kind = PF_ID_UUID, .what = "Deze voortgangsrapportage",
              .sql_lock = SQL_REPORT_LOCK, .sql_write = SQL_REPORT_DEL, .object_type = "rapportage",
              .action = "verwijderd")

WRITE_HANDLER(pf_dependency_create, .what = "Deze afhankelijkheid", .fields = pf_dependency_fields,
              .policy = REJECT, .check = pf_check_dependency, .sql_write = SQL_DEPENDENCY_INS,
              .object_type = "afhankelijkheid", .action = "aangemaakt",
              .location = "/afhankelijkheden")
WRITE_HANDLER(pf_dependency_patch, .id_kind = PF_ID_UUID, .what = "Deze afhankelijkheid",
              .fields = pf_dependency_patch_fields, .policy = PARTIAL,
              .sql_lock = SQL_DEPENDENCY_LOCK, .if_match = 1, .sql_write = SQL_DEPENDENCY_UPD,
              .object_type = "afhankelijkheid", .action = "gewijzigd")
WRITE_HANDLER(pf_dependency_delete, .id_kind = PF_ID_UUID, .what = "Deze afhankelijkheid",
              .sql_lock = SQL_DEPENDENCY_LOCK, .sql_write = SQL_DEPENDENCY_DEL,
              .object_type = "afhankelijkheid", .action = "verwijderd")

/* Anyone with a login (portfolio:read) may submit a core problem or idea. */
WRITE_HANDLER(pf_core_problem_create, .what = "Dit kernprobleem", .fields = pf_problem_fields,
              .policy = REJECT, .sql_write = SQL_PROBLEM_INS, .object_type = "kernprobleem",
              .action = "ingediend", .location = "/kernproblemen", .any_role = 1)
WRITE_HANDLER(pf_core_problem_triage, .id_kind = PF_ID_UUID, .what = "Dit kernprobleem",
              .fields = pf_triage_fields, .policy = REJECT, .check = pf_check_triage,
              .sql_write = SQL_PROBLEM_TRIAGE, .object_type = "kernprobleem",
              .action = "getriageerd")
