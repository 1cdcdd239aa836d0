/* CSV writer (see csv.h). */
#include "csv.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "svc/error.h"

static const char BOM[] = "\xEF\xBB\xBF";

int ctb_csv_dialect_parse(const char *text, ctb_csv_dialect *out) {
    if (text == NULL || strcmp(text, "nl") == 0)
        *out = CTB_CSV_NL;
    else if (strcmp(text, "rfc4180") == 0)
        *out = CTB_CSV_RFC4180;
    else
        return SVC_EINVAL;
    return SVC_OK;
}

static void put(ctb_csv *csv, const char *text, size_t n) {
    if (csv->failed)
        return;
    if (csv->len + n + 1 > csv->cap) {
        size_t cap = csv->cap ? csv->cap : 4096;
        while (cap < csv->len + n + 1)
            cap *= 2;
        char *data = realloc(csv->data, cap);
        if (data == NULL) {
            csv->failed = 1;
            return;
        }
        csv->data = data;
        csv->cap = cap;
    }
    memcpy(csv->data + csv->len, text, n);
    csv->len += n;
    csv->data[csv->len] = '\0';
}

void ctb_csv_init(ctb_csv *csv, ctb_csv_dialect dialect) {
    memset(csv, 0, sizeof(*csv));
    csv->dialect = dialect;
    if (dialect == CTB_CSV_NL)
        put(csv, BOM, sizeof(BOM) - 1);
}

void ctb_csv_free(ctb_csv *csv) {
    free(csv->data);
    memset(csv, 0, sizeof(*csv));
}

static char separator(const ctb_csv *csv) {
    return csv->dialect == CTB_CSV_NL ? ';' : ',';
}

static void start_field(ctb_csv *csv) {
    if (csv->fields++ > 0) {
        char sep = separator(csv);
        put(csv, &sep, 1);
    }
}

void ctb_csv_text(ctb_csv *csv, const char *text) {
    start_field(csv);
    if (text == NULL)
        return;
    char sep = separator(csv);
    if (strchr(text, sep) == NULL && strpbrk(text, "\"\r\n") == NULL) {
        put(csv, text, strlen(text));
        return;
    }
    put(csv, "\"", 1);
    for (const char *p = text; *p; p++) {
        if (*p == '"')
            put(csv, "\"", 1);
        put(csv, p, 1);
    }
    put(csv, "\"", 1);
}

void ctb_csv_int(ctb_csv *csv, int64_t value) {
    char buf[32];
    int n = snprintf(buf, sizeof(buf), "%" PRId64, value);
    start_field(csv);
    put(csv, buf, (size_t)n);
}

void ctb_format_cents(int64_t cents, char mark, char *buf, size_t size) {
    /* Magnitude as unsigned so that INT64_MIN does not overflow. */
    uint64_t abs = cents < 0 ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
    snprintf(buf, size, "%s%" PRIu64 "%c%02" PRIu64, cents < 0 ? "-" : "", abs / 100, mark,
             abs % 100);
}

void ctb_csv_cents(ctb_csv *csv, int64_t cents) {
    char buf[40];
    ctb_format_cents(cents, csv->dialect == CTB_CSV_NL ? ',' : '.', buf, sizeof(buf));
    start_field(csv);
    put(csv, buf, strlen(buf));
}

void ctb_csv_end_row(ctb_csv *csv) {
    put(csv, "\r\n", 2);
    csv->fields = 0;
}

void ctb_csv_header(ctb_csv *csv, const char *const *names) {
    for (size_t i = 0; names[i] != NULL; i++)
        ctb_csv_text(csv, names[i]);
    ctb_csv_end_row(csv);
}
