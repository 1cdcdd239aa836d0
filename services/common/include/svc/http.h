/* The HTTP server every service runs: one pipeline, declared routes, one way to answer.
 *
 * A request goes: guard (request id, body size 413, content type 415, security headers,
 * API-Version) -> routing (404 for unknown paths including trailing slashes, 405 with Allow) ->
 * authentication (bearer token -> principal, 401) and scope check (403) -> handler -> access log
 * line and metrics. Built-in routes under the base path: GET /health (liveness),
 * GET /health/ready (database), GET /metrics (Prometheus), GET /openapi.json (public, CORS open).
 *
 * We route ourselves and run MHD's access handler ourselves (exchange.c): ulfius cannot tell
 * "wrong method" (405 + Allow) from "no such path" (404), offers no hook after the handler for
 * the access log and metrics, and holds every request body whole before any callback runs.
 * Requests and responses are still ulfius's structures. */
#ifndef SVC_HTTP_H
#define SVC_HTTP_H

#include <jansson.h>
#include <stddef.h>

#include "svc/config.h"
#include "svc/jwt.h"
#include "svc/pool.h"
#include "svc/problem.h"

typedef struct svc_server svc_server;
typedef struct svc_req svc_req;

typedef void (*svc_handler_fn)(svc_req *req, void *ctx);

/* Route flags */
#define SVC_PUBLIC    0x1u /* no token needed (a token, if sent, is still verified) */
#define SVC_BODY_JSON 0x2u /* a body of application/json is expected (415 otherwise) */
#define SVC_BODY_FORM 0x4u /* application/x-www-form-urlencoded accepted */
#define SVC_BODY_CSV  0x8u /* text/csv accepted */

typedef struct svc_route {
    const char *method;  /* "GET", "POST", ...; NULL ends a table */
    const char *pattern; /* below the base path: "/gebruikers/:id"; ":name" captures a segment */
    svc_handler_fn handler;
    unsigned int flags;
    const char *scope; /* scope required (403 without it); NULL: any authenticated caller */
} svc_route;

#define SVC_MAX_PATH_PARAMS 4

/* A route that takes its body in pieces as they arrive, instead of whole (the default, which
 * holds the body in memory up to MAX_BODY_BYTES). For bodies that are processed as a stream,
 * such as a bulk import: memory stays flat however large the body.
 *
 * The pipeline runs as for any route (routing, 413 on a declared Content-Length over the route's
 * limit, 415, 401/403) as soon as the headers are in, before a byte of the body is read; then
 * open, write for every piece, close at the end. A body that grows past the limit without
 * declaring it is cut off: free is called and the answer is 413. */
typedef struct svc_body_ops {
    /* Set *state, or answer (SVC_EREPLIED): the body is then read and dropped. */
    int (*open)(svc_req *r, void *ctx, void **state);
    /* A piece of the body: SVC_OK, or SVC_EREPLIED after answering (the rest is dropped). */
    int (*write)(svc_req *r, void *state, const char *data, size_t len);
    /* The whole body is in: answer. */
    void (*close)(svc_req *r, void *state);
    /* Called once, last, for every state open set (also when open then answered): after close,
     * after an early answer, or when the client went away. Undoes what is still open (a
     * transaction) and frees the state. */
    void (*free)(svc_req *r, void *state);
} svc_body_ops;

/* Create a server from a loaded configuration (borrowed: it must outlive the server). Loads the
 * verifier (if JWT_PUBLIC_KEYS is set) and opens the pool (if DATABASE_URL is set) with the given
 * statement table (may be NULL). */
int svc_server_new(svc_server **out, const svc_config *cfg, const svc_statement *statements,
                   char **errmsg);
void svc_server_free(svc_server *s);
/* Add a NULL-terminated route table; ctx is passed to its handlers. Call before run. */
int svc_server_add_routes(svc_server *s, const svc_route *routes, void *ctx);
/* Add one route whose body is streamed (svc_body_ops; route->handler is not used), up to
 * max_bytes (its own limit: a streamed body costs no memory; 0: MAX_BODY_BYTES). The ops must
 * outlive the server. Call before run. */
