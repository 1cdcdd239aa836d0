/* One request, from its request line to MHD's "completed" notice: the pipeline of svc/http.h run
 * as MHD's access handler.
 *
 * Why our own access handler and not ulfius's dispatcher: ulfius 2.7 appends every piece of a
 * body to one buffer before it calls any callback, so an import of 200 MB costs 200 MB of
 * memory, and it offers no hook for a body in pieces (its dispatcher is not exported). The
 * request and the response are still ulfius's structures (maps of headers and query
 * parameters, the body helpers), so handlers and the rest of the library see what they saw.
 *
 * MHD calls the access handler once when the headers are in, once per piece of the body, and
 * once more at the end, when the answer must be queued. A route with svc_body_ops gets the
 * pipeline at the first call and the pieces as they come; any other route gets its body whole
 * (up to MAX_BODY_BYTES) and runs the pipeline at the end. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct exchange {
    struct _u_request http;
    struct _u_response res;
    svc_req r;
    svc_server *server;
    double started;
    const char *label; /* the route's pattern for the metrics */
    int begun;         /* the first call is done */
    int counted;       /* counted in server->in_flight */
    int stream;        /* a streamed route: the pipeline ran at the first call */
    int open;          /* its body ops take the pieces */
    void *state;       /* theirs, until free */
    size_t received;   /* bytes of a streamed body so far */
    size_t body_cap;   /* bytes allocated for an ordinary route's body */
} exchange;

/* ---- reading the request ---- */

/* Header and query values that are not UTF-8 are left out, as ulfius did: nothing downstream
 * has to handle them. A repeated name gets its values joined with a comma (RFC 9110 5.3). */
static enum MHD_Result put_value(void *cls, enum MHD_ValueKind kind, const char *key,
                                 const char *value) {
    struct _u_map *map = cls;
    (void)kind;
    if (value == NULL)
        value = "";
    if (!svc_utf8_valid(key, strlen(key)) || !svc_utf8_valid(value, strlen(value)))
        return MHD_YES;
    const char *seen = u_map_get(map, key);
    if (seen == NULL)
        return u_map_put(map, key, value) == U_OK ? MHD_YES : MHD_NO;
    size_t n = strlen(seen) + strlen(value) + 2;
    char *joined = malloc(n);
    if (joined == NULL)
        return MHD_NO;
    snprintf(joined, n, "%s,%s", seen, value);
    int rc = u_map_put(map, key, joined);
    free(joined);
    return rc == U_OK ? MHD_YES : MHD_NO;
}

static int read_head(exchange *x, struct MHD_Connection *c, const char *method,
                     const char *version) {
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
    x->http.http_verb = strdup(method);
    x->http.http_protocol = strdup(version);
    x->http.client_address = malloc(sizeof(struct sockaddr_storage));
    if (x->http.http_verb == NULL || x->http.http_protocol == NULL ||
        x->http.client_address == NULL)
        return SVC_ENOMEM;
    memset(x->http.client_address, 0, sizeof(struct sockaddr_storage));
    if (ci != NULL && ci->client_addr != NULL)
        memcpy(x->http.client_address, ci->client_addr,
               ci->client_addr->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6)
                                                      : sizeof(struct sockaddr_in));
    MHD_get_connection_values(c, MHD_HEADER_KIND, put_value, x->http.map_header);
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, put_value, x->http.map_url);
    MHD_get_connection_values(c, MHD_COOKIE_KIND, put_value, x->http.map_cookie);
    return SVC_OK;
}

/* The whole body of an ordinary route, kept up to one byte over the limit: the guard answers
 * 413 when it sees more than the limit, and the rest is not worth keeping. */
static int keep_body(exchange *x, const char *data, size_t n) {
    size_t cap = x->server->cfg->max_body_bytes + 1, have = x->http.binary_body_length;
    if (have >= cap)
        return SVC_OK;
    if (n > cap - have)
        n = cap - have;
    /* Doubling: a body in many small pieces costs log(n) reallocations, not n. */
    size_t room = x->body_cap;
    if (have + n > room) {
        room = room ? room : 16384;
        while (room < have + n)
            room *= 2;
        if (room > cap)
            room = cap;
        void *grown = realloc(x->http.binary_body, room);
        if (grown == NULL)
            return SVC_ENOMEM;
        x->http.binary_body = grown;
        x->body_cap = room;
    }
    memcpy((char *)x->http.binary_body + have, data, n);
    x->http.binary_body_length = have + n;
    return SVC_OK;
}

