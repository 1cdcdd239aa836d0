/* Staff users, for admins: list, create, read, change, set a new password. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "audit.h"
#include "auth.h"
#include "scopes.h"
#include "sql.h"
#include "util.h"

#define USER_EXISTS "Er bestaat al een gebruiker met deze gebruikersnaam."

static const svc_field create_fields[] = {
    {.name = "gebruikersnaam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 3, .max = 64},
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "email", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 3, .max = 254},
    {.name = "rol", .type = SVC_T_ENUM, .flags = SVC_REQUIRED, .values = auth_roles},
    {.name = "actielijnen", .type = SVC_T_ARRAY, .max = 5, .items = SVC_T_INTEGER},
    {.name = "wachtwoord", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 12, .max = 128},
    {.name = NULL},
};

static const svc_field patch_fields[] = {
    {.name = "naam", .type = SVC_T_STRING, .min = 1, .max = 200},
    {.name = "email", .type = SVC_T_STRING, .flags = SVC_NULLABLE, .min = 3, .max = 254},
    {.name = "rol", .type = SVC_T_ENUM, .values = auth_roles},
    {.name = "actielijnen", .type = SVC_T_ARRAY, .max = 5, .items = SVC_T_INTEGER},
    {.name = "actief", .type = SVC_T_BOOLEAN},
    {.name = NULL},
};

static const svc_field password_fields[] = {
    {.name = "wachtwoord", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 12, .max = 128},
    {.name = NULL},
};

/* ---- checks beyond types and lengths ---- */

static void check_action_lines(const json_t *lines, svc_errors *errs) {
    size_t i;
    const json_t *v;
    char name[48];
    json_array_foreach(lines, i, v) {
        json_int_t n = json_integer_value(v);
        snprintf(name, sizeof(name), "actielijnen[%zu]", i);
        if (!json_is_integer(v))
            continue; /* already reported as a type problem */
        if (n < 1 || n > 5)
            svc_errors_add(errs, name, "range", "Moet een actielijn van 1 tot en met 5 zijn.");
        for (size_t j = 0; j < i; j++) {
            if (json_equal(json_array_get(lines, j), v)) {
                svc_errors_add(errs, name, "duplicate", "Komt al eerder in de lijst voor.");
                break;
            }
        }
    }
}

/* Action lines limit an editor: another role with lines is a contradiction. */
static void check_lines_role(const char *role, const json_t *lines, svc_errors *errs) {
    if (json_array_size(lines) > 0 && role != NULL && strcmp(role, "redacteur") != 0)
        svc_errors_add(errs, "actielijnen", "conflict",
                       "Alleen een redacteur kan tot actielijnen beperkt worden.");
}

static void check_email(const json_t *body, svc_errors *errs) {
    const char *email = json_string_value(json_object_get(body, "email"));
    if (email != NULL && !auth_email_valid(email))
        svc_errors_add(errs, "email", "format", "Moet een e-mailadres zijn (naam@domein).");
}

/* ---- list ---- */

static void read_filters(svc_req *r, const char **filters, svc_errors *errs) {
    const char *role = svc_req_query(r, "rol"), *active = svc_req_query(r, "actief");
    const char *search = svc_req_query(r, "zoek");
    if (role != NULL && auth_role_scope(role) == NULL)
        svc_errors_add(errs, "rol", "enum", "Moet een van: beheerder, redacteur, lezer zijn.");
    if (active != NULL && strcmp(active, "true") != 0 && strcmp(active, "false") != 0)
        svc_errors_add(errs, "actief", "type", "Moet true of false zijn.");
    if (search != NULL && (svc_utf8_length(search) < 1 || svc_utf8_length(search) > 100))
        svc_errors_add(errs, "zoek", "length", "Moet 1 tot en met 100 tekens lang zijn.");
    filters[0] = role;
    filters[1] = active;
    filters[2] = search;
}

void auth_users_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    json_t *cursor = NULL;
    const char *params[5] = {NULL};
    unsigned int limit = 0;
    char limit_text[16];
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    read_filters(r, params, errs);
    svc_page_parse(r, "gebruikers", &limit, &cursor, &params[3], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[4] = limit_text;
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, SQL_USER_LIST, 5, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, "gebruikers", "gebruikers", res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
    svc_errors_free(errs);
}

/* ---- read ---- */

void auth_users_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Deze gebruiker");
        return;
    }
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_USER_GET, 1, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, "Deze gebruiker");
        else
            svc_reply_entity(r, 200, svc_col(res, 0, 0), id, svc_col(res, 0, 1));
    }
    PQclear(res);
    svc_db_release(r, c);
}

/* ---- create ---- */

