/* The reads of the agenda: reference lists, action lines, programmes, projects and their
 * children, dependencies, core problems. */
#include <stdio.h>
#include <string.h>

#include "fields.h"
#include "portfolio.h"
#include "sql.h"

#define ENTITY(name, sql, kind, what)                                                              \
    void name(svc_req *r, void *ctx) {                                                             \
        (void)ctx;                                                                                 \
        pf_read_entity(r, sql, kind, what);                                                        \
    }
#define TEXT(name, sql)                                                                            \
    void name(svc_req *r, void *ctx) {                                                             \
        (void)ctx;                                                                                 \
        pf_read_text(r, sql, 0, NULL, "Deze lijst");                                               \
    }
#define CHILDREN(name, sql)                                                                        \
    void name(svc_req *r, void *ctx) {                                                             \
        (void)ctx;                                                                                 \
        const char *id = svc_req_param(r, "id");                                                   \
        if (!svc_is_uuid(id)) {                                                                    \
            svc_reply_not_found(r, "Dit project");                                                 \
            return;                                                                                \
        }                                                                                          \
        const char *params[] = {id};                                                               \
        pf_read_text(r, sql, 1, params, "Dit project");                                            \
    }

TEXT(pf_principles_list, SQL_PRINCIPLES)
TEXT(pf_reform_lines_list, SQL_REFORM_LINES)
TEXT(pf_action_lines_list, SQL_ACTION_LINES)
TEXT(pf_programmes_list, SQL_PROGRAMMES)
ENTITY(pf_principle_get, SQL_PRINCIPLE_GET, PF_ID_LINE, "Dit principe")
ENTITY(pf_reform_line_get, SQL_REFORM_LINE_GET, PF_ID_LINE, "Deze hervormingslijn")
ENTITY(pf_action_line_get, SQL_ACTION_LINE_GET, PF_ID_LINE, "Deze actielijn")
ENTITY(pf_programme_get, SQL_PROGRAMME_GET, PF_ID_UUID, "Dit programma")
ENTITY(pf_milestone_get, SQL_MILESTONE_GET, PF_ID_UUID, "Deze mijlpaal")
ENTITY(pf_report_get, SQL_REPORT_GET, PF_ID_UUID, "Deze voortgangsrapportage")
ENTITY(pf_dependency_get, SQL_DEPENDENCY_GET, PF_ID_UUID, "Deze afhankelijkheid")
ENTITY(pf_core_problem_get, SQL_PROBLEM_GET, PF_ID_UUID, "Dit kernprobleem")
CHILDREN(pf_phase_changes_list, SQL_PHASES)
CHILDREN(pf_milestones_list, SQL_MILESTONES)
CHILDREN(pf_reports_list, SQL_REPORTS)

/* One project: through the response cache (the generation query is cheaper than building the
 * project's representation; measured in DESIGN.md). */
void pf_project_get(svc_req *r, void *ctx) {
    const char *id = svc_req_param(r, "id");
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Dit project");
        return;
    }
    const char *params[] = {id};
    const svc_cached_read q = {.kind = SVC_CACHED_ENTITY,
                               .stmt = SQL_PROJECT_GET,
                               .n = 1,
                               .params = params,
                               .what = "Dit project"};
    pf_cached(r, ctx, &q);
}

void pf_phase_change_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id"), *event = svc_req_param(r, "wijziging");
    if (!svc_is_uuid(id) || !svc_is_uuid(event)) {
        svc_reply_not_found(r, "Deze fasewijziging");
        return;
    }
    const char *params[] = {id, event};
    pf_read_text(r, SQL_PHASE_GET, 2, params, "Deze fasewijziging");
}

/* ---- filters ---- */

static int is_among(const char *v, const char *const *values) {
    for (; *values; values++)
        if (strcmp(v, *values) == 0)
            return 1;
    return 0;
}

static const char *enum_filter(svc_req *r, const char *name, const char *const *values,
                               svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && !is_among(v, values))
        svc_errors_add(errs, name, "enum", "Geen toegestane waarde.");
    return v;
}

static const char *int_filter(svc_req *r, const char *name, long long max, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && !pf_is_int(v, 1, max))
        svc_errors_add(errs, name, "range", "Moet een nummer van 1 tot en met %lld zijn.", max);
    return v;
}

static const char *text_filter(svc_req *r, const char *name, size_t max, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v != NULL && (svc_utf8_length(v) < 1 || svc_utf8_length(v) > max))
        svc_errors_add(errs, name, "length", "Moet 1 tot en met %zu tekens lang zijn.", max);
    return v;
}

/* A paginated list: filters in params[0..nfilters-1], then the key after and the limit;
 * through the response cache when cache is not NULL. */
static void page(svc_req *r, const char *collection, const char *sql, const char **params,
                 int nfilters, svc_errors *errs, pf_ctx *cache) {
    json_t *cursor = NULL;
    unsigned int limit = 0;
    char limit_text[16];
    svc_page_parse(r, collection, &limit, &cursor, &params[nfilters], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[nfilters + 1] = limit_text;
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else if (cache != NULL) {
        const svc_cached_read q = {.kind = SVC_CACHED_PAGE,
                                   .stmt = sql,
                                   .n = nfilters + 2,
                                   .params = params,
                                   .collection = collection};
        pf_cached(r, cache, &q);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, sql, nfilters + 2, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, collection, collection, res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
}

void pf_projects_list(svc_req *r, void *ctx) {
    svc_errors *errs = NULL;
    const char *params[11] = {NULL};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    params[0] = int_filter(r, "actielijn", 5, errs);
    params[1] = enum_filter(r, "fase", pf_phases, errs);
    params[2] = enum_filter(r, "status", pf_statuses, errs);
    params[3] = enum_filter(r, "soort", pf_kinds, errs);
    params[4] = enum_filter(r, "schaal", pf_scales, errs);
    params[5] = text_filter(r, "programma", 80, errs);
    params[6] = int_filter(r, "principe", 8, errs);
    params[7] = text_filter(r, "zoek", 200, errs);
    params[8] = text_filter(r, "tag", 60, errs);
    page(r, "projecten", SQL_PROJECTS, params, 9, errs, ctx);
    svc_errors_free(errs);
}

void pf_core_problems_list(svc_req *r, void *ctx) {
    (void)ctx;
    static const char *const states[] = {"ingediend",     "actielijn", "project",
                                         "nieuw_project", "hiaat",     NULL};
    svc_errors *errs = NULL;
    const char *params[4] = {NULL};
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    params[0] = enum_filter(r, "status", states, errs);
    params[1] = int_filter(r, "actielijn", 5, errs);
    page(r, "kernproblemen", SQL_PROBLEMS, params, 2, errs, NULL);
    svc_errors_free(errs);
}

void pf_dependencies_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    const char *params[] = {int_filter(r, "actielijn", 5, errs), svc_req_query(r, "project")};
    if (params[1] != NULL && !svc_is_uuid(params[1]))
        svc_errors_add(errs, "project", "format", "Moet een UUID zijn.");
    if (svc_errors_count(errs) > 0)
        svc_reply_invalid(r, errs, NULL);
    else
        pf_read_text(r, SQL_DEPENDENCIES, 2, params, "Deze lijst");
    svc_errors_free(errs);
}
