/* The rows of a push, read from its CSV or JSON body one at a time and handed to a sink (the
 * checks of check.c). What only the reader can tell (a malformed CSV line, a wrong field count,
 * bad UTF-8, a JSON member of the wrong type) comes with the row as its reader problem. */
#ifndef MON_ROWS_H
#define MON_ROWS_H

#include <stddef.h>

#include "svc/problem.h"

/* The columns of the push format, in the order the export writes them. */
#define MON_NCOLUMNS 7
extern const char *const mon_columns[MON_NCOLUMNS];
enum {
    MON_COL_INDICATOR,
    MON_COL_AREA,
    MON_COL_PERIOD,
    MON_COL_VALUE,
    MON_COL_NUMERATOR,
    MON_COL_DENOMINATOR,
    MON_COL_STATUS
};

typedef struct mon_raw_row {
    size_t number, line;         /* 1-based row number; line in the CSV file (0 for JSON) */
    const char *v[MON_NCOLUMNS]; /* NULL: absent; not NUL-terminated, see n */
    size_t n[MON_NCOLUMNS];
    const char *err_field, *err_code; /* the reader's problem, or NULL */
    char err_reason[160];
} mon_raw_row;

/* Receives each row; returns 0, or -1 to stop (out of memory, database gone). */
typedef int (*mon_row_fn)(void *ctx, const mon_raw_row *row);

/* A body-level problem (CSV header, JSON structure) goes to errs and SVC_EINVAL is returned; a
 * sink failure is SVC_ERR. */
int mon_rows_csv(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs);
int mon_rows_json(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs);

#endif
