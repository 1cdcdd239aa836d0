/* Duplicate keys within one push (dedupe.h). */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "dedupe.h"

static uint64_t mix(uint64_t x) { /* splitmix64's finaliser */
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

/* The period is folded in eight bytes at a time (a period is at most 7: "2024-Q4"). */
uint64_t mon_dedupe_hash(long indicator, long area, const char *period, size_t n) {
    uint64_t h = mix((uint64_t)indicator * 0x9e3779b97f4a7c15ULL ^ (uint64_t)area);
    for (size_t i = 0; i < n; i += 8) {
        uint64_t chunk = 0;
        memcpy(&chunk, period + i, n - i < 8 ? n - i : 8);
        h = mix(h ^ chunk ^ (uint64_t)n << 56);
    }
    return h == 0 ? 1 : h;
}

#define HUGE_PAGE (2u * 1024 * 1024)

/* A big table on 2 MiB pages where the kernel allows it (transparent huge pages on request):
 * every probe lands on a random slot, and with 4 KiB pages nearly every one missed the TLB,
 * which in a virtual machine costs a nested page walk (the table was a quarter of a push's CPU
 * time). munmap'ed memory goes back to the system at once, as with the default allocation. */
static mon_dedupe_slot *slots_new(size_t cap) {
    size_t bytes = cap * sizeof(mon_dedupe_slot);
    if (bytes < HUGE_PAGE)
        return calloc(cap, sizeof(mon_dedupe_slot));
    bytes = (bytes + HUGE_PAGE - 1) / HUGE_PAGE * HUGE_PAGE;
    void *p = NULL;
    if (posix_memalign(&p, HUGE_PAGE, bytes) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    madvise(p, bytes, MADV_HUGEPAGE);
#endif
    memset(p, 0, bytes);
    return p;
}

static int alloc(mon_dedupe *d, size_t cap) {
    d->slots = slots_new(cap);
    d->cap = cap;
    d->n = 0;
    return d->slots ? 0 : -1;
}

int mon_dedupe_init(mon_dedupe *d, size_t expected, size_t max_keys) {
    size_t cap = 64, max_cap = 64;
    while (max_cap < max_keys * 2)
        max_cap *= 2;
    while (cap < expected * 2 && cap < max_cap)
        cap *= 2;
    int rc = alloc(d, cap);
    d->max_cap = max_cap;
    return rc;
}

void mon_dedupe_free(mon_dedupe *d) {
    free(d->slots);
    memset(d, 0, sizeof(*d));
}

static long insert(mon_dedupe *d, uint64_t key, uint32_t row) {
    size_t mask = d->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        mon_dedupe_slot *s = &d->slots[i];
        if (s->key == key)
            return (long)s->row;
        if (s->key == 0) {
            s->key = key;
            s->row = row;
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
        if (d->slots[i].key != 0)
            insert(&bigger, d->slots[i].key, d->slots[i].row);
    }
    bigger.max_cap = d->max_cap;
    mon_dedupe_free(d);
    *d = bigger;
    return 0;
}

void mon_dedupe_prefetch(const mon_dedupe *d, uint64_t hash) {
    __builtin_prefetch(&d->slots[hash & (d->cap - 1)]);
}

static long lookup(const mon_dedupe *d, uint64_t key) {
    size_t mask = d->cap - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
        if (d->slots[i].key == key)
            return (long)d->slots[i].row;
        if (d->slots[i].key == 0)
            return MON_DEDUPE_FULL;
    }
}

long mon_dedupe_add_hash(mon_dedupe *d, uint64_t hash, uint32_t row) {
    if ((d->n + 1) * 2 > d->cap) {
        if (d->cap >= d->max_cap)
            return lookup(d, hash);
        if (grow(d) != 0)
            return -1;
    }
    return insert(d, hash, row);
}

long mon_dedupe_add(mon_dedupe *d, long indicator, long area, const char *period, size_t n,
                    uint32_t row) {
    return mon_dedupe_add_hash(d, mon_dedupe_hash(indicator, area, period, n), row);
}
