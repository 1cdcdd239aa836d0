/* Small helpers of the monitoring service: checks of codes and periods, the editor role, a
 * smaller body limit for definitions, and running a prepared statement into a reply. */
#ifndef MON_UTIL_H
#define MON_UTIL_H

#include <stddef.h>

#include "monitoring.h"

/* 1 when text is a UUID in the canonical 8-4-4-4-12 hex form. */
int mon_is_uuid(const char *text);
/* An area code: 2..20 of A-Z 0-9 _ -. */
int mon_is_area_code(const char *text);
/* An indicator code: A-Z then 1..39 of A-Z 0-9 _. */
int mon_is_indicator_code(const char *text);
/* A period in any of the notations 2024, 2024-Q1, 2024-03. */
int mon_is_period(const char *text);

/* Writes of definitions: role redacteur or beheerder (the route checks the scope). On failure a
 * 403 is set and SVC_EREPLIED returned. */
int mon_require_editor(svc_req *r);

/* Run a prepared statement whose one row's first column is JSON text and answer 200 with it;
 * 404 "<what> bestaat niet." when there is no row or the column is NULL. */
void mon_reply_query_json(svc_req *r, const char *stmt, int n, const char *const *params,
                          const char *what);
/* Run a list statement built with SVC_SQL_PAGE_RESULT and answer the page. params[n-2] and
 * params[n-1] are filled here with the cursor key and the limit; errs may already hold problems
 * of the filters. */
void mon_reply_list(svc_req *r, const char *collection, const char *stmt, int n,
                    const char **params, svc_errors *errs);

/* ?name=true|false (absent: def). Problems go to errs. */
int mon_query_bool(svc_req *r, const char *name, int def, svc_errors *errs);

#endif
