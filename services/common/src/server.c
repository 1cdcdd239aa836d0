/* The service's HTTP server: MHD daemons that run the whole pipeline (exchange.c, see
 * svc/http.h), epoll workers fed by one listener (HTTP_THREADS, see listener.c) or a thread per
 * connection, graceful stop. */
#include <arpa/inet.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

#define GRACE_PERIOD_MS      10000
#define TOKEN_CACHE_CAPACITY 4096

double svc_now_ms(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int load_openapi(svc_server *s) {
    FILE *f = fopen(s->cfg->openapi_file, "rb");
    if (f == NULL) {
        svc_log(SVC_LOG_WARN, "OpenAPI document %s not readable; /openapi.json answers 404",
                s->cfg->openapi_file);
        return SVC_OK;
    }
    json_error_t error;
    json_t *doc = json_loadf(f, 0, &error);
    fclose(f);
    if (doc == NULL) {
        svc_log(SVC_LOG_ERROR, "OpenAPI document %s is not JSON: %s (line %d)",
                s->cfg->openapi_file, error.text, error.line);
        return SVC_EINVAL;
    }
    s->openapi = json_dumps(doc, JSON_COMPACT);
    json_decref(doc);
    if (s->openapi == NULL)
        return SVC_ENOMEM;
    s->openapi_len = strlen(s->openapi);
    return SVC_OK;
}

/* The service's statements followed by the library's own (the audit trail). */
static int merge_statements(svc_server *s, const svc_statement *statements) {
    size_t n = 0, m = 0;
    while (statements && statements[n].name)
        n++;
    while (svc_library_statements[m].name)
        m++;
    s->statements = calloc(n + m + 1, sizeof(*s->statements));
    if (s->statements == NULL)
        return SVC_ENOMEM;
    for (size_t i = 0; i < n; i++)
        s->statements[i] = statements[i];
    for (size_t i = 0; i < m; i++)
        s->statements[n + i] = svc_library_statements[i];
    return SVC_OK;
}

static int open_dependencies(svc_server *s, const svc_statement *statements, char **errmsg) {
    const svc_config *cfg = s->cfg;
    if (cfg->jwt_public_keys[0] != '\0') {
        svc_verifier_opts vo = {cfg->jwt_issuer, cfg->jwt_audience, cfg->jwt_public_keys,
                                cfg->jwt_leeway_s, TOKEN_CACHE_CAPACITY};
        int rc = svc_verifier_new(&s->verifier, &vo, errmsg);
        if (rc != SVC_OK)
            return rc;
    }
    if (cfg->database_url[0] != '\0') {
        int rc = merge_statements(s, statements);
        if (rc != SVC_OK)
            return rc;
        svc_pool_opts po = {cfg->database_url, cfg->pool_size, cfg->pool_acquire_timeout_ms,
                            s->statements};
        rc = svc_pool_new(&s->pool, &po);
        if (rc != SVC_OK)
            return rc;
    }
    return SVC_OK;
}

int svc_server_new(svc_server **out, const svc_config *cfg, const svc_statement *statements,
                   char **errmsg) {
    svc_log_level level = SVC_LOG_INFO;
    if (errmsg)
        *errmsg = NULL;
    if (svc_log_level_parse(cfg->log_level, &level) != SVC_OK)
        svc_log(SVC_LOG_WARN, "LOG_LEVEL '%s' unknown, using info", cfg->log_level);
    svc_log_init(cfg->service, level);
    if (sodium_init() < 0)
        return SVC_ERR;
    svc_server *s = calloc(1, sizeof(*s));
    if (s == NULL)
        return SVC_ENOMEM;
    s->cfg = cfg;
    svc_cursor_key(cfg->cursor_secret, s->cursor_key);
    int rc = svc_metrics_new(&s->metrics, cfg->service);
    if (rc == SVC_OK)
        rc = load_openapi(s);
    if (rc == SVC_OK)
        rc = open_dependencies(s, statements, errmsg);
    if (rc == SVC_OK)
        rc = svc_server_add_routes(s, svc_builtin_routes, s);
    if (rc != SVC_OK) {
        svc_server_free(s);
        return rc;
    }
    *out = s;
    return SVC_OK;
}

void svc_server_free(svc_server *s) {
    if (s == NULL)
        return;
    for (size_t i = 0; i < s->n_routes; i++)
        svc_route_clear(&s->routes[i]);
    free(s->routes);
    svc_pool_free(s->pool);
    free(s->statements);
    svc_verifier_free(s->verifier);
    svc_metrics_free(s->metrics);
    free(s->openapi);
    free(s);
}

int svc_server_add_routes(svc_server *s, const svc_route *routes, void *ctx) {
    size_t n = 0;
    while (routes[n].method != NULL)
        n++;
    route_entry *grown = realloc(s->routes, (s->n_routes + n) * sizeof(*grown));
    if (grown == NULL)
        return SVC_ENOMEM;
    s->routes = grown;
    for (size_t i = 0; i < n; i++) {
        int rc = svc_route_compile(&s->routes[s->n_routes], &routes[i], ctx);
        if (rc != SVC_OK) {
            svc_log(SVC_LOG_ERROR, "route %s %s is invalid", routes[i].method, routes[i].pattern);
            return rc;
        }
        s->n_routes++;
    }
    return SVC_OK;
}

int svc_server_add_stream_route(svc_server *s, const svc_route *route, const svc_body_ops *ops,
                                void *ctx, size_t max_bytes) {
    if (ops == NULL || ops->open == NULL || ops->write == NULL || ops->close == NULL ||
        ops->free == NULL)
        return SVC_EINVAL;
    route_entry *grown = realloc(s->routes, (s->n_routes + 1) * sizeof(*grown));
    if (grown == NULL)
        return SVC_ENOMEM;
    s->routes = grown;
    int rc = svc_route_compile(&s->routes[s->n_routes], route, ctx);
    if (rc != SVC_OK)
        return rc;
    s->routes[s->n_routes].body = ops;
    s->routes[s->n_routes++].body_max = max_bytes ? max_bytes : s->cfg->max_body_bytes;
    s->has_stream_routes = 1;
    return SVC_OK;
}

void svc_server_set_verifier(svc_server *s, svc_verifier *v) {
    svc_verifier_free(s->verifier);
    s->verifier = v;
}

svc_pool *svc_server_pool(svc_server *s) {
    return s->pool;
}

const svc_config *svc_server_config(const svc_server *s) {
    return s->cfg;
}

void svc_server_stop(svc_server *s) {
    (void)s;
    kill(getpid(), SIGTERM);
}

/* MHD's notice per connection: counts a worker's connections down when one closes (the
 * listener counted it up when it handed it over). */
static void connection_notice(void *cls, struct MHD_Connection *connection, void **socket_context,
                              enum MHD_ConnectionNotificationCode code) {
    (void)connection;
    (void)socket_context;
    if (code == MHD_CONNECTION_NOTIFY_CLOSED)
        atomic_fetch_sub((atomic_uint *)cls, 1);
}

/* The options every daemon gets: our pipeline's callbacks (exchange.c) and the timeout. */
#define EXCHANGE_OPTIONS(s)                                                                        \
    {MHD_OPTION_URI_LOG_CALLBACK, (intptr_t)svc_exchange_new, (s)},                                \
        {MHD_OPTION_NOTIFY_COMPLETED, (intptr_t)svc_exchange_done, (s)}, {                         \
        MHD_OPTION_CONNECTION_TIMEOUT, (intptr_t)(s)->cfg->connection_timeout_s, NULL              \
    }

/* Worker i: one epoll thread, no listening socket of its own (the listener feeds it). ITC wakes
 * it when the listener adds a connection. */
static int start_worker(svc_server *s, size_t i) {
    struct MHD_OptionItem ops[] = {
        EXCHANGE_OPTIONS(s),
        {MHD_OPTION_NOTIFY_CONNECTION, (intptr_t)connection_notice, &s->open[i]},
        {MHD_OPTION_END, 0, NULL},
    };
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                         MHD_USE_EPOLL | MHD_USE_TURBO | MHD_USE_NO_LISTEN_SOCKET;
    s->workers[i] = MHD_start_daemon(flags, 0, NULL, NULL, svc_exchange_step, s, MHD_OPTION_ARRAY,
                                     ops, MHD_OPTION_END);
    return s->workers[i] != NULL ? SVC_OK : SVC_ERR;
}

/* HTTP_THREADS=0: MHD listens itself and runs a thread per connection. */
static int start_threaded(svc_server *s, struct sockaddr_in *addr) {
    /* ITC lets MHD_quiesce_daemon() stop accepting while in-flight requests finish. */
    struct MHD_OptionItem ops[] = {
        EXCHANGE_OPTIONS(s),
        {MHD_OPTION_SOCK_ADDR, 0, addr},
        {MHD_OPTION_END, 0, NULL},
    };
    unsigned int flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ITC | MHD_USE_ERROR_LOG |
                         MHD_USE_THREAD_PER_CONNECTION | MHD_USE_POLL;
    s->workers[0] = MHD_start_daemon(flags, (uint16_t)s->cfg->port, NULL, NULL, svc_exchange_step,
                                     s, MHD_OPTION_ARRAY, ops, MHD_OPTION_END);
    if (s->workers[0] == NULL) {
        svc_log(SVC_LOG_ERROR, "cannot listen on %s:%u", s->cfg->bind_address, s->cfg->port);
        return SVC_ERR;
    }
    return SVC_OK;
}

static int start_http(svc_server *s, struct sockaddr_in *addr) {
    const svc_config *cfg = s->cfg;
    memset(addr, 0, sizeof(*addr));
    addr->sin_family = AF_INET;
    addr->sin_port = htons((uint16_t)cfg->port);
    if (inet_pton(AF_INET, cfg->bind_address, &addr->sin_addr) != 1) {
        svc_log(SVC_LOG_ERROR, "SVC_BIND_ADDRESS '%s' is not an IPv4 address", cfg->bind_address);
        return SVC_EINVAL;
    }
    size_t n = cfg->http_threads ? cfg->http_threads : 1;
    s->workers = calloc(n, sizeof(*s->workers));
    s->open = calloc(n, sizeof(*s->open));
    if (s->workers == NULL || s->open == NULL)
        return SVC_ENOMEM;
    s->n_workers = n;
    if (cfg->http_threads == 0)
        return start_threaded(s, addr);
    for (size_t i = 0; i < n; i++)
        if (start_worker(s, i) != SVC_OK) {
            svc_log(SVC_LOG_ERROR, "cannot start HTTP worker %zu", i);
            return SVC_ERR;
        }
    return svc_listener_new(&s->listener, addr, s->workers, s->open, n);
}

/* Stop accepting, let in-flight requests finish (at most GRACE_PERIOD_MS). */
static void drain(svc_server *s) {
    if (s->listener != NULL)
        svc_listener_close(s->listener);
    else if (s->n_workers > 0 && s->workers[0] != NULL)
        MHD_quiesce_daemon(s->workers[0]);
    double deadline = svc_now_ms() + GRACE_PERIOD_MS;
    while (atomic_load(&s->in_flight) > 0 && svc_now_ms() < deadline)
        usleep(10000);
    usleep(50000); /* let the last responses leave their sockets */
}

static void stop_http(svc_server *s) {
    svc_listener_free(s->listener);
    s->listener = NULL;
    for (size_t i = 0; i < s->n_workers; i++) {
        if (s->workers[i] != NULL)
            MHD_stop_daemon(s->workers[i]);
    }
    free(s->workers);
    free(s->open);
    s->workers = NULL;
    s->open = NULL;
    s->n_workers = 0;
}

int svc_server_run(svc_server *s) {
    sigset_t set;
    int sig = 0;
    struct sockaddr_in addr;
    sigemptyset(&set);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGINT);
    /* Blocked before any thread starts, so only sigwait() below ever receives them. */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    signal(SIGPIPE, SIG_IGN);
    int rc = start_http(s, &addr);
    if (rc == SVC_OK) {
        svc_log(SVC_LOG_INFO, "listening on %s:%u%s (%s)", s->cfg->bind_address, s->cfg->port,
                s->cfg->base_path,
                s->cfg->http_threads ? "epoll workers fed by one listener"
                                     : "a thread per connection");
        svc_log_set_buffered(1);
        sigwait(&set, &sig);
        svc_log(SVC_LOG_INFO, "signal %d: finishing in-flight requests, then stopping", sig);
        drain(s);
        svc_log_set_buffered(0);
    }
    stop_http(s);
    svc_log(SVC_LOG_INFO, "stopped");
    return rc;
}
