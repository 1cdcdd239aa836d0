/* What the checks of a push look rows up in: the indicators (id, frequency, how the regional
 * value is formed) and areas by code, read once per push and searched in memory, so that the
 * rows go to PostgreSQL with their ids resolved and no join is left for the upsert. */
#ifndef MON_CATALOG_H
#define MON_CATALOG_H

#include <stddef.h>
#include <stdint.h>

typedef struct mon_ind {
    const char *code; /* borrowed (from the query result that outlives the push) */
    long id;
    char frequency;      /* 'm' maand, 'q' kwartaal, 'y' jaar */
    unsigned char ratio; /* regional value: sum(numerator) / sum(denominator) */
    unsigned char share; /* unit percentage or per_1000_jeugdigen: numerator <= denominator */
    const char *frequency_name;
} mon_ind;

typedef struct mon_area {
    const char *code;
    long id;
} mon_area;

/* Both arrays sorted by code in byte order (strcmp). area_slots, when set, is a hash index
 * over the areas (mon_catalog_index_areas): thousands of areas at national scale made the
 * binary search a tenth of a push's CPU time. */
typedef struct mon_catalog {
    const mon_ind *ind;
    size_t n_ind;
    const mon_area *area;
    size_t n_area;
    uint32_t *area_slots; /* owned by whoever called mon_catalog_index_areas; NULL: none */
    size_t area_mask;
} mon_catalog;

const mon_ind *mon_catalog_indicator(const mon_catalog *c, const char *code, size_t n);
long mon_catalog_area(const mon_catalog *c, const char *code, size_t n); /* 0: unknown */
/* Builds c->area_slots (free() it); 0 or -1 without memory (lookups then stay binary). */
int mon_catalog_index_areas(mon_catalog *c);

#endif
