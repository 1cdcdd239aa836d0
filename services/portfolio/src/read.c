/* Reads: PostgreSQL builds the JSON, we pass it through. */
#include <string.h>

#include "portfolio.h"

void pf_read_text(svc_req *r, const char *sql, int n, const char *const *params, const char *what) {
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, sql, n, params, NULL, &res) == SVC_OK) {
        const char *text = PQntuples(res) > 0 ? svc_col(res, 0, 0) : NULL;
        if (text == NULL)
            svc_reply_not_found(r, what);
        else
            svc_reply_json_text(r, 200, text, strlen(text));
    }
    PQclear(res);
    svc_db_release(r, c);
}

void pf_read_entity(svc_req *r, const char *sql, pf_id_kind kind, const char *what) {
    const char *id = svc_req_param(r, kind == PF_ID_LINE ? "nummer" : "id");
    int ok = kind == PF_ID_LINE ? pf_is_line_number(id) : svc_is_uuid(id);
    if (!ok) {
        svc_reply_not_found(r, what);
        return;
    }
    svc_conn *c = NULL;
    PGresult *res = NULL;
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, sql, 1, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, what);
        else
            svc_reply_entity(r, 200, svc_col(res, 0, 0), id, svc_col(res, 0, 1));
    }
    PQclear(res);
    svc_db_release(r, c);
}
