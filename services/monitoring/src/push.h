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

/* Create the staging table, check every row while the body streams and COPY the rows (valid ones
 * with their ids, rejected ones as their problems); counts rows and rejected rows. A body-level
 * problem (CSV header, JSON structure) is answered with 400. */
int mon_push_stage(svc_req *r, svc_conn *c, mon_push_state *p);
/* Write (or, for a dry run, classify) the valid rows when the mode allows it. */
int mon_push_apply(svc_req *r, svc_conn *c, mon_push_state *p);

#define MON_REPORT_LIMIT                                                                           \
    1000 /* rejected rows listed in the answer; all are kept with the batch                        \
          */

#endif
