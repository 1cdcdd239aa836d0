/* Prometheus metrics in the text exposition format 0.0.4.
 *
 * Two small tables under one mutex: request counts by (method, route, status) and latency
 * histograms by (method, route). Label sets are bounded: methods outside the standard ones count
 * as "other", and past MAX_SERIES distinct routed series a new route is folded into
 * route="other", so no client can grow the tables without bound. */
#include "svc/metrics.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

#define MAX_SERIES 1024
#define NBUCKETS   12
#define OTHER      "other"
#define NO_STATUS  (-1) /* histogram series have no status */

static const double bucket_bounds[NBUCKETS - 1] = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                   0.1,   0.25,   0.5,   1,    2.5};
static const char *const bucket_labels[NBUCKETS] = {
    "0.001", "0.0025", "0.005", "0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "+Inf"};

static const char *const known_methods[] = {"GET",    "HEAD",    "POST",  "PUT",     "PATCH",
                                            "DELETE", "OPTIONS", "TRACE", "CONNECT", NULL};

typedef struct series {
    const char *method; /* one of known_methods or OTHER: never freed */
    char *route;
    int status;
    unsigned long long count;
    unsigned long long buckets[NBUCKETS]; /* histograms: observations per bucket, not cumulative */
    unsigned long long sum_ns; /* histograms: sum in nanoseconds, exact and locale-free */
} series;

typedef struct table {
    series *items;
    size_t len, cap;
    size_t routed; /* series not folded into route="other", at most MAX_SERIES */
} table;

struct svc_metrics {
    pthread_mutex_t lock;
    char *service;
    table requests;   /* by method, route, status */
    table histograms; /* by method, route */
};

int svc_metrics_new(svc_metrics **out, const char *service) {
    if (out == NULL || service == NULL)
        return SVC_EINVAL;
    *out = NULL;
    svc_metrics *m = calloc(1, sizeof(*m));
    if (m == NULL)
        return SVC_ENOMEM;
    m->service = strdup(service);
    if (m->service == NULL || pthread_mutex_init(&m->lock, NULL) != 0) {
        free(m->service);
        free(m);
        return SVC_ENOMEM;
    }
    *out = m;
    return SVC_OK;
}

static void table_clear(table *t) {
    for (size_t i = 0; i < t->len; i++)
        free(t->items[i].route);
    free(t->items);
}

void svc_metrics_free(svc_metrics *m) {
    if (m == NULL)
        return;
    table_clear(&m->requests);
    table_clear(&m->histograms);
    pthread_mutex_destroy(&m->lock);
    free(m->service);
    free(m);
}

/* ---- observing ---- */

static const char *method_label(const char *method) {
    for (size_t i = 0; method != NULL && known_methods[i] != NULL; i++)
        if (strcmp(method, known_methods[i]) == 0)
            return known_methods[i];
    return OTHER;
}

static series *table_find(table *t, const char *method, const char *route, int status) {
    for (size_t i = 0; i < t->len; i++) {
        series *s = &t->items[i];
        if (s->method == method && s->status == status && strcmp(s->route, route) == 0)
            return s;
    }
    return NULL;
}

static series *table_append(table *t, const char *method, const char *route, int status) {
    if (t->len == t->cap) {
        size_t cap = t->cap ? t->cap * 2 : 16;
        series *items = realloc(t->items, cap * sizeof(*items));
        if (items == NULL)
            return NULL;
        t->items = items;
        t->cap = cap;
    }
    series *s = &t->items[t->len];
    memset(s, 0, sizeof(*s));
    s->route = strdup(route);
    if (s->route == NULL)
        return NULL;
    s->method = method;
    s->status = status;
    t->len++;
    return s;
}

/* The series for the label set, created if needed; past MAX_SERIES routed series a new one is
 * folded into route="other" (bounded by methods x statuses). NULL only when out of memory. */
static series *table_get(table *t, const char *method, const char *route, int status) {
    series *s = table_find(t, method, route, status);
    if (s != NULL)
        return s;
    if (t->routed >= MAX_SERIES) {
        route = OTHER;
        s = table_find(t, method, route, status);
        return s != NULL ? s : table_append(t, method, route, status);
    }
    s = table_append(t, method, route, status);
    if (s != NULL)
        t->routed++;
    return s;
}

static size_t bucket_index(double seconds) {
    size_t i = 0;
    while (i < NBUCKETS - 1 && !(seconds <= bucket_bounds[i]))
        i++;
    return i;
}

static unsigned long long to_ns(double seconds) {
    if (!(seconds > 0)) /* negative or NaN: a clock hiccup, count it as 0 */
        return 0;
    if (seconds > 1e9)
        return 1000000000000000000ULL;
    return (unsigned long long)(seconds * 1e9 + 0.5);
}

void svc_metrics_observe(svc_metrics *m, const char *method, const char *route, int status,
                         double seconds) {
    if (m == NULL)
        return;
    const char *method_text = method_label(method);
    if (route == NULL)
        route = "unmatched";
    if (status < 100 || status > 599)
        status = 0;
    if (!(seconds > 0))
        seconds = 0;
    pthread_mutex_lock(&m->lock);
    series *r = table_get(&m->requests, method_text, route, status);
    if (r != NULL)
        r->count++;
    series *h = table_get(&m->histograms, method_text, route, NO_STATUS);
    if (h != NULL) {
        h->count++;
        h->buckets[bucket_index(seconds)]++;
        h->sum_ns += to_ns(seconds);
    }
    pthread_mutex_unlock(&m->lock);
}

/* ---- rendering ---- */

typedef struct buf {
    char *data;
    size_t len, cap;
    int failed;
} buf;

static void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void buf_printf(buf *b, const char *fmt, ...) {
    va_list ap;
    if (b->failed)
        return;
    va_start(ap, fmt);
    int n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = 1;
        return;
    }
    if ((size_t)n >= b->cap - b->len) {
        size_t cap = b->cap;
        while (cap - b->len <= (size_t)n)
            cap *= 2;
        char *data = realloc(b->data, cap);
        if (data == NULL) {
            b->failed = 1;
            return;
        }
        b->data = data;
        b->cap = cap;
        va_start(ap, fmt);
        vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
        va_end(ap);
    }
    b->len += (size_t)n;
}

