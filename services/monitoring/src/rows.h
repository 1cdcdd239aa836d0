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

/* A reader of a body that arrives in pieces: rows go to the sink as soon as they are complete,
 * so memory holds one line (CSV) or one element (JSON), never the body. */
typedef struct mon_rows mon_rows;

int mon_rows_new(mon_rows **out, int csv, mon_row_fn sink, void *ctx);
void mon_rows_free(mon_rows *rr);
/* SVC_OK; SVC_EINVAL with a body-level problem (CSV header, JSON structure) in errs, after which
 * the reader takes nothing more; SVC_ERR when the sink stopped. */
int mon_rows_write(mon_rows *rr, const char *data, size_t len, svc_errors *errs);
/* The body has ended (the last CSV line may have no line end). */
int mon_rows_end(mon_rows *rr, svc_errors *errs);

/* A whole body at once (new, write, end, free). */
int mon_rows_csv(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs);
int mon_rows_json(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs);

#endif
