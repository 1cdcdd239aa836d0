/* AVG/GDPR: export everything held about a person, and erase a person. Only for `beheerder`.
 *
 * Erasure, in one transaction: the person's seats lose them (and become vacancies when nobody
 * else holds them; their version goes up), their involvements and constituency input are
 * deleted, the person is deleted, and the audit trail is scrubbed: rows about the person lose
 * their object id and contents, rows of constituency input that mention them lose their
 * contents, and in every other row the person's id, name, e-mail and phone are replaced by
 * "[gewist]". The erasure itself is recorded without saying who was erased. A seeded person
 * leaves only the SHA-256 of their seed key, so that the next --seed does not bring them back. */
#include <stdio.h>
#include <string.h>

#include "sql.h"
#include "stk.h"

void stk_person_export(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    if (stk_require_admin(r) != SVC_OK)
        return;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Deze persoon");
        return;
    }
    const char *params[] = {id};
    char disposition[80];
    snprintf(disposition, sizeof(disposition), "attachment; filename=\"persoon-%s.json\"", id);
    svc_reply_header(r, "Content-Disposition", disposition);
    stk_reply_report(r, SQL_PERSON_EXPORT, 1, params, "Deze persoon");
}

/* The steps after the lock; SVC_OK when all went. */
static int erase_steps(svc_req *r, svc_conn *c, const char *id, const char *secrets,
                       long long *seats) {
    static const char *const steps[] = {SQL_ERASE_SEATS,
                                        SQL_ERASE_HOLDERS,
                                        SQL_ERASE_INVOLVED,
                                        SQL_ERASE_INPUTS,
                                        SQL_ERASE_TOMBSTONE,
                                        SQL_ERASE_PERSON,
                                        NULL};
    const char *params[] = {id, secrets};
    for (const char *const *s = steps; *s != NULL; s++) {
        PGresult *res = NULL;
        if (stk_query(r, c, *s, 1, params, &res) != SVC_OK)
            return SVC_EREPLIED;
        if (strcmp(*s, SQL_ERASE_SEATS) == 0)
            *seats = PQntuples(res);
        PQclear(res);
    }
    PGresult *res = NULL;
    int rc = stk_query(r, c, SQL_ERASE_SCRUB, 2, params, &res);
    PQclear(res);
    return rc;
}

void stk_person_erase(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    if (stk_require_admin(r) != SVC_OK)
        return;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Deze persoon");
        return;
    }
    const char *params[] = {id};
    if (svc_db_begin(r, &c) == SVC_OK &&
        stk_query(r, c, SQL_ERASE_LOCK, 1, params, &cur) == SVC_OK) {
        long long seats = 0;
        char after[64];
        if (PQntuples(cur) == 0) {
            svc_reply_not_found(r, "Deze persoon");
        } else if (erase_steps(r, c, id, svc_col(cur, 0, 0), &seats) == SVC_OK) {
            snprintf(after, sizeof(after), "{\"zetelsAangepast\":%lld}", seats);
            if (svc_audit(r, c, NULL, "gewist", "persoon", NULL, NULL, after) == SVC_OK &&
                svc_db_commit(r, c) == SVC_OK)
                svc_reply_empty(r, 204);
        }
    }
    PQclear(cur);
    svc_db_release(r, c);
}
