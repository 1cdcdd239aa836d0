/* Definitions shared by the server's source files; not part of the public API. */
#ifndef SVC_INTERNAL_H
#define SVC_INTERNAL_H

#include <pthread.h>
#include <netinet/in.h>
#include <stdatomic.h>
#include <ulfius.h>

#include "svc/svc.h"

#define SVC_MAX_SEGMENTS 16

typedef struct route_entry {
    svc_route route;
    void *ctx;
    char *segments[SVC_MAX_SEGMENTS]; /* pattern split on '/', ":x" captures */
    size_t n_segments;
    const svc_body_ops *body; /* a streamed route (svc_server_add_stream_route), else NULL */
    size_t body_max;          /* its limit */
} route_entry;

typedef struct svc_listener svc_listener;

struct svc_server {
    const svc_config *cfg;
    /* HTTP_THREADS = N > 0: N single-threaded epoll daemons fed by the listener; 0: one daemon
     * with a thread per connection, listening itself. */
    struct MHD_Daemon **workers; /* the running daemons */
    size_t n_workers;
    atomic_uint *open; /* open connections per worker */
    svc_listener *listener;
    svc_pool *pool;
    svc_statement *statements; /* the service's and the library's, NULL-terminated */
    svc_verifier *verifier;
    svc_metrics *metrics;
    route_entry *routes;
    size_t n_routes;
    int has_stream_routes;
    unsigned char cursor_key[SVC_CURSOR_KEY_BYTES];
    char *openapi; /* the OpenAPI document, served as is */
    size_t openapi_len;
    atomic_int in_flight; /* requests inside dispatch, for the graceful stop */
    atomic_int draining;
};

struct svc_req {
    svc_server *server;
    const struct _u_request *http;
    struct _u_response *res;
    const route_entry *route;
    const char *method;
    const char *path;
    char request_id[72];
    const char *param_names[SVC_MAX_PATH_PARAMS];
    char *param_values[SVC_MAX_PATH_PARAMS];
    size_t n_params;
    svc_principal *principal;
    int status; /* 0 until a response is set */
    char client_ip[64];
};

/* listener.c: accepts on addr and hands each connection to the least loaded of the n workers
 * (open[i]: worker i's open connections, counted up here and down by its "closed" notice). */
int svc_listener_new(svc_listener **out, const struct sockaddr_in *addr,
                     struct MHD_Daemon **workers, atomic_uint *open, size_t n);
/* Stops accepting (new connections are refused); open connections go on. */
void svc_listener_close(svc_listener *l);
void svc_listener_free(svc_listener *l);
/* server.c: a monotonic clock in milliseconds, for durations. */
double svc_now_ms(void);
/* exchange.c: MHD's callbacks for one request (URI log, access handler, completed notice). */
void *svc_exchange_new(void *cls, const char *uri, struct MHD_Connection *c);
enum MHD_Result svc_exchange_step(void *cls, struct MHD_Connection *c, const char *url,
                                  const char *method, const char *version, const char *data,
                                  size_t *size, void **con_cls);
void svc_exchange_done(void *cls, struct MHD_Connection *c, void **con_cls,
                       enum MHD_RequestTerminationCode toe);
/* request.c */
void svc_req_init(svc_req *r, svc_server *s, const struct _u_request *http,
                  struct _u_response *res);
void svc_req_clear(svc_req *r);
/* router.c */
int svc_route_compile(route_entry *e, const svc_route *route, void *ctx);
void svc_route_clear(route_entry *e);
/* Finds the route for method+path (path below the base path). On no match: *allow gets the
 * malloc'ed Allow list when the path exists for other methods (405), NULL otherwise (404). */
const route_entry *svc_route_find(svc_req *r, const char *method, const char *rel_path,
                                  char **allow);
/* builtin.c */
extern const svc_route svc_builtin_routes[];
/* guard.c */
int svc_guard(svc_req *r);                       /* SVC_OK or SVC_EREPLIED */
void svc_guard_id(svc_req *r);                   /* the request id alone */
int svc_check_body_size(svc_req *r, size_t max); /* 413 over max: SVC_EREPLIED */
void svc_reply_too_large(svc_req *r, size_t max);
int svc_check_content_type(svc_req *r); /* SVC_OK or SVC_EREPLIED */
int svc_authenticate(svc_req *r);       /* SVC_OK or SVC_EREPLIED */
void svc_finish_headers(svc_req *r);

/* The lock under which one request computes a missing key of the cache (cache.c). */
pthread_mutex_t *svc_cache_stripe(svc_cache *c, const char *key);

#endif
