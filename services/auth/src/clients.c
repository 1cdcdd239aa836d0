/* Machine clients, for admins: list, create (the secret shown once), read, change, rotate and
 * revoke the secret. Only the SHA-256 of a secret is stored. */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit.h"
#include "auth.h"
#include "scopes.h"
#include "sql.h"
#include "util.h"

#define CLIENT_EXISTS "Er bestaat al een client met deze clientId."
#define THIS_CLIENT   "Deze client"

static const svc_field create_fields[] = {
    {.name = "clientId", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 3, .max = 64},
    {.name = "naam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 200},
    {.name = "scopes",
     .type = SVC_T_ARRAY,
     .flags = SVC_REQUIRED,
     .min = 1,
     .max = 9,
     .items = SVC_T_ENUM,
     .values = auth_client_scopes},
    {.name = "gemeente", .type = SVC_T_STRING, .flags = SVC_NULLABLE},
    {.name = NULL},
};

static const svc_field patch_fields[] = {
    {.name = "naam", .type = SVC_T_STRING, .min = 1, .max = 200},
    {.name = "scopes",
     .type = SVC_T_ARRAY,
     .min = 1,
     .max = 9,
     .items = SVC_T_ENUM,
     .values = auth_client_scopes},
    {.name = "gemeente", .type = SVC_T_STRING, .flags = SVC_NULLABLE},
    {.name = "actief", .type = SVC_T_BOOLEAN},
    {.name = NULL},
};

/* ---- checks beyond types and lengths ---- */

static void check_scopes(const json_t *scopes, svc_errors *errs) {
    size_t i;
    const json_t *v;
    char name[48];
    json_array_foreach(scopes, i, v) {
        for (size_t j = 0; json_is_string(v) && j < i; j++) {
            if (json_equal(json_array_get(scopes, j), v)) {
                snprintf(name, sizeof(name), "scopes[%zu]", i);
                svc_errors_add(errs, name, "duplicate", "Komt al eerder in de lijst voor.");
                break;
            }
        }
    }
}

static void check_extra(const json_t *body, svc_errors *errs) {
    const char *gemeente = json_string_value(json_object_get(body, "gemeente"));
    const json_t *scopes = json_object_get(body, "scopes");
    if (gemeente != NULL && !auth_gemeente_valid(gemeente))
        svc_errors_add(errs, "gemeente", "format",
                       "Moet een CBS-gemeentecode zijn: GM en vier cijfers, bijvoorbeeld GM0153.");
    if (json_is_array(scopes))
        check_scopes(scopes, errs);
}

static int read_body(svc_req *r, const svc_field *fields, unsigned int policy, json_t **body) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    svc_validate(*body, fields, policy, NULL, errs);
    check_extra(*body, errs);
    const char *id = json_string_value(json_object_get(*body, "clientId"));
    if (id != NULL && svc_utf8_length(id) >= 3 && svc_utf8_length(id) <= 64 && !auth_name_valid(id))
        svc_errors_add(errs, "clientId", "format",
                       "Mag alleen kleine letters a-z, cijfers, punt, liggend streepje en "
                       "koppelteken bevatten.");
    int rc = svc_errors_count(errs) > 0 ? SVC_EREPLIED : SVC_OK;
    if (rc != SVC_OK)
        svc_reply_invalid(r, errs, NULL);
    svc_errors_free(errs);
    return rc;
}

/* A new secret and its digest; *secret is malloc'ed. */
static int new_secret(char **secret, char digest[AUTH_SHA256_HEX]) {
    int rc = auth_random_token(AUTH_SECRET_BYTES, secret);
    if (rc == SVC_OK)
        auth_sha256_hex(*secret, digest);
    return rc;
}

static void free_secret(char *secret) {
    if (secret != NULL)
        sodium_memzero(secret, strlen(secret));
    free(secret);
}

/* ---- list and read ---- */

