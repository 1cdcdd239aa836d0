/* An allocation: an amount (given, a budget line's, or the structural budget of a year) split
 * over the municipalities by a key, with the key, weights and year used. */
#ifndef CTB_ALLOCATION_H
#define CTB_ALLOCATION_H

#include <jansson.h>
#include <libpq-fe.h>
#include <stdint.h>

#include "svc/error.h"
#include "svc/http.h"
#include "svc/pool.h"

typedef struct ctb_alloc_query {
    const char *key_id, *key_code; /* one of them */
    const char *year;              /* NULL: the budget line's year */
    const char *amount;            /* cents, or NULL */
    const char *line_id;           /* budget line, or NULL */
    int structural;                /* the structural budget of year */
} ctb_alloc_query;

typedef struct ctb_allocation {
    PGresult *rows; /* SQL_ALLOCATION_BY_*: one row per municipality */
    size_t n;
    int64_t amount;
    uint64_t *weights;
    int64_t *shares;
} ctb_allocation;

/* Read the rows (SQL_ALLOCATION_BY_*) and split. SVC_ENOTFOUND: no such key; SVC_EINVAL:
 * the key has no weights (or they are all 0). Takes ownership of rows. */
int ctb_allocation_compute(PGresult *rows, ctb_allocation *out);
void ctb_allocation_clear(ctb_allocation *a);

/* The amount (cents) and year of q into amount and year (buffers of CTB_ALLOC_NUM): as given,
 * a budget line's (one query), or the structural budget of the year (one query). On failure the
 * answer (404/503) is set and SVC_EREPLIED returned. */
#define CTB_ALLOC_NUM 32
int ctb_allocation_amount(svc_req *r, svc_conn *c, const ctb_alloc_query *q, char *year,
                          char *amount);
/* Query the weights of q's key for year and split amount; on failure the answer (404/409/503)
 * is set and SVC_EREPLIED returned. */
int ctb_allocation_fetch(svc_req *r, svc_conn *c, const ctb_alloc_query *q, const char *year,
                         const char *amount, ctb_allocation *out);
/* ctb_allocation_amount, then ctb_allocation_fetch. */
int ctb_allocation_run(svc_req *r, svc_conn *c, const ctb_alloc_query *q, ctb_allocation *out);
/* Read ?verdeelsleutel=&jaar=&bedrag=|begrotingsregel=|structureel=true into q (400 on errors). */
int ctb_allocation_params(svc_req *r, ctb_alloc_query *q);
/* Index of the municipality in a, or -1. */
int ctb_allocation_find(const ctb_allocation *a, const char *gemeente);

#define CTB_ROUNDING_NOTE                                                                          \
    "Grootsterestmethode: ieder krijgt eerst het naar beneden afgeronde aandeel in centen; de "    \
    "resterende centen gaan een voor een naar de grootste resten; bij een gelijke rest gaat de "   \
    "cent eerst naar de laagste CBS-code."

#endif