/* ---- the pipeline ---- */

/* The path below the service's base path ("/x" of "/api/s/v1/x"), or NULL when it is not. */
static const char *below_base(const svc_req *r) {
    const char *base = r->server->cfg->base_path;
    size_t base_len = strlen(base);
    if (strncmp(r->path, base, base_len) != 0 || r->path[base_len] != '/')
        return NULL;
    return r->path + base_len;
}

/* 404 or 405 (with Allow) when nothing matches; otherwise the route, with its path parameters. */
static const route_entry *route_request(svc_req *r) {
    const char *rel = below_base(r);
    char *allow = NULL;
    if (rel == NULL) {
        svc_reply_problem(r, 404, "Deze URL bestaat niet.");
        return NULL;
    }
    const route_entry *e = svc_route_find(r, r->method, rel, &allow);
    if (e == NULL && allow != NULL) {
        svc_reply_header(r, "Allow", allow);
        svc_reply_problem(r, 405, "Deze methode is hier niet toegestaan; zie de kop Allow.");
    } else if (e == NULL) {
        svc_reply_problem(r, 404, "Deze URL bestaat niet.");
    }
    free(allow);
    return e;
}

/* Routing, content type, authentication: SVC_OK when the route's handler may run. */
static int admit(exchange *x) {
    svc_req *r = &x->r;
    if (x->stream)
        svc_guard_id(r); /* routed by is_stream(); the size is the route's, checked below */
    else if (svc_guard(r) != SVC_OK || (r->route = route_request(r)) == NULL)
        return SVC_EREPLIED;
    x->label = r->route->route.pattern;
    if (x->stream && svc_check_body_size(r, r->route->body_max) != SVC_OK)
        return SVC_EREPLIED;
    if (svc_check_content_type(r) != SVC_OK || svc_authenticate(r) != SVC_OK)
        return SVC_EREPLIED;
    return SVC_OK;
}

/* Does this request go to a streamed route? Decided on the headers alone; if so, r->route is
 * set (with its path parameters). */
static int is_stream(exchange *x) {
    svc_req *r = &x->r;
    const char *rel = below_base(r);
    char *allow = NULL;
    if (!x->server->has_stream_routes || rel == NULL || strcmp(r->method, "GET") == 0 ||
        strcmp(r->method, "HEAD") == 0)
        return 0; /* the common case decided without a lookup */
    const route_entry *e = svc_route_find(r, r->method, rel, &allow);
    free(allow);
    if (e != NULL && e->body != NULL) {
        r->route = e;
        return 1;
    }
    svc_req_clear(r); /* admit() routes it at the end, with its parameters */
    return 0;
}

/* Ends the route's part: free is called once for a state that open set. */
static void close_stream(exchange *x) {
    void *state = x->state;
    x->open = 0;
    x->state = NULL;
    if (state != NULL)
        x->r.route->body->free(&x->r, state);
}

static void begin(exchange *x) {
    x->started = svc_now_ms();
    x->label = "unmatched";
    atomic_fetch_add(&x->server->in_flight, 1);
    x->counted = 1;
    svc_req_init(&x->r, x->server, &x->http, &x->res);
    if (!is_stream(x))
        return;
    x->stream = 1;
    if (admit(x) != SVC_OK)
        return;
    x->open = x->r.route->body->open(&x->r, x->r.route->ctx, &x->state) == SVC_OK;
    if (!x->open)
        close_stream(x); /* answered already: give back what open took at once */
}

/* A piece of a streamed body: to the route while it is open, otherwise dropped. */
static void stream_piece(exchange *x, const char *data, size_t n) {
    if (!x->open)
        return;
    x->received += n;
    if (x->received > x->r.route->body_max) {
        close_stream(x);
        svc_reply_too_large(&x->r, x->r.route->body_max);
    } else if (x->r.route->body->write(&x->r, x->state, data, n) != SVC_OK) {
        close_stream(x);
    }
}