void auth_clients_list(svc_req *r, void *ctx) {
    (void)ctx;
    svc_errors *errs = NULL;
    json_t *cursor = NULL;
    const char *params[4] = {svc_req_query(r, "actief"), svc_req_query(r, "zoek"), NULL, NULL};
    unsigned int limit = 0;
    char limit_text[16];
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (params[0] != NULL && strcmp(params[0], "true") != 0 && strcmp(params[0], "false") != 0)
        svc_errors_add(errs, "actief", "type", "Moet true of false zijn.");
    if (params[1] != NULL && (svc_utf8_length(params[1]) < 1 || svc_utf8_length(params[1]) > 100))
        svc_errors_add(errs, "zoek", "length", "Moet 1 tot en met 100 tekens lang zijn.");
    svc_page_parse(r, "clients", &limit, &cursor, &params[2], errs);
    snprintf(limit_text, sizeof(limit_text), "%u", limit);
    params[3] = limit_text;
    if (svc_errors_count(errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
    } else {
        svc_conn *c = NULL;
        PGresult *res = NULL;
        if (svc_db_acquire(r, &c) == SVC_OK &&
            svc_db_query(r, c, SQL_CLIENT_LIST, 4, params, NULL, &res) == SVC_OK)
            svc_reply_page(r, "clients", "clients", res);
        PQclear(res);
        svc_db_release(r, c);
    }
    json_decref(cursor);
    svc_errors_free(errs);
}

void auth_clients_get(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, THIS_CLIENT);
        return;
    }
    const char *params[] = {id};
    if (svc_db_acquire(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_CLIENT_GET, 1, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            svc_reply_not_found(r, THIS_CLIENT);
        else
            svc_reply_entity(r, 200, svc_col(res, 0, 0), id, svc_col(res, 0, 1));
    }
    PQclear(res);
    svc_db_release(r, c);
}

/* ---- create ---- */

/* 201 with the representation plus the secret, shown this once. */
static void reply_created(svc_req *r, const PGresult *res, const char *secret) {
    json_t *body = json_loads(svc_col(res, 0, 2), 0, NULL);
    char etag[SVC_ETAG_MAX];
    if (body == NULL || json_object_set_new(body, "clientSecret", json_string(secret)) != 0) {
        json_decref(body);
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_etag_from_version(svc_col(res, 0, 0), svc_col_int(res, 0, 1), etag);
    svc_reply_header(r, "ETag", etag);
    svc_reply_location(r, "/clients", svc_col(res, 0, 0));
    svc_reply_json(r, 201, body);
}

static void insert_client(svc_req *r, const json_t *body, const char *digest, const char *secret) {
    char *scopes = json_dumps(json_object_get(body, "scopes"), JSON_COMPACT);
    const char *params[] = {json_string_value(json_object_get(body, "clientId")),
                            json_string_value(json_object_get(body, "naam")), scopes,
                            json_string_value(json_object_get(body, "gemeente")), digest};
    svc_conn *c = NULL;
    PGresult *res = NULL;
    int rc = scopes ? svc_db_begin(r, &c) : SVC_ENOMEM;
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_CLIENT_INSERT, 5, params, CLIENT_EXISTS, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM), "aangemaakt", AUDIT_CLIENT,
                       svc_col(res, 0, 0), NULL, svc_col(res, 0, 2));
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    svc_db_release(r, c);
    if (rc == SVC_OK)
        reply_created(r, res, secret);
    else if (rc == SVC_ENOMEM)
        svc_reply_problem(r, 500, NULL);
    PQclear(res);
    free(scopes);
}

void auth_clients_create(svc_req *r, void *ctx) {
    (void)ctx;
    json_t *body = NULL;
    char *secret = NULL, digest[AUTH_SHA256_HEX];
    if (read_body(r, create_fields, SVC_REJECT_UNKNOWN, &body) == SVC_OK) {
        if (new_secret(&secret, digest) != SVC_OK)
            svc_reply_problem(r, 500, NULL);
        else
            insert_client(r, body, digest, secret);
    }
    free_secret(secret);
    json_decref(body);
}

/* ---- change ---- */

/* The row as it is (CLIENT_LOCK columns: json, version, name, scopes, municipality, active). */
static int patch_params(const json_t *body, const PGresult *cur, const char **params,
                        char **scopes) {
    const json_t *given = json_object_get(body, "scopes");
    const json_t *gemeente = json_object_get(body, "gemeente");
    const json_t *active = json_object_get(body, "actief");
    const char *name = json_string_value(json_object_get(body, "naam"));
    *scopes = given ? json_dumps(given, JSON_COMPACT) : strdup(svc_col(cur, 0, 3));
    params[1] = name ? name : svc_col(cur, 0, 2);
    params[2] = *scopes;
    params[3] = gemeente ? json_string_value(gemeente) : svc_col(cur, 0, 4);
    params[4] = (active ? json_is_true(active) : svc_col_bool(cur, 0, 5)) ? "true" : "false";
    return *scopes ? SVC_OK : SVC_ENOMEM;
}