/* A label value: backslash, double quote and line feed escaped. */
static void buf_label_value(buf *b, const char *text) {
    while (*text != '\0') {
        size_t plain = strcspn(text, "\\\"\n");
        if (plain > 0)
            buf_printf(b, "%.*s", (int)plain, text);
        text += plain;
        if (*text == '\0')
            break;
        buf_printf(b, "%s", *text == '\n' ? "\\n" : *text == '"' ? "\\\"" : "\\\\");
        text++;
    }
}

static void buf_label(buf *b, const char *name, const char *value) {
    buf_printf(b, ",%s=\"", name);
    buf_label_value(b, value);
    buf_printf(b, "\"");
}

/* name{service="..",method="..",route=".."[,status=".."][,le=".."]} */
static void buf_series_start(buf *b, const svc_metrics *m, const char *name, const series *s,
                             const char *le) {
    buf_printf(b, "%s{service=\"", name);
    buf_label_value(b, m->service);
    buf_printf(b, "\"");
    buf_label(b, "method", s->method);
    buf_label(b, "route", s->route);
    if (s->status != NO_STATUS)
        buf_printf(b, ",status=\"%d\"", s->status);
    if (le != NULL)
        buf_label(b, "le", le);
    buf_printf(b, "} ");
}

static void render_requests(buf *b, const svc_metrics *m) {
    buf_printf(b, "# HELP http_requests_total HTTP requests by method, route and status.\n"
                  "# TYPE http_requests_total counter\n");
    for (size_t i = 0; i < m->requests.len; i++) {
        const series *s = &m->requests.items[i];
        buf_series_start(b, m, "http_requests_total", s, NULL);
        buf_printf(b, "%llu\n", s->count);
    }
}

static void render_histogram(buf *b, const svc_metrics *m, const series *s) {
    unsigned long long cumulative = 0;
    for (size_t i = 0; i < NBUCKETS; i++) {
        cumulative += s->buckets[i];
        buf_series_start(b, m, "http_request_duration_seconds_bucket", s, bucket_labels[i]);
        buf_printf(b, "%llu\n", cumulative);
    }
    buf_series_start(b, m, "http_request_duration_seconds_sum", s, NULL);
    buf_printf(b, "%llu.%09llu\n", s->sum_ns / 1000000000ULL, s->sum_ns % 1000000000ULL);
    buf_series_start(b, m, "http_request_duration_seconds_count", s, NULL);
    buf_printf(b, "%llu\n", s->count);
}

static void render_histograms(buf *b, const svc_metrics *m) {
    buf_printf(b, "# HELP http_request_duration_seconds HTTP request latency by method and "
                  "route.\n"
                  "# TYPE http_request_duration_seconds histogram\n");
    for (size_t i = 0; i < m->histograms.len; i++)
        render_histogram(b, m, &m->histograms.items[i]);
}

static void render_pool_metric(buf *b, const svc_metrics *m, const char *name, const char *type,
                               const char *help, unsigned long long value) {
    buf_printf(b, "# HELP %s %s\n# TYPE %s %s\n%s{service=\"", name, help, name, type, name);
    buf_label_value(b, m->service);
    buf_printf(b, "\"} %llu\n", value);
}

static void render_pool(buf *b, const svc_metrics *m, const svc_pool_stats *p) {
    render_pool_metric(b, m, "db_pool_size", "gauge", "Configured maximum of connections.",
                       p->size);
    render_pool_metric(b, m, "db_pool_open", "gauge", "Connections currently open.", p->open);
    render_pool_metric(b, m, "db_pool_in_use", "gauge", "Connections currently acquired.",
                       p->in_use);
    render_pool_metric(b, m, "db_pool_acquires_total", "counter", "Successful acquires.",
                       p->acquires);
    render_pool_metric(b, m, "db_pool_waits_total", "counter",
                       "Acquires that waited for a free connection.", p->waits);
    render_pool_metric(b, m, "db_pool_timeouts_total", "counter", "Acquires that gave up waiting.",
                       p->timeouts);
    render_pool_metric(b, m, "db_pool_reconnects_total", "counter", "Connections (re)opened.",
                       p->reconnects);
}

int svc_metrics_render(svc_metrics *m, const svc_pool_stats *pool, char **out) {
    if (out == NULL)
        return SVC_EINVAL;
    *out = NULL;
    if (m == NULL)
        return SVC_EINVAL;
    buf b = {.data = malloc(4096), .cap = 4096};
    if (b.data == NULL)
        return SVC_ENOMEM;
    b.data[0] = '\0';
    pthread_mutex_lock(&m->lock);
    render_requests(&b, m);
    render_histograms(&b, m);
    pthread_mutex_unlock(&m->lock);
    if (pool != NULL)
        render_pool(&b, m, pool);
    if (b.failed) {
        free(b.data);
        return SVC_ENOMEM;
    }
    *out = b.data;
    return SVC_OK;
}
