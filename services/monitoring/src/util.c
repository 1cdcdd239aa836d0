/* Small helpers of the monitoring service. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "util.h"

int mon_is_uuid(const char *t) {
    if (t == NULL || strlen(t) != 36)
        return 0;
    for (int i = 0; i < 36; i++) {
        int dash = i == 8 || i == 13 || i == 18 || i == 23;
        if (dash ? t[i] != '-' : !isxdigit((unsigned char)t[i]))
            return 0;
    }
    return 1;
}

int mon_is_area_code(const char *t) {
    size_t n = t ? strlen(t) : 0;
    if (n < 2 || n > 20)
        return 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (!(isupper(c) || isdigit(c) || c == '_' || c == '-'))
            return 0;
    }
    return 1;
}

int mon_is_indicator_code(const char *t) {
    size_t n = t ? strlen(t) : 0;
    if (n < 2 || n > 40 || !isupper((unsigned char)t[0]))
        return 0;
    for (size_t i = 1; i < n; i++) {
        unsigned char c = (unsigned char)t[i];
        if (!(isupper(c) || isdigit(c) || c == '_'))
            return 0;
    }
    return 1;
}

static int digits(const char *t, int n) {
    for (int i = 0; i < n; i++) {
        if (!isdigit((unsigned char)t[i]))
            return 0;
    }
    return 1;
}

int mon_is_period(const char *t) {
    size_t n = t ? strlen(t) : 0;
    if (n < 4 || !digits(t, 4) ||
        (strncmp(t, "19", 2) != 0 && strncmp(t, "20", 2) != 0 && strncmp(t, "21", 2) != 0))
        return 0;
    if (n == 4)
        return 1;
    if (n == 7 && t[4] == '-' && t[5] == 'Q')
        return t[6] >= '1' && t[6] <= '4';
    if (n == 7 && t[4] == '-' && digits(t + 5, 2)) {
        int m = (t[5] - '0') * 10 + (t[6] - '0');
        return m >= 1 && m <= 12;
    }
    return 0;
}

int mon_require_editor(svc_req *r) {
    const svc_principal *p = svc_req_principal(r);
    if (p != NULL &&
        (svc_principal_has_role(p, "redacteur") || svc_principal_has_role(p, "beheerder")))
        return SVC_OK;
    svc_reply_problem(r, 403,
                      "Alleen een redacteur of beheerder mag indicatoren en normen wijzigen.");
    return SVC_EREPLIED;
}

void mon_reply_query_json(svc_req *r, const char *stmt, int n, const char *const *params,
                          const char *what) {
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, stmt, n, params, NULL, &res) == SVC_OK) {
        const char *json = PQntuples(res) > 0 ? svc_col(res, 0, 0) : NULL;
        if (json == NULL)
            svc_reply_not_found(r, what);
        else
            svc_reply_json_text(r, 200, json, strlen(json));
    }
    PQclear(res);
    svc_db_release(r, c);
}

void mon_reply_list(svc_req *r, const char *collection, const char *stmt, int n,
                    const char **params, svc_errors *errs) {
    json_t *cursor = NULL;
    unsigned int limit = 0;
    char limit_text[16];
    svc_page_parse(r, collection, &limit, &cursor, &params[n - 2], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[n - 1] = limit_text;
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, stmt, n, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, collection, collection, res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
}

int mon_query_bool(svc_req *r, const char *name, int def, svc_errors *errs) {
    const char *v = svc_req_query(r, name);
    if (v == NULL)
        return def;
    if (strcmp(v, "true") == 0)
        return 1;
    if (strcmp(v, "false") == 0)
        return 0;
    svc_errors_add(errs, name, "type", "Moet true of false zijn.");
    return def;
}
