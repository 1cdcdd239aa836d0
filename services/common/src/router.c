/* Route tables: patterns of literal and ":name" segments, matched segment by segment.
 * An empty segment (trailing or double slash) never matches: /x/ is 404, not a redirect. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MAX_PATH_LEN 2048

int svc_route_compile(route_entry *e, const svc_route *route, void *ctx) {
    memset(e, 0, sizeof(*e));
    e->route = *route;
    e->ctx = ctx;
    if (route->pattern[0] != '/')
        return SVC_EINVAL;
    char *copy = strdup(route->pattern + 1);
    if (copy == NULL)
        return SVC_ENOMEM;
    size_t params = 0;
    char *save = NULL;
    for (char *seg = strtok_r(copy, "/", &save); seg; seg = strtok_r(NULL, "/", &save)) {
        if (e->n_segments == SVC_MAX_SEGMENTS ||
            (seg[0] == ':' && ++params > SVC_MAX_PATH_PARAMS)) {
            free(copy);
            svc_route_clear(e);
            return SVC_EINVAL;
        }
        e->segments[e->n_segments] = strdup(seg);
        if (e->segments[e->n_segments++] == NULL) {
            free(copy);
            svc_route_clear(e);
            return SVC_ENOMEM;
        }
    }
    free(copy);
    return SVC_OK;
}

void svc_route_clear(route_entry *e) {
    for (size_t i = 0; i < e->n_segments; i++)
        free(e->segments[i]);
    e->n_segments = 0;
}

static int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* Percent-decode in place; -1 on a malformed escape or an encoded NUL or slash. */
static int percent_decode(char *s) {
    char *out = s;
    for (const char *in = s; *in; in++) {
        if (*in != '%') {
            *out++ = *in;
            continue;
        }
        int hi = hex_value(in[1]), lo = hi < 0 ? -1 : hex_value(in[2]);
        if (lo < 0 || (hi == 0 && lo == 0) || (hi == 2 && lo == 15))
            return -1;
        *out++ = (char)(hi * 16 + lo);
        in += 2;
    }
    *out = '\0';
    return 0;
}

/* Split rel_path ("/a/b") into segments inside buf; -1 when a segment is empty. */
static int split_path(const char *rel_path, char *buf, char **segs, size_t *n) {
    size_t len = strlen(rel_path);
    *n = 0;
    if (len == 0 || len >= MAX_PATH_LEN || rel_path[0] != '/')
        return -1;
    memcpy(buf, rel_path + 1, len);
    char *p = buf;
    for (;;) {
        char *slash = strchr(p, '/');
        if (*n == SVC_MAX_SEGMENTS || (slash ? slash == p : *p == '\0'))
            return -1;
        segs[(*n)++] = p;
        if (slash == NULL)
            return 0;
        *slash = '\0';
        p = slash + 1;
    }
}

static int segments_match(const route_entry *e, char **segs, size_t n) {
    if (e->n_segments != n)
        return 0;
    for (size_t i = 0; i < n; i++) {
        if (e->segments[i][0] != ':' && strcmp(e->segments[i], segs[i]) != 0)
            return 0;
    }
    return 1;
}

static int capture_params(svc_req *r, const route_entry *e, char **segs) {
    for (size_t i = 0; i < e->n_segments; i++) {
        if (e->segments[i][0] != ':')
            continue;
        char *value = strdup(segs[i]);
        if (value == NULL || percent_decode(value) != 0) {
            free(value);
            return -1;
        }
        r->param_names[r->n_params] = e->segments[i] + 1;
        r->param_values[r->n_params++] = value;
    }
    return 0;
}

static int method_matches(const char *route_method, const char *method) {
    /* HEAD is answered like GET; the HTTP layer drops the body. */
    return strcmp(route_method, method) == 0 ||
           (strcmp(method, "HEAD") == 0 && strcmp(route_method, "GET") == 0);
}

static void add_allowed(char *allow, size_t size, const char *method) {
    if (strstr(allow, method) != NULL)
        return;
    if (allow[0] != '\0')
        strncat(allow, ", ", size - strlen(allow) - 1);
    strncat(allow, method, size - strlen(allow) - 1);
}

const route_entry *svc_route_find(svc_req *r, const char *method, const char *rel_path,
                                  char **allow) {
    char buf[MAX_PATH_LEN];
    char *segs[SVC_MAX_SEGMENTS];
    char allowed[128] = "";
    size_t n;
    *allow = NULL;
    if (split_path(rel_path, buf, segs, &n) != 0)
        return NULL;
    for (size_t i = 0; i < r->server->n_routes; i++) {
        const route_entry *e = &r->server->routes[i];
        if (!segments_match(e, segs, n))
            continue;
        if (method_matches(e->route.method, method))
            return capture_params(r, e, segs) == 0 ? e : NULL;
        add_allowed(allowed, sizeof(allowed), e->route.method);
        if (strcmp(e->route.method, "GET") == 0)
            add_allowed(allowed, sizeof(allowed), "HEAD");
    }
    if (allowed[0] != '\0')
        *allow = strdup(allowed);
    return NULL;
}
