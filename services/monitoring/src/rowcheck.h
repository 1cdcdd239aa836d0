/* The checks of every row of a push, done while the body streams (the sink of rows.h): known
 * indicator and area, a period in the indicator's frequency, numbers, numerator and denominator,
 * status, and the same key twice. A valid row goes to the staging table with its ids resolved;
 * a rejected row goes there as one line per problem (field, code, reason), so the answer can
 * list every problem of every row while memory holds none of them.
 *
 * Staging columns: row_number, line_number, seq, problem, indicator_id, area_id, period, value,
 * numerator, denominator, status, field, code, reason. */
#ifndef MON_CHECK_H
#define MON_CHECK_H

#include "catalog.h"
#include "copyout.h"
#include "dedupe.h"
#include "rows.h"

/* The last code looked up and what it gave (rows usually come sorted by indicator and area). */
typedef struct mon_check_memo {
    char code[32];
    size_t n; /* 0: nothing kept */
    const mon_ind *ind;
    long area;
} mon_check_memo;

typedef struct mon_check {
    const mon_catalog *catalog;
    mon_copyout *out;
    mon_dedupe dedupe;
    long long rows, rejected;
    long long unchecked; /* valid rows not checked for duplicates (the table was full) */
    mon_check_memo last_ind, last_area;
} mon_check;

/* expected: about how many rows will come; max_keys: how many keys the duplicate table holds. */
int mon_check_init(mon_check *c, const mon_catalog *catalog, mon_copyout *out, size_t expected,
                   size_t max_keys);
void mon_check_free(mon_check *c);
/* The sink (mon_row_fn): ctx is the mon_check. */
int mon_check_row(void *ctx, const mon_raw_row *row);

/* A decimal as the push takes it: -?[0-9]{1,15}(.[0-9]{1,10})? */
int mon_is_decimal(const char *s, size_t n);
/* Does the period (n bytes) fit the frequency ('m', 'q', 'y')? */
int mon_period_fits(const char *s, size_t n, char frequency);

#endif
