/* Lookups of codes that are not NUL-terminated (catalog.h): binary search, and a hash index
 * for the areas. */
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* strcmp of (key, n) against a NUL-terminated code. */
static int compare(const char *key, size_t n, const char *code) {
    size_t m = strlen(code);
    int c = memcmp(key, code, n < m ? n : m);
    if (c != 0)
        return c;
    return n < m ? -1 : n > m ? 1 : 0;
}

const mon_ind *mon_catalog_indicator(const mon_catalog *c, const char *code, size_t n) {
    size_t lo = 0, hi = c->n_ind;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = compare(code, n, c->ind[mid].code);
        if (cmp == 0)
            return &c->ind[mid];
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return NULL;
}

/* FNV-1a */
static uint64_t code_hash(const char *code, size_t n) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)code[i]) * 0x100000001b3ULL;
    return h;
}

int mon_catalog_index_areas(mon_catalog *c) {
    size_t cap = 16;
    while (cap < c->n_area * 2)
        cap *= 2;
    c->area_slots = calloc(cap, sizeof(*c->area_slots)); /* slot: index + 1, 0 empty */
    if (c->area_slots == NULL)
        return -1;
    c->area_mask = cap - 1;
    for (size_t a = 0; a < c->n_area; a++) {
        const char *code = c->area[a].code;
        size_t i = code_hash(code, strlen(code)) & c->area_mask;
        while (c->area_slots[i] != 0)
            i = (i + 1) & c->area_mask;
        c->area_slots[i] = (uint32_t)(a + 1);
    }
    return 0;
}

static long area_by_hash(const mon_catalog *c, const char *code, size_t n) {
    for (size_t i = code_hash(code, n) & c->area_mask; c->area_slots[i] != 0;
         i = (i + 1) & c->area_mask) {
        const mon_area *a = &c->area[c->area_slots[i] - 1];
        if (compare(code, n, a->code) == 0)
            return a->id;
    }
    return 0;
}

long mon_catalog_area(const mon_catalog *c, const char *code, size_t n) {
    if (c->area_slots != NULL)
        return area_by_hash(c, code, n);
    size_t lo = 0, hi = c->n_area;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int cmp = compare(code, n, c->area[mid].code);
        if (cmp == 0)
            return c->area[mid].id;
        if (cmp < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return 0;
}