/* The body is in: run what is left of the pipeline and log the request. */
static void end(exchange *x) {
    svc_req *r = &x->r;
    if (x->stream && x->open) {
        r->route->body->close(r, x->state);
        close_stream(x);
    } else if (!x->stream && admit(x) == SVC_OK) {
        r->route->route.handler(r, r->route->ctx);
    }
    if (!svc_req_replied(r)) {
        svc_log(SVC_LOG_ERROR, "request %s: handler for %s %s set no response", r->request_id,
                r->method, x->label);
        svc_reply_problem(r, 500, "Er ging iets mis aan onze kant.");
    }
    svc_finish_headers(r);
    double elapsed = svc_now_ms() - x->started;
    svc_log_request(r->request_id, r->method, r->path, r->status, elapsed,
                    r->principal ? r->principal->subject : NULL);
    svc_metrics_observe(x->server->metrics, r->method, x->label, r->status, elapsed / 1000.0);
}

/* ---- answering ---- */

static enum MHD_Result respond(struct MHD_Connection *c, exchange *x) {
    struct MHD_Response *m = MHD_create_response_from_buffer(
        x->res.binary_body_length, x->res.binary_body, MHD_RESPMEM_MUST_FREE);
    if (m == NULL)
        return MHD_NO;
    x->res.binary_body = NULL; /* MHD frees it */
    x->res.binary_body_length = 0;
    const char **keys = u_map_enum_keys(x->res.map_header);
    for (size_t i = 0; keys != NULL && keys[i] != NULL; i++)
        MHD_add_response_header(m, keys[i], u_map_get(x->res.map_header, keys[i]));
    enum MHD_Result rc = MHD_queue_response(c, x->res.status, m);
    MHD_destroy_response(m);
    return rc;
}

/* ---- MHD's callbacks ---- */

void *svc_exchange_new(void *cls, const char *uri, struct MHD_Connection *c) {
    (void)c;
    exchange *x = calloc(1, sizeof(*x));
    if (x == NULL)
        return NULL;
    x->server = cls;
    const char *q = strchr(uri, '?');
    if (ulfius_init_request(&x->http) != U_OK) {
        free(x);
        return NULL;
    }
    if (ulfius_init_response(&x->res) != U_OK) {
        ulfius_clean_request(&x->http);
        free(x);
        return NULL;
    }
    x->http.http_url = strdup(uri);
    x->http.url_path = q ? strndup(uri, (size_t)(q - uri)) : strdup(uri);
    return x;
}

enum MHD_Result svc_exchange_step(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *data,
                                  size_t *size, void **con_cls) {
    exchange *x = *con_cls;
    (void)cls;
    (void)url;
    if (x == NULL || x->http.http_url == NULL || x->http.url_path == NULL)
        return MHD_NO; /* out of memory: MHD closes the connection */
    if (!x->begun) {
        x->begun = 1;
        if (read_head(x, c, method, version) != SVC_OK)
            return MHD_NO;
        begin(x);
        return MHD_YES;
    }
    if (*size > 0) {
        if (x->stream)
            stream_piece(x, data, *size);
        else if (keep_body(x, data, *size) != SVC_OK)
            return MHD_NO;
        *size = 0;
        return MHD_YES;
    }
    end(x);
    return respond(c, x);
}

void svc_exchange_done(void *cls, struct MHD_Connection *c, void **con_cls,
                       enum MHD_RequestTerminationCode toe) {
    exchange *x = *con_cls;
    (void)cls;
    (void)c;
    (void)toe;
    if (x == NULL)
        return;
    close_stream(x); /* the client went away in the middle of the body */
    if (x->counted)
        atomic_fetch_sub(&x->server->in_flight, 1);
    svc_req_clear(&x->r);
    ulfius_clean_request(&x->http);
    ulfius_clean_response(&x->res);
    free(x);
    *con_cls = NULL;
}
