/* One way to create, read, change and delete a resource whose SQL takes the validated JSON body
 * as one jsonb parameter and returns the representation built by PostgreSQL.
 *
 * Statement conventions (sql.c):
 *   get    ($1 id)                    -> json, version, [owner municipality]
 *   insert ($1 body jsonb, $2 actor)  -> id, version, json   (no row: a reference is unknown)
 *   lock   ($1 id) FOR UPDATE         -> json, version, resource-specific columns
 *   update ($1 id, $2 body, $3 actor) -> version, json
 *   delete ($1 id)
 *   warn   ($1 id)                    -> JSON array of warnings (optional)
 *   refs   ($1 body jsonb)            -> a row when every reference exists (optional, update)
 * Every write: validated completely first (one 400), then one transaction with its audit row. */
#ifndef CTB_RESOURCE_H
#define CTB_RESOURCE_H

#include <jansson.h>
#include <libpq-fe.h>

#include "svc/error.h"
#include "svc/http.h"
#include "svc/validate.h"

typedef enum ctb_op { CTB_READ, CTB_CREATE, CTB_UPDATE, CTB_DELETE } ctb_op;

typedef struct ctb_resource {
    const char *collection; /* for Location: "/begrotingsregels" */
    const char *what;       /* "Deze begrotingsregel" (404 text) */
    const char *audit_type;
    const svc_field *create_fields, *patch_fields;
    /* Body members that are not part of the representation (never "unchanged"). */
    const char *const *extra_members;
    /* More checks of a body; cur is the locked row on update, NULL on create. */
    void (*check)(const json_t *body, const PGresult *cur, svc_errors *errs);
    /* May the caller do op? (body may be changed, e.g. filled in; cur: the row, NULL on create.)
     * Sets 403/404/409 and returns SVC_EREPLIED when not. NULL: editors only for writes. */
    int (*allow)(svc_req *r, ctb_op op, json_t *body, const PGresult *cur);
    const char *sql_get, *sql_insert, *sql_lock, *sql_update, *sql_delete, *sql_warn, *sql_refs;
    const char *insert_none; /* 400 detail when the insert (or refs) returns no row */
    int insert_none_status;  /* its status: 0 means 400 */
    const char *conflict;    /* 409 detail on a unique violation, or NULL */
} ctb_resource;

/* The handlers, given the resource and the id (path parameter). */
void ctb_resource_get(svc_req *r, const ctb_resource *res, const char *id);
/* body: an already parsed body to use instead of the request's (NULL: parse it); borrowed. */
void ctb_resource_create(svc_req *r, const ctb_resource *res, json_t *body);
void ctb_resource_patch(svc_req *r, const ctb_resource *res, const char *id);
void ctb_resource_delete(svc_req *r, const ctb_resource *res, const char *id);

/* Parse and validate a body against fields (+ check); on failure the 400 is set. */
int ctb_read_body(svc_req *r, const svc_field *fields, unsigned int policy,
                  void (*check)(const json_t *, const PGresult *, svc_errors *),
                  const PGresult *cur, json_t **body);

/* Run a keyset-paginated list statement: params[0..n-1] are the filters; the cursor key and the
 * limit are appended. Answers {"<member>":[...],"volgende"}. */
void ctb_list(svc_req *r, const char *member, const char *sql, const char **filters, int n,
              svc_errors *errs);

/* 1 when every member of the patch (but the extra ones) equals the current representation. */
int ctb_unchanged(const json_t *patch, const char *current_json, const char *const *extra);

#endif
