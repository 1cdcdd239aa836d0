/* A streaming reader of the push's CSV: one record per physical line, over a body held in memory,
 * without copying it (only the fields of the current line go to a small scratch buffer); a body
 * that arrives in pieces is given part by part (mon_csv_more), each ending at a line end.
 *
 * - a UTF-8 byte order mark is skipped; lines end in LF or CRLF; empty lines are skipped;
 * - the separator is ';' or ',', whichever the header line has more of (outside quotes);
 * - fields may be quoted ("a;b", "" for a quote); a quoted field does not span lines (no field of
 *   the push can hold a line break), so a malformed line never swallows the ones after it. */
#ifndef MON_CSV_H
#define MON_CSV_H

#include <stddef.h>

#define MON_CSV_MAX_FIELDS 16
#define MON_CSV_MAX_LINE   4096

enum { MON_CSV_END = 0, MON_CSV_RECORD = 1, MON_CSV_BAD = 2 };

typedef struct mon_csv {
    const char *p, *end;
    char sep;
    size_t line;                            /* number of the line last read, 1-based */
    char scratch[2 * MON_CSV_MAX_LINE + 2]; /* fields and their NULs */
} mon_csv;

typedef struct mon_csv_record {
    size_t line;    /* its line number in the file */
    size_t nfields; /* number of fields (more than MON_CSV_MAX_FIELDS: counted, not kept) */
    const char *fields[MON_CSV_MAX_FIELDS];
    size_t lengths[MON_CSV_MAX_FIELDS];
    const char *error; /* MON_CSV_BAD: why (Dutch) */
} mon_csv_record;

void mon_csv_init(mon_csv *c, const char *data, size_t len);
/* Go on with the next part of the input (line numbers and separator kept). Parts are cut at line
 * ends: a line is never split over two parts. */
void mon_csv_more(mon_csv *c, const char *data, size_t len);
/* The next non-empty line: MON_CSV_RECORD, MON_CSV_BAD (rec->line and rec->error set; the
 * reader continues with the next line) or MON_CSV_END. Fields are valid until the next call. */
int mon_csv_next(mon_csv *c, mon_csv_record *rec);

#endif
