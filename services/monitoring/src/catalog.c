/* Binary search over codes that are not NUL-terminated (catalog.h). */
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

long mon_catalog_area(const mon_catalog *c, const char *code, size_t n) {
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
