/* Staff sessions: login with username and password, refresh-token rotation with reuse
 * detection, logout.
 *
 * A refresh token is 256 random bits in an HttpOnly cookie; only its SHA-256 is stored. Every
 * refresh marks the token used and issues a child in the same family; a used token presented
 * again means it was copied, so the whole family (every descendant) is revoked. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "auth.h"
#include "claims.h"
#include "cookie.h"
#include "sql.h"
#include "util.h"

#define LOGIN_REFUSED   "Onjuiste gebruikersnaam of wachtwoord."
#define SESSION_INVALID "De sessie is verlopen of ongeldig. Meld u opnieuw aan."

static const svc_field login_fields[] = {
    {.name = "gebruikersnaam", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 256},
    {.name = "wachtwoord", .type = SVC_T_STRING, .flags = SVC_REQUIRED, .min = 1, .max = 1024},
    {.name = NULL},
};

static void set_cookie(svc_req *r, const auth_ctx *ctx, const char *token, unsigned long max_age) {
    char *cookie = NULL;
    if (auth_cookie_build(ctx->cookie_path, token, max_age, &cookie) == SVC_OK)
        svc_reply_header(r, "Set-Cookie", cookie);
    free(cookie);
}

/* 200 {"accessToken","tokenType","expiresIn","gebruiker"} and the new refresh cookie. */
static void session_reply(svc_req *r, const auth_ctx *ctx, const auth_user *u,
                          const char *refresh) {
    char *access = NULL, *body = NULL;
    int rc = auth_issue_user_token(ctx, u, &access);
    int n = rc != SVC_OK ? -1
                         : asprintf(&body,
                                    "{\"accessToken\":\"%s\",\"tokenType\":\"Bearer\","
                                    "\"expiresIn\":%lu,\"gebruiker\":%s}",
                                    access, ctx->settings->access_ttl_s, u->json);
    free(access);
    if (n < 0) {
        svc_log(SVC_LOG_ERROR, "request %s: cannot issue a token: %s", svc_req_id(r),
                svc_strerror(rc));
        svc_reply_problem(r, 500, NULL);
        return;
    }
    set_cookie(r, ctx, refresh, ctx->settings->refresh_ttl_s);
    svc_reply_json_text(r, 200, body, (size_t)n);
    free(body);
}

/* Store a new refresh token, child of parent in family (both NULL: a new family), and return it
 * in *token (malloc'ed). */
static int refresh_insert(svc_req *r, svc_conn *c, const auth_ctx *ctx, const char *user_id,
                          const char *family, const char *parent, char **token) {
    char hash[AUTH_SHA256_HEX], ttl[24];
    PGresult *res = NULL;
    if (auth_random_token(AUTH_SECRET_BYTES, token) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    auth_sha256_hex(*token, hash);
    snprintf(ttl, sizeof(ttl), "%lu", ctx->settings->refresh_ttl_s);
    const char *params[] = {hash, user_id, family, parent, ttl};
    int rc = svc_db_query(r, c, SQL_REFRESH_INSERT, 5, params, NULL, &res);
    PQclear(res);
    if (rc != SVC_OK) {
        free(*token);
        *token = NULL;
    }
    return rc;
}

/* ---- login ---- */

static int read_login(svc_req *r, json_t **body, char **username) {
    svc_errors *errs = NULL;
    if (svc_req_json(r, body) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_errors_new(&errs) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    int rc = SVC_OK;
    if (svc_validate(*body, login_fields, SVC_REJECT_UNKNOWN, NULL, errs) > 0) {
        svc_reply_invalid(r, errs, NULL);
        rc = SVC_EREPLIED;
    } else if (auth_lower(json_string_value(json_object_get(*body, "gebruikersnaam")), username) !=
               SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        rc = SVC_EREPLIED;
    }
    svc_errors_free(errs);
    return rc;
}

/* The lockout state and the user, in one round trip; the connection is given back before the
 * (slow) password check. */
static int login_lookup(svc_req *r, const char *username, PGresult **res) {
    svc_conn *c = NULL;
    const char *params[] = {username};
    if (svc_db_acquire(r, &c) != SVC_OK)
        return SVC_EREPLIED;
    int rc = svc_db_query(r, c, SQL_LOGIN_LOOKUP, 1, params, NULL, res);
    svc_db_release(r, c);
    return rc;
}

/* Sessions are not audited as changes (the refresh_tokens rows are their record); the log has
 * one line per login. */
static void login_succeeded(svc_req *r, const auth_ctx *ctx, const char *username,
                            const auth_user *u) {
    svc_conn *c = NULL;
    PGresult *res = NULL;
    char *refresh = NULL;
    const char *name[] = {username}, *user[] = {u->id};
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_LOGIN_FAILURES_CLEAR, 1, name, NULL, &res);
    PQclear(res);
    res = NULL;
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_REFRESH_CLEANUP, 1, user, NULL, &res);
    PQclear(res);
    if (rc == SVC_OK)
        rc = refresh_insert(r, c, ctx, u->id, NULL, NULL, &refresh);
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    svc_db_release(r, c);
    if (rc == SVC_OK) {
        svc_log(SVC_LOG_INFO, "request %s: user %s logged in", svc_req_id(r), u->id);
        session_reply(r, ctx, u, refresh);
    }
    free(refresh);
}

