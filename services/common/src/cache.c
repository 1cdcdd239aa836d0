/* The response cache (svc/cache.h): a chained hash table plus an LRU list, under one mutex. */
#include <pthread.h>
#include <stdio.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "svc/svc.h"

#define BUCKETS 1024
#define STRIPES 16 /* locks that let one request per key compute a miss */

struct svc_cache_entry {
    atomic_int refs;
    char *key;
    long long generation;
    char *body;
    size_t len;
    struct svc_cache_entry *chain;       /* next in the bucket */
    struct svc_cache_entry *prev, *next; /* LRU list, most recent first */
};

struct svc_cache {
    pthread_mutex_t lock;
    svc_cache_entry *buckets[BUCKETS];
    svc_cache_entry *head, *tail;
    size_t bytes, budget;
    pthread_mutex_t stripes[STRIPES];
};

static size_t hash(const char *key) {
    size_t h = 1469598103934665603ull; /* FNV-1a */
    for (const unsigned char *p = (const unsigned char *)key; *p; p++)
        h = (h ^ *p) * 1099511628211ull;
    return h % BUCKETS;
}

static size_t entry_size(const svc_cache_entry *e) {
    return e->len + strlen(e->key) + sizeof(*e);
}

void svc_cache_entry_release(svc_cache_entry *e) {
    if (e != NULL && atomic_fetch_sub(&e->refs, 1) == 1) {
        free(e->key);
        free(e->body);
        free(e);
    }
}

const char *svc_cache_entry_body(const svc_cache_entry *e, size_t *len) {
    *len = e->len;
    return e->body;
}

int svc_cache_new(svc_cache **out, size_t byte_budget) {
    svc_cache *c = calloc(1, sizeof(*c));
    if (c == NULL)
        return SVC_ENOMEM;
    pthread_mutex_init(&c->lock, NULL);
    for (size_t i = 0; i < STRIPES; i++)
        pthread_mutex_init(&c->stripes[i], NULL);
    c->budget = byte_budget;
    *out = c;
    return SVC_OK;
}

void svc_cache_free(svc_cache *c) {
    if (c == NULL)
        return;
    for (svc_cache_entry *e = c->head, *next; e; e = next) {
        next = e->next;
        svc_cache_entry_release(e);
    }
    pthread_mutex_destroy(&c->lock);
    for (size_t i = 0; i < STRIPES; i++)
        pthread_mutex_destroy(&c->stripes[i]);
    free(c);
}

/* ---- under the lock ---- */

static void lru_unlink(svc_cache *c, svc_cache_entry *e) {
    if (e->prev)
        e->prev->next = e->next;
    else
        c->head = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        c->tail = e->prev;
    e->prev = e->next = NULL;
}

static void lru_push_front(svc_cache *c, svc_cache_entry *e) {
    e->prev = NULL;
    e->next = c->head;
    if (c->head)
        c->head->prev = e;
    c->head = e;
    if (c->tail == NULL)
        c->tail = e;
}

/* Take e out of the table and the list; the cache's reference is returned to the caller. */
static void detach(svc_cache *c, svc_cache_entry *e) {
    svc_cache_entry **link = &c->buckets[hash(e->key)];
    while (*link != e)
        link = &(*link)->chain;
    *link = e->chain;
    lru_unlink(c, e);
    c->bytes -= entry_size(e);
}

static svc_cache_entry *find(svc_cache *c, const char *key) {
    for (svc_cache_entry *e = c->buckets[hash(key)]; e; e = e->chain) {
        if (strcmp(e->key, key) == 0)
            return e;
    }
    return NULL;
}

/* ---- the API ---- */

int svc_cache_get(svc_cache *c, const char *key, long long generation, svc_cache_entry **out) {
    svc_cache_entry *stale = NULL;
    *out = NULL;
    pthread_mutex_lock(&c->lock);
    svc_cache_entry *e = find(c, key);
    if (e != NULL && e->generation == generation) {
        atomic_fetch_add(&e->refs, 1);
        lru_unlink(c, e);
        lru_push_front(c, e);
        *out = e;
    } else if (e != NULL) {
        detach(c, e);
        stale = e;
    }
    pthread_mutex_unlock(&c->lock);
    svc_cache_entry_release(stale); /* freed outside the lock */
    return *out ? SVC_OK : SVC_ENOTFOUND;
}

int svc_cache_put(svc_cache *c, const char *key, long long generation, const char *body,
                  size_t len) {
    svc_cache_entry *e = calloc(1, sizeof(*e)), *evicted = NULL;
    if (e == NULL)
        return SVC_ENOMEM;
    atomic_init(&e->refs, 1);
    e->key = strdup(key);
    e->body = malloc(len ? len : 1);
    if (e->key == NULL || e->body == NULL) {
        svc_cache_entry_release(e);
        return SVC_ENOMEM;
    }
    memcpy(e->body, body, len);
    e->len = len;
    e->generation = generation;
    if (entry_size(e) > c->budget / 4) {
        svc_cache_entry_release(e);
        return SVC_OK;
    }
    pthread_mutex_lock(&c->lock);
    svc_cache_entry *old = find(c, key);
    if (old != NULL) {
        detach(c, old);
        old->chain = evicted;
        evicted = old;
    }
    size_t b = hash(key);
    e->chain = c->buckets[b];
    c->buckets[b] = e;
    lru_push_front(c, e);
    c->bytes += entry_size(e);
    while (c->bytes > c->budget && c->tail != e) {
        svc_cache_entry *victim = c->tail;
        detach(c, victim);
        victim->chain = evicted;
        evicted = victim;
    }
    pthread_mutex_unlock(&c->lock);
    while (evicted != NULL) { /* freed outside the lock */
        svc_cache_entry *next = evicted->chain;
        svc_cache_entry_release(evicted);
        evicted = next;
    }
    return SVC_OK;
}

static int compare_keys(const void *a, const void *b) {
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Append "<length>:<text>" so that no choice of names and values can make two keys equal. */
static void append_part(char *key, const char *text) {
    char prefix[24];
    snprintf(prefix, sizeof(prefix), "%zu:", strlen(text));
    strcat(key, prefix);
    strcat(key, text);
}

int svc_cache_request_key(const svc_req *r, const char *scope, char **out) {
    const char **keys = r->http->map_url ? u_map_enum_keys(r->http->map_url) : NULL;
    size_t n = 0, len = strlen(r->path) + (scope ? strlen(scope) : 0) + 64;
    while (keys && keys[n]) {
        len += strlen(keys[n]) + strlen(u_map_get(r->http->map_url, keys[n])) + 48;
        n++;
    }
    const char **sorted = malloc((n ? n : 1) * sizeof(*sorted));
    char *key = malloc(len);
    if (sorted == NULL || key == NULL) {
        free(sorted);
        free(key);
        return SVC_ENOMEM;
    }
    if (n > 0)
        memcpy(sorted, keys, n * sizeof(*sorted));
    qsort(sorted, n, sizeof(*sorted), compare_keys);
    key[0] = '\0';
    append_part(key, r->path);
    for (size_t i = 0; i < n; i++) {
        append_part(key, sorted[i]);
        append_part(key, u_map_get(r->http->map_url, sorted[i]));
    }
    append_part(key, scope ? scope : "");
    free(sorted);
    *out = key;
    return SVC_OK;
}

pthread_mutex_t *svc_cache_stripe(svc_cache *c, const char *key) {
    return &c->stripes[hash(key) % STRIPES];
}
