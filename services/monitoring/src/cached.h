/* Read queries answered through the shared answer cache (svc/cache.h), valid for one data
 * generation (see DESIGN.md, "Answer cache"). */
#ifndef MON_CACHED_H
#define MON_CACHED_H

#include <libpq-fe.h>

#include "monitoring.h"

/* Decide the answer from the statement's result: return the JSON text to answer 200 with (and
 * to cache), or reply otherwise (404, 400) and return NULL. */
typedef const char *(*mon_answer_fn)(svc_req *r, const PGresult *res, const char *what);

/* The first column of the first row; 404 "<what> bestaat niet." when there is none or NULL. */
const char *mon_answer_first(svc_req *r, const PGresult *res, const char *what);

/* Answer a read query through the cache, keyed by the request (path and sorted query
 * parameters): one prepared query for the current data generation; the cached text at that
 * generation when there is one, else the statement runs on the same connection, is answered
 * with `answer`, and a 200 is kept for the generation. The answer carries X-Cache: hit|miss. */
void mon_reply_cached(svc_req *r, const mon_ctx *ctx, const char *stmt, int n,
                      const char *const *params, const char *what, mon_answer_fn answer);

#endif
