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

/* The header row: map[i] is the push column of CSV field i. */
static int read_header(mon_csv *csv, int *map, size_t *nfields, svc_errors *errs) {
    mon_csv_record rec;
    int rc = mon_csv_next(csv, &rec);
    if (rc == MON_CSV_END) {
        svc_errors_add(errs, "body", "required", "De CSV is leeg: een kopregel is nodig.");
        return SVC_EINVAL;
    }
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
    return svc_errors_count(errs) > 0 ? SVC_EINVAL : SVC_OK;
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
        if (!mon_utf8_valid(s, n)) {
            row_error(w, mon_columns[map[i]], "encoding", "Geen geldige UTF-8-tekst.");
            return;
        }
        w->v[map[i]] = s;
        w->n[map[i]] = n;
    }
}

int mon_rows_csv(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs) {
    mon_csv *csv = malloc(sizeof(*csv));
    int map[MON_CSV_MAX_FIELDS];
    size_t nfields = 0, rows = 0;
    if (csv == NULL)
        return SVC_ENOMEM;
    mon_csv_init(csv, body, len);
    int rc = read_header(csv, map, &nfields, errs);
    mon_csv_record rec;
    int got;
    while (rc == SVC_OK && (got = mon_csv_next(csv, &rec)) != MON_CSV_END) {
        row w = {.number = ++rows, .line = rec.line};
        csv_row(&rec, got, map, nfields, &w);
        if (sink(ctx, &w) != 0)
            rc = SVC_ERR;
    }
    free(csv);
    return rc;
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

int mon_rows_json(const char *body, size_t len, mon_row_fn sink, void *ctx, svc_errors *errs) {
    mon_jrows j;
    char err[200];
    size_t rows = 0;
    if (mon_jrows_open(&j, body, len, err, sizeof(err)) != 0) {
        svc_errors_add(errs, "body", "format", "%s", err);
        return SVC_EINVAL;
    }
    for (;;) {
        json_t *obj = NULL;
        int rc = mon_jrows_next(&j, &obj, err, sizeof(err));
        if (rc == MON_JROWS_END)
            return SVC_OK;
        if (rc == MON_JROWS_ERROR) {
            svc_errors_add(errs, "body", "format", "%s", err);
            return SVC_EINVAL;
        }
        char nums[3][40];
        row w = {.number = ++rows};
        json_row(obj, &w, nums);
        int stop = sink(ctx, &w) != 0;
        json_decref(obj);
        if (stop)
            return SVC_ERR;
    }
}
