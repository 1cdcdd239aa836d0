/* The push's database steps (push_db.c), on a connection inside the push's transaction. */
#ifndef MON_PUSH_H
#define MON_PUSH_H

#include "monitoring.h"

/* What a push asked for and what came of it. */
typedef struct mon_push {
    int csv, dry_run, partial;
    const char *key; /* Idempotency-Key or NULL */
    char hash[65];   /* SHA-256 of the request (format, options, body) when key is set */
    const char *actor, *client_id;
    char batch_id[40]; /* empty for a dry run */
    long long rows, rejected, created, updated, unchanged, skipped;
} mon_push_state;

/* The rows of one push on their way into the staging table (push_db.c). */
typedef struct mon_stage mon_stage;
typedef struct mon_stage_opts {
    int csv;
    size_t expected_rows; /* sizes the duplicate table (it grows when more come) */
    size_t memory_keys;   /* ... up to this many keys (dedupe.h) */
} mon_stage_opts;
/* Create the staging table, read the catalog, start the COPY. On failure the answer is set. */
int mon_stage_open(svc_req *r, svc_conn *c, const mon_stage_opts *o, mon_stage **out);
/* A piece of the body: its complete rows are checked and copied (valid ones with their ids,
 * rejected ones as their problems). SVC_EREPLIED after a body-level problem (CSV header, JSON
 * structure: 400) or a database failure. */
int mon_stage_write(mon_stage *st, svc_req *r, const char *data, size_t len);
/* The body has ended: the last row, the end of the COPY; rows and rejected rows counted in p. */
int mon_stage_close(mon_stage *st, svc_req *r, mon_push_state *p);
/* Ends a COPY still running (aborted) and frees. */
void mon_stage_free(mon_stage *st);
/* Write (or, for a dry run, classify) the valid rows when the mode allows it. */
int mon_push_apply(svc_req *r, svc_conn *c, mon_push_state *p);

#define MON_REPORT_LIMIT                                                                           \
    1000 /* rejected rows listed in the answer; all are kept with the batch                        \
          */

#endif