/* A lockout of an existing user is recorded in the audit trail (a lockout of a name nobody has
 * is only logged: the trail is about users and clients). */
static int record_lockout(svc_req *r, svc_conn *c, const char *user_id, long long failures) {
    svc_log(SVC_LOG_WARN, "request %s: login name locked after %lld failures", svc_req_id(r),
            failures);
    if (user_id == NULL)
        return SVC_OK;
    char after[64];
    snprintf(after, sizeof(after), "{\"mislukt\":%lld}", failures);
    return svc_audit(r, c, SVC_AUDIT_SYSTEM, "geblokkeerd", AUDIT_USER, user_id, NULL, after);
}

/* Count the failure (and lock the name at the threshold) and throttle the name: the next attempt
 * is heard only after a delay that grows with the failures, so guessing gets slow long before the
 * lockout. The delay is enforced at the next attempt (429), never by sleeping here: a sleeping
 * handler would stall every connection of its HTTP worker thread. */
static void login_failed(svc_req *r, const auth_ctx *ctx, const char *username,
                         const char *user_id) {
    char threshold[24], window[24];
    snprintf(threshold, sizeof(threshold), "%lu", ctx->settings->lockout_threshold);
    snprintf(window, sizeof(window), "%lu", ctx->settings->lockout_seconds);
    const char *params[] = {username, threshold, window};
    svc_conn *c = NULL;
    PGresult *res = NULL;
    long failures = 0;
    int rc = svc_db_begin(r, &c);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_LOGIN_FAILED, 3, params, NULL, &res);
    if (rc == SVC_OK && svc_col_bool(res, 0, 1))
        rc = record_lockout(r, c, user_id, svc_col_int(res, 0, 0));
    if (rc == SVC_OK)
        failures = (long)svc_col_int(res, 0, 0);
    PQclear(res);
    res = NULL;
    char delay[24];
    snprintf(delay, sizeof(delay), "%u", auth_failure_delay_ms(failures));
    const char *throttle[] = {username, delay};
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_LOGIN_THROTTLE, 2, throttle, NULL, &res);
    PQclear(res);
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    svc_db_release(r, c);
    if (rc != SVC_OK)
        return;
    svc_reply_problem(r, 401, LOGIN_REFUSED);
}

static void login_check(svc_req *r, const auth_ctx *ctx, const char *username, const char *password,
                        const PGresult *res) {
    const char *locked_for = svc_col(res, 0, 0);
    if (locked_for != NULL) {
        svc_reply_header(r, "Retry-After", locked_for);
        svc_reply_problem(r, 429,
                          "Te veel mislukte aanmeldpogingen voor deze gebruikersnaam. Probeer het "
                          "opnieuw na het aantal seconden in de kop Retry-After.");
        return;
    }
    auth_user u;
    auth_user_from_row(res, 0, 3, &u);
    /* Unknown names are checked against a dummy hash: the answer takes as long either way. */
    int ok = auth_password_verify(ctx->hasher, svc_col(res, 0, 1), password);
    if (ok && svc_col_bool(res, 0, 2))
        login_succeeded(r, ctx, username, &u);
    else
        login_failed(r, ctx, username, u.id);
}

