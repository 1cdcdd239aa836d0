/* Verified tokens, so that a token's signature is checked once, not on every request.
 *
 * A chained hash table keyed by SHA-256(token): the digest is already uniformly distributed, so
 * its first bytes are the bucket index, and the cache never keeps the bearer tokens themselves.
 * When the table is full, expired entries go first (a sweep, only when one can have expired);
 * otherwise the first entry found from a pseudo-random bucket is evicted. Memory is allocated
 * and freed outside the lock; under it there are only pointer moves and, on a hit, the copy. */
#include <limits.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "jwt_internal.h"
#include "svc/error.h"

#define MAX_BUCKETS ((size_t)1 << 24)

typedef struct entry {
    unsigned char digest[SVC_TOKEN_DIGEST_BYTES];
    svc_principal *principal;
    struct entry *next;
} entry;

struct svc_token_cache {
    pthread_mutex_t lock;
    size_t capacity;
    size_t count;
    size_t n_buckets; /* a power of two */
    entry **buckets;
    /* No entry expires before this time (plus leeway): a sweep before it finds nothing. */
    long long next_expiry;
};

static uint64_t digest_bits(const unsigned char *digest, size_t offset) {
    uint64_t v;

    memcpy(&v, digest + offset, sizeof(v));
    return v;
}

static void entries_free(entry *e) {
    while (e != NULL) {
        entry *next = e->next;

        svc_principal_free(e->principal);
        free(e);
        e = next;
    }
}

int svc_token_cache_new(size_t capacity, svc_token_cache **out) {
    svc_token_cache *c;
    size_t n = 1;

    *out = NULL;
    if (capacity == 0)
        return SVC_OK; /* caching disabled: a NULL cache misses every time */
    while (n < capacity && n < MAX_BUCKETS)
        n <<= 1;
    c = calloc(1, sizeof(*c));
    if (c == NULL)
        return SVC_ENOMEM;
    c->buckets = calloc(n, sizeof(*c->buckets));
    if (c->buckets == NULL || pthread_mutex_init(&c->lock, NULL) != 0) {
        free(c->buckets);
        free(c);
        return SVC_ENOMEM;
    }
    c->capacity = capacity;
    c->n_buckets = n;
    *out = c;
    return SVC_OK;
}

void svc_token_cache_free(svc_token_cache *c) {
    if (c == NULL)
        return;
    for (size_t i = 0; i < c->n_buckets; i++)
        entries_free(c->buckets[i]);
    free(c->buckets);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static entry **bucket_of(svc_token_cache *c, const unsigned char *digest) {
    return &c->buckets[digest_bits(digest, 0) & (c->n_buckets - 1)];
}

/* The link pointing at the entry with this digest, or NULL. */
static entry **find(svc_token_cache *c, const unsigned char *digest) {
    for (entry **link = bucket_of(c, digest); *link != NULL; link = &(*link)->next)
        if (memcmp((*link)->digest, digest, SVC_TOKEN_DIGEST_BYTES) == 0)
            return link;
    return NULL;
}

/* Move *link's entry onto the garbage list. */
static void unlink_to(svc_token_cache *c, entry **link, entry **garbage) {
    entry *e = *link;

    *link = e->next;
    e->next = *garbage;
    *garbage = e;
    c->count--;
}

static int expired(const svc_principal *p, long long now, unsigned int leeway_s) {
    return !(p->expires_at > now - (long long)leeway_s);
}

int svc_token_cache_get(svc_token_cache *c, const unsigned char *digest, long long now,
                        unsigned int leeway_s, svc_principal **out) {
    entry *garbage = NULL;
    entry **link;
    int rc = 0;

    *out = NULL;
    if (c == NULL)
        return 0;
    pthread_mutex_lock(&c->lock);
    link = find(c, digest);
    if (link != NULL && expired((*link)->principal, now, leeway_s)) {
        unlink_to(c, link, &garbage);
        rc = -1;
    } else if (link != NULL)
        rc = svc_principal_copy((*link)->principal, out) == SVC_OK ? 1 : SVC_ENOMEM;
    pthread_mutex_unlock(&c->lock);
    entries_free(garbage);
    return rc;
}

/* Drop every expired entry and remember when the next one expires. */
static void sweep(svc_token_cache *c, long long now, unsigned int leeway_s, entry **garbage) {
    long long next = LLONG_MAX;

    if (now - (long long)leeway_s < c->next_expiry)
        return;
    for (size_t i = 0; i < c->n_buckets; i++) {
        entry **link = &c->buckets[i];

        while (*link != NULL) {
            if (expired((*link)->principal, now, leeway_s))
                unlink_to(c, link, garbage);
            else {
                if ((*link)->principal->expires_at < next)
                    next = (*link)->principal->expires_at;
                link = &(*link)->next;
            }
        }
    }
    c->next_expiry = next;
}

/* Evict the first entry at or after a bucket chosen by the new token's digest (random enough:
 * only holders of a signing key can mint tokens to steer it). */
static void evict_one(svc_token_cache *c, const unsigned char *digest, entry **garbage) {
    size_t start = (size_t)digest_bits(digest, 8);

    for (size_t i = 0; i < c->n_buckets; i++) {
        entry **link = &c->buckets[(start + i) & (c->n_buckets - 1)];

        if (*link != NULL) {
            unlink_to(c, link, garbage);
            return;
        }
    }
}

void svc_token_cache_put(svc_token_cache *c, const unsigned char *digest, const svc_principal *p,
                         long long now, unsigned int leeway_s) {
    entry *garbage = NULL;
    entry *e;

    if (c == NULL || expired(p, now, leeway_s))
        return;
    e = calloc(1, sizeof(*e));
    if (e == NULL)
        return;
    if (svc_principal_copy(p, &e->principal) != SVC_OK) {
        free(e);
        return;
    }
    memcpy(e->digest, digest, SVC_TOKEN_DIGEST_BYTES);
    pthread_mutex_lock(&c->lock);
    if (find(c, digest) != NULL) {
        /* Another thread verified the same token meanwhile. */
        e->next = garbage;
        garbage = e;
    } else {
        if (c->count >= c->capacity)
            sweep(c, now, leeway_s, &garbage);
        if (c->count >= c->capacity)
            evict_one(c, digest, &garbage);
        e->next = *bucket_of(c, digest);
        *bucket_of(c, digest) = e;
        c->count++;
        if (p->expires_at < c->next_expiry)
            c->next_expiry = p->expires_at;
    }
    pthread_mutex_unlock(&c->lock);
    entries_free(garbage);
}