static void write_patch(svc_req *r, svc_conn *c, const char *id, const json_t *body,
                        const PGresult *cur) {
    const char *params[5] = {id};
    char *scopes = NULL;
    PGresult *res = NULL;
    int rc = patch_params(body, cur, params, &scopes);
    if (rc != SVC_OK)
        svc_reply_problem(r, 500, NULL);
    else
        rc = svc_db_query(r, c, SQL_CLIENT_UPDATE, 5, params, NULL, &res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM), "gewijzigd", AUDIT_CLIENT, id,
                       svc_col(cur, 0, 0), svc_col(res, 0, 1));
    if (rc == SVC_OK && svc_db_commit(r, c) == SVC_OK)
        svc_reply_entity(r, 200, svc_col(res, 0, 1), id, svc_col(res, 0, 0));
    PQclear(res);
    free(scopes);
}

/* Lock the client and check If-Match; on SVC_OK *cur is the locked row. */
static int lock_client(svc_req *r, svc_conn *c, const char *id, int if_match, PGresult **cur) {
    const char *params[] = {id};
    char etag[SVC_ETAG_MAX];
    int rc = svc_db_query(r, c, SQL_CLIENT_LOCK, 1, params, NULL, cur);
    if (rc == SVC_OK && PQntuples(*cur) == 0) {
        svc_reply_not_found(r, THIS_CLIENT);
        rc = SVC_EREPLIED;
    }
    if (rc == SVC_OK && if_match) {
        svc_etag_from_version(id, svc_col_int(*cur, 0, 1), etag);
        rc = svc_req_if_match(r, etag);
    }
    return rc;
}

void auth_clients_patch(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    json_t *body = NULL;
    svc_conn *c = NULL;
    PGresult *cur = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, THIS_CLIENT);
        return;
    }
    if (read_body(r, patch_fields, SVC_REJECT_UNKNOWN | SVC_PARTIAL, &body) == SVC_OK &&
        svc_db_begin(r, &c) == SVC_OK && lock_client(r, c, id, 1, &cur) == SVC_OK)
        write_patch(r, c, id, body, cur);
    PQclear(cur);
    svc_db_release(r, c);
    json_decref(body);
}

/* ---- the secret ---- */

/* Set the secret digest (NULL: revoke) of a locked client and record it. */
static int set_secret(svc_req *r, svc_conn *c, const char *id, const char *digest, PGresult **res) {
    PGresult *cur = NULL;
    const char *params[] = {id, digest};
    int rc = lock_client(r, c, id, 0, &cur);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_CLIENT_SET_SECRET, 2, params, NULL, res);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, svc_req_actor(r, SVC_AUDIT_SYSTEM),
                       digest ? "geheim-vernieuwd" : "geheim-ingetrokken", AUDIT_CLIENT, id,
                       svc_col(cur, 0, 0), svc_col(*res, 0, 1));
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    PQclear(cur);
    return rc;
}

/* POST /clients/{id}/geheimen: a new secret replaces the old one at once. */
void auth_clients_secret_rotate(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    char *secret = NULL, digest[AUTH_SHA256_HEX];
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, THIS_CLIENT);
        return;
    }
    if (new_secret(&secret, digest) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
    } else if (svc_db_begin(r, &c) == SVC_OK && set_secret(r, c, id, digest, &res) == SVC_OK) {
        json_t *body = json_pack("{s:s}", "clientSecret", secret);
        char etag[SVC_ETAG_MAX];
        svc_etag_from_version(id, svc_col_int(res, 0, 0), etag);
        svc_reply_header(r, "ETag", etag);
        svc_reply_location(r, "/clients", id);
        svc_reply_json(r, 201, body);
    }
    PQclear(res);
    svc_db_release(r, c);
    free_secret(secret);
}

/* DELETE /clients/{id}/geheimen: no token for this client until a new secret is issued. */
void auth_clients_secret_revoke(svc_req *r, void *ctx) {
    (void)ctx;
    const char *id = svc_req_param(r, "id");
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (!svc_is_uuid(id)) {
        svc_reply_not_found(r, THIS_CLIENT);
        return;
    }
    if (svc_db_begin(r, &c) == SVC_OK && set_secret(r, c, id, NULL, &res) == SVC_OK)
        svc_reply_empty(r, 204);
    PQclear(res);
    svc_db_release(r, c);
}