void auth_login(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    json_t *body = NULL;
    char *username = NULL;
    PGresult *res = NULL;
    if (read_login(r, &body, &username) == SVC_OK && login_lookup(r, username, &res) == SVC_OK)
        login_check(r, ctx, username, json_string_value(json_object_get(body, "wachtwoord")), res);
    PQclear(res);
    free(username);
    json_decref(body);
}

/* ---- refresh ---- */

static void session_denied(svc_req *r, const auth_ctx *ctx) {
    set_cookie(r, ctx, "", 0);
    svc_reply_problem(r, 401, SESSION_INVALID);
}

/* The token was used before: someone holds a copy. Revoke the family and record it. */
static int revoke_reused(svc_req *r, svc_conn *c, const PGresult *res) {
    const char *family[] = {svc_col(res, 0, 1)};
    const char *user_id = svc_col(res, 0, 6);
    PGresult *done = NULL;
    int rc = svc_db_query(r, c, SQL_FAMILY_REVOKE, 1, family, NULL, &done);
    PQclear(done);
    svc_log(SVC_LOG_WARN, "request %s: refresh token of user %s reused: its family revoked",
            svc_req_id(r), user_id);
    if (rc == SVC_OK)
        rc = svc_audit(r, c, SVC_AUDIT_SYSTEM, "sessies-ingetrokken", AUDIT_USER, user_id, NULL,
                       NULL);
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    return rc;
}

/* Mark the token used and issue its child. */
static int rotate(svc_req *r, svc_conn *c, const auth_ctx *ctx, const PGresult *res, char **token) {
    const char *id[] = {svc_col(res, 0, 0)};
    PGresult *done = NULL;
    int rc = svc_db_query(r, c, SQL_REFRESH_USE, 1, id, NULL, &done);
    PQclear(done);
    if (rc == SVC_OK)
        rc = refresh_insert(r, c, ctx, svc_col(res, 0, 6), svc_col(res, 0, 1), id[0], token);
    if (rc == SVC_OK)
        rc = svc_db_commit(r, c);
    return rc;
}

static void refresh_with(svc_req *r, const auth_ctx *ctx, svc_conn *c, const PGresult *res) {
    char *token = NULL;
    int revoked = svc_col_bool(res, 0, 3), used = svc_col_bool(res, 0, 2);
    int expired = svc_col_bool(res, 0, 4), active = svc_col_bool(res, 0, 5);
    if (!revoked && used) {
        if (revoke_reused(r, c, res) == SVC_OK)
            session_denied(r, ctx);
        return;
    }
    if (revoked || expired || !active) {
        session_denied(r, ctx);
        return;
    }
    if (rotate(r, c, ctx, res, &token) == SVC_OK) {
        auth_user u;
        auth_user_from_row(res, 0, 6, &u);
        session_reply(r, ctx, &u, token);
    }
    free(token);
}

void auth_refresh(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    const char *cookie = svc_req_cookie(r, AUTH_REFRESH_COOKIE);
    char hash[AUTH_SHA256_HEX];
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (cookie == NULL || cookie[0] == '\0') {
        session_denied(r, ctx);
        return;
    }
    auth_sha256_hex(cookie, hash);
    const char *params[] = {hash};
    if (svc_db_begin(r, &c) == SVC_OK &&
        svc_db_query(r, c, SQL_REFRESH_LOOKUP, 1, params, NULL, &res) == SVC_OK) {
        if (PQntuples(res) == 0)
            session_denied(r, ctx);
        else
            refresh_with(r, ctx, c, res);
    }
    PQclear(res);
    svc_db_release(r, c);
}

/* ---- logout ---- */

void auth_logout(svc_req *r, void *vctx) {
    const auth_ctx *ctx = vctx;
    const char *cookie = svc_req_cookie(r, AUTH_REFRESH_COOKIE);
    char hash[AUTH_SHA256_HEX];
    svc_conn *c = NULL;
    PGresult *res = NULL;
    if (cookie != NULL && cookie[0] != '\0') {
        auth_sha256_hex(cookie, hash);
        const char *params[] = {hash};
        int rc = svc_db_acquire(r, &c);
        if (rc == SVC_OK)
            rc = svc_db_query(r, c, SQL_LOGOUT, 1, params, NULL, &res);
        PQclear(res);
        svc_db_release(r, c);
        if (rc != SVC_OK)
            return;
    }
    set_cookie(r, ctx, "", 0);
    svc_reply_empty(r, 204);
}
