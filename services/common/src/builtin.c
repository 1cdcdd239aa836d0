/* Routes every service has: health, readiness, metrics, its OpenAPI document. */
#include <string.h>

#include "internal.h"

static void health(svc_req *r, void *ctx) {
    svc_reply_json(r, 200, json_pack("{s:s}", "status", "ok"));
}

static void ready(svc_req *r, void *ctx) {
    svc_server *s = r->server;
    if (s->pool == NULL) {
        svc_reply_json(r, 200, json_pack("{s:s, s:s}", "status", "ok", "database", "n.v.t."));
        return;
    }
    int rc = svc_pool_ping(s->pool);
    if (rc != SVC_OK) {
        svc_reply_header(r, "Retry-After", "2");
        svc_reply_problem(r, 503, "Niet gereed: de database is niet bereikbaar.");
        return;
    }
    svc_reply_json(r, 200, json_pack("{s:s, s:s}", "status", "ok", "database", "ok"));
}

static void metrics(svc_req *r, void *ctx) {
    svc_pool_stats stats;
    char *text = NULL;
    if (r->server->pool)
        svc_pool_get_stats(r->server->pool, &stats);
    if (svc_metrics_render(r->server->metrics, r->server->pool ? &stats : NULL, &text) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    svc_reply_text(r, 200, "text/plain; version=0.0.4; charset=utf-8", text, strlen(text));
    free(text);
}

static void openapi(svc_req *r, void *ctx) {
    svc_server *s = r->server;
    svc_reply_header(r, "Access-Control-Allow-Origin", "*");
    if (s->openapi == NULL) {
        svc_reply_problem(r, 404, "Het OpenAPI-document van deze dienst is niet geladen.");
        return;
    }
    svc_reply_json_text(r, 200, s->openapi, s->openapi_len);
}

const svc_route svc_builtin_routes[] = {
    {"GET", "/health", health, SVC_PUBLIC, NULL},
    {"GET", "/health/ready", ready, SVC_PUBLIC, NULL},
    {"GET", "/metrics", metrics, SVC_PUBLIC, NULL},
    {"GET", "/openapi.json", openapi, SVC_PUBLIC, NULL},
    {NULL, NULL, NULL, 0, NULL},
};
