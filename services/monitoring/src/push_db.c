/* The push's database steps: stage with COPY, check set-based, upsert in one statement. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rowcheck.h"
#include "copyout.h"
#include "push.h"
#include "rows.h"
#include "sql.h"

static int copy_sink(void *ctx, const char *data, size_t n) {
    return PQputCopyData(ctx, data, (int)n) == 1 ? 0 : -1;
}

static int fail_db(svc_req *r, svc_conn *c, const char *step, int rc) {
    svc_log(SVC_LOG_ERROR, "request %s: push step %s failed: %s", svc_req_id(r), step,
            svc_conn_error(c));
    svc_reply_db_error(r, rc == SVC_OK ? SVC_EDB : rc);
    return SVC_EREPLIED;
}

/* End the COPY (with an error message: abort it) and collect its result. */
static int copy_end(svc_conn *c, const char *abort_reason) {
    PGconn *pg = svc_conn_pg(c);
    int ok = PQputCopyEnd(pg, abort_reason) == 1;
    PGresult *res;
    while ((res = PQgetResult(pg)) != NULL) {
        if (PQresultStatus(res) != PGRES_COMMAND_OK)
            ok = 0;
        PQclear(res);
    }
    if (PQstatus(pg) != CONNECTION_OK)
        return SVC_EUNAVAILABLE;
    return ok && abort_reason == NULL ? SVC_OK : SVC_EDB;
}

/* The catalog of the checks, borrowed from two query results that live as long as the push. */
typedef struct catalog_rows {
    PGresult *ind_res, *area_res;
    mon_ind *ind;
    mon_area *area;
    mon_catalog catalog;
} catalog_rows;

static const char *frequency_name(char f) {
    return f == 'y' ? "jaar" : f == 'q' ? "kwartaal" : "maand";
}

static int load_catalog(svc_req *r, svc_conn *c, catalog_rows *cr) {
    int rc = svc_db_query(r, c, SQL_PUSH_INDICATORS, 0, NULL, NULL, &cr->ind_res);
    if (rc == SVC_OK)
        rc = svc_db_query(r, c, SQL_PUSH_AREAS, 0, NULL, NULL, &cr->area_res);
    if (rc != SVC_OK)
        return rc;
    size_t ni = (size_t)PQntuples(cr->ind_res), na = (size_t)PQntuples(cr->area_res);
    cr->ind = calloc(ni + 1, sizeof(*cr->ind));
    cr->area = calloc(na + 1, sizeof(*cr->area));
    if (cr->ind == NULL || cr->area == NULL) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    for (size_t i = 0; i < ni; i++) {
        const char *f = svc_col(cr->ind_res, (int)i, 2);
        mon_ind *d = &cr->ind[i];
        d->code = svc_col(cr->ind_res, (int)i, 0);
        d->id = (long)svc_col_int(cr->ind_res, (int)i, 1);
        d->frequency = strcmp(f, "jaar") == 0 ? 'y' : strcmp(f, "kwartaal") == 0 ? 'q' : 'm';
        d->frequency_name = frequency_name(d->frequency);
        d->ratio = (unsigned char)svc_col_bool(cr->ind_res, (int)i, 3);
        d->share = (unsigned char)svc_col_bool(cr->ind_res, (int)i, 4);
    }
    for (size_t i = 0; i < na; i++) {
        cr->area[i].code = svc_col(cr->area_res, (int)i, 0);
        cr->area[i].id = (long)svc_col_int(cr->area_res, (int)i, 1);
    }
    cr->catalog = (mon_catalog){cr->ind, ni, cr->area, na, NULL, 0};
    mon_catalog_index_areas(&cr->catalog); /* without memory: binary search */
    return SVC_OK;
}

static void catalog_free(catalog_rows *cr) {
    PQclear(cr->ind_res);
    PQclear(cr->area_res);
    free(cr->ind);
    free(cr->area);
    free(cr->catalog.area_slots);
}

static int start_copy(svc_conn *c) {
    PGresult *res = PQexec(svc_conn_pg(c), mon_sql_push_copy);
    int copying = PQresultStatus(res) == PGRES_COPY_IN;
    PQclear(res);
    return copying ? SVC_OK : SVC_EDB;
}

/* The rows of a push on their way into the staging table: read, checked and copied piece by
 * piece as the body arrives. The catalog is read before the COPY starts (no other statement can
 * run during one). */
struct mon_stage {
    svc_conn *c;
    catalog_rows cr;
    mon_copyout out;
    mon_check check;
    mon_rows *rows;
    svc_errors *errs;
    int checking, copying;
};

