/* Duplicate keys within one push (dedupe.h). */
#include <stdlib.h>
#include <string.h>

#include "dedupe.h"

static uint64_t mix(uint64_t x) { /* splitmix64's finaliser */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

static uint64_t key_hash(long indicator, long area, const char *period, size_t n) {
    uint64_t h = mix((uint64_t)indicator * 0x9e3779b97f4a7c15ULL ^ (uint64_t)area);
    for (size_t i = 0; i < n; i++)
        h = mix(h ^ (unsigned char)period[i]);
    return h == 0 ? 1 : h;
}

static int alloc(mon_dedupe *d, size_t cap) {
    d->keys = calloc(cap, sizeof(*d->keys));
    d->rows = malloc(cap * sizeof(*d->rows));
    d->cap = cap;
    d->n = 0;
    return d->keys && d->rows ? 0 : -1;
}

int mon_dedupe_init(mon_dedupe *d, size_t expected) {
    size_t cap = 64;
    while (cap < expected * 2)
        cap *= 2;
    return alloc(d, cap);
}

void mon_dedupe_free(mon_dedupe *d) {
    free(d->keys);
    free(d->rows);
    memset(d, 0, sizeof(*d));
}

static long insert(mon_dedupe *d, uint64_t key, uint32_t row) {
    size_t mask = d->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (d->keys[i] == key)
            return (long)d->rows[i];
        if (d->keys[i] == 0) {
            d->keys[i] = key;
            d->rows[i] = row;
            d->n++;
            return 0;
        }
    }
}

static int grow(mon_dedupe *d) {
    mon_dedupe bigger;
    if (alloc(&bigger, d->cap * 2) != 0) {
        mon_dedupe_free(&bigger);
        return -1;
    }
    for (size_t i = 0; i < d->cap; i++) {
        if (d->keys[i] != 0)
            insert(&bigger, d->keys[i], d->rows[i]);
    }
    mon_dedupe_free(d);
    *d = bigger;
    return 0;
}

long mon_dedupe_add(mon_dedupe *d, long indicator, long area, const char *period, size_t n,
                    uint32_t row) {
    if ((d->n + 1) * 2 > d->cap && grow(d) != 0)
        return -1;
    return insert(d, key_hash(indicator, area, period, n), row);
}