int svc_server_add_stream_route(svc_server *s, const svc_route *route, const svc_body_ops *ops,
                                void *ctx, size_t max_bytes);
/* Use another verifier than the one built from the configuration (e.g. the auth service's own
 * keys). The server takes ownership. */
void svc_server_set_verifier(svc_server *s, svc_verifier *v);
/* Listen and serve until SIGTERM or SIGINT; then stop accepting, let in-flight requests finish,
 * close the pool. */
int svc_server_run(svc_server *s);
/* Ask a running server to stop (as SIGTERM does). Async-signal-safe. */
void svc_server_stop(svc_server *s);
svc_pool *svc_server_pool(svc_server *s);
const svc_config *svc_server_config(const svc_server *s);

/* --- the request --- */
const char *svc_req_method(const svc_req *r);
const char *svc_req_path(const svc_req *r);                     /* full path, no query */
const char *svc_req_id(const svc_req *r);                       /* X-Request-ID in, or a new UUID */
const char *svc_req_param(const svc_req *r, const char *name);  /* path parameter or NULL */
const char *svc_req_query(const svc_req *r, const char *name);  /* query parameter or NULL */
const char *svc_req_header(const svc_req *r, const char *name); /* case-insensitive or NULL */
const char *svc_req_cookie(const svc_req *r, const char *name);
const char *svc_req_body(const svc_req *r, size_t *len);
const char *svc_req_client_ip(const svc_req *r); /* X-Forwarded-For's first hop from the
                                                    gateway, else the peer address */
/* NULL for an anonymous request on a SVC_PUBLIC route. Borrowed. */
const svc_principal *svc_req_principal(const svc_req *r);
svc_pool *svc_req_pool(const svc_req *r);
const svc_config *svc_req_config(const svc_req *r);

/* Parse the JSON body. On failure a 400 problem is set (empty or malformed body, with line and
 * column) and SVC_EREPLIED returned. *out is a new reference. */
int svc_req_json(svc_req *r, json_t **out);
/* Parse an application/x-www-form-urlencoded body into a JSON object of strings. */
int svc_req_form(svc_req *r, json_t **out);

/* Answer 403 (SVC_EREPLIED) unless the principal has the scope. */
int svc_req_require_scope(svc_req *r, const char *scope);
/* If-Match check for PUT/PATCH: SVC_OK if it matches etag; otherwise 428 (missing) or 412
 * (stale) is set and SVC_EREPLIED returned. */
int svc_req_if_match(svc_req *r, const char *etag);

/* Pagination: reads ?limit= (1..max_limit, default default_limit) and ?cursor= (decoded with the
 * server's cursor key); problems go to errs. *cursor is NULL on the first page. */
int svc_req_page(svc_req *r, unsigned int default_limit, unsigned int max_limit,
                 unsigned int *limit, json_t **cursor, svc_errors *errs);
/* Set Link: <path?...&cursor=...>; rel="next" (other query parameters kept) when payload is not
 * NULL. Returns the encoded cursor in *next (malloc'ed, may be NULL) for the body. */
int svc_req_link_next(svc_req *r, const json_t *payload, char **next);

/* --- answering --- */
void svc_reply_json(svc_req *r, int status, json_t *body); /* steals body */
/* Pass JSON text through (e.g. built by PostgreSQL's json_agg) without re-parsing it. */
void svc_reply_json_text(svc_req *r, int status, const char *text, size_t len);
void svc_reply_text(svc_req *r, int status, const char *content_type, const char *text, size_t len);
void svc_reply_empty(svc_req *r, int status);
void svc_reply_header(svc_req *r, const char *name, const char *value);
/* A problem with the status's reason phrase as title. */
void svc_reply_problem(svc_req *r, int status, const char *detail);
/* 400 with every collected problem in invalidParams. */
void svc_reply_invalid(svc_req *r, const svc_errors *errs, const char *detail);
/* Map a pool/database error to an answer: SVC_EBUSY/SVC_EUNAVAILABLE -> 503 with Retry-After,
 * anything else -> 500 (and log it with the request id). */
void svc_reply_db_error(svc_req *r, int err);
/* 1 once a response status has been set. */
int svc_req_replied(const svc_req *r);

#endif
