/* Read queries through the answer cache (see cached.h). */
#include "cached.h"

#include <stdlib.h>
#include <string.h>

#include "sql.h"

const char *mon_answer_first(svc_req *r, const PGresult *res, const char *what) {
    const char *json = PQntuples(res) > 0 ? svc_col(res, 0, 0) : NULL;
    if (json == NULL)
        svc_reply_not_found(r, what);
    return json;
}

/* The current data generation (data_generation, bumped in the same transaction by every change
 * of what the queries read); SVC_EREPLIED when the database failed. */
static int current_generation(svc_req *r, svc_conn *c, long long *gen) {
    PGresult *res = NULL;
    int rc = svc_db_query(r, c, SQL_GENERATION, 0, NULL, NULL, &res);
    if (rc == SVC_OK)
        *gen = svc_col_int(res, 0, 0);
    PQclear(res);
    return rc;
}

static void reply_hit(svc_req *r, svc_cache_entry *e) {
    size_t len = 0;
    const char *text = svc_cache_entry_body(e, &len);
    svc_reply_json_text(r, 200, text, len);
    svc_reply_header(r, "X-Cache", "hit");
    svc_cache_entry_release(e);
}

typedef struct mon_read {
    const char *stmt;
    int n;
    const char *const *params;
    const char *what;
    mon_answer_fn answer;
} mon_read;

static void compute(svc_req *r, const mon_ctx *ctx, svc_conn *c, const mon_read *q, const char *key,
                    long long gen) {
    PGresult *res = NULL;
    if (svc_db_query(r, c, q->stmt, q->n, q->params, NULL, &res) == SVC_OK) {
        const char *json = q->answer(r, res, q->what);
        if (json != NULL) {
            size_t len = strlen(json);
            svc_reply_json_text(r, 200, json, len);
            svc_reply_header(r, "X-Cache", "miss");
            /* Kept under the generation read before the query: the data is at least that new,
             * so an entry never claims a generation older than its data. */
            (void)svc_cache_put(ctx->cache, key, gen, json, len);
        }
    }
    PQclear(res);
}

void mon_reply_cached(svc_req *r, const mon_ctx *ctx, const char *stmt, int n,
                      const char *const *params, const char *what, mon_answer_fn answer) {
    const mon_read q = {stmt, n, params, what, answer};
    char *key = NULL;
    svc_conn *c = NULL;
    svc_cache_entry *e = NULL;
    long long gen = 0;
    if (svc_cache_request_key(r, NULL, &key) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (svc_db_acquire(r, &c) == SVC_OK && current_generation(r, c, &gen) == SVC_OK) {
        if (svc_cache_get(ctx->cache, key, gen, &e) == SVC_OK) {
            svc_db_release(r, c);
            c = NULL;
            reply_hit(r, e);
        } else {
            compute(r, ctx, c, &q, key, gen);
        }
    }
    svc_db_release(r, c);
    free(key);
}
