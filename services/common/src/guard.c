/* The request guard (request id, body size, content type), authentication, and the headers
 * every response carries. */
#include <ctype.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "internal.h"

/* A client's X-Request-ID is kept when it is short and plain, so it can be logged safely. */
static int request_id_acceptable(const char *id) {
    size_t len = strlen(id);
    if (len == 0 || len > 64)
        return 0;
    for (const char *p = id; *p; p++) {
        if (!isalnum((unsigned char)*p) && *p != '-' && *p != '_' && *p != '.')
            return 0;
    }
    return 1;
}

static void new_request_id(char *out, size_t size) {
    unsigned char b[16];
    randombytes_buf(b, sizeof(b));
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40); /* UUID version 4 */
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, size, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12], b[13],
             b[14], b[15]);
}

/* Media type without parameters, compared case-insensitively. */
static int media_type_is(const char *header, const char *type) {
    size_t n = strlen(type);
    while (*header == ' ')
        header++;
    if (strncasecmp(header, type, n) != 0)
        return 0;
    return header[n] == '\0' || header[n] == ';' || header[n] == ' ';
}

static int content_type_allowed(unsigned int flags, const char *ct) {
    return ((flags & SVC_BODY_JSON) && media_type_is(ct, "application/json")) ||
           ((flags & SVC_BODY_FORM) && media_type_is(ct, "application/x-www-form-urlencoded")) ||
           ((flags & SVC_BODY_CSV) && media_type_is(ct, "text/csv"));
}

static void accepted_types(unsigned int flags, char *out, size_t size) {
    snprintf(out, size, "%s%s%s", (flags & SVC_BODY_JSON) ? "application/json " : "",
             (flags & SVC_BODY_FORM) ? "application/x-www-form-urlencoded " : "",
             (flags & SVC_BODY_CSV) ? "text/csv " : "");
}

/* Body size: the exchange keeps one byte more than allowed (exchange.c, keep_body), and we answer
 * 413 when the declared or received size is too big. */
int svc_check_body_size(svc_req *r, size_t max) {
    const char *cl = svc_req_header(r, "Content-Length");
    int too_big = r->http->binary_body_length > max;
    if (cl != NULL) {
        char *end = NULL;
        unsigned long long declared = strtoull(cl, &end, 10);
        too_big = too_big || *end != '\0' || declared > max;
    }
    if (!too_big)
        return SVC_OK;
    svc_reply_too_large(r, max);
    return SVC_EREPLIED;
}

void svc_reply_too_large(svc_req *r, size_t max) {
    char detail[160];
    snprintf(detail, sizeof(detail), "De inhoud is groter dan de toegestane %zu bytes.", max);
    svc_reply_problem(r, 413, detail);
}

void svc_guard_id(svc_req *r) {
    const char *id = svc_req_header(r, "X-Request-ID");
    if (id != NULL && request_id_acceptable(id))
        snprintf(r->request_id, sizeof(r->request_id), "%s", id);
    else
        new_request_id(r->request_id, sizeof(r->request_id));
}

int svc_guard(svc_req *r) {
    svc_guard_id(r);
    return svc_check_body_size(r, r->server->cfg->max_body_bytes);
}

/* 415 when a body comes with a content type the route does not take. Called after routing. */
int svc_check_content_type(svc_req *r) {
    const char *ct = svc_req_header(r, "Content-Type");
    unsigned int flags = r->route->route.flags;
    if (r->http->binary_body_length == 0 && (ct == NULL || ct[0] == '\0'))
        return SVC_OK; /* nothing sent: the handler reports a missing body if it needs one */
    if ((flags & (SVC_BODY_JSON | SVC_BODY_FORM | SVC_BODY_CSV)) && ct &&
        content_type_allowed(flags, ct))
        return SVC_OK;
    if (!(flags & (SVC_BODY_JSON | SVC_BODY_FORM | SVC_BODY_CSV)) &&
        r->http->binary_body_length == 0)
        return SVC_OK; /* a content type without a body harms nobody */
    char detail[200], types[120];
    accepted_types(flags, types, sizeof(types));
    if (types[0] == '\0')
        snprintf(detail, sizeof(detail), "Dit verzoek neemt geen inhoud aan.");
    else
        snprintf(detail, sizeof(detail), "Verwacht inhoud van het type: %.*s.",
                 (int)strlen(types) - 1, types);
    svc_reply_problem(r, 415, detail);
    return SVC_EREPLIED;
}

static int unauthorized(svc_req *r, const char *reason) {
    char header[200];
    if (reason == NULL)
        snprintf(header, sizeof(header), "Bearer realm=\"jeugdhulp-twente\"");
    else
        snprintf(header, sizeof(header),
                 "Bearer realm=\"jeugdhulp-twente\", error=\"invalid_token\", "
                 "error_description=\"%s\"",
                 reason);
    svc_reply_header(r, "WWW-Authenticate", header);
    svc_reply_problem(r, 401,
                      reason ? "Het toegangstoken is ongeldig of verlopen. Meld u opnieuw aan."
                             : "Aanmelden is nodig: stuur een toegangstoken in de kop "
                               "Authorization (Bearer).");
    return SVC_EREPLIED;
}

/* Bearer token -> principal. On a public route a missing or bad token leaves the caller
 * anonymous; elsewhere it is a 401, and a missing scope a 403. */
int svc_authenticate(svc_req *r) {
    const route_entry *e = r->route;
    int is_public = (e->route.flags & SVC_PUBLIC) != 0;
    const char *auth = svc_req_header(r, "Authorization");
    const char *reason = "no verifier configured";
    int rc = SVC_EAUTH;
    if (auth == NULL || auth[0] == '\0')
        return is_public ? SVC_OK : unauthorized(r, NULL);
    if (strncasecmp(auth, "Bearer ", 7) != 0) {
        reason = "not a bearer token";
    } else if (r->server->verifier != NULL) {
        const char *token = auth + 7;
        while (*token == ' ')
            token++;
        rc = svc_verifier_verify(r->server->verifier, token, &r->principal, &reason);
    }
    if (rc != SVC_OK)
        return is_public ? SVC_OK : unauthorized(r, reason);
    if (e->route.scope != NULL && !is_public)
        return svc_req_require_scope(r, e->route.scope);
    return SVC_OK;
}

void svc_finish_headers(svc_req *r) {
    struct _u_map *h = r->res->map_header;
    svc_reply_header(r, "X-Request-ID", r->request_id);
    svc_reply_header(r, "API-Version", r->server->cfg->api_version);
    svc_reply_header(r, "X-Content-Type-Options", "nosniff");
    svc_reply_header(r, "X-Frame-Options", "DENY");
    svc_reply_header(r, "Content-Security-Policy", "frame-ancestors 'none'");
    svc_reply_header(r, "Referrer-Policy", "no-referrer");
    if (!u_map_has_key_case(h, "Cache-Control"))
        svc_reply_header(r, "Cache-Control", "no-store");
}