/* Parse and check a new user completely; on SVC_OK *username is the lower-cased login name. */
static int read_new_user(svc_req *r, json_t **body, char **username) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, create_fields, SVC_REJECT_UNKNOWN, NULL, errs);
    const char *given = json_string_value(json_object_get(*body, "gebruikersnaam"));
    const json_t *lines = json_object_get(*body, "actielijnen");
    if (given != NULL && auth_lower(given, username) == SVC_OK && !auth_name_valid(*username) &&
        svc_utf8_length(given) >= 3 && svc_utf8_length(given) <= 64)
        svc_errors_add(errs, "gebruikersnaam", "format",
                       "Mag alleen letters a-z, cijfers, punt, liggend streepje en koppelteken "
                       "bevatten.");
    check_email(*body, errs);
    if (json_is_array(lines)) {
        check_action_lines(lines, errs);
        check_lines_role(json_string_value(json_object_get(*body, "rol")), lines, errs);
    }
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    else if (*username == NULL) {
        svc_reply_problem(r, 500, NULL);
        rc = SVC_EREPLIED;
    }
    svc_errors_free(errs);
    return rc;
}

static char *json_text_of(const json_t *value) {
    return value ? json_dumps(value, JSON_COMPACT | JSON_ENCODE_ANY) : NULL;
}

static void insert_user(svc_req *r, const json_t *body, const char *username, const char *hash) {
    char *lines = json_text_of(json_object_get(body, "actielijnen"));
    const char *params[] = {username,
                            json_string_value(json_object_get(body, "naam")),
                            json_string_value(json_object_get(body, "email")),
                            json_string_value(json_object_get(body, "rol")),
                            lines,
                            hash};
    svc_conn *c = NULL;
    PGresult *res = NULL;
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_USER_INSERT, 6, params, USER_EXISTS, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM), "aangemaakt", AUDIT_USER,
                       svc_col(res, 0, 0), NULL, svc_col(res, 0, 2));
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    svc_db_release(r, c);
    if (rc == SVC_OK) {
        svc_reply_location(r, "/gebruikers", svc_col(res, 0, 0));
        svc_reply_entity(r, 201, svc_col(res, 0, 2), svc_col(res, 0, 0), svc_col(res, 0, 1));
    }
    PQclear(res);
    free(lines);
}

void auth_users_create(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    json_t *body = NULL;
    char *username = NULL, *hash = NULL;
    if (read_new_user(r, &body, &username) == SVC_OK) {
        const char *password = json_string_value(json_object_get(body, "wachtwoord"));
        if (auth_password_hash(ctx->hasher, password, &hash) != SVC_OK)
            svc_reply_problem(r, 500, NULL);
        else
            insert_user(r, body, username, hash);
    }
    free(hash);
    free(username);
    json_decref(body);
}

/* ---- change ---- */

/* The user as it is (locked) and as it will be. Strings are borrowed from the row or body. */
typedef struct user_change {
    const char *name, *email, *role;
    json_t *lines; /* owned */
    int active;
} user_change;

static int read_patch(svc_req *r, json_t **body) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, patch_fields, SVC_REJECT_UNKNOWN | SVC_PARTIAL, NULL, errs);
    check_email(*body, errs);
    if (json_is_array(json_object_get(*body, "actielijnen")))
        check_action_lines(json_object_get(*body, "actielijnen"), errs);
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* Merge the patch into the current row (USER_LOCK columns). Leaving the editor role drops the
 * action lines unless new ones are given (which is then a conflict). */
