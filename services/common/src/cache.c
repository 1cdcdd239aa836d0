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

/* ---- answering reads through a cache ---- */

#define SQL_DATA_GENERATION "svc_data_generation"

const char *svc_answer_first(svc_req *r, const PGresult *res, const char *what) {
    const char *json = PQntuples(res) > 0 ? svc_col(res, 0, 0) : NULL;
    if (json == NULL)
        svc_reply_not_found(r, what);
    return json;
}

static int current_generation(svc_req *r, svc_conn *c, long long *gen) {
    PGresult *res = NULL;
    int rc = svc_db_query(r, c, SQL_DATA_GENERATION, 0, NULL, NULL, &res);
    if (rc == SVC_OK)
        *gen = svc_col_int(res, 0, 0);
    PQclear(res);
    return rc;
}

static void reply_hit(svc_req *r, svc_cache_entry *e) {
    size_t len = 0;
    const char *text = svc_cache_entry_body(e, &len);
    svc_reply_json_text(r, 200, text, len);
    svc_reply_header(r, "X-Cache", "hit");
    svc_cache_entry_release(e);
}

typedef struct cached_read {
    const char *stmt;
    int n;
    const char *const *params;
    const char *what;
    svc_answer_fn answer;
} cached_read;

static void compute(svc_req *r, svc_cache *cache, svc_conn *c, const cached_read *q,
                    const char *key, long long gen) {
    PGresult *res = NULL;
    if (svc_db_query(r, c, q->stmt, q->n, q->params, NULL, &res) == SVC_OK) {
        const char *json = q->answer(r, res, q->what);
        if (json != NULL) {
            size_t len = strlen(json);
            svc_reply_json_text(r, 200, json, len);
            svc_reply_header(r, "X-Cache", "miss");
            (void)svc_cache_put(cache, key, gen, json, len);
        }
    }
    PQclear(res);
}

void svc_reply_cached(svc_req *r, svc_cache *cache, const char *scope, const char *stmt, int n,
                      const char *const *params, const char *what, svc_answer_fn answer) {
    const cached_read q = {stmt, n, params, what, answer};
    char *key = NULL;
    svc_conn *c = NULL;
    svc_cache_entry *e = NULL;
    long long gen = 0;
    if (svc_cache_request_key(r, scope, &key) != SVC_OK) {
        svc_reply_problem(r, 500, NULL);
        return;
    }
    if (svc_db_acquire(r, &c) == SVC_OK && current_generation(r, c, &gen) == SVC_OK) {
        if (svc_cache_get(cache, key, gen, &e) == SVC_OK) {
            svc_db_release(r, c);
            c = NULL;
            reply_hit(r, e);
        } else {
            /* Many requests missing the same key at once: one computes, the others then hit. */
            pthread_mutex_t *stripe = &cache->stripes[hash(key) % STRIPES];
            pthread_mutex_lock(stripe);
            if (svc_cache_get(cache, key, gen, &e) == SVC_OK)
                reply_hit(r, e);
            else
                compute(r, cache, c, &q, key, gen);
            pthread_mutex_unlock(stripe);
        }
    }
    svc_db_release(r, c);
    free(key);
}
