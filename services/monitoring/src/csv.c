/* The streaming CSV reader of the push (csv.h). */
#include <string.h>

#include "csv.h"

static char detect_separator(const char *p, const char *end) {
    size_t semis = 0, commas = 0;
    int quoted = 0;
    for (; p < end && *p != '\n'; p++) {
        if (*p == '"')
            quoted = !quoted;
        else if (!quoted && *p == ';')
            semis++;
        else if (!quoted && *p == ',')
            commas++;
    }
    return commas > semis ? ',' : ';';
}

void mon_csv_init(mon_csv *c, const char *data, size_t len) {
    c->p = data ? data : "";
    c->end = c->p + (data ? len : 0);
    if (c->end - c->p >= 3 && memcmp(c->p, "\xEF\xBB\xBF", 3) == 0)
        c->p += 3;
    c->sep = detect_separator(c->p, c->end);
    c->line = 0;
}

void mon_csv_more(mon_csv *c, const char *data, size_t len) {
    c->p = data;
    c->end = data + len;
}

/* Split one line (without its line end) into fields in the scratch buffer. */
static int split(mon_csv *c, const char *s, size_t n, mon_csv_record *rec) {
    const char *end = s + n;
    char *out = c->scratch;
    rec->nfields = 0;
    for (;;) {
        char *start = out;
        if (s < end && *s == '"') {
            for (s++;; s++) {
                if (s >= end) {
                    rec->error = "Aanhalingsteken niet gesloten.";
                    return MON_CSV_BAD;
                }
                if (*s == '"' && s + 1 < end && s[1] == '"')
                    *out++ = *s++;
                else if (*s == '"')
                    break;
                else
                    *out++ = *s;
            }
            s++;
            if (s < end && *s != c->sep) {
                rec->error = "Tekst na het sluitende aanhalingsteken.";
                return MON_CSV_BAD;
            }
        } else {
            for (; s < end && *s != c->sep; s++) {
                if (*s == '"') {
                    rec->error = "Aanhalingsteken midden in een veld.";
                    return MON_CSV_BAD;
                }
                *out++ = *s;
            }
        }
        if (rec->nfields < MON_CSV_MAX_FIELDS) {
            rec->fields[rec->nfields] = start;
            rec->lengths[rec->nfields] = (size_t)(out - start);
        }
        *out++ = '\0';
        rec->nfields++;
        if (s >= end)
            return MON_CSV_RECORD;
        s++; /* the separator */
    }
}

int mon_csv_next(mon_csv *c, mon_csv_record *rec) {
    for (;;) {
        if (c->p >= c->end)
            return MON_CSV_END;
        const char *nl = memchr(c->p, '\n', (size_t)(c->end - c->p));
        const char *line_end = nl ? nl : c->end;
        const char *s = c->p;
        c->p = nl ? nl + 1 : c->end;
        c->line++;
        size_t n = (size_t)(line_end - s);
        if (n > 0 && s[n - 1] == '\r')
            n--;
        if (n == 0)
            continue;
        rec->line = c->line;
        rec->error = NULL;
        rec->nfields = 0;
        if (n > MON_CSV_MAX_LINE) {
            rec->error = "De regel is langer dan 4096 tekens.";
            return MON_CSV_BAD;
        }
        return split(c, s, n, rec);
    }
}
