/* Answering CSV: the dialect from ?formaat=, columns from a result, the reply headers. */
#ifndef CTB_EXPORT_H
#define CTB_EXPORT_H

#include <libpq-fe.h>

#include "csv.h"
#include "svc/error.h"
#include "svc/http.h"

typedef enum ctb_col_kind { COL_TEXT, COL_CENTS, COL_INT, COL_BOOL } ctb_col_kind;

typedef struct ctb_column {
    const char *header; /* NULL ends a list */
    ctb_col_kind kind;
} ctb_column;

/* ?formaat= (nl | rfc4180): SVC_OK, or a 400 set and SVC_EREPLIED. */
int ctb_csv_dialect_of(svc_req *r, ctb_csv_dialect *out);
/* One row per result row, columns in order (col i of the result is column i). */
void ctb_csv_result(ctb_csv *csv, const PGresult *res, const ctb_column *cols);
/* 200 text/csv (UTF-8, header=present) as an attachment named filename. */
void ctb_reply_csv(svc_req *r, ctb_csv *csv, const char *filename);

#endif
