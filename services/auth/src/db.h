/* Database helpers shared by the handlers: connections, transactions, answers from rows. */
#ifndef AUTH_DB_H
#define AUTH_DB_H

#include <libpq-fe.h>

#include "svc/svc.h"

/* Acquire a connection (and BEGIN for auth_db_begin). On failure the answer (503/500) is set
 * and SVC_EREPLIED returned. */
int auth_db_acquire(svc_req *r, svc_conn **out);
int auth_db_begin(svc_req *r, svc_conn **out);
/* COMMIT; on failure the answer is set and SVC_EREPLIED returned. */
int auth_db_commit(svc_req *r, svc_conn *c);
/* Give the connection back (an open transaction is rolled back). c may be NULL. */
void auth_db_release(svc_req *r, svc_conn *c);
/* Run a prepared statement; on failure answer (409 with conflict_detail for a unique violation
 * when conflict_detail is not NULL, else 503/500) and return SVC_EREPLIED. */
int auth_db_query(svc_req *r, svc_conn *c, const char *name, int n, const char *const *values,
                  const char *conflict_detail, PGresult **out);

/* Text of a column, NULL for SQL NULL. */
const char *auth_col(const PGresult *res, int row, int col);
/* A boolean column ("t"). */
int auth_col_bool(const PGresult *res, int row, int col);
/* An integer column, 0 for NULL. */
long long auth_col_int(const PGresult *res, int row, int col);

/* 200/201 with a representation built by PostgreSQL and its ETag "<id>-<version>". */
void auth_reply_entity(svc_req *r, int status, const char *json, const char *id,
                       const char *version);
/* Location: <base path><collection>/<id> */
void auth_reply_location(svc_req *r, const char *collection, const char *id);
void auth_reply_not_found(svc_req *r, const char *what);

/* The actor recorded in the audit trail: the token's sub (a user's id or a client's id), or
 * fallback for an anonymous request. */
const char *auth_actor(const svc_req *r, const char *fallback);

/* Pagination: ?limit= (1..100, default 20) and ?cursor= for the list `collection`; *after is the
 * key of the previous page's last row (borrowed from *cursor, which the caller json_decref()s)
 * or NULL on the first page. Problems go to errs. */
int auth_page_parse(svc_req *r, const char *collection, unsigned int *limit, json_t **cursor,
                    const char **after, svc_errors *errs);
/* Answer a page from a PAGE_RESULT row (JSON array, last key, more): {"<member>":[...],
 * "volgende":<cursor or null>} and a Link header to the next page. */
void auth_reply_page(svc_req *r, const char *collection, const char *member, PGresult *res);

#endif
