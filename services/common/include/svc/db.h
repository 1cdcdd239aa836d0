/* Database access from handlers: connections and statements that answer the request themselves
 * on failure (503 when the database is away, 409 on a unique violation when asked or on a
 * deadlock or serialization failure (with Retry-After), 500 else),
 * column accessors, and replies built from rows that PostgreSQL turned into JSON. */
#ifndef SVC_DB_H
#define SVC_DB_H

#include <libpq-fe.h>

#include "svc/http.h"
#include "svc/pool.h"

/* A timestamp column as RFC 3339 UTC text ("2025-03-12T09:30:00Z"), for json_build_object. */
#define SVC_SQL_TS(col) "to_char(" col " AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

/* The tail of a keyset-paginated list query. Write the query as
 *   WITH page AS (SELECT <key> AS k, <json> AS obj, row_number() OVER (ORDER BY <key>) AS n
 *                 FROM ... WHERE <key> > coalesce($k, <lowest>) ORDER BY <key> LIMIT $l + 1)
 *   SVC_SQL_PAGE_RESULT("$l::int")
 * Its one row: the page as a JSON array, the key of its last row (when more follow), more. */
#define SVC_SQL_PAGE_RESULT(limit)                                                                 \
    " SELECT coalesce(json_agg(obj ORDER BY n) FILTER (WHERE n <= " limit "), '[]')::text,"        \
    " max(k::text) FILTER (WHERE n = " limit "), count(*) > " limit " FROM page"

/* Acquire a connection (svc_db_begin: and BEGIN). On failure the answer (503/500) is set and
 * SVC_EREPLIED returned. */
int svc_db_acquire(svc_req *r, svc_conn **out);
int svc_db_begin(svc_req *r, svc_conn **out);
/* COMMIT; on failure the answer is set and SVC_EREPLIED returned. */
int svc_db_commit(svc_req *r, svc_conn *c);
/* Give the connection back (an open transaction is rolled back). c may be NULL. */
void svc_db_release(svc_req *r, svc_conn *c);
/* Run a prepared statement. On failure: 409 with conflict_detail for a unique violation when
 * conflict_detail is not NULL, else 503/500; returns SVC_EREPLIED. */
int svc_db_query(svc_req *r, svc_conn *c, const char *name, int n, const char *const *values,
                 const char *conflict_detail, PGresult **out);

/* Text of a column, NULL for SQL NULL. */
const char *svc_col(const PGresult *res, int row, int col);
/* A boolean column ("t"). */
int svc_col_bool(const PGresult *res, int row, int col);
/* An integer column, 0 for NULL. */
long long svc_col_int(const PGresult *res, int row, int col);

/* 200/201 with a representation built by PostgreSQL and its ETag "<id>-<version>". */
void svc_reply_entity(svc_req *r, int status, const char *json, const char *id,
                      const char *version);
/* Location: <base path><collection>/<id>, e.g. collection "/projecten". */
void svc_reply_location(svc_req *r, const char *collection, const char *id);
/* 404 "<what> bestaat niet." */
void svc_reply_not_found(svc_req *r, const char *what);

/* Who acts, for the audit trail: the token's sub, or fallback for an anonymous request. */
const char *svc_req_actor(const svc_req *r, const char *fallback);

/* Pagination of the list `collection`: ?limit= (1..100, default 20) and ?cursor=; *after is the
 * key of the previous page's last row (borrowed from *cursor, which the caller json_decref()s)
 * or NULL on the first page. A cursor of another list is refused like a tampered one. Problems
 * go to errs. */
int svc_page_parse(svc_req *r, const char *collection, unsigned int *limit, json_t **cursor,
                   const char **after, svc_errors *errs);
/* Answer a page from a SVC_SQL_PAGE_RESULT row: {"<member>":[...],"volgende":<cursor|null>} and
 * a Link header to the next page. */
void svc_reply_page(svc_req *r, const char *collection, const char *member, PGresult *res);

#endif
