/* The stakeholders service: shared declarations of its handlers and helpers. */
#ifndef STK_STK_H
#define STK_STK_H

#include <jansson.h>
#include <pthread.h>

#include "svc/cache.h"

#include "svc/svc.h"

#define STK_VERSION      "1.0.0"
#define STK_DEFAULT_PORT 8083

#define STK_SCOPE_READ  "stakeholders:read"
#define STK_SCOPE_WRITE "stakeholders:write"

/* A resource served by the generic handlers of resource.c; it is the ctx of its routes. */
typedef struct stk_resource {
    const char *collection; /* path below the base path, "/organisaties" */
    const char *what;       /* for a 404: "Deze organisatie" */
    const char *audit_type; /* object type in the audit trail: "organisatie" */
    const svc_field *fields;
    /* Checks beyond svc_validate (formats, references, combinations); partial for PATCH. */
    void (*check)(const json_t *body, int partial, svc_errors *errs);
    const char *sql_insert, *sql_get, *sql_lock, *sql_update, *sql_delete;
    /* Statements run with ($1 id, $2 body) after an insert or update, NULL-terminated. */
    const char *const *after_write;
    /* Called after the row is locked, before it is deleted: SVC_OK to go on, else replied. */
    int (*before_delete)(svc_req *r, svc_conn *c, const char *id);
} stk_resource;

extern const stk_resource stk_organisations, stk_people, stk_bodies, stk_seats, stk_involvements,
    stk_involvements_patch, stk_rounds, stk_rounds_patch;

/* Generic handlers (ctx: the stk_resource). */
void stk_get(svc_req *r, void *ctx);
void stk_create(svc_req *r, void *ctx);
void stk_patch(svc_req *r, void *ctx);
void stk_delete(svc_req *r, void *ctx);

/* Specific handlers. */
void stk_org_list(svc_req *r, void *ctx);
void stk_person_list(svc_req *r, void *ctx);
void stk_person_export(svc_req *r, void *ctx);
void stk_person_erase(svc_req *r, void *ctx);
void stk_body_list(svc_req *r, void *ctx);
void stk_seat_list(svc_req *r, void *ctx);
void stk_vacancies(svc_req *r, void *ctx);
void stk_inv_list(svc_req *r, void *ctx);
void stk_network(svc_req *r, void *ctx);
void stk_round_list(svc_req *r, void *ctx);
void stk_input_create(svc_req *r, void *ctx);
void stk_input_delete(svc_req *r, void *ctx);

/* The response cache (cached.c): the context of the cached routes, made in main's open(). The
 * budget is STAKEHOLDERS_CACHE_BYTES (default 4 MiB). */
typedef struct stk_cache_ctx {
    svc_cache *cache;
} stk_cache_ctx;
int stk_cache_ctx_new(stk_cache_ctx **out);
void stk_cache_ctx_free(stk_cache_ctx *ctx);
/* Answer the one-column JSON text of statement sql (no parameters) through the cache, keyed by
 * the request; 404 (what) when it yields no row or NULL. */
void stk_cached_json(svc_req *r, stk_cache_ctx *ctx, const char *sql, const char *what);
/* The routes whose ctx is the stk_cache_ctx (routes.c). */
extern const svc_route stk_cached_routes[];

/* The route tables (routes.c): one per resource, so that each gets its resource as ctx. */
typedef struct stk_route_table {
    const svc_route *routes;
    const void *ctx;
} stk_route_table;
extern const stk_route_table stk_route_tables[];

/* --- helpers (util.c) --- */

/* 403 unless the caller has the role redacteur or beheerder (writes) / beheerder (admin). */
int stk_require_editor(svc_req *r);
int stk_require_admin(svc_req *r);
/* Run a statement; a constraint violation becomes the 400 or 409 it means (named after the
 * field it concerns), anything else 503/500. SVC_EREPLIED when answered. */
int stk_query(svc_req *r, svc_conn *c, const char *name, int n, const char *const *values,
              PGresult **out);
/* A problem with extension members (merged into the problem object; members is stolen). */
void stk_reply_problem_with(svc_req *r, int status, const char *detail, json_t *members);
/* Checks of field values that svc_validate does not know. */
void stk_check_uuid(const json_t *body, const char *field, svc_errors *errs);
void stk_check_uuid_array(const json_t *body, const char *field, svc_errors *errs);
void stk_check_action_lines(const json_t *body, const char *field, svc_errors *errs);
/* A query parameter that must be a UUID / one of values / a whole number in [min, max]. */
const char *stk_query_uuid(svc_req *r, const char *name, svc_errors *errs);
const char *stk_query_enum(svc_req *r, const char *name, const char *const *values,
                           svc_errors *errs);
const char *stk_query_int(svc_req *r, const char *name, long min, long max, svc_errors *errs);
const char *stk_query_text(svc_req *r, const char *name, size_t max, svc_errors *errs);
/* Answer a keyset page of `collection` from statement `name` with the filter values first and
 * then (after, limit): the common shape of every list. filters[] has n_filters entries. errs
 * holds the problems found in the filters so far. */
void stk_list(svc_req *r, svc_errors *errs, const char *collection, const char *name,
              const char **filters, int n_filters);
/* One statement with one (optional) parameter whose single text column is the answer. */
void stk_reply_report(svc_req *r, const char *name, int n, const char *const *values,
                      const char *not_found);

/* A municipality's CBS code: "GM" and four digits. */
int stk_cbs_code_valid(const char *text);

/* The enumerations of the API. */
extern const char *const stk_org_types[];
extern const char *const stk_body_kinds[];
extern const char *const stk_seat_roles[];
extern const char *const stk_involvement_roles[];
extern const char *const stk_target_types[];

/* --seed (seed.c): load services/stakeholders/seed/ (STAKEHOLDERS_SEED_DIR) idempotently. */
int stk_seed(const char *conninfo, const char *dir);

#endif