void mon_stage_free(mon_stage *st) {
    if (st == NULL)
        return;
    if (st->copying)
        copy_end(st->c, "push abandoned");
    mon_rows_free(st->rows);
    if (st->checking)
        mon_check_free(&st->check);
    catalog_free(&st->cr);
    svc_errors_free(st->errs);
    free(st);
}

int mon_stage_open(svc_req *r, svc_conn *c, const mon_stage_opts *o, mon_stage **out) {
    *out = NULL;
    int rc = svc_conn_exec(c, mon_sql_push_tables);
    if (rc != SVC_OK)
        return fail_db(r, c, "tables", rc);
    mon_stage *st = calloc(1, sizeof(*st));
    if (st == NULL) {
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    st->c = c;
    if ((rc = load_catalog(r, c, &st->cr)) != SVC_OK) {
        mon_stage_free(st);
        return SVC_EREPLIED;
    }
    mon_copyout_init(&st->out, copy_sink, svc_conn_pg(c));
    st->checking = mon_check_init(&st->check, &st->cr.catalog, &st->out, o->expected_rows,
                                  o->memory_keys) == 0;
    if (!st->checking || svc_errors_new(&st->errs) != SVC_OK ||
        mon_rows_new(&st->rows, o->csv, mon_check_row, &st->check) != SVC_OK) {
        mon_stage_free(st);
        svc_reply_problem(r, 500, NULL);
        return SVC_EREPLIED;
    }
    if ((rc = start_copy(c)) != SVC_OK) {
        mon_stage_free(st);
        return fail_db(r, c, "copy", rc);
    }
    st->copying = 1;
    *out = st;
    return SVC_OK;
}

/* After the reader stopped: a body-level problem is a 400, anything else the database's. */
static int stage_failed(mon_stage *st, svc_req *r, int rc) {
    int end = st->copying ? copy_end(st->c, "push rejected") : SVC_OK;
    st->copying = 0;
    if (rc == SVC_EINVAL)
        svc_reply_invalid(r, st->errs, "De inhoud is als geheel onleesbaar; er is niets verwerkt.");
    else
        fail_db(r, st->c, "copy data", end != SVC_OK ? end : SVC_EDB);
    return SVC_EREPLIED;
}

int mon_stage_write(mon_stage *st, svc_req *r, const char *data, size_t len) {
    int rc = mon_rows_write(st->rows, data, len, st->errs);
    return rc == SVC_OK ? SVC_OK : stage_failed(st, r, rc);
}

/* The rows the duplicate table could not remember (dedupe.h), checked in the staging table. */
static int late_duplicates(mon_stage *st, svc_req *r, mon_push_state *p) {
    PGresult *res = NULL;
    int rc = svc_db_query(r, st->c, SQL_PUSH_DUPLICATES, 0, NULL, NULL, &res);
    if (rc == SVC_OK)
        p->rejected += strtoll(PQcmdTuples(res), NULL, 10);
    PQclear(res);
    return rc;
}

int mon_stage_close(mon_stage *st, svc_req *r, mon_push_state *p) {
    int rc = mon_rows_end(st->rows, st->errs);
    if (rc == SVC_OK && mon_copyout_flush(&st->out) != 0)
        rc = SVC_EDB;
    if (rc != SVC_OK)
        return stage_failed(st, r, rc);
    st->copying = 0;
    if ((rc = copy_end(st->c, NULL)) != SVC_OK)
        return fail_db(r, st->c, "copy end", rc);
    p->rows = st->check.rows;
    p->rejected = st->check.rejected;
    return st->check.unchecked > 0 ? late_duplicates(st, r, p) : SVC_OK;
}

static int run(svc_req *r, svc_conn *c, const char *stmt, int n, const char *const *params,
               PGresult **res) {
    return svc_db_query(r, c, stmt, n, params, NULL, res);
}

int mon_push_apply(svc_req *r, svc_conn *c, mon_push_state *p) {
    PGresult *res = NULL;
    long long valid = p->rows - p->rejected;
    int rc = SVC_OK;
    if (p->rejected > 0 && !p->partial) {
        p->skipped = valid; /* atomic: one bad row and nothing is written */
    } else if (p->dry_run) {
        rc = run(r, c, SQL_PUSH_CLASSIFY, 0, NULL, &res);
        if (rc == SVC_OK) {
            p->created = svc_col_int(res, 0, 0);
            p->updated = svc_col_int(res, 0, 1);
            p->unchanged = svc_col_int(res, 0, 2);
        }
    } else {
        const char *params[] = {p->batch_id};
        rc = run(r, c, SQL_PUSH_UPSERT, 1, params, &res);
        if (rc == SVC_OK) {
            p->created = svc_col_int(res, 0, 0);
            p->updated = svc_col_int(res, 0, 1);
            p->unchanged = valid - p->created - p->updated;
        }
    }
    PQclear(res);
    return rc;
}