static int merge_user(svc_req *r, const json_t *body, const PGresult *cur, user_change *next) {
    const json_t *email = json_object_get(body, "email");
    const json_t *active = json_object_get(body, "actief");
    const json_t *lines = json_object_get(body, "actielijnen");
    const char *role = json_string_value(json_object_get(body, "rol"));
    next->name = json_string_value(json_object_get(body, "naam"));
    next->name = next->name ? next->name : svc_col(cur, 0, 2);
    next->email = email ? json_string_value(email) : svc_col(cur, 0, 3);
    next->role = role ? role : svc_col(cur, 0, 4);
    next->active = active ? json_is_true(active) : svc_col_bool(cur, 0, 6);
    if (lines != NULL)
        next->lines = json_incref((json_t *)lines);
    else if (strcmp(next->role, "redacteur") != 0)
        next->lines = json_array();
    else
        next->lines = json_loads(svc_col(cur, 0, 5), 0, NULL);
    svc_errors *errs = NULL;
    if (next->lines == NULL || svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    check_lines_role(next->role, next->lines, errs);
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* An admin cannot lock themself out: no self-demotion or self-deactivation. */
static int check_self(svc_req *r, const char *id, const user_change *next) {
    const svc_principal *p = svc_req_principal(r);
    if (p == NULL || p->client_id != NULL || strcasecmp(p->subject, id) != 0)
        return SVC_OK;
    if (strcmp(next->role, "beheerder") == 0 && next->active)
        return SVC_OK;
    svc_reply_problem(r, 409,
                      "U kunt uzelf niet uitschakelen of uw eigen rol van beheerder afnemen. "
                      "Vraag dat aan een andere beheerder.");
    return SVC_EREPLIED;
}

static int same_text(const char *a, const char *b) {
    return (a == NULL && b == NULL) || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static int unchanged(const PGresult *cur, const user_change *next) {
    json_t *lines = json_loads(svc_col(cur, 0, 5), 0, NULL);
    int same = same_text(next->name, svc_col(cur, 0, 2)) &&
               same_text(next->email, svc_col(cur, 0, 3)) &&
               same_text(next->role, svc_col(cur, 0, 4)) &&
               next->active == svc_col_bool(cur, 0, 6) && json_equal(lines, next->lines);
    json_decref(lines);
    return same;
}

/* Write the change (when there is one), revoke sessions on deactivation, audit, commit. */
static void write_patch(svc_req *r, svc_conn *c, const char *id, const PGresult *cur,
                        const user_change *next) {
    char *lines = json_text_of(next->lines);
    const char *params[] = {id,         next->name, next->email,
                            next->role, lines,      next->active ? "true" : "false"};
    const char *who[] = {id};
    PGresult *res = NULL, *done = NULL;
    int rc = svc_db_query(r, c, SQL_USER_UPDATE, 6, params, NULL, &res);
    if (rc == SVC_OK && svc_col_bool(cur, 0, 6) && !next->active)
        rc = svc_db_query(r, c, SQL_USER_REVOKE_SESSIONS, 1, who, NULL, &done);
    PQclear(done);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM), "gewijzigd", AUDIT_USER, id,
                       svc_col(cur, 0, 0), svc_col(res, 0, 1));
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    if (rc == SVC_OK)
        svc_reply_entity(r, 200, svc_col(res, 0, 1), id, svc_col(res, 0, 0));
    PQclear(res);
    free(lines);
}

static void patch_locked(svc_req *r, svc_conn *c, const char *id, const json_t *body,
                         const PGresult *cur) {
    char etag[SVC_ETAG_MAX];
    user_change next = {0};
    svc_etag_from_version(id, svc_col_int(cur, 0, 1), etag);
    if (svc_req_if_match(r, etag) == SVC_OK && merge_user(r, body, cur, &next) == SVC_OK &&
        check_self(r, id, &next) == SVC_OK) {
        if (unchanged(cur, &next))
            svc_reply_entity(r, 200, svc_col(cur, 0, 0), id, svc_col(cur, 0, 1));
        else
            write_patch(r, c, id, cur, &next);
    }
    json_decref(next.lines);
}

void auth_users_patch(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    json_t *body = NULL;
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Deze gebruiker");
        return;
    }
    const char *params[] = {id};
    if (read_patch(r, &body) == SVC_OK && svc_db_begin(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_USER_LOCK, 1, params, NULL, &cur) == SVC_OK) {
        if (PQntuples(cur) == 0)
            svc_reply_not_found(r, "Deze gebruiker");
        else
            patch_locked(r, c, id, body, cur);
    }
    PQclear(cur);
    svc_db_release(r, c);
    json_decref(body);
}

/* ---- new password, set by an admin ---- */

/* Store the hash, end every session, lift a lockout, record it. */
static void store_password(svc_req *r, const char *id, const char *hash) {
    const char *params[] = {id, hash}, *who[] = {id};
    svc_conn *c = NULL;
    PGresult *res = NULL, *done = NULL;
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_USER_SET_PASSWORD, 2, params, NULL, &res);
    if (rc == SVC_OK && PQntuples(res) == 0) {
        svc_reply_not_found(r, "Deze gebruiker");
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_USER_REVOKE_SESSIONS, 1, who, NULL, &done);
    PQclear(done);
    done = NULL;
    const char *name[] = {rc == SVC_OK ? svc_col(res, 0, 0) : NULL};
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_LOGIN_FAILURES_CLEAR, 1, name, NULL, &done);
    PQclear(done);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM), "wachtwoord-ingesteld", AUDIT_USER,
                       id, NULL, NULL);
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_empty(r, 204);
    PQclear(res);
    svc_db_release(r, c);
}

void auth_users_password(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    const char *id = svc_req_param(r, "id");
    json_t *body = NULL;
    svc_errors *errs = NULL;
    char *hash = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, "Deze gebruiker");
        return;
    }
    if (svc_req_json(r, &body) != SVC_OK)
        return;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
    } else if (svc_validate(body, password_fields, SVC_REJECT_UNKNOWN, NULL, errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else if (auth_password_hash(ctx->hasher,
                                  json_string_value(json_object_get(body, "wachtwoord")),
                                  &hash) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
    } else {
        store_password(r, id, hash);
    }
    free(hash);
    svc_errors_free(errs);
    json_decref(body);
}
