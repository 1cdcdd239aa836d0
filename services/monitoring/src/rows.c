/* Push bodies into staging rows (rows.h). */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "csv.h"
#include "jrows.h"
#include "rows.h"
#include "svc/error.h"
#include "util.h"

const char *const mon_columns[MON_NCOLUMNS] = {"indicator", "gebied", "periode", "waarde",
                                               "teller",    "noemer", "status"};
#define NREQUIRED 4 /* indicator, gebied, periode, waarde */

typedef mon_raw_row row;

static void row_error(row *w, const char *field, const char *code, const char *reason) {
    if (w->err_code != NULL)
        return; /* the first problem of a row is enough at this stage */
    w->err_field = field;
    w->err_code = code;
    snprintf(w->err_reason, sizeof(w->err_reason), "%s", reason);
}

/* ---- CSV ---- */

static void trim(const char **s, size_t *n) {
    while (*n > 0 && (**s == ' ' || **s == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

static int column_index(const char *name, size_t n) {
    for (int i = 0; i < MON_NCOLUMNS; i++) {
        if (strlen(mon_columns[i]) == n && strncasecmp(mon_columns[i], name, n) == 0)
            return i;
    }
    return -1;
}

/* The header row: map[i] is the push column of CSV field i. 0 when no line has come yet. */
static int read_header(mon_csv *csv, int *map, size_t *nfields, svc_errors *errs) {
    mon_csv_record rec;
    int rc = mon_csv_next(csv, &rec);
    if (rc == MON_CSV_END)
        return 0;
    if (rc == MON_CSV_BAD || rec.nfields > MON_CSV_MAX_FIELDS) {
        svc_errors_add(errs, "kopregel", "format", "De kopregel is onleesbaar: %s",
                       rec.error ? rec.error : "te veel kolommen.");
        return SVC_EINVAL;
    }
    int seen[MON_NCOLUMNS] = {0};
    for (size_t i = 0; i < rec.nfields; i++) {
        const char *name = rec.fields[i];
        size_t n = rec.lengths[i];
        trim(&name, &n);
        map[i] = column_index(name, n);
        if (map[i] < 0)
            svc_errors_add(errs, "kopregel", "unknown", "Onbekende kolom \"%.40s\" (kolommen: %s).",
                           name, "indicator, gebied, periode, waarde, teller, noemer, status");
        else if (seen[map[i]]++)
            svc_errors_add(errs, "kopregel", "duplicate", "De kolom %s staat er twee keer in.",
                           mon_columns[map[i]]);
    }
    for (int i = 0; i < NREQUIRED; i++) {
        if (!seen[i])
            svc_errors_add(errs, "kopregel", "required", "De kolom %s ontbreekt.", mon_columns[i]);
    }
    *nfields = rec.nfields;
    return svc_errors_count(errs) > 0 ? SVC_EINVAL : 1;
}

static void csv_row(const mon_csv_record *rec, int rc, const int *map, size_t nfields, row *w) {
    char reason[160];
    if (rc == MON_CSV_BAD) {
        row_error(w, "regel", "format", rec->error);
        return;
    }
    if (rec->nfields != nfields) {
        snprintf(reason, sizeof(reason), "Verwacht %zu velden (zoals de kopregel), gevonden %zu.",
                 nfields, rec->nfields);
        row_error(w, "regel", "format", reason);
        return;
    }
    for (size_t i = 0; i < nfields; i++) {
        const char *s = rec->fields[i];
        size_t n = rec->lengths[i];
        trim(&s, &n);
        if (!svc_utf8_valid(s, n)) {
            row_error(w, mon_columns[map[i]], "encoding", "Geen geldige UTF-8-tekst.");
            return;
        }
        w->v[map[i]] = s;
        w->n[map[i]] = n;
    }
}

/* ---- JSON ---- */

/* A number as text: integers exactly, reals with 15 significant digits (what a double holds);
 * a string is taken as it is (send more digits as a string). */
static int json_number_text(const json_t *v, char *buf, size_t size, const char **s, size_t *n) {
    if (json_is_integer(v))
        snprintf(buf, size, "%lld", (long long)json_integer_value(v));
    else if (json_is_real(v))
        snprintf(buf, size, "%.15g", json_real_value(v));
    else if (json_is_string(v)) {
        *s = json_string_value(v);
        *n = json_string_length(v);
        return 1;
    } else
        return 0;
    *s = buf;
    *n = strlen(buf);
    return 1;
}

static void json_row(const json_t *obj, row *w, char nums[3][40]) {
    char reason[160];
    if (!json_is_object(obj)) {
        row_error(w, "rij", "type", "Moet een object zijn.");
        return;
    }
    const char *key;
    const json_t *v;
    json_object_foreach((json_t *)obj, key, v) {
        int i = column_index(key, strlen(key));
        if (i < 0) {
            snprintf(reason, sizeof(reason), "Onbekend veld \"%.40s\".", key);
            row_error(w, "rij", "unknown", reason);
        } else if (json_is_null(v) && i >= NREQUIRED) {
            continue; /* teller, noemer, status may be null */
        } else if (i >= 3 && i <= 5) {
            if (!json_number_text(v, nums[i - 3], 40, &w->v[i], &w->n[i]))
                row_error(w, mon_columns[i], "type", "Moet een getal zijn.");
        } else if (!json_is_string(v)) {
            row_error(w, mon_columns[i], "type", "Moet tekst zijn.");
        } else {
            w->v[i] = json_string_value(v);
            w->n[i] = json_string_length(v);
            if (memchr(w->v[i], '\0', w->n[i]) != NULL)
                row_error(w, mon_columns[i], "encoding", "Bevat een NUL-teken.");
        }
    }
}

/* ---- the reader ---- */

/* A line that is longer than the CSV reader takes is kept up to here: enough for the reader to
 * see that it is too long (also after dropping a CR), never more. */
#define CARRY_MAX (MON_CSV_MAX_LINE + 2)

struct mon_rows {
    int csv;
    mon_row_fn sink;
    void *ctx;
    size_t rows;
    int failed; /* a body-level problem was reported: take nothing more */
    /* CSV */
    mon_csv reader;
    int started, header_read;
    int map[MON_CSV_MAX_FIELDS];
    size_t nfields;
    char carry[CARRY_MAX + 1]; /* the start of a line split over two pieces, plus its LF */
    size_t carry_len;
    /* JSON */
    mon_jrows json;
};

int mon_rows_new(mon_rows **out, int csv, mon_row_fn sink, void *ctx) {
    mon_rows *rr = calloc(1, sizeof(*rr));
    *out = rr;
    if (rr == NULL)
        return SVC_ENOMEM;
    rr->csv = csv;
    rr->sink = sink;
    rr->ctx = ctx;
    mon_jrows_init(&rr->json);
    return SVC_OK;
}

void mon_rows_free(mon_rows *rr) {
    if (rr == NULL)
        return;
    mon_jrows_free(&rr->json);
    free(rr);
}

/* Whole lines (the last one may lack its LF only at the end of the body). */
static int csv_lines(mon_rows *rr, const char *data, size_t len, svc_errors *errs) {
    if (!rr->started) {
        mon_csv_init(&rr->reader, data, len); /* the first line: BOM and separator */
        rr->started = 1;
    } else {
        mon_csv_more(&rr->reader, data, len);
    }
    if (!rr->header_read) {
        int rc = read_header(&rr->reader, rr->map, &rr->nfields, errs);
        if (rc == SVC_EINVAL)
            return rc;
        rr->header_read = rc == 1;
    }
    mon_csv_record rec;
    int got;
    while (rr->header_read && (got = mon_csv_next(&rr->reader, &rec)) != MON_CSV_END) {
        row w = {.number = ++rr->rows, .line = rec.line};
        csv_row(&rec, got, rr->map, rr->nfields, &w);
        if (rr->sink(rr->ctx, &w) != 0)
            return SVC_ERR;
    }
    return SVC_OK;
}

/* A piece of CSV: the carried start of a line is completed first; then the piece's whole lines
 * are read where they are; its unfinished last line is carried to the next piece. */
static int csv_write(mon_rows *rr, const char *data, size_t len, svc_errors *errs) {
    if (rr->carry_len > 0) {
        const char *nl = memchr(data, '\n', len);
        size_t take = nl ? (size_t)(nl - data) + 1 : len;
        size_t keep = take < CARRY_MAX - rr->carry_len ? take : CARRY_MAX - rr->carry_len;
        memcpy(rr->carry + rr->carry_len, data, keep);
        rr->carry_len += keep;
        data += take;
        len -= take;
        if (nl == NULL)
            return SVC_OK;
        if (rr->carry[rr->carry_len - 1] != '\n') /* cut short: still ends the line */
            rr->carry[rr->carry_len++] = '\n';
        int rc = csv_lines(rr, rr->carry, rr->carry_len, errs);
        rr->carry_len = 0;
        if (rc != SVC_OK)
            return rc;
    }
    const char *last = len ? memrchr(data, '\n', len) : NULL;
    size_t whole = last ? (size_t)(last - data) + 1 : 0;
    if (whole > 0) {
        int rc = csv_lines(rr, data, whole, errs);
        if (rc != SVC_OK)
            return rc;
    }
    size_t rest = len - whole;
    rr->carry_len = rest < CARRY_MAX ? rest : CARRY_MAX;
    memcpy(rr->carry, data + whole, rr->carry_len);
    return SVC_OK;
}

static int csv_end(mon_rows *rr, svc_errors *errs) {
    int rc = rr->carry_len > 0 ? csv_lines(rr, rr->carry, rr->carry_len, errs) : SVC_OK;
    rr->carry_len = 0;
    if (rc == SVC_OK && !rr->header_read) {
        svc_errors_add(errs, "body", "required", "De CSV is leeg: een kopregel is nodig.");
        rc = SVC_EINVAL;
    }
    return rc;
}

static int json_element(void *ctx, json_t *obj) {
    mon_rows *rr = ctx;
    char nums[3][40];
    row w = {.number = ++rr->rows};
    json_row(obj, &w, nums);
    return rr->sink(rr->ctx, &w);
}

static int json_result(int rc, const char *err, svc_errors *errs) {
    if (rc == MON_JROWS_STOPPED)
        return SVC_ERR;
    if (rc == MON_JROWS_ERROR) {
        svc_errors_add(errs, "body", "format", "%s", err);
        return SVC_EINVAL;
    }
    return SVC_OK;
}

int mon_rows_write(mon_rows *rr, const char *data, size_t len, svc_errors *errs) {
    char err[200];
    int rc;
    if (rr->failed)
        return SVC_EINVAL;
    if (rr->csv)
        rc = csv_write(rr, data, len, errs);
    else
        rc = json_result(mon_jrows_feed(&rr->json, data, len, json_element, rr, err, sizeof(err)),
                         err, errs);
    rr->failed = rc == SVC_EINVAL;
    return rc;
}

int mon_rows_end(mon_rows *rr, svc_errors *errs) {
    char err[200];
    if (rr->failed)
        return SVC_EINVAL;
    int rc = rr->csv ? csv_end(rr, errs)
                     : json_result(mon_jrows_finish(&rr->json, err, sizeof(err)), err, errs);
    rr->failed = rc == SVC_EINVAL;
    return rc;
}

static int whole(int csv, const char *body, size_t len, mon_row_fn sink, void *ctx,
                 svc_errors *errs) {
    mon_rows *rr = NULL;
    int rc = mon_rows_new(&rr, csv, sink, ctx);
    if (rc == SVC_OK)
        rc = mon_rows_write(rr, body ? body : "", len, errs);
    if (rc == SVC_OK)
        rc = mon_rows_end(rr, errs);
    mon_rows_free(rr);
    return rc;
}

int mon_rows_csv(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs) {
    return whole(1, body, len, sink, ctx, errs);
}

int mon_rows_json(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs) {
    return whole(0, body, len, sink, ctx, errs);
}
