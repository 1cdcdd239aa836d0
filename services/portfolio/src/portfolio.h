/* The portfolio service: the agenda itself (see services/portfolio/DESIGN.md). */
#ifndef PORTFOLIO_H
#define PORTFOLIO_H

#include <pthread.h>
#include <stdatomic.h>

#include "svc/cache.h"
#include "svc/svc.h"

#define PF_VERSION      "1.0.0"
#define PF_DEFAULT_PORT 8082
#define PF_SCOPE_READ   "portfolio:read"
#define PF_SCOPE_WRITE  "portfolio:write"

/* ---- access (access.c) ---- */
/* 1 when the caller may change things: role redacteur or beheerder. */
int pf_is_editor(const svc_principal *p);
/* The caller's action-line limit as a PostgreSQL array literal ("{1,3}") in buf, or NULL when
 * the caller is not limited (beheerder, or a redacteur without an actielijnen claim). */
const char *pf_lines_limit(const svc_principal *p, char *buf, size_t size);
int pf_is_line_number(const char *text);
int pf_is_int(const char *text, long long min, long long max);

/* ---- generic writes (write.c) ---- */
typedef enum pf_id_kind { PF_ID_NONE = 0, PF_ID_UUID, PF_ID_LINE } pf_id_kind;

typedef struct pf_write {
    pf_id_kind id_kind;      /* the path parameter "id" (uuid) or "nummer" (1..5) */
    const char *what;        /* for 404: "Dit project" */
    const svc_field *fields; /* body description; NULL: no body */
    unsigned int policy;     /* SVC_REJECT_UNKNOWN [| SVC_PARTIAL] */
    void (*check)(const json_t *body, svc_errors *errs); /* checks beyond svc_validate */
    const char *sql_lock;    /* (version, line) of the row for If-Match; NULL: none */
    int if_match;            /* 1: If-Match required (PATCH); 0: checked only when sent */
    const char *sql_write;   /* pf_result columns by ($1 id, $2 body, $3 actor, $4 lines) */
    const char *object_type; /* audit */
    const char *action;      /* audit */
    const char *location;    /* 201: collection for Location, "%s" = the path id; NULL: none */
    int any_role;            /* any caller with the route's scope (core problem submission) */
} pf_write;

void pf_write_run(svc_req *r, const pf_write *w);

/* ---- generic reads (read.c) ---- */
/* Answer the one-column JSON text of a statement; 404 (what) when it yields no row or NULL. */
void pf_read_text(svc_req *r, const char *sql, int n, const char *const *params, const char *what);
/* Answer an entity (json, version) by the path id; 404 (what) otherwise. */
void pf_read_entity(svc_req *r, const char *sql, pf_id_kind kind, const char *what);

/* ---- the response cache (cached.c) ---- */

/* A background thread giving freed memory back (trim.c). */
typedef struct pf_trimmer {
    pthread_t thread;
    pthread_mutex_t lock;
    pthread_cond_t wake;
    int stop, running;
    atomic_ulong reads; /* cached reads served, counted by pf_cached */
} pf_trimmer;
int pf_trimmer_start(pf_trimmer *t);
void pf_trimmer_stop(pf_trimmer *t);

/* The context of the handlers: the response cache (PORTFOLIO_CACHE_BYTES, default 8 MiB). */
typedef struct pf_ctx {
    svc_cache *cache;
    pf_trimmer trimmer; /* started when serving */
} pf_ctx;

int pf_ctx_new(pf_ctx **out);
void pf_ctx_free(pf_ctx *ctx);

/* Answer q through the cache (svc_reply_cached) at the portfolio's data generation. */
void pf_cached(svc_req *r, pf_ctx *ctx, const svc_cached_read *q);

/* ---- handlers ---- */
#define PF_HANDLER(name) void name(svc_req *r, void *ctx)
PF_HANDLER(pf_principles_list);
PF_HANDLER(pf_principle_get);
PF_HANDLER(pf_reform_lines_list);
PF_HANDLER(pf_reform_line_get);
PF_HANDLER(pf_action_lines_list);
PF_HANDLER(pf_action_line_get);
PF_HANDLER(pf_action_line_patch);
PF_HANDLER(pf_programmes_list);
PF_HANDLER(pf_programme_get);
PF_HANDLER(pf_programme_create);
PF_HANDLER(pf_programme_patch);
PF_HANDLER(pf_programme_delete);
PF_HANDLER(pf_projects_list);
PF_HANDLER(pf_project_get);
PF_HANDLER(pf_project_create);
PF_HANDLER(pf_project_patch);
PF_HANDLER(pf_project_delete);
PF_HANDLER(pf_project_move);
PF_HANDLER(pf_phase_changes_list);
PF_HANDLER(pf_phase_change_get);
PF_HANDLER(pf_phase_change_create);
PF_HANDLER(pf_milestones_list);
PF_HANDLER(pf_milestone_get);
PF_HANDLER(pf_milestone_create);
PF_HANDLER(pf_milestone_patch);
PF_HANDLER(pf_milestone_delete);
PF_HANDLER(pf_reports_list);
PF_HANDLER(pf_report_get);
PF_HANDLER(pf_report_create);
PF_HANDLER(pf_report_patch);
PF_HANDLER(pf_report_delete);
PF_HANDLER(pf_dependencies_list);
PF_HANDLER(pf_dependency_get);
PF_HANDLER(pf_dependency_create);
PF_HANDLER(pf_dependency_patch);
PF_HANDLER(pf_dependency_delete);
PF_HANDLER(pf_core_problems_list);
PF_HANDLER(pf_core_problem_get);
PF_HANDLER(pf_core_problem_create);
PF_HANDLER(pf_core_problem_triage);
PF_HANDLER(pf_overview);
PF_HANDLER(pf_steering_report);
PF_HANDLER(pf_audit_feed);

extern const svc_route pf_routes[];

/* ---- seed (seed.c) ---- */
/* Load every *.json of dir (in name order) with pf_seed(); idempotent. */
int pf_seed_dir(const char *conninfo, const char *dir, char **errmsg);

#endif
